/** A Collection's one-item lookups: by position (`get`), the first or last item a callback accepts, and `find`. */
import { assertCallback } from './arguments';
import { findItem } from './identity';
import type { KeyValue } from './identity';
import { orFallback } from './select';
import type { Collection } from './Collection';
import type { ItemCallback } from './select';

/** The item at `index` (negative counts from the end), or `fallback` (a function's result) when out of range. */
export function itemAt<T>(items: Collection<T>, index: number, fallback: unknown): unknown {
  const i = index < 0 ? items.length + index : index;
  return Number.isInteger(i) && i >= 0 && i < items.length ? items[i] : orFallback(fallback);
}

/** The first item (for `last`, the last) that `fn` accepts, any item without `fn`; or `fallback` (a function's result). */
export function edgeItem<T>(items: Collection<T>, fn: ItemCallback<T, unknown> | null | undefined, fallback: unknown, method: 'first' | 'last'): unknown {
  if (fn !== null) assertCallback(fn, method, true);
  const accepts = (i: number) => !fn || fn(items[i], i, items);
  if (method === 'first') {
    for (let i = 0; i < items.length; i++) if (accepts(i)) return items[i];
  } else {
    for (let i = items.length - 1; i >= 0; i--) if (accepts(i)) return items[i];
  }
  return orFallback(fallback);
}

/** `find`: the first item a callback (called with `second` as `this`) accepts, or null; else the model with key `target`, or `second` as the fallback. */
export function findIn<T>(items: Collection<T>, target: ItemCallback<T, unknown> | KeyValue | KeyValue[] | Record<string, KeyValue> | null, second: unknown): unknown {
  if (typeof target === 'function') {
    for (let i = 0; i < items.length; i++) if (target.call(second, items[i], i, items)) return items[i];
    return null;
  }
  const found = findItem(items, target);
  return found === null ? orFallback(second === undefined ? null : second) : found;
}
