/** Checks of what Collection methods are given: each refusal is a ValidationError naming the method. */
import { ValidationError } from '../errors';
import { describeValue } from '../support/values';
import type { SortKey } from './aggregate';
import { checkSelector } from './select';
import type { KeySelector, SortSelector } from './select';

/** A short name of a value's kind for messages. */
export function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A callback, or (where `optional`) none; anything else is a ValidationError naming the method. */
export function assertCallback(fn: unknown, method: string, optional = false): void {
  if (typeof fn === 'function' || (optional && fn === undefined)) return;
  throw new ValidationError(`Collection.${method}: expected a callback, got ${describe(fn)}${method === 'first' ? ' (use find(key) to look a model up by its key)' : ''}.`);
}

/** A count for take/skip: a number (digits as text too); anything else is a ValidationError. */
export function countArgument(n: unknown, method: string): number {
  if (typeof n === 'number') return n;
  if (typeof n === 'string' && n.trim() !== '' && !isNaN(Number(n))) return Number(n);
  throw new ValidationError(`Collection.${method}: expected a number of items, got ${describeValue(n)}.`);
}

/** The values of a whereIn/whereNotIn as an array: refused when not iterable or holding undefined. */
export function membershipList(values: Iterable<unknown>, col: string, method: string): unknown[] {
  // A Map iterates over [key, value] pairs, which no item equals: refused, as a query's whereIn refuses it.
  const isMap = Object.prototype.toString.call(values) === '[object Map]';
  if (values === null || typeof values !== 'object' || isMap || typeof (values as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
    throw new ValidationError(`Collection.${method}('${col}', …): expected an array or a Set of values, got ${describe(values)}.`);
  }
  const list = Array.from(values);
  const missing = list.indexOf(undefined);
  if (missing >= 0) {
    throw new ValidationError(`Collection.${method}('${col}', [...]): the item at index ${missing} is undefined; leave missing values out, or use null for blank cells.`);
  }
  return list;
}

/** The sort keys of sortBy/sortByDesc: one selector, or a list of selectors and [selector, 'asc' | 'desc'] pairs. */
export function sortKeysOf<T>(
  key: KeySelector<T> | ReadonlyArray<SortSelector<T>> | undefined,
  direction: 1 | -1,
  method: string,
  valuesOf: (key?: KeySelector<T>) => unknown[],
): SortKey[] {
  if (!Array.isArray(key)) return [{ values: valuesOf(key === undefined ? undefined : checkSelector<T>(key, method)), direction }];
  return Array.from(key, (item: SortSelector<T>, i): SortKey => {
    if (item === undefined) throw new ValidationError(`Collection.${method}([...]): the key at index ${i} is undefined; name a column, dot path, index or function.`);
    if (!Array.isArray(item)) return { values: valuesOf(checkSelector(item, method)), direction };
    const order = typeof item[1] === 'string' ? item[1].toLowerCase() : item[1];
    if (item.length !== 2 || (order !== 'asc' && order !== 'desc')) {
      throw new ValidationError(`Collection.${method}([...]): a pair is [column, 'asc' | 'desc'], got ${describeValue(item)}.`);
    }
    // Laravel's sortByDesc turns every key of a list descending.
    return { values: valuesOf(checkSelector(item[0], method)), direction: direction === -1 || order === 'desc' ? -1 : 1 };
  });
}
