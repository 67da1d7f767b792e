/** Laravel's subset helpers of a Collection: whereNull, whereBetween, unique, chunk, forPage, partition, modelKeys. */
import { ValidationError } from '../errors';
import { describeValue } from '../support/values';
import { countArgument, describe } from './arguments';
import { isEmptyCell, operatorMatcher } from './compare';
import type { ZoneSource } from './compare';
import { firstOfEach } from './identity';
import { checkSelector, optionalSelector, selector } from './select';
import type { Collection } from './Collection';
import type { ItemCallback, Path } from './select';

/** The test of whereNull (`blank`) or whereNotNull: blank as a sheet shows it (null, missing or ''). */
export function blankPredicate<T>(col: Path<T>, blank: boolean, method: string): ItemCallback<T, boolean> {
  if (col === null || col === undefined) throw new ValidationError(`Collection.${method}: name the column to test (a column, dot path, index or function), got ${describe(col)}.`);
  const read = selector<T>(checkSelector<T>(col, method));
  return (item, i, items) => isEmptyCell(read(item, i, items)) === blank;
}

/** The test of whereBetween (`inside`) or whereNotBetween: `col` within `[low, high]`, both ends included. */
export function betweenPredicate<T>(col: Path<T>, range: unknown, inside: boolean, method: string, zone: ZoneSource): ItemCallback<T, boolean> {
  if (!Array.isArray(range) || range.length !== 2 || range.some((end) => end === undefined)) {
    throw new ValidationError(`Collection.${method}('${String(col)}', …): expected [low, high], got ${describeValue(range)}.`);
  }
  const read = selector<T>(checkSelector<T>(col, method));
  const above = operatorMatcher('>=', range[0], zone);
  const below = operatorMatcher('<=', range[1], zone);
  // Compared as a query's whereBetween compares: a blank cell is in no range.
  return (item, i, items) => {
    const value = read(item, i, items);
    return (above(value) && below(value)) === inside;
  };
}

/** The test of `unique`: the first item of each distinct value (loose equality; persisted models by class and key) of the items, a column or a derived value. */
export function distinctPredicate<T>(key: unknown, method: string): ItemCallback<T, boolean> {
  const read = selector(optionalSelector<T>(key, method));
  const isFirst = firstOfEach();
  return (item, i, items) => isFirst(read(item, i, items));
}

/** The items in collections of `size` items (the last may be shorter), each a slice of `items`. */
export function chunkItems<T>(items: Collection<T>, size: number): Collection<T>[] {
  if (!Number.isInteger(size) || size < 1) {
    throw new ValidationError(`Collection.chunk: size must be a positive integer (got ${String(size)}).`);
  }
  const chunks: Collection<T>[] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Where page `page` of `perPage` items starts and ends (page 1, or below, is the first). */
export function pageBounds(page: unknown, perPage: unknown): [number, number] {
  const p = Math.trunc(countArgument(page, 'forPage'));
  const size = Math.trunc(countArgument(perPage, 'forPage'));
  if (!(size >= 0)) throw new ValidationError(`Collection.forPage: perPage must be 0 or more, got ${describeValue(perPage)}.`);
  const start = p <= 1 ? 0 : (p - 1) * size;
  return [start, start + size];
}

/** The items `fn` accepts and those it does not, each in order. */
export function partitionItems<T>(items: ArrayLike<T>, fn: (item: T, index: number) => unknown): [T[], T[]] {
  const passed: T[] = [];
  const failed: T[] = [];
  for (let i = 0; i < items.length; i++) (fn(items[i], i) ? passed : failed).push(items[i]);
  return [passed, failed];
}

/** Each model's primary key value (an array for a composite key); other items are refused. */
export function modelKeysOf(items: ArrayLike<unknown>): unknown[] {
  const keys = new Array<unknown>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === null || typeof item !== 'object' || !('$primaryKeyValue' in item)) {
      throw new ValidationError(`Collection.modelKeys: the item at index ${i} is not a model (${describeValue(item)}); use pluck(column) for other items.`);
    }
    keys[i] = (item as { $primaryKeyValue: unknown }).$primaryKeyValue;
  }
  return keys;
}
