import { ValidationError } from '../errors';
import { describeValue } from '../support/values';
import { KeyValue, matchesItem } from './identity';
import { countAccepted, extremeOf, implodeItems, joinItems, meanOf, sortByKeys, SortKey, sumOf } from './aggregate';
import { assertCallback, countArgument, sortKeysOf } from './arguments';
import { everyMatch, fillItems, filterItems, reduceItems, someMatch } from './array';
import { edgeItem, findIn, itemAt } from './lookup';
import { itemTest, mapItems, pluckReader, selectedValues, selector, viaOwnMethod } from './select';
import { membershipPredicate, wherePredicate } from './where';
import { zoneOfItems } from './itemZone';
import { betweenPredicate, blankPredicate, chunkItems, distinctPredicate, modelKeysOf, pageBounds, partitionItems } from './subsets';
import { countItems, groupTree, keyItems } from './group';
import { loadItems } from './load';
import type { ArrayView } from './ArrayView';
import type { CherryPick } from '../model/serialize';
import type { PathsOf, PreloadArg, PreloadPath, Preloader, RelationQueryCallback, WithLoaded, WithLoadedBy } from '../relations/types';
import type { CollectionOperator, ItemCallback, KeySelector, Path, Plain, SortSelector } from './select';

export type { CollectionOperator, ItemCallback, KeySelector, OperatorInput, Path, Plain, SortSelector } from './select';

/** A list sheetorm's methods take: an array, or a Collection (an Array whose type is our own). */
export type List<T> = ReadonlyArray<T> | Collection<T>;

/** The values `whereIn` and its kin take: a list, or a Set. */
export type ValueList = List<unknown> | ReadonlySet<unknown>;

/** Array, typed as ArrayView: our methods replace Array's where Laravel/Lucid differ. */
const ArrayBase = Array as unknown as new <T>() => ArrayView<T>;

/**
 * An ordered list of items, as queries return them, with Laravel/Lucid-style helpers. It is an
 * Array (as Lucid's results are): `posts[0]`, `Array.isArray`, `forEach` and `for...of` work.
 * Array's own methods that build a new array (`slice`, `concat`) return plain arrays.
 */
export class Collection<T> extends ArrayBase<T> {
  /** Wraps a copy of `items` (an array or any iterable); a length, as `new Array(n)` takes, makes an empty slot list. */
  constructor(items: Iterable<T> = []) {
    super();
    // Array's `new Array(1, 2, 3)` form would drop all but the first here.
    if (arguments.length > 1) throw new ValidationError(`new Collection(): expected one array or iterable, got ${arguments.length} arguments; use Collection.of(...items) for a list of arguments.`);
    fillItems(this, items);
  }

  /** Array's methods (`slice`, `concat`, ...) make plain arrays, never call this constructor. */
  static get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** A new collection of the items from `start` to before `end` (Array's slice, as a Collection). */
  slice(start?: number, end?: number): Collection<T> {
    return Collection.wrap(Array.prototype.slice.call(this, start, end) as T[]);
  }

  /** A new collection of these items followed by the given items and arrays' items (Array's concat, as a Collection). */
  concat(...items: Array<T | ConcatArray<T> | Collection<T>>): Collection<T> {
    return Collection.wrap(Array.prototype.concat.apply(Array.prototype.slice.call(this), items) as T[]);
  }

  /** A collection of `items` without copying them: the caller hands the array over. */
  static wrap<T>(items: T[]): Collection<T> {
    return Object.setPrototypeOf(items, Collection.prototype) as Collection<T>;
  }

  /** A collection of an iterable's or array-like's items, each passed through `map` when given (Array.from). */
  static from<T, U = T>(items: Iterable<T> | ArrayLike<T>, map?: (item: T, index: number) => U, thisArg?: unknown): Collection<U> {
    if (map !== undefined) assertCallback(map, 'from');
    return Collection.wrap(map ? Array.from(items, map, thisArg) : (Array.from(items) as unknown as U[]));
  }

  /** A collection of the arguments (Array.of). */
  static of<T>(...items: T[]): Collection<T> {
    return Collection.wrap(items);
  }

  /** The item at `index` (negative counts from the end), or null when out of range. */
  get(index: number): T | null;
  /** The item at `index`, or `fallback` (a function's result) when out of range (Laravel). */
  get<D>(index: number, fallback: D | (() => D)): T | D;
  get(index: number, fallback: unknown = null): unknown {
    return itemAt(this, index, fallback);
  }

  /** Calls `fn` for each item, stopping early when it returns `false`; returns this collection. */
  each(fn: ItemCallback<T, unknown>): this {
    assertCallback(fn, 'each');
    for (let i = 0; i < this.length; i++) if (fn(this[i], i, this) === false) break;
    return this;
  }

  /** A new collection of `fn`'s results. */
  map<U>(fn: ItemCallback<T, U>, thisArg?: unknown): Collection<U> {
    assertCallback(fn, 'map');
    return Collection.wrap(mapItems(this, fn, thisArg));
  }

  /** `fn`'s results, lists among them flattened one level, as a new collection (Array's flatMap, as Laravel's). */
  flatMap<U>(fn: (item: T, index: number, items: Collection<T>) => U | ReadonlyArray<U> | Collection<U>, thisArg?: unknown): Collection<U> {
    assertCallback(fn, 'flatMap');
    return Collection.wrap(Array.prototype.flatMap.call(Array.prototype.slice.call(this), (item: T, i: number) => fn.call(thisArg, item, i, this)) as U[]);
  }

  /** The items for which `fn` returns truthy (without `fn`: the truthy items). */
  filter<S extends T>(fn: (item: T, index: number, items: Collection<T>) => item is S, thisArg?: unknown): Collection<S>;
  /** The items for which `fn` returns truthy (without `fn`: the truthy items). */
  filter(fn?: ItemCallback<T, unknown>, thisArg?: unknown): Collection<T>;
  filter(fn: ItemCallback<T, unknown> = (item) => item, thisArg?: unknown): Collection<T> {
    return Collection.wrap(filterItems(this, fn, thisArg));
  }

  /** The items for which `fn` returns falsy. */
  reject(fn: ItemCallback<T, unknown>): Collection<T>;
  /** The items that do not loosely equal `value` (a model by class and key, or by its key alone), as Laravel's reject(value). */
  reject(value: unknown): Collection<T>;
  reject(...args: unknown[]): Collection<T> {
    const test = itemTest<T>(args.slice(0, 1), 'reject', matchesItem, zoneOfItems(this));
    return this.filter((item, i, items) => !test(item, i, items));
  }

  /** Folds the items from the first one, as Array's reduce does; null for an empty collection. */
  reduce(fn: (accumulator: T, item: T, index: number, items: Collection<T>) => T): T | null;
  /** Folds the items into one value, starting from `initial`. */
  reduce<U>(fn: (accumulator: U, item: T, index: number, items: Collection<T>) => U, initial: U): U;
  reduce(fn: (accumulator: any, item: T, index: number, items: Collection<T>) => unknown, ...initial: unknown[]): unknown {
    return reduceItems(this, fn, initial);
  }

  /** True when `fn` returns truthy for at least one item. */
  some(fn: ItemCallback<T, unknown>, thisArg?: unknown): boolean;
  /** As `contains` (Laravel's alias): `some(1)`, `some('status', 'open')`, `some('views', '>', 10)`. */
  some(value: unknown): boolean;
  some(col: Path<T>, value: unknown): boolean;
  some(col: Path<T>, operator: CollectionOperator, value: unknown): boolean;
  some(...args: unknown[]): boolean {
    return someMatch(this, args);
  }

  /** True when `fn` returns truthy for every item (and for an empty collection). */
  every(fn: ItemCallback<T, unknown>, thisArg?: unknown): boolean;
  /** True when every item's `col` is truthy (Laravel's every('active')). */
  every(col: Path<T>): boolean;
  /** True when every item's `col` loosely equals `value`, or compares to it by `operator`. */
  every(col: Path<T>, value: unknown): boolean;
  every(col: Path<T>, operator: CollectionOperator, value: unknown): boolean;
  every(...args: unknown[]): boolean {
    return everyMatch(this, args);
  }

  /** The items whose `col` loosely equals `value` ('1' == 1, Dates by time; null matches blank and missing values). */
  where(col: Path<T>, value: unknown): Collection<T>;
  /** The items whose `col` compares to `value` by `operator`: = == != <> > >= < <= like ilike. */
  where(col: Path<T>, operator: CollectionOperator, value: unknown): Collection<T>;
  /** The items whose columns loosely equal every value of `values` (`where({ status: 'open', user_id: 1 })`). */
  where(values: Partial<Record<Path<T>, unknown>>): Collection<T>;
  /** The items `fn` accepts (as `filter`). */
  where(fn: ItemCallback<T, unknown>): Collection<T>;
  /** The items whose `col` is truthy (Laravel's one-argument `where`). */
  where(col: Path<T>): Collection<T>;
  where(col: Path<T> | ItemCallback<T, unknown> | Partial<Record<Path<T>, unknown>>, ...args: unknown[]): Collection<T> {
    return this.filter(wherePredicate<T>(col, args, 'where', zoneOfItems(this)));
  }

  /** The first item whose `col` loosely equals `value` (without one: is truthy), as `where` compares; or null (Laravel). */
  firstWhere(col: Path<T>, value?: unknown): T | null;
  /** The first item whose `col` compares to `value` by `operator` (as in `where`), or null. */
  firstWhere(col: Path<T>, operator: CollectionOperator, value: unknown): T | null;
  firstWhere(col: Path<T>, ...args: unknown[]): T | null {
    return this.first(wherePredicate<T>(col, args, 'firstWhere', zoneOfItems(this)));
  }

  /** The items whose `col` loosely equals one of `values`. */
  whereIn(col: Path<T>, values: Iterable<unknown>): Collection<T> {
    return this.filter(membershipPredicate<T>(col, values, true, 'whereIn', zoneOfItems(this)));
  }

  /** The items whose `col` equals none of `values`. */
  whereNotIn(col: Path<T>, values: Iterable<unknown>): Collection<T> {
    return this.filter(membershipPredicate<T>(col, values, false, 'whereNotIn', zoneOfItems(this)));
  }

  /** The items whose `col` is blank: null, '' or missing (as a query's whereNull). */
  whereNull(col: Path<T>): Collection<T> {
    return this.filter(blankPredicate<T>(col, true, 'whereNull'));
  }

  /** The items whose `col` holds a value. */
  whereNotNull(col: Path<T>): Collection<T> {
    return this.filter(blankPredicate<T>(col, false, 'whereNotNull'));
  }

  /** The items whose `col` lies within `[low, high]`, both ends included (as a query's whereBetween). */
  whereBetween(col: Path<T>, range: readonly [unknown, unknown]): Collection<T> {
    return this.filter(betweenPredicate<T>(col, range, true, 'whereBetween', zoneOfItems(this)));
  }

  /** The items whose `col` lies outside `[low, high]` (blank ones included). */
  whereNotBetween(col: Path<T>, range: readonly [unknown, unknown]): Collection<T> {
    return this.filter(betweenPredicate<T>(col, range, false, 'whereNotBetween', zoneOfItems(this)));
  }

  /** The values of one column (or dot path) of every item. */
  pluck<K extends keyof T>(col: K): Collection<T[K]>;
  /** The values of one column (or dot path) of every item. */
  pluck(col: string): Collection<unknown>;
  /** The values of one column keyed by the text of another (Eloquent's `pluck('title', 'id')`); the last item wins a shared key. */
  pluck<K extends keyof T>(col: K, key: KeySelector<T>): Record<string, T[K]>;
  /** The values of one column keyed by the text of another (Eloquent's `pluck('title', 'id')`); the last item wins a shared key. */
  pluck(col: string, key: KeySelector<T>): Record<string, unknown>;
  /** The values `fn` derives from every item (as `map`). */
  pluck<R>(fn: ItemCallback<T, R>): Collection<R>;
  pluck(col: PropertyKey | ItemCallback<T, unknown>, key?: KeySelector<T>): Collection<unknown> | Record<string, unknown> {
    const read = pluckReader<T>(col);
    // A null key is no key, as in Laravel: pluck('title', null) is the plain list.
    return key === undefined || key === null ? this.map(read) : keyItems(this, key, 'pluck', read);
  }

  /** The number of items (with `fn`, of the items it accepts). */
  count(fn?: ItemCallback<T, unknown>): number {
    return fn === undefined ? this.length : countAccepted(this, fn);
  }

  /** The total of the items (or of a column or derived value); non-numeric values are skipped. */
  sum(key?: KeySelector<T> | null): number {
    return sumOf(this.valuesOf(key, 'sum'));
  }

  /** The mean of the numeric values, or null when there are none. */
  avg(key?: KeySelector<T> | null): number | null {
    return meanOf(this.valuesOf(key, 'avg'));
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
    return extremeOf(this.valuesOf(key, 'min'), -1);
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
    return extremeOf(this.valuesOf(key, 'max'), 1);
  }

  /**
   * A new collection sorted ascending by the items, a column or a derived value; stable, blanks
   * last. A list sorts by each key in turn: `sortBy(['last', ['age', 'desc']])`.
   */
  sortBy(key?: KeySelector<T> | ReadonlyArray<SortSelector<T>>, direction?: 'asc' | 'desc'): Collection<T> {
    // `sortBy('score', 'desc')`, as orderBy takes it; anything else there (Laravel's sort flags) would be ignored.
    const order = direction === undefined ? 'asc' : typeof direction === 'string' ? direction.toLowerCase() : direction;
    if (order !== 'asc' && order !== 'desc') {
      throw new ValidationError(`Collection.sortBy(key, direction): the direction is 'asc' or 'desc', got ${describeValue(direction)}.`);
    }
    return Collection.wrap(sortByKeys(this.all(), this.orderKeys(key, order === 'desc' ? -1 : 1, order === 'desc' ? 'sortByDesc' : 'sortBy')));
  }

  /** A new collection sorted descending (by every key of a list); stable (ties keep their order), blanks last. */
  sortByDesc(key?: KeySelector<T> | ReadonlyArray<SortSelector<T>>): Collection<T> {
    return Collection.wrap(sortByKeys(this.all(), this.orderKeys(key, -1, 'sortByDesc')));
  }

  /** The items grouped by a column or derived value, keyed by its text ('' for null, ISO for Dates). */
  groupBy(key: KeySelector<T>): Record<string, Collection<T>>;
  /** Nested groups, one level per key (Laravel's `groupBy(['last', 'first'])`). */
  groupBy(keys: ReadonlyArray<KeySelector<T>>): Record<string, unknown>;
  groupBy(key: KeySelector<T> | ReadonlyArray<KeySelector<T>>): Record<string, unknown> {
    return groupTree(this, key, Collection.wrap);
  }

  /** How many items hold each value of a column or derived value (none: of the items), keyed as `groupBy` keys (Laravel). */
  countBy(key?: KeySelector<T> | null): Record<string, number> {
    return countItems(this, key);
  }

  /** The items keyed by the text of a column or derived value; the last item wins a shared key. */
  keyBy(key: KeySelector<T>): Record<string, T> {
    return keyItems(this, key, 'keyBy', (item) => item);
  }

  /** The first item for each distinct value (loose equality; persisted models by class and key) of the items, a column or a derived value. */
  unique(key?: KeySelector<T> | null): Collection<T> {
    return this.filter(distinctPredicate<T>(key, 'unique'));
  }

  /** Splits the items into collections of `size` items (the last may be shorter). */
  chunk(size: number): Collection<Collection<T>> {
    return Collection.wrap(chunkItems(this, size));
  }

  /** The first item (that `fn` accepts), or null. */
  first(fn?: ItemCallback<T, unknown> | null): T | null;
  /** The first item (that `fn` accepts), or `fallback` (a function's result) when there is none (Laravel). */
  first<D>(fn: ItemCallback<T, unknown> | null | undefined, fallback: D | (() => D)): T | D;
  first(fn?: ItemCallback<T, unknown> | null, fallback: unknown = null): unknown {
    return edgeItem(this, fn, fallback, 'first');
  }

  /** The last item (that `fn` accepts), or null. */
  last(fn?: ItemCallback<T, unknown> | null): T | null;
  /** The last item (that `fn` accepts), or `fallback` (a function's result) when there is none (Laravel). */
  last<D>(fn: ItemCallback<T, unknown> | null | undefined, fallback: D | (() => D)): T | D;
  last(fn?: ItemCallback<T, unknown> | null, fallback: unknown = null): unknown {
    return edgeItem(this, fn, fallback, 'last');
  }

  /** The first item that `fn` (called with `thisArg` as `this`, as Array's find does) accepts, or null. */
  find(fn: ItemCallback<T, unknown>, thisArg?: unknown): T | null;
  /** The persisted model whose primary key is `key` ('1' finds 1; an array or object for a composite key), or null (Eloquent's find). */
  find(key: KeyValue | KeyValue[] | Record<string, KeyValue> | null): T | null;
  /** The model with that key, or `fallback` (a function's result) when there is none (Eloquent). */
  find<D>(key: KeyValue | KeyValue[] | Record<string, KeyValue> | null, fallback: D | (() => D)): T | D;
  find(target: ItemCallback<T, unknown> | KeyValue | KeyValue[] | Record<string, KeyValue> | null, second?: unknown): unknown {
    return findIn(this, target, second);
  }

  /** True when `fn` accepts some item. */
  contains(fn: ItemCallback<T, unknown>): boolean;
  /** True when some item loosely equals `value`: a persisted model by class and key, or by its key alone (`contains(1)`); other objects by identity. */
  contains(value: unknown): boolean;
  /** True when some item's `col` loosely equals `value`. */
  contains(col: Path<T>, value: unknown): boolean;
  /** True when some item's `col` compares to `value` by `operator`. */
  contains(col: Path<T>, operator: CollectionOperator, value: unknown): boolean;
  contains(...args: unknown[]): boolean {
    // A function's second argument is no thisArg here (Laravel's contains takes none).
    return this.some(itemTest<T>(args.length > 1 && typeof args[0] === 'function' ? args.slice(0, 1) : args, 'contains', matchesItem, zoneOfItems(this)));
  }

  /** The first `n` items, or the last `-n` items when `n` is negative. */
  take(n: number): Collection<T> {
    const count = Math.trunc(countArgument(n, 'take')) || 0;
    return count < 0 ? this.slice(count) : this.slice(0, count);
  }

  /** All items after the first `n`, or the last `-n` items when `n` is negative (Laravel's, a slice). */
  skip(n: number): Collection<T> {
    return this.slice(Math.trunc(countArgument(n, 'skip')) || 0);
  }

  /** The items of page `page` (1 is the first) of `perPage` items each (Laravel's forPage). */
  forPage(page: number, perPage = 20): Collection<T> {
    const [start, end] = pageBounds(page, perPage);
    return this.slice(start, end);
  }

  /** The items `fn` accepts and those it rejects, as two collections: `const [paid, unpaid] = invoices.partition(...)`. */
  partition(fn: ItemCallback<T, unknown>): [Collection<T>, Collection<T>] {
    assertCallback(fn, 'partition');
    const [passed, failed] = partitionItems(this, (item, i) => fn(item, i, this));
    return [Collection.wrap(passed), Collection.wrap(failed)];
  }

  /** The primary key of each model (an array for a composite key), as Eloquent's modelKeys. */
  modelKeys(): unknown[] {
    return modelKeysOf(this);
  }

  /** True when there are no items. */
  isEmpty(): boolean {
    return this.length === 0;
  }

  /** True when there is at least one item. */
  isNotEmpty(): boolean {
    return this.length > 0;
  }

  /** The items as a new plain array. */
  all(): T[] {
    return Array.prototype.slice.call(this) as T[];
  }

  /** The items as a new plain array (alias of `all`). */
  toArray(): T[] {
    return this.all();
  }

  /** Lucid's form: `load((loader) => loader.load('tags'))` on every model; returning the chain types the loaded relations. */
  load<L extends string>(loader: (loader: Preloader<T>) => Preloader<T, L>): Collection<WithLoaded<T, L>>;
  /** Lucid's form, with the paths given in statements: they load, but the items keep their type. */
  load(loader: (loader: Preloader<T>) => void): this;
  /** Loads a relation onto every model, constrained by `callback`, reading each sheet once (Eloquent's `$posts->load(...)`). */
  load<P extends PreloadPath<T>, C = unknown>(name: P, callback: RelationQueryCallback<T, P, C> | null | undefined): Collection<WithLoadedBy<T, P, C>>;
  /** Loads relations onto every model (all of one class), reading each sheet once: `load('tags', 'author.posts')`. */
  load<A extends Array<PreloadArg<T>>>(...args: A): Collection<WithLoaded<T, PathsOf<A>>>;
  load(...args: unknown[]): unknown {
    loadItems(this, args, 'load');
    return this;
  }

  /** Counts a relation into each model's `$extras`, its query constrained by `callback` (`'tags as total'` renames it). */
  loadCount(name: string, callback?: (query: any) => unknown): this;
  /** Counts relations into each model's `$extras.<name>_count`, reading only the relations' sheets (Eloquent's loadCount). */
  loadCount(...names: Array<string | string[]>): this;
  /** Counts each relation constrained by its callback: `loadCount({ tags: q => q.where(...) })`. */
  loadCount(constrained: Record<string, ((query: any) => unknown) | null | undefined>): this;
  loadCount(...names: unknown[]): this {
    loadItems(this, names, 'loadCount');
    return this;
  }

  /** Sets each model's `$extras.<name>_exists` to whether it has related rows (Eloquent's loadExists). */
  loadExists(...names: unknown[]): this {
    loadItems(this, names, 'loadExists');
    return this;
  }

  /** Sets each model's `$extras.<name>_sum_<column>` (Eloquent's loadSum): one read of each sheet involved. */
  loadSum(relation: string | Record<string, ((query: any) => unknown) | null | undefined>, column: string): this {
    loadItems(this, Array.from(arguments), 'loadSum');
    return this;
  }

  /** Sets each model's `$extras.<name>_avg_<column>` (Eloquent's loadAvg). */
  loadAvg(relation: string | Record<string, ((query: any) => unknown) | null | undefined>, column: string): this {
    loadItems(this, Array.from(arguments), 'loadAvg');
    return this;
  }

  /** Sets each model's `$extras.<name>_min_<column>` (Eloquent's loadMin). */
  loadMin(relation: string | Record<string, ((query: any) => unknown) | null | undefined>, column: string): this {
    loadItems(this, Array.from(arguments), 'loadMin');
    return this;
  }

  /** Sets each model's `$extras.<name>_max_<column>` (Eloquent's loadMax). */
  loadMax(relation: string | Record<string, ((query: any) => unknown) | null | undefined>, column: string): this {
    loadItems(this, Array.from(arguments), 'loadMax');
    return this;
  }

  /** Lucid's loadAggregate onto every model: `posts.loadAggregate('comments', q => q.sum('votes').as('votes'))`. */
  loadAggregate(name: string, callback: (query: any) => unknown): this {
    loadItems(this, [name, callback], 'loadAggregate');
    return this;
  }

  /** Plain data for JSON: each item's own `toJSON()` result (models, Dates), other items as they are. */
  toJSON(): Array<Plain<T>> {
    return mapItems(this, (item) => viaOwnMethod(item, 'toJSON') as Plain<T>);
  }

  /** Each model's `serialize(cherryPick)` (Lucid), other items as `toJSON()` gives them. */
  serialize(cherryPick?: CherryPick): Array<Plain<T>> {
    if (cherryPick === undefined) return this.toJSON();
    return mapItems(this, (item) => viaOwnMethod(item, 'serialize', cherryPick) as Plain<T>);
  }

  /** The items' text joined by `glue` (null → '', Dates as ISO); Laravel's `finalGlue` goes before the last item. */
  join(glue = ',', finalGlue = ''): string {
    return joinItems(this, glue, finalGlue);
  }

  /**
   * The text of one column (or derived value) of every item, joined by `glue` ('' by default, as in
   * Laravel). Items that are not records take the glue alone: `pluck('title').implode(', ')`.
   */
  implode(key: KeySelector<T> | string, glue?: string): string {
    return implodeItems(this, key, glue);
  }

  private orderKeys(key: KeySelector<T> | ReadonlyArray<SortSelector<T>> | undefined, direction: 1 | -1, method: string): SortKey[] {
    return sortKeysOf(key, direction, method, (selected) => mapItems(this, selector(selected)));
  }

  /** The values `key` selects (null or none: the items themselves, as in Laravel); other kinds of key are refused. */
  private valuesOf(key: KeySelector<T> | null | undefined, method: string): unknown[] {
    return selectedValues(this, key, method);
  }
}
