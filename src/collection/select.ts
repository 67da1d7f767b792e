import { ValidationError } from '../errors';
import { isDate, operatorMatcher } from './compare';
import type { Operator, ZoneSource } from './compare';
import { readPath } from './path';
import { describeValue } from '../support/values';
import type { Collection } from './Collection';

/** A column of T (suggested by editors) or any dot path such as 'author.name'. */
export type Path<T> = (keyof T & string) | (string & {});

/** A callback that receives an item, its index and the collection (as Array's callbacks do). */
export type ItemCallback<T, R> = (item: T, index: number, items: Collection<T>) => R;

/** A column or dot path to read from each item, an index (items that are arrays), or a function that derives the value. */
export type KeySelector<T> = Path<T> | number | ItemCallback<T, unknown>;

/** One key of a multi-key sort: a key, or a key and its direction. */
export type SortSelector<T> = KeySelector<T> | readonly [KeySelector<T>, 'asc' | 'desc'];

/** `key` when it is a column, dot path, index (of array items) or function, or none (the items themselves); a ValidationError naming `method` otherwise. */
export function checkSelector<T>(key: unknown, method: string): KeySelector<T> {
  const index = typeof key === 'number' && Number.isInteger(key) && key >= 0;
  if (key === undefined || typeof key === 'string' || typeof key === 'function' || index) return key as KeySelector<T>;
  throw new ValidationError(`Collection.${method}: each key is a column, a dot path, an index or a function, got ${describeValue(key)}.`);
}

/** `key` checked as `checkSelector` does, where null means none (the items themselves), as in Laravel. */
export function optionalSelector<T>(key: unknown, method: string): KeySelector<T> | undefined {
  return key === null || key === undefined ? undefined : checkSelector<T>(key, method);
}

/** A `where` operator, in lower or upper case. */
export type OperatorInput = Operator | Uppercase<Operator>;

/** A Collection's operators: a query's, and Laravel's strict `===` / `!==`. */
export type CollectionOperator = OperatorInput | '===' | '!==';

/** What `toJSON()` yields for an item: the result of its own `toJSON()`, or the item itself. */
export type Plain<T> = T extends { toJSON(): infer R } ? R : T;

/** Turns a column, dot path or function (or nothing: the item itself) into a value reader. */
export function selector<T>(key?: KeySelector<T>): ItemCallback<T, unknown> {
  if (key === undefined) return (item) => item;
  if (typeof key === 'function') return key;
  const path = String(key);
  return (item) => readPath(item, path);
}

/** The test for `where`-style arguments on `column`: `[value]` (loose equality) or `[operator, value]`; `method` names the caller in errors, `zone` reads date text. */
export function condition(args: unknown[], method: string, column: string, zone: ZoneSource): (actual: unknown) => boolean {
  // As in a query: an undefined value is a missing argument, not a blank cell (that is null).
  if (args.length && args[args.length - 1] === undefined) {
    throw new ValidationError(`Collection.${method}('${column}', undefined): the value is undefined; pass a value, or null for blank cells.`);
  }
  if (typeof args[args.length - 1] === 'function') {
    throw new ValidationError(`Collection.${method}('${column}', …): the value is a function; to filter with a function, pass it alone: ${method}(item => …) or filter(item => …).`);
  }
  if (args.length >= 2 && (args[0] === '===' || args[0] === '!==')) return strictMatcher(args[0], args[1]);
  if (args.length >= 2) {
    try {
      return operatorMatcher(args[0], args[1], zone);
    } catch (error) {
      throw new ValidationError(`Collection.${method}: ${(error as Error).message}.`);
    }
  }
  if (Array.isArray(args[0])) {
    throw new ValidationError(`Collection.${method}: cannot compare with an array; use whereIn(column, [...]) for a list.`);
  }
  return operatorMatcher('=', args[0], zone);
}

/** Laravel's strict `===` / `!==`: same type and value (a Date by its time), with no loose matching of text and numbers. */
function strictMatcher(operator: '===' | '!==', expected: unknown): (actual: unknown) => boolean {
  const equal = isDate(expected)
    ? (actual: unknown) => isDate(actual) && actual.getTime() === expected.getTime()
    : (actual: unknown) => actual === expected || (expected === null && actual === undefined);
  return operator === '===' ? equal : (actual) => !equal(actual);
}

/** `fn`'s result for each item (called as Array's callbacks are), in a plain array. */
export function mapItems<T, U>(items: Collection<T>, fn: ItemCallback<T, U>, thisArg?: unknown): U[] {
  const out = new Array<U>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = fn.call(thisArg, items[i], i, items);
  return out;
}

/** The values `key` selects from each item (null or none: the items themselves, as in Laravel); other kinds of key are refused. */
export function selectedValues<T>(items: Collection<T>, key: KeySelector<T> | null | undefined, method: string): unknown[] {
  return mapItems(items, selector(optionalSelector<T>(key, method)));
}

/** `pluck`'s reader of `col` (a column, dot path, index, symbol or function); a missing column is refused. */
export function pluckReader<T>(col: unknown): ItemCallback<T, unknown> {
  if (col === undefined || col === null) throw new ValidationError('Collection.pluck: name the column to pluck (a column, dot path, index or function).');
  const path = typeof col === 'symbol' ? (item: T) => (item as Record<PropertyKey, unknown>)[col] : selector<T>(checkSelector<T>(col, 'pluck'));
  if (typeof col === 'function') return path;
  // A name no item holds (or a dot path through a null relation) plucks null, as Laravel's data_get.
  return (item, i, items) => {
    const value = path(item, i, items);
    return value === undefined ? null : value;
  };
}

/** An item's own `toJSON()`/`serialize(arg)` result where it has that method, else the item. */
export function viaOwnMethod(item: unknown, method: 'toJSON' | 'serialize', arg?: unknown): unknown {
  const fn = item !== null && item !== undefined && (item as Record<string, unknown>)[method];
  return typeof fn === 'function' ? (arg === undefined ? fn.call(item) : fn.call(item, arg)) : item;
}

/** Laravel's `$default`: a function is called for it. */
export function orFallback(fallback: unknown): unknown {
  return typeof fallback === 'function' ? fallback() : fallback;
}

/**
 * The item test of Laravel's argument forms: `(fn, thisArg?)`, `(col, value)`, `(col, operator,
 * value)`, or one value, which `single` turns into a test (contains(1) matches the model with key 1).
 */
export function itemTest<T>(args: unknown[], method: string, single: (target: unknown) => (item: T) => boolean, zone: ZoneSource): ItemCallback<T, unknown> {
  const [first, ...rest] = args;
  if (typeof first === 'function') {
    const thisArg = rest[0];
    return (item, i, items) => (first as ItemCallback<T, unknown>).call(thisArg, item, i, items);
  }
  if (!args.length) throw new ValidationError(`Collection.${method}: expected a callback, a value, or (column, value), got nothing.`);
  if (!rest.length) return single(first);
  const read = selector<T>(checkSelector<T>(first, method));
  const test = condition(rest, method, String(first), zone);
  return (item, i, items) => test(read(item, i, items));
}
