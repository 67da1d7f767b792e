/** Value helpers shared by storage, queries and models. Cross-realm safe: never `instanceof`. */

/** What a cell holds once read: empty cells are `null`. */
export type CellValue = string | number | boolean | Date | null;

const toTag = Object.prototype.toString;

/** True for a Date from any realm (Apps Script libraries and `vm` contexts have their own Date). */
export function isDate(value: unknown): value is Date {
  // Only objects can be Dates; the tag check would box a primitive first.
  return typeof value === 'object' && value !== null && toTag.call(value) === '[object Date]';
}

/** True for `{...}` objects (not arrays, Dates, class instances with a custom prototype chain excepted). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true;
  // An object literal from another realm (an Apps Script library's caller) has that realm's Object.prototype.
  return Object.getPrototypeOf(proto) === null && !Array.isArray(value) && !isDate(value);
}

/** A value read from a cell, with empty cells as `null`. */
export function fromCell(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  return value as CellValue;
}

/** Whether two cell values are the same for dirty-checking (`''`, `null`, `undefined` are all empty). */
export function sameValue(a: unknown, b: unknown): boolean {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA && emptyB;
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a === b || (a !== a && b !== b);
  return a === b;
}

/**
 * A cell's number or Date set to its own text, as a form posts it (`'1200'` over 1200, as Eloquent
 * counts numeric strings) or JSON hands a Date back (its ISO text): no change, so a formula there
 * is not replaced and a number does not become text.
 */
export function sameAsOwnText(value: unknown, original: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (typeof original === 'number') return Number.isFinite(original) && value === String(original);
  return isDate(original) && !Number.isNaN(original.getTime()) && value === original.toISOString();
}

const CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
/** Sheets keeps 15 significant digits: longer digit strings (order numbers, long ids) live as text. */
const MAX_DIGITS = 15;

/** Whether trimmed text is a decimal number that converts to a number exactly. */
function isExactNumberText(text: string): boolean {
  if (!CANONICAL_NUMBER.test(text)) return false;
  const digits = text.length - (text.charCodeAt(0) === 45 ? 1 : 0) - (text.indexOf('.') >= 0 ? 1 : 0);
  return digits <= MAX_DIGITS;
}

/**
 * Whether a string is a plain decimal number ('42', '-1.5', '2.0', ' 7 '): such text means the
 * number, in keys and in comparisons. Leading zeros, a sign '+', exponents or more than 15 digits
 * make it text that only equals itself ('00123' is a code, not 123).
 */
export function isPlainNumberText(value: string): boolean {
  // Spaces around it are ignored, as keys ignore them (' 1 ' is the key 1).
  const padded = value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32);
  return isExactNumberText(padded ? value.trim() : value);
}

/** Digits as text ('2', ' 20 ', as a doGet's e.parameter hands a count over) as that whole number; anything else as it is. */
export function digitsAsNumber(value: unknown): unknown {
  return typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value;
}

/** A normalised key: '' when blank, a number for numeric keys (stored as numbers or as text), else text. */
export type Key = string | number;

/** A key as a dictionary key, so `1`, `'1'` and `' 1 '` meet in one Map slot. */
export function normalizeKey(value: unknown): Key {
  if (typeof value === 'number') return value === value ? value : 'NaN';
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const trimmed = value.length && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? value.trim() : value;
    return isExactNumberText(trimmed) ? Number(trimmed) : trimmed;
  }
  if (isDate(value)) return `@${value.getTime()}`;
  try {
    return String(value);
  } catch {
    // An object without toString (Object.create(null)) matches no key; the caller refuses it as a value.
    return `\u0000${describeValue(value)}`;
  }
}

/** A composite key (several columns) as one dictionary key. */
export function normalizeCompositeKey(values: readonly unknown[]): Key {
  return values.length === 1 ? normalizeKey(values[0]) : values.map(normalizeKey).join('\u0000');
}

/** Whether a key value is missing (null, undefined, blank string). */
export function isBlankKey(value: unknown): boolean {
  return normalizeKey(value) === '';
}

// Instances inherit from an empty object with no prototype: no `constructor`, `toString` or
// `__proto__` to collide with column names, yet V8 keeps them in fast mode (Object.create(null)
// makes a slow dictionary, which costs when thousands of models are written).
function Bag(): void {}
Bag.prototype = Object.create(null);

/** A new empty record that inherits nothing, for attributes keyed by column name. */
export function emptyRecord(): Record<string, unknown> {
  return new (Bag as unknown as new () => Record<string, unknown>)();
}

/** A copy of a cell value (Dates are mutable). */
export function cloneValue<T>(value: T): T {
  return (isDate(value) ? new Date(value.getTime()) : value) as T;
}

/** A short, readable rendering of a value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (isDate(value)) return `Date(${isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (typeof value === 'bigint') return `${String(value)}n`;
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map(describeValue).join(', ');
    return value.length > 5 ? `[${shown}, … (${value.length} items)]` : `[${shown}]`;
  }
  if (value !== null && typeof value === 'object') {
    const name = className(value);
    return name && name !== 'Object' ? `${articleFor(name)} ${name}` : 'an object';
  }
  // By name only: a function's source can be long, and can hold what a message must not show.
  if (typeof value === 'function') return describeFunction(value);
  return String(value);
}

/** `class Post`, `function toTag`, or `a function` for one without a name. */
function describeFunction(fn: Function): string {
  const name = typeof fn.name === 'string' && fn.name ? fn.name : '';
  let isClass = false;
  try {
    isClass = /^class\b/.test(Function.prototype.toString.call(fn));
  } catch {
    // A revoked proxy has no source: a function all the same.
  }
  if (isClass) return name ? `class ${name}` : 'a class';
  return name ? `function ${name}` : 'a function';
}

/** `an Error`, `an Update`, but `a User`, `a Uint8Array`: a leading U sounds as "you" unless a cluster follows. */
function articleFor(name: string): string {
  return /^([AEIO]|U(mb|nd|nl|nt|p|lt|gl))/i.test(name) ? 'an' : 'a';
}

/** The name of the class an object was made by ('' for plain and prototype-less objects). */
function className(value: object): string {
  const proto = Object.getPrototypeOf(value);
  const constructor = proto && Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : null;
  return typeof constructor === 'function' && typeof constructor.name === 'string' ? constructor.name : '';
}

/** Sets an own property even for names like `__proto__`, so sheet headers cannot pollute prototypes. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

