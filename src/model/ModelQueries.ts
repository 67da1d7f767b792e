/**
 * The static query API of models (`Post.where(...)`, `Post.with('tags')`): each starts a
 * QueryBuilder of the class it is called on. A base of Model, to keep Model to its own surface.
 */
import type { Collection, List, ValueList } from '../collection/Collection';
import type { OperatorInput } from '../collection/select';
import type { WhereArgs } from '../query/ConditionBuilder';
import { Direction, Nulls, QueryBuilder } from '../query/QueryBuilder';
import type { AggregateMap, AggregateQueryCallback, CountName, PathsOf, PreloadArg, PreloadPath, RelationQueryCallback, WithLoaded, WithLoadedBy } from '../relations/types';
import { refuseColumnList } from '../query/conditions';
import { ModelDefinitions } from './definitions';
import { modelName, primaryKeys, tableRef } from './meta';
import { ModelNotFoundError, ValidationError } from '../errors';
import { describeRef } from '../storage/TableRef';
import { runWrite } from '../storage/UnitOfWork';
import { describeValue } from '../support/values';
import type { Model, ModelAttributes, ModelClass } from './Model';
import type { Paginator } from '../collection/Paginator';
import { findByQuery } from './staticArguments';

/** Query starters every model inherits. */
export class ModelQueries extends ModelDefinitions {
  /** A new query builder. */
  static query<M extends Model>(this: ModelClass<M>): QueryBuilder<M> {
    return new QueryBuilder<M>(this);
  }
  /** Every row as a model. */
  static all<M extends Model>(this: ModelClass<M>): Collection<M> {
    refuseColumnList(arguments[0], modelName(this), 'all');
    return this.query().get();
  }
  /** The model with this primary key (an array or object for composite keys), or null. */
  static find<M extends Model>(this: ModelClass<M>, id: unknown): M | null {
    refuseColumnList(arguments[1], modelName(this), 'find');
    return this.query().find(id);
  }
  /** `find`, or ModelNotFoundError. */
  static findOrFail<M extends Model>(this: ModelClass<M>, id: unknown): M {
    refuseColumnList(arguments[1], modelName(this), 'findOrFail');
    return this.query().findOrFail(id);
  }
  /** The models with these primary keys, highest key first (Lucid's findMany); composite keys take whereIn per column. */
  static findMany<M extends Model>(this: ModelClass<M>, ids: List<unknown>): Collection<M> {
    refuseColumnList(arguments[1], modelName(this), 'findMany');
    const keys = primaryKeys(this);
    if (keys.length > 1) throw new ValidationError(`${modelName(this)}.findMany(): ${modelName(this)} has a composite key (${keys.join(', ')}); use find([...]) for each, or whereIn on its columns.`);
    return this.query().whereIn(keys[0], ids).orderBy(keys[0], 'desc').get();
  }
  /** The models whose column holds one of `values` (an array or Set), in sheet order. */
  static findManyBy<M extends Model>(this: ModelClass<M>, column: string, values: ValueList): Collection<M>;
  /** The models whose column equals `value`, in sheet order (Lucid's `findManyBy('status', 'active')`). */
  static findManyBy<M extends Model>(this: ModelClass<M>, column: string, value: unknown): Collection<M>;
  /** The models whose columns equal the object's values (Lucid's `findManyBy({ status, user_id })`). */
  static findManyBy<M extends Model>(this: ModelClass<M>, clause: Record<string, unknown>): Collection<M>;
  static findManyBy<M extends Model>(this: ModelClass<M>, column: string | Record<string, unknown>, value?: unknown): Collection<M> {
    // A Set made in a script's own realm (library mode) is no instance of ours: its tag tells it.
    const isSet = Object.prototype.toString.call(value) === '[object Set]';
    if (typeof column === 'string' && (Array.isArray(value) || isSet)) return this.query().whereIn(column, value as ValueList).get();
    return findByQuery(this, 'findManyBy', column, value, arguments.length).get();
  }
  /** The first model whose column equals value, or null. */
  static findBy<M extends Model>(this: ModelClass<M>, column: string, value: unknown): M | null;
  /** The first model whose columns equal the object's values (Lucid's `findBy({ email })`), or null. */
  static findBy<M extends Model>(this: ModelClass<M>, clause: Record<string, unknown>): M | null;
  static findBy<M extends Model>(this: ModelClass<M>, column: string | Record<string, unknown>, value?: unknown): M | null {
    return findByQuery(this, 'findBy', column, value, arguments.length).first();
  }
  /** `findBy`, or ModelNotFoundError. */
  static findByOrFail<M extends Model>(this: ModelClass<M>, column: string, value: unknown): M;
  /** `findBy({ ... })`, or ModelNotFoundError. */
  static findByOrFail<M extends Model>(this: ModelClass<M>, clause: Record<string, unknown>): M;
  static findByOrFail<M extends Model>(this: ModelClass<M>, column: string | Record<string, unknown>, value?: unknown): M {
    const found = findByQuery(this, 'findByOrFail', column, value, arguments.length).first();
    if (found) return found;
    const searched = typeof column === 'string' ? { [column]: value } : column;
    const shown = Object.keys(searched).map((name) => `${name} = ${describeValue(searched[name])}`).join(' and ');
    throw new ModelNotFoundError(`${modelName(this)}: no row of ${describeRef(tableRef(this))} has ${shown}.`);
  }
  /** The first row, or null. */
  static first<M extends Model>(this: ModelClass<M>): M | null {
    refuseColumnList(arguments[0], modelName(this), 'first');
    return this.query().first();
  }
  /** The first row's model, or ModelNotFoundError. */
  static firstOrFail<M extends Model>(this: ModelClass<M>): M {
    refuseColumnList(arguments[0], modelName(this), 'firstOrFail');
    return this.query().firstOrFail();
  }
  /** Every row as a model (Eloquent's `Post::get()`; the same as all()). */
  static get<M extends Model>(this: ModelClass<M>): Collection<M> {
    refuseColumnList(arguments[0], modelName(this), 'get');
    return this.query().get();
  }
  /** One declared attribute of every row, in sheet order (Eloquent's `Post::pluck('title')`). */
  static pluck<M extends Model, K extends keyof ModelAttributes<M> & string>(this: ModelClass<M>, column: K): Collection<Exclude<ModelAttributes<M>[K], undefined>>;
  /** One column of every row, in sheet order. */
  static pluck<M extends Model>(this: ModelClass<M>, column: string): Collection<unknown>;
  /** One column keyed by the text of another (`Post.pluck('title', 'id')`). */
  static pluck<M extends Model>(this: ModelClass<M>, column: string, key: string): Record<string, unknown>;
  static pluck<M extends Model>(this: ModelClass<M>, column: string, key?: string): Collection<unknown> | Record<string, unknown> {
    return key === undefined ? this.query().pluck(column) : this.query().pluck(column, key);
  }
  /** Whether the sheet has any row. */
  static exists<M extends Model>(this: ModelClass<M>): boolean {
    return this.query().exists();
  }
  /** Whether the sheet has no row. */
  static doesntExist<M extends Model>(this: ModelClass<M>): boolean {
    return this.query().doesntExist();
  }
  /** The number of rows; with a column, of rows holding a value in it. */
  static count<M extends Model>(this: ModelClass<M>, column?: string): number {
    return this.query().count(column);
  }
  /** The total of a column's numbers (0 for none). */
  static sum<M extends Model>(this: ModelClass<M>, column: string): number {
    return this.query().sum(column);
  }
  /** The mean of a column's numbers, or null. */
  static avg<M extends Model>(this: ModelClass<M>, column: string): number | null {
    return this.query().avg(column);
  }
  /** The smallest value of a column (blanks skipped), or null. */
  static min<M extends Model, K extends keyof ModelAttributes<M> & string>(this: ModelClass<M>, column: K): NonNullable<ModelAttributes<M>[K]> | null;
  static min<M extends Model>(this: ModelClass<M>, column: string): unknown;
  static min<M extends Model>(this: ModelClass<M>, column: string): unknown {
    return this.query().min(column);
  }
  /** The largest value of a column (blanks skipped), or null. */
  static max<M extends Model, K extends keyof ModelAttributes<M> & string>(this: ModelClass<M>, column: K): NonNullable<ModelAttributes<M>[K]> | null;
  static max<M extends Model>(this: ModelClass<M>, column: string): unknown;
  static max<M extends Model>(this: ModelClass<M>, column: string): unknown {
    return this.query().max(column);
  }
  /** Page `page` of `perPage` models, with the total and page links. */
  static paginate<M extends Model>(this: ModelClass<M>, page: number | string, perPage?: number | string): Paginator<M> {
    return this.query().paginate(page, perPage);
  }
  /** Deletes every row of the sheet (Lucid's truncate), keeping the header; returns how many went. */
  static truncate<M extends Model>(this: ModelClass<M>): number {
    // Its own write, so a lock timeout names truncate, not the delete it runs.
    return runWrite(`${modelName(this)}.truncate`, () => this.query().delete());
  }
  /** Hands every model to `callback` `size` at a time; returning false stops. */
  static chunk<M extends Model>(this: ModelClass<M>, size: number | string, callback: (models: Collection<M>, page: number) => unknown): boolean {
    return this.query().chunk(size, callback);
  }
  /** Starts a query with `where`. */
  static where<M extends Model>(this: ModelClass<M>, ...args: WhereArgs<QueryBuilder<M>>): QueryBuilder<M> {
    return this.query().where(...args);
  }
  /** Starts a query with `whereNot`. */
  static whereNot<M extends Model>(this: ModelClass<M>, ...args: WhereArgs<QueryBuilder<M>>): QueryBuilder<M> {
    return this.query().whereNot(...args);
  }
  /** Starts a query with `whereIn`. */
  static whereIn<M extends Model>(this: ModelClass<M>, column: string, values: ValueList): QueryBuilder<M> {
    return this.query().whereIn(column, values);
  }
  /** Starts a query with `whereNotIn`. */
  static whereNotIn<M extends Model>(this: ModelClass<M>, column: string, values: ValueList): QueryBuilder<M> {
    return this.query().whereNotIn(column, values);
  }
  /** Starts a query with `whereNull`. */
  static whereNull<M extends Model>(this: ModelClass<M>, column: string): QueryBuilder<M> {
    return this.query().whereNull(column);
  }
  /** Starts a query with `whereNotNull`. */
  static whereNotNull<M extends Model>(this: ModelClass<M>, column: string): QueryBuilder<M> {
    return this.query().whereNotNull(column);
  }
  /** Starts a query with `whereBetween`. */
  static whereBetween<M extends Model>(this: ModelClass<M>, column: string, range: readonly [unknown, unknown]): QueryBuilder<M> {
    return this.query().whereBetween(column, range);
  }
  /** Starts a query with `orderBy`. */
  static orderBy<M extends Model>(this: ModelClass<M>, column: string | Array<string | { column: string; order?: Direction; nulls?: Nulls }>, direction: Direction = 'asc', nulls?: Nulls): QueryBuilder<M> {
    return this.query().orderBy(column, direction, nulls);
  }
  /** Starts a query newest first (by `created_at` unless told). */
  static latest<M extends Model>(this: ModelClass<M>, column?: string): QueryBuilder<M> {
    return this.query().latest(column);
  }
  /** Starts a query oldest first (by `created_at` unless told). */
  static oldest<M extends Model>(this: ModelClass<M>, column?: string): QueryBuilder<M> {
    return this.query().oldest(column);
  }
  /** Starts a query with `when(condition, callback, otherwise?)`. */
  static when<M extends Model, V>(this: ModelClass<M>, condition: V | ((query: QueryBuilder<M>) => V), callback: (query: QueryBuilder<M>, value: V) => unknown, otherwise?: (query: QueryBuilder<M>, value: V) => unknown): QueryBuilder<M> {
    return this.query().when(condition, callback, otherwise);
  }
  /** Eloquent's `Post::select(...)`: refused as the query's is (rows are read whole). */
  static select<M extends Model>(this: ModelClass<M>, ...columns: string[]): never {
    return this.query().select(...columns);
  }
  /** Starts a query with `limit`. */
  static limit<M extends Model>(this: ModelClass<M>, count: number | string): QueryBuilder<M> {
    return this.query().limit(count);
  }
  /** Starts a query with `offset`. */
  static offset<M extends Model>(this: ModelClass<M>, count: number | string): QueryBuilder<M> {
    return this.query().offset(count);
  }
  /** Starts a query for page `page` of `perPage` rows. */
  static forPage<M extends Model>(this: ModelClass<M>, page: number | string, perPage?: number | string): QueryBuilder<M> {
    return this.query().forPage(page, perPage);
  }
  /** Starts a query that loads relations: `Post.with('tags', 'author')`, `with('posts.tags')`, `with('tags', q => …)`. */
  static with<M extends Model, P extends PreloadPath<M>, C = unknown>(this: ModelClass<M>, name: P, callback: RelationQueryCallback<M, P, C> | null | undefined): QueryBuilder<WithLoadedBy<M, P, C>>;
  static with<M extends Model, A extends Array<PreloadArg<M>>>(this: ModelClass<M>, ...args: A): QueryBuilder<WithLoaded<M, PathsOf<A>>>;
  static with(this: ModelClass, ...args: unknown[]): unknown {
    return (this.query().with as (...list: unknown[]) => unknown)(...args);
  }
  /** Starts a query that preloads a relation. */
  static preload<M extends Model, P extends PreloadPath<M>, C = unknown>(this: ModelClass<M>, name: P, callback?: RelationQueryCallback<M, P, C>): QueryBuilder<WithLoadedBy<M, P, C>> {
    return this.query().preload<P, C>(name, callback);
  }
  /** Starts a query that counts a relation into `$extras.<name>_count`. */
  static withCount<M extends Model, N extends CountName<M>>(this: ModelClass<M>, name: N, callback?: RelationQueryCallback<M, N>): QueryBuilder<M>;
  static withCount<M extends Model>(this: ModelClass<M>, ...names: Array<CountName<M> | Array<CountName<M>>>): QueryBuilder<M>;
  static withCount<M extends Model>(this: ModelClass<M>, constrained: { [N in CountName<M>]?: RelationQueryCallback<M, N> | null }): QueryBuilder<M>;
  static withCount<M extends Model>(this: ModelClass<M>, ...args: any[]): QueryBuilder<M> {
    return this.query().withCount(...args);
  }
  /** Starts a query that sets `$extras.<name>_exists` to whether related rows exist (Eloquent's withExists). */
  static withExists<M extends Model, N extends CountName<M>>(this: ModelClass<M>, name: N, callback?: RelationQueryCallback<M, N>): QueryBuilder<M>;
  static withExists<M extends Model>(this: ModelClass<M>, ...names: Array<CountName<M> | Array<CountName<M>>>): QueryBuilder<M>;
  static withExists<M extends Model>(this: ModelClass<M>, constrained: AggregateMap<M>): QueryBuilder<M>;
  static withExists<M extends Model>(this: ModelClass<M>, ...args: any[]): QueryBuilder<M> {
    return this.query().withExists(...args);
  }
  /** Starts a query that sets `$extras.<name>_sum_<column>` (Eloquent's withSum). */
  static withSum<M extends Model>(this: ModelClass<M>, relation: CountName<M> | AggregateMap<M>, column: string): QueryBuilder<M> {
    // Every argument goes on: the query refuses a third (a callback there would be dropped).
    const query = this.query();
    return query.withSum.apply(query, Array.from(arguments) as [CountName<M>, string]);
  }
  /** Starts a query that sets `$extras.<name>_avg_<column>` (Eloquent's withAvg). */
  static withAvg<M extends Model>(this: ModelClass<M>, relation: CountName<M> | AggregateMap<M>, column: string): QueryBuilder<M> {
    const query = this.query();
    return query.withAvg.apply(query, Array.from(arguments) as [CountName<M>, string]);
  }
  /** Starts a query that sets `$extras.<name>_min_<column>` (Eloquent's withMin). */
  static withMin<M extends Model>(this: ModelClass<M>, relation: CountName<M> | AggregateMap<M>, column: string): QueryBuilder<M> {
    const query = this.query();
    return query.withMin.apply(query, Array.from(arguments) as [CountName<M>, string]);
  }
  /** Starts a query that sets `$extras.<name>_max_<column>` (Eloquent's withMax). */
  static withMax<M extends Model>(this: ModelClass<M>, relation: CountName<M> | AggregateMap<M>, column: string): QueryBuilder<M> {
    const query = this.query();
    return query.withMax.apply(query, Array.from(arguments) as [CountName<M>, string]);
  }
  /** Starts a query with Lucid's withAggregate: `Post.withAggregate('comments', q => q.sum('votes').as('votes'))`. */
  static withAggregate<M extends Model, N extends CountName<M>>(this: ModelClass<M>, name: N, callback: AggregateQueryCallback<M, N>): QueryBuilder<M> {
    return this.query().withAggregate(name, callback);
  }
  /** Starts a query keeping rows that have related rows. */
  static has<M extends Model>(this: ModelClass<M>, name: PreloadPath<M>, operator?: OperatorInput, count?: number | string): QueryBuilder<M> {
    return this.query().has(name, operator, count);
  }
  /** Starts a query keeping rows with related rows matching the callback. */
  static whereHas<M extends Model, N extends PreloadPath<M>>(this: ModelClass<M>, name: N, callback?: RelationQueryCallback<M, N> | null, operator?: OperatorInput, count?: number | string): QueryBuilder<M> {
    return this.query().whereHas(name, callback, operator, count);
  }
  /** Starts a query keeping rows without related rows. */
  static doesntHave<M extends Model>(this: ModelClass<M>, name: PreloadPath<M>): QueryBuilder<M> {
    return this.query().doesntHave(name);
  }
  /** Starts a query keeping rows without related rows matching the callback. */
  static whereDoesntHave<M extends Model, N extends PreloadPath<M>>(this: ModelClass<M>, name: N, callback?: RelationQueryCallback<M, N> | null): QueryBuilder<M> {
    return this.query().whereDoesntHave(name, callback);
  }
}
