import { ValidationError } from '../errors';
import { equalityKey, looseEquals, toText } from './compare';
import { extremeOf, numbersOf, sortByValues } from './aggregate';
import { condition, selector } from './select';
import { Key, normalizeCompositeKey } from '../support/values';
import type { ItemCallback, KeySelector, OperatorInput, Path, Plain } from './select';

export type { ItemCallback, KeySelector, OperatorInput, Path, Plain } from './select';

/**
 * A persisted model's class and normalised primary key: as in Eloquent, two reads of one row are
 * the same item for `contains` and `unique`. Other values (new models included) have none.
 */
function rowIdentity(value: unknown): { model: unknown; key: Key } | null {
  if (value === null || typeof value !== 'object' || !('$primaryKeyValue' in value)) return null;
  const model = value as { $isPersisted?: unknown; $primaryKeyValue: unknown };
  if (model.$isPersisted !== true) return null;
  const key = model.$primaryKeyValue;
  return { model: value.constructor, key: normalizeCompositeKey(Array.isArray(key) ? key : [key]) };
}

/** A persisted model's normalised primary key, or undefined for anything else. */
function rowKey(value: unknown): Key | undefined {
  const row = rowIdentity(value);
  return row ? row.key : undefined;
}

function sameRow(a: { model: unknown; key: Key } | null, b: { model: unknown; key: Key }): boolean {
  return a !== null && a.model === b.model && a.key === b.key;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Set while `wrap` hands an array over, so the constructor keeps it instead of copying. */
let adopting = false;

/** An ordered list of items, as queries return them, with Laravel/Lucid-style helpers. */
export class Collection<T> implements Iterable<T> {
  private readonly items: T[];

  /** Wraps a copy of `items` (an array or any iterable). */
  constructor(items: Iterable<T> = []) {
    if (adopting) {
      this.items = items as T[];
      return;
    }
    if (items === null || typeof (items as Partial<Iterable<T>>)[Symbol.iterator] !== 'function') {
      throw new ValidationError(`new Collection(): expected an array or iterable, got ${describe(items)}.`);
    }
    this.items = Array.isArray(items) ? items.slice() : Array.from(items);
  }

  /** A collection of `items` without copying them: the caller hands the array over. */
  static wrap<T>(items: T[]): Collection<T> {
    adopting = true;
    try {
      return new Collection<T>(items);
    } finally {
      adopting = false;
    }
  }

  /** The number of items. */
  get length(): number {
    return this.items.length;
  }

  /** Iterates the items in order. */
  [Symbol.iterator](): Iterator<T> {
    return this.items[Symbol.iterator]();
  }

  /** The item at `index` (negative counts from the end), or null when out of range. */
  get(index: number): T | null {
    const i = index < 0 ? this.items.length + index : index;
    return Number.isInteger(i) && i >= 0 && i < this.items.length ? this.items[i] : null;
  }

  /** Calls `fn` for each item, stopping early when it returns `false`; returns this collection. */
  each(fn: ItemCallback<T, unknown>): this {
    for (let i = 0; i < this.items.length; i++) if (fn(this.items[i], i) === false) break;
    return this;
  }

  /** A new collection of `fn`'s results. */
  map<U>(fn: ItemCallback<T, U>): Collection<U> {
    return new Collection(this.items.map((item, i) => fn(item, i)));
  }

  /** The items for which `fn` returns truthy (without `fn`: the truthy items). */
  filter<S extends T>(fn: (item: T, index: number) => item is S): Collection<S>;
  /** The items for which `fn` returns truthy (without `fn`: the truthy items). */
  filter(fn?: ItemCallback<T, unknown>): Collection<T>;
  filter(fn: ItemCallback<T, unknown> = (item) => item): Collection<T> {
    return new Collection(this.items.filter((item, i) => fn(item, i)));
  }

  /** The items for which `fn` returns falsy. */
  reject(fn: ItemCallback<T, unknown>): Collection<T> {
    return this.filter((item, i) => !fn(item, i));
  }

  /** Folds the items into one value, starting from `initial`. */
  reduce<U>(fn: (accumulator: U, item: T, index: number) => U, initial: U): U {
    return this.items.reduce((accumulator, item, i) => fn(accumulator, item, i), initial);
  }

  /** True when `fn` returns truthy for at least one item. */
  some(fn: ItemCallback<T, unknown>): boolean {
    return this.items.some((item, i) => fn(item, i));
  }

  /** True when `fn` returns truthy for every item (and for an empty collection). */
  every(fn: ItemCallback<T, unknown>): boolean {
    return this.items.every((item, i) => fn(item, i));
  }

  /** The items whose `col` loosely equals `value` ('1' == 1, Dates by time, null == undefined). */
  where(col: Path<T>, value: unknown): Collection<T>;
  /** The items whose `col` compares to `value` by `operator`: = == != <> > >= < <= like ilike. */
  where(col: Path<T>, operator: OperatorInput, value: unknown): Collection<T>;
  where(col: Path<T>, ...args: unknown[]): Collection<T> {
    const read = selector<T>(col);
    const test = condition(args, 'where');
    return this.filter((item, i) => test(read(item, i)));
  }

  /** The items whose `col` loosely equals one of `values`. */
  whereIn(col: Path<T>, values: Iterable<unknown>): Collection<T> {
    return this.byMembership(col, values, true);
  }

  /** The items whose `col` equals none of `values`. */
  whereNotIn(col: Path<T>, values: Iterable<unknown>): Collection<T> {
    return this.byMembership(col, values, false);
  }

  /** The values of one column (or dot path) of every item. */
  pluck<K extends keyof T>(col: K): Collection<T[K]>;
  /** The values of one column (or dot path) of every item. */
  pluck(col: string): Collection<unknown>;
  pluck(col: PropertyKey): Collection<unknown> {
    return this.map(typeof col === 'string' ? selector<T>(col) : (item) => (item as Record<PropertyKey, unknown>)[col]);
  }

  /** The number of items. */
  count(): number {
    return this.items.length;
  }

  /** The total of the items (or of a column or derived value); non-numeric values are skipped. */
  sum(key?: KeySelector<T>): number {
    return numbersOf(this.values(key)).reduce((total, n) => total + n, 0);
  }

  /** The mean of the numeric values, or null when there are none. */
  avg(key?: KeySelector<T>): number | null {
    const numbers = numbersOf(this.values(key));
    return numbers.length === 0 ? null : numbers.reduce((total, n) => total + n, 0) / numbers.length;
  }

  /** The smallest value (as compareValues orders them), skipping blanks; null when there is none. */
  min(): NonNullable<T> | null;
  /** The smallest value of a column, skipping blanks; null when there is none. */
  min<K extends keyof T>(col: K): NonNullable<T[K]> | null;
  /** The smallest derived value, skipping blanks; null when there is none. */
  min<R>(fn: ItemCallback<T, R>): NonNullable<R> | null;
  /** The smallest value at a dot path, skipping blanks; null when there is none. */
  min(col: string): unknown;
  min(key?: KeySelector<T>): unknown {
    return extremeOf(this.values(key), -1);
  }

  /** The largest value (as compareValues orders them), skipping blanks; null when there is none. */
  max(): NonNullable<T> | null;
  /** The largest value of a column, skipping blanks; null when there is none. */
  max<K extends keyof T>(col: K): NonNullable<T[K]> | null;
  /** The largest derived value, skipping blanks; null when there is none. */
  max<R>(fn: ItemCallback<T, R>): NonNullable<R> | null;
  /** The largest value at a dot path, skipping blanks; null when there is none. */
  max(col: string): unknown;
  max(key?: KeySelector<T>): unknown {
    return extremeOf(this.values(key), 1);
  }

  /** A new collection sorted ascending by the items, a column or a derived value; stable, blanks last. */
  sortBy(key?: KeySelector<T>): Collection<T> {
    return new Collection(sortByValues(this.items, this.values(key), 1));
  }

  /** A new collection sorted descending; stable (ties keep their order), blanks last. */
  sortByDesc(key?: KeySelector<T>): Collection<T> {
    return new Collection(sortByValues(this.items, this.values(key), -1));
  }

  /** The items grouped by a column or derived value, keyed by its text ('' for null, ISO for Dates). */
  groupBy(key: KeySelector<T>): Record<string, Collection<T>> {
    const read = selector(key);
    const groups = new Map<string, T[]>();
    this.items.forEach((item, i) => {
      const name = toText(read(item, i));
      const group = groups.get(name);
      if (group) group.push(item);
      else groups.set(name, [item]);
    });
    return Object.fromEntries(Array.from(groups, ([name, group]) => [name, new Collection(group)]));
  }

  /** The items keyed by the text of a column or derived value; the last item wins a shared key. */
  keyBy(key: KeySelector<T>): Record<string, T> {
    const read = selector(key);
    return Object.fromEntries(this.items.map((item, i) => [toText(read(item, i)), item]));
  }

  /** The first item for each distinct value (loose equality; persisted models by class and key) of the items, a column or a derived value. */
  unique(key?: KeySelector<T>): Collection<T> {
    const read = selector(key);
    const seen = new Set<unknown>();
    const seenRows = new Map<unknown, Set<Key>>();
    return this.filter((item, i) => {
      const value = read(item, i);
      const row = rowIdentity(value);
      if (row) {
        const keys = seenRows.get(row.model) || new Set<Key>();
        seenRows.set(row.model, keys);
        return keys.has(row.key) ? false : (keys.add(row.key), true);
      }
      const id = equalityKey(value);
      return seen.has(id) ? false : (seen.add(id), true);
    });
  }

  /** Splits the items into collections of `size` items (the last may be shorter). */
  chunk(size: number): Collection<Collection<T>> {
    if (!Number.isInteger(size) || size < 1) {
      throw new ValidationError(`Collection.chunk: size must be a positive integer (got ${String(size)}).`);
    }
    const chunks: Collection<T>[] = [];
    for (let i = 0; i < this.items.length; i += size) chunks.push(new Collection(this.items.slice(i, i + size)));
    return new Collection(chunks);
  }

  /** The first item (that `fn` accepts), or null. */
  first(fn?: ItemCallback<T, unknown>): T | null {
    if (!fn) return this.items.length > 0 ? this.items[0] : null;
    const index = this.items.findIndex((item, i) => fn(item, i));
    return index < 0 ? null : this.items[index];
  }

  /** The last item (that `fn` accepts), or null. */
  last(fn?: ItemCallback<T, unknown>): T | null {
    for (let i = this.items.length - 1; i >= 0; i--) if (!fn || fn(this.items[i], i)) return this.items[i];
    return null;
  }

  /** The first item that `fn` accepts, or null. */
  find(fn: ItemCallback<T, unknown>): T | null {
    return this.first(fn);
  }

  /** True when `fn` accepts some item. */
  contains(fn: ItemCallback<T, unknown>): boolean;
  /** True when some item loosely equals `value`: a persisted model by class and key, or by its key alone (`contains(1)`); other objects by identity. */
  contains(value: unknown): boolean;
  /** True when some item's `col` loosely equals `value`. */
  contains(col: Path<T>, value: unknown): boolean;
  /** True when some item's `col` compares to `value` by `operator`. */
  contains(col: Path<T>, operator: OperatorInput, value: unknown): boolean;
  contains(...args: unknown[]): boolean {
    const [target, ...rest] = args;
    if (rest.length > 0) {
      const read = selector<T>(String(target));
      const test = condition(rest, 'contains');
      return this.some((item, i) => test(read(item, i)));
    }
    if (typeof target === 'function') return this.some(target as ItemCallback<T, unknown>);
    const row = rowIdentity(target);
    if (row) return this.some((item) => item === target || sameRow(rowIdentity(item), row));
    // A key given for models matches the model with that primary key (Eloquent's contains(1)).
    const key = target !== null && typeof target === 'object' && !Array.isArray(target) ? null : normalizeCompositeKey(Array.isArray(target) ? target : [target]);
    return this.some((item) => looseEquals(item, target) || (key !== null && key !== '' && rowKey(item) === key));
  }

  /** The first `n` items, or the last `-n` items when `n` is negative. */
  take(n: number): Collection<T> {
    const count = Math.trunc(n) || 0;
    return new Collection(count < 0 ? this.items.slice(count) : this.items.slice(0, count));
  }

  /** All items after the first `n` (a negative `n` skips nothing). */
  skip(n: number): Collection<T> {
    return new Collection(this.items.slice(Math.max(0, Math.trunc(n) || 0)));
  }

  /** True when there are no items. */
  isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** True when there is at least one item. */
  isNotEmpty(): boolean {
    return this.items.length > 0;
  }

  /** The items as a new plain array. */
  all(): T[] {
    return this.items.slice();
  }

  /** The items as a new plain array (alias of `all`). */
  toArray(): T[] {
    return this.all();
  }

  /** Plain data for JSON: each item's own `toJSON()` result (models, Dates), other items as they are. */
  toJSON(): Array<Plain<T>> {
    return this.items.map((item) => {
      const json = item !== null && item !== undefined && (item as { toJSON?: unknown }).toJSON;
      return (typeof json === 'function' ? json.call(item) : item) as Plain<T>;
    });
  }

  /** The items' text joined by `glue` (null → '', Dates as ISO). */
  join(glue = ','): string {
    return this.items.map(toText).join(glue);
  }

  /** The text of one column (or derived value) of every item, joined by `glue`. */
  implode(key: KeySelector<T>, glue = ','): string {
    return this.values(key).map(toText).join(glue);
  }

  private byMembership(col: Path<T>, values: Iterable<unknown>, member: boolean): Collection<T> {
    const keys = new Set(Array.from(values, equalityKey));
    const read = selector<T>(col);
    return this.filter((item, i) => keys.has(equalityKey(read(item, i))) === member);
  }

  private values(key?: KeySelector<T>): unknown[] {
    return this.items.map(selector(key));
  }
}
