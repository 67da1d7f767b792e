/** What a Collection does in Array's stead: the constructor's copy, filter, reduce, and some/every with Laravel's argument forms. */
import { ValidationError } from '../errors';
import { assertCallback, describe } from './arguments';
import { matchesItem } from './identity';
import { zoneOfItems } from './itemZone';
import { checkSelector, itemTest, selector } from './select';
import type { Collection } from './Collection';
import type { ItemCallback } from './select';

const push = Array.prototype.push;

/** Fills a new, empty collection with a copy of `items` (an array or any iterable), or with `items` empty slots when it is a length. */
export function fillItems<T>(target: Collection<T>, items: Iterable<T>): void {
  // Generic Array code (jest's diff of a failed toEqual, copy helpers) calls `new constructor(length)`.
  const size: unknown = items;
  if (typeof size === 'number' && Number.isInteger(size) && size >= 0) {
    (target as { length: number }).length = size;
    return;
  }
  if (items === null || typeof (items as Partial<Iterable<T>>)[Symbol.iterator] !== 'function') {
    throw new ValidationError(`new Collection(): expected an array or iterable, got ${describe(items)}.`);
  }
  const list = Array.isArray(items) ? items : Array.from(items);
  for (let i = 0; i < list.length; i++) push.call(target, list[i]);
}

/** The items `fn` (called with `thisArg` as `this`) accepts, in a plain array. */
export function filterItems<T>(items: Collection<T>, fn: ItemCallback<T, unknown>, thisArg: unknown): T[] {
  assertCallback(fn, 'filter');
  const kept: T[] = [];
  for (let i = 0; i < items.length; i++) if (fn.call(thisArg, items[i], i, items)) kept.push(items[i]);
  return kept;
}

/** Array's fold of the items: from `initial[0]` when given, else from the first item; null with neither. */
export function reduceItems<T>(items: Collection<T>, fn: (accumulator: unknown, item: T, index: number, items: Collection<T>) => unknown, initial: unknown[]): unknown {
  assertCallback(fn, 'reduce');
  if (!initial.length && !items.length) return null;
  let accumulator = initial.length ? initial[0] : items[0];
  for (let i = initial.length ? 0 : 1; i < items.length; i++) accumulator = fn(accumulator, items[i], i, items);
  return accumulator;
}

/** `some`'s answer to Laravel's forms: a callback (and its thisArg), a value (as `contains` matches it), or a column's comparison. */
export function someMatch<T>(items: Collection<T>, args: unknown[]): boolean {
  const test = itemTest<T>(args, 'some', matchesItem, zoneOfItems(items));
  for (let i = 0; i < items.length; i++) if (test(items[i], i, items)) return true;
  return false;
}

/** `every`'s answer to Laravel's forms: a callback (and its thisArg), a column that must be truthy, or a column's comparison. */
export function everyMatch<T>(items: Collection<T>, args: unknown[]): boolean {
  const test = itemTest<T>(args, 'every', (col) => {
    const read = selector<T>(checkSelector<T>(col, 'every'));
    return (item) => Boolean(read(item, 0, items));
  }, zoneOfItems(items));
  for (let i = 0; i < items.length; i++) if (!test(items[i], i, items)) return false;
  return true;
}
