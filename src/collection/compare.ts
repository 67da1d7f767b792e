/**
 * Value comparison shared by Collection and the query builder.
 *
 * Caveat: values can come from another realm (an Apps Script library, node `vm`), so Dates are
 * detected by their internal tag, never with `instanceof`. Strings that are plain decimal numbers
 * ('42', '-1.5') belong to the number class: they equal and order with numbers, as keys do. Other
 * numeric-looking text ('00123', '1e3', '+5') is text: a zip code never equals its number. An empty
 * string is an empty cell, as in a sheet: it equals null and sorts with the blanks.
 */
import { ValidationError } from '../errors';
import { describeValue, isPlainNumberText, setOwn } from '../support/values';
import { serialToDate, zoneOffset } from '../support/serial';

/** The operators accepted by `where(col, op, value)`, in the order error messages list them. */
export const OPERATORS = ['=', '==', '!=', '<>', '>', '>=', '<', '<=', 'like', 'ilike'] as const;

/** One of the `where` operators (matched case-insensitively at run time, so 'LIKE' works too). */
export type Operator = (typeof OPERATORS)[number];

// Type classes in sort order; values of different classes never equal each other.
const BOOLEAN = 0;
const NUMBER = 1;
const DATE = 2;
const STRING = 3;
const OTHER = 4;
const MISSING = 5;

/** True for what a sheet shows as an empty cell: null, undefined or ''. */
export function isEmptyCell(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** True for a Date from any realm, by its internal tag rather than `instanceof`. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}


function classOf(value: unknown): number {
  if (value === null || value === undefined || value === '') return MISSING;
  switch (typeof value) {
    case 'boolean':
      return BOOLEAN;
    case 'number':
      return NUMBER;
    case 'string':
      return isPlainNumberText(value) ? NUMBER : STRING;
    default:
      return isDate(value) ? DATE : OTHER;
  }
}

function compareNumbers(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1; // NaN sorts after every other number
  if (b !== b) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  const order = a.localeCompare(b);
  if (order !== 0) return order < 0 ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0; // keep distinct strings distinct when the locale ties them
}

/**
 * Total order for sorting: -1, 0 or 1. Empty cells (null, undefined, '') last; across types booleans < numbers
 * (plain number text included) < Dates < strings < other objects; numbers numerically (NaN last),
 * Dates by time, strings with localeCompare; other objects tie.
 */
export function compareValues(a: unknown, b: unknown): number {
  const classA = classOf(a);
  const classB = classOf(b);
  if (classA !== classB) return classA < classB ? -1 : 1;
  switch (classA) {
    case BOOLEAN:
    case NUMBER:
      return compareNumbers(Number(a), Number(b));
    case DATE:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case STRING:
      return compareStrings(a as string, b as string);
    default:
      return 0;
  }
}

/** Order for `orderBy(col, dir)`: compareValues times `sign` (1 or -1), with empty cells last either way, as Sheets sorts. */
export function compareForOrder(a: unknown, b: unknown, sign: number, nullsFirst = false): number {
  const blankA = isEmptyCell(a);
  if (blankA !== isEmptyCell(b)) return blankA === nullsFirst ? -1 : 1;
  return compareValues(a, b) * sign;
}

/**
 * Equality as `where` uses it: null, undefined and '' are equal (an empty cell), numbers and plain number text equal by value
 * ('1' == 1, '1.0' == '1', but '01' != '1'), Dates by time, anything else strictly. NaN equals nothing.
 */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const kind = classOf(a);
  if (kind !== classOf(b)) return false;
  if (kind === MISSING) return true;
  if (kind === NUMBER) return Number(a) === Number(b);
  if (kind === DATE) return (a as Date).getTime() === (b as Date).getTime();
  return false;
}

/**
 * Orders two values for `<`, `<=`, `>`, `>=`: the comparison when both are of the same class
 * (boolean, number, Date, string) and neither is null, NaN or an invalid Date; otherwise null.
 */
export function orderIfComparable(a: unknown, b: unknown): number | null {
  const kind = classOf(a);
  if (kind !== classOf(b) || kind >= OTHER) return null;
  if (kind === NUMBER && (Number.isNaN(Number(a)) || Number.isNaN(Number(b)))) return null;
  if (kind === DATE && (Number.isNaN((a as Date).getTime()) || Number.isNaN((b as Date).getTime()))) return null;
  return compareValues(a, b);
}

/**
 * A key that is the same (by SameValueZero, so usable in a Set or Map) exactly when two values
 * are `looseEquals` (except that NaNs and invalid Dates share a key); other objects key as themselves.
 */
export function equalityKey(value: unknown): unknown {
  switch (classOf(value)) {
    case MISSING:
      return null;
    case BOOLEAN:
      return value;
    case NUMBER:
      return Number(value);
    case DATE:
      return `date:${(value as Date).getTime()}`;
    case STRING:
      return `text:${value as string}`;
    default:
      return value;
  }
}

/** The text a value is matched, joined and grouped by: '' for null/undefined, ISO for Dates. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}

/**
 * The text a value keys items by (groupBy, keyBy, countBy, keyed pluck): '' for null, a Date as a
 * sheet shows it in `zone` (`2024-01-10`, or `2024-01-10 09:30:00` with a time; local time when
 * none), as `where` reads date text. An object makes no key: `owner` names the call in the error.
 */
export function keyText(value: unknown, zone: ZoneSource | undefined, owner: string): string {
  if (isDate(value)) {
    const wall = wallTimeText(value, zone && zone());
    if (wall === 'Invalid Date') return wall;
    return wall.endsWith('T00:00:00.000') ? wall.slice(0, 10) : `${wall.slice(0, 10)} ${wall.slice(11, 19)}`;
  }
  if (value !== null && typeof value === 'object') {
    throw new ValidationError(`${owner}: a key is ${describeValue(value)}, which makes no key (every such item would share "[object Object]"); key by one of its columns, such as 'author.id'.`);
  }
  return toText(value);
}

/** A zone source asked once, when a Date first needs it. */
export function onceZone(zone: ZoneSource | undefined): ZoneSource | undefined {
  if (!zone) return undefined;
  let asked = false;
  let found: string | undefined;
  return () => (asked ? found : ((asked = true), (found = zone())));
}

/**
 * `read` of each row keyed by the text of `readKey` (Eloquent's `pluck('title', 'id')`, see
 * keyText); the last row wins a shared key. An object lists keys that are whole numbers first, in ascending order.
 */
export function keyedValues<R>(rows: readonly R[], read: (row: R) => unknown, readKey: (row: R) => unknown, zone: ZoneSource | undefined, owner: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const once = onceZone(zone);
  for (let i = 0; i < rows.length; i++) setOwn(out, keyText(readKey(rows[i]), once, owner), read(rows[i]));
  return out;
}

/** Compiles a SQL LIKE pattern (`%` any run, `_` one character, `\` escapes) into an anchored RegExp. */
export function likeToRegExp(pattern: string, caseInsensitive = false): RegExp {
  const chars = Array.from(pattern);
  let source = '';
  let afterRun = false; // '%%' compiles to a single run
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    const run = char === '%';
    if (char === '\\' && i + 1 < chars.length) source += escapeRegExp(chars[++i]);
    else if (run) source += afterRun ? '' : '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += escapeRegExp(char);
    afterRun = run;
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'iu' : 'u');
}

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

/** Validates an operator case-insensitively and returns it in canonical (lower) case. */
export function normalizeOperator(operator: unknown): Operator {
  const lower = typeof operator === 'string' ? operator.trim().toLowerCase() : operator;
  if ((OPERATORS as readonly unknown[]).includes(lower)) return lower as Operator;
  throw new ValidationError(`Unknown operator ${describeValue(operator)} (valid operators: ${OPERATORS.join(', ')})`);
}

/** Gives the time zone that date text without one is read in (asked only when a Date cell is met); undefined: local time. */
export type ZoneSource = () => string | undefined;

/**
 * Builds a predicate `actual => actual <op> expected`; throws on an unknown operator. ISO date text
 * (`'2024-01-15'`, `'2024-01-15T10:30'`, with or without a zone) compares with Date cells as that
 * date, as a database compares a date column with a string. Without a zone it is wall time in
 * `zone` (queries and Collections of models pass the spreadsheet's) or else local time, which in Apps Script is the script's.
 * Other cells compare with the text as it is.
 */
export function operatorMatcher(operator: unknown, expected: unknown, zone?: ZoneSource): (actual: unknown) => boolean {
  const op = normalizeOperator(operator);
  if (op === 'like' || op === 'ilike') return likeMatcher(expected, op === 'ilike', zone);
  const match = matcherFor(op, expected);
  if (typeof expected !== 'string' || !ISO_DATE.test(expected.trim())) return match;
  let matchDate: ((actual: unknown) => boolean) | null = null;
  const dateMatcher = (): ((actual: unknown) => boolean) => {
    const date = isoDateOf(expected, zone && !namesZone(expected) ? zone() : undefined);
    return date ? matcherFor(op, date) : match;
  };
  return (actual) => (isDate(actual) ? (matchDate || (matchDate = dateMatcher()))(actual) : match(actual));
}

/**
 * Membership as `whereIn` tests it: loose equality with any of `values`; ISO date text in the list
 * also matches Date cells of that date, as `where` does.
 */
export function membershipTest(values: readonly unknown[], zone?: ZoneSource): (actual: unknown) => boolean {
  const keys = new Set(values.map(equalityKey));
  const dateTexts = values.filter((value): value is string => typeof value === 'string' && ISO_DATE.test(value.trim()));
  if (!dateTexts.length) return (actual) => keys.has(equalityKey(actual));
  let dateKeys: Set<unknown> | null = null;
  const datesOf = (): Set<unknown> => {
    const at = zone && !dateTexts.every(namesZone) ? zone() : undefined;
    return new Set(dateTexts.map((text) => isoDateOf(text, at)).filter((date) => date !== null).map(equalityKey));
  };
  return (actual) => {
    const key = equalityKey(actual);
    return keys.has(key) || (isDate(actual) && (dateKeys || (dateKeys = datesOf())).has(key));
  };
}

/** Whether a value is text that where-clauses also match Date cells with (ISO date text). */
export function isDateText(value: unknown): boolean {
  return typeof value === 'string' && ISO_DATE.test(value.trim());
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Whether ISO date text carries its own zone (`Z`, `+05:30`): the spreadsheet's is then not needed. */
function namesZone(text: string): boolean {
  const match = ISO_DATE.exec(text.trim());
  return Boolean(match && match[8]);
}

/**
 * The Date that ISO date text names, or null for other text (impossible dates included). Text
 * without a zone is wall time in `zone`, or local time when none is given.
 */
export function isoDateOf(text: string, zone?: string): Date | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part || 0));
  const millisecond = Number((match[7] || '0').padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  if (new Date(wall).getUTCDate() !== day) return null;
  if (match[8]) {
    const offset = match[8] === 'Z' ? 0 : (match[8][0] === '-' ? -1 : 1) * (Number(match[8].slice(1, 3)) * 60 + Number(match[8].slice(-2)));
    return new Date(wall - offset * 60000);
  }
  if (zone) return serialToDate((wall - SERIAL_EPOCH) / 86400000, zone);
  return new Date(year, month - 1, day, hour, minute, second, millisecond);
}

function matcherFor(op: Exclude<Operator, 'like' | 'ilike'>, expected: unknown): (actual: unknown) => boolean {
  switch (op) {
    case '=':
    case '==':
      return (actual) => looseEquals(actual, expected);
    case '!=':
    case '<>':
      return (actual) => !looseEquals(actual, expected);
    default:
      return orderMatcher(op, expected);
  }
}

/** `like` matches a Date cell as the wall time the sheet shows (`2024-01-15T09:30:00.000`), in `zone` or else local time. */
function likeMatcher(pattern: unknown, caseInsensitive: boolean, zone?: ZoneSource): (actual: unknown) => boolean {
  if (pattern === null || pattern === undefined) return () => false;
  let at: string | undefined | null = null;
  const wallText = (date: Date): string => wallTimeText(date, at === null ? (at = zone && zone()) : at);
  const regExp = likeToRegExp(isDate(pattern) ? wallText(pattern) : toText(pattern), caseInsensitive);
  return (actual) => {
    const kind = classOf(actual);
    if (kind === DATE) return regExp.test(wallText(actual as Date));
    return kind !== MISSING && kind !== OTHER && regExp.test(toText(actual));
  };
}

/** ISO text of a Date's wall time in `zone` (local time when none), without a zone suffix. */
function wallTimeText(date: Date, zone?: string): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return 'Invalid Date';
  const offset = zone ? zoneOffset(zone, time) : -date.getTimezoneOffset() * 60000;
  return new Date(time + offset).toISOString().slice(0, -1);
}

function orderMatcher(op: '<' | '<=' | '>' | '>=', expected: unknown): (actual: unknown) => boolean {
  const accept: (order: number) => boolean =
    op === '<' ? (o) => o < 0 : op === '<=' ? (o) => o <= 0 : op === '>' ? (o) => o > 0 : (o) => o >= 0;
  return (actual) => {
    const order = orderIfComparable(actual, expected);
    return order !== null && accept(order);
  };
}
