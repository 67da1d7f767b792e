/** The tests `where`, `firstWhere`, `whereIn` and `whereNotIn` keep items by. */
import { ValidationError } from '../errors';
import { isPlainObject } from '../support/values';
import { describe, membershipList } from './arguments';
import { membershipTest } from './compare';
import type { ZoneSource } from './compare';
import { checkSelector, condition, selector } from './select';
import type { ItemCallback, Path } from './select';

/**
 * The test of `where`-style arguments, shared by `where` and `firstWhere`: a column and a value, an
 * operator and a value, or nothing (truthy); an object of column values; or a callback (as it is).
 * `method` names the caller in errors; `zone` reads date text (see itemZone.ts).
 */
export function wherePredicate<T>(col: unknown, args: unknown[], method: string, zone: ZoneSource): ItemCallback<T, unknown> {
  if (typeof col === 'function') return col as ItemCallback<T, unknown>;
  if (isPlainObject(col)) {
    const tests = Object.keys(col).map((name) => ({ read: selector<T>(name), test: condition([col[name]], method, name, zone) }));
    return (item, i, items) => tests.every(({ read, test }) => test(read(item, i, items)));
  }
  if (typeof col !== 'string') throw new ValidationError(`Collection.${method}: expected a column, an object of column values or a callback, got ${describe(col)}.`);
  const read = selector<T>(col);
  if (!args.length) return (item, i, items) => !!read(item, i, items);
  const test = condition(args, method, col, zone);
  return (item, i, items) => test(read(item, i, items));
}

/** The test of `whereIn` (`member`) or `whereNotIn`: whether an item's `col` loosely equals one of `values`. */
export function membershipPredicate<T>(col: Path<T>, values: Iterable<unknown>, member: boolean, method: string, zone: ZoneSource): ItemCallback<T, boolean> {
  if (col === null || col === undefined) throw new ValidationError(`Collection.${method}: name the column to compare (a column, dot path, index or function), got ${describe(col)}.`);
  const read = selector<T>(checkSelector<T>(col, method));
  const test = membershipTest(membershipList(values, String(col), method), zone);
  return (item, i, items) => test(read(item, i, items)) === member;
}
