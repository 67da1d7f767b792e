/** Types that follow a model's relation methods: names, loaded results, dot paths. */
import type { Collection, List } from '../collection/Collection';
import type { Model, ModelClass } from '../model/Model';
import type { QueryBuilder } from '../query/QueryBuilder';
import type { BelongsToClient } from './clients/BelongsToClient';
import type { HasManyClient } from './clients/HasManyClient';
import type { HasOneClient } from './clients/HasOneClient';
import type { ManyToManyClient } from './pivot/ManyToManyClient';
import type { ManyToManyQueryBuilder } from './pivot/ManyToManyQueryBuilder';
import type { BelongsTo } from './BelongsTo';
import type { HasMany } from './HasMany';
import type { HasManyQueryBuilder } from './HasManyQueryBuilder';
import type { HasOne } from './HasOne';
import type { ManyToMany } from './ManyToMany';
import type { DefinitionOf } from './bound';

/** What a loaded relation holds: a Collection for hasMany/manyToMany, a model or null for hasOne/belongsTo. */
export type RelationResult<R> = R extends { type: 'hasMany' | 'manyToMany'; relatedModel(): ModelClass<infer T> }
  ? Collection<T>
  : R extends { type: 'hasOne' | 'belongsTo'; relatedModel(): ModelClass<infer T> }
    ? T | null
    : unknown;

/** Names of a model's relation methods. */
export type RelationName<M> = {
  [K in Exclude<keyof M, keyof Model>]-?: M[K] extends (...args: any[]) => { type: 'hasOne' | 'hasMany' | 'belongsTo' | 'manyToMany' } ? K : never;
}[Exclude<keyof M, keyof Model>] &
  string;

export declare const loadedFrom: unique symbol;

/** Where a `WithLoaded` type keeps the model it was made from: its loaded relations are values, no longer methods. */
export interface LoadedFrom<B> {
  readonly [loadedFrom]?: B;
}

/** The model a `WithLoaded` type was made from (the type itself for a plain model), whose methods name its relations. */
export type BaseOf<M> = M extends LoadedFrom<infer B> ? (unknown extends B ? M : B) : M;

/** The relation names a query of `M` takes, loaded ones included. */
type QueryRelationName<M> = RelationName<BaseOf<M>>;

/**
 * Relation names and dot paths `with()` accepts (any string for models whose relations live in
 * `fields()`). Only the first segment is checked: spelling out every path of models with many
 * relations makes the type checker crawl.
 */
export type PreloadPath<M> = [QueryRelationName<M>] extends [never] ? string : QueryRelationName<M> | `${QueryRelationName<M>}.${string}`;

/** The query a relation's callbacks get: pivot filters for manyToMany, groupLimit for hasMany. */
type QueryOfRelation<R> = R extends { type: 'manyToMany'; relatedModel(): ModelClass<infer T> }
  ? ManyToManyQueryBuilder<T>
  : R extends { type: 'hasMany'; relatedModel(): ModelClass<infer T> }
    ? HasManyQueryBuilder<T>
    : R extends { type: 'hasOne' | 'belongsTo'; relatedModel(): ModelClass<infer T> }
      ? QueryBuilder<T>
      : any;

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;

/** The names `withCount` takes: a relation of `M`, or one with a name for its count (`'tags as total'`). */
export type CountName<M> = [QueryRelationName<M>] extends [never] ? string : QueryRelationName<M> | `${QueryRelationName<M>} as ${string}`;

/**
 * The query builder a callback for the relation path `P` of `M` gets (the last segment's). Any for
 * relations in `fields()`, and for a name that may be one of several (`rel` looping over names).
 */
export type RelationQuery<M, P extends string> = IsUnion<P> extends true ? any : SingleRelationQuery<BaseOf<M>, P>;

type SingleRelationQuery<M, P extends string> = P extends `${infer N} as ${string}`
  ? SingleRelationQuery<M, N>
  : P extends `${infer H}.${infer Rest}`
    ? H extends keyof M
      ? M[H] extends (...args: any[]) => { relatedModel(): ModelClass<infer T> }
        ? SingleRelationQuery<T, Rest>
        : any
      : any
    : P extends keyof M
      ? M[P] extends (...args: any[]) => infer R
        ? QueryOfRelation<R>
        : any
      : any;

/**
 * A callback constraining the relation path `P` of `M`: `with('tags', (q) => q.wherePivot('active', true))`.
 * `C` is what it returns: a query that loads relations itself types the models it loads (`WithLoadedBy`).
 */
export type RelationQueryCallback<M, P extends string, C = unknown> = (query: RelationQuery<M, P>) => C;

/** Relation names mapped to callbacks constraining the rows aggregated: `withSum({ posts: (q) => q.where('published', true) }, 'likes')`. */
export type AggregateMap<M> = { [N in CountName<M>]?: RelationQueryCallback<M, N> | null };

/**
 * The query a withAggregate callback gets: its sum/avg/min/max/count name the aggregate, and `as()`
 * its name. Listed first, these signatures win over the query's own (which compute), and the
 * query's `this`-returning methods return this type, so `q.where(…).sum('likes').as('total')` checks.
 */
export type AggregatingQuery<Q> = AggregateMethods<Q> & Q;

interface AggregateMethods<Q> {
  sum(column: string): AggregatingQuery<Q>;
  avg(column: string): AggregatingQuery<Q>;
  min(column: string): AggregatingQuery<Q>;
  max(column: string): AggregatingQuery<Q>;
  count(column?: string): AggregatingQuery<Q>;
  as(alias: string): AggregatingQuery<Q>;
}

/** Lucid's withAggregate callback: `(q) => q.sum('likes').as('totalLikes')`. */
export type AggregateQueryCallback<M, N extends string> = (query: AggregatingQuery<RelationQuery<M, N>>) => unknown;

/** What Lucid's `load((loader) => ...)` callback receives: each `load`/`preload` adds a path to load (`L`: the paths so far). */
export interface Preloader<M, L extends string = never> {
  load<P extends PreloadPath<M>>(name: P, callback?: RelationQueryCallback<M, P>): Preloader<M, L | P>;
  preload<P extends PreloadPath<M>>(name: P, callback?: RelationQueryCallback<M, P>): Preloader<M, L | P>;
}

/** Paths mapped to callbacks constraining them: `with({ tags: (q) => q.where('active', true) })` (Eloquent). */
export type PreloadMap<M> = { [P in PreloadPath<M>]?: RelationQueryCallback<M, P> | null };

/** One argument of `with()`/`load()`: a path, a list of paths, a callback constraining the path before it, or a map of paths to callbacks. */
export type PreloadArg<M> = PreloadPath<M> | ReadonlyArray<PreloadPath<M>> | ((query: any) => unknown) | PreloadMap<M>;

/** The paths named by a list of `with()` arguments. */
export type PathsOf<A extends readonly unknown[]> = A[number] extends infer E
  ? E extends string
    ? E
    : E extends ReadonlyArray<infer S>
      ? Extract<S, string>
      : E extends (...args: any[]) => unknown
        ? never
        : E extends object
          ? Extract<keyof E, string>
          : never
  : never;

type Head<P extends string> = P extends `${infer H}.${string}` ? H : P;

/** What follows `H.` in the paths `P` (never when none goes deeper). */
type Tail<P extends string, H extends string> = P extends `${H}.${infer T}` ? T : never;

/** The related model, with the deeper paths of a dot path loaded on it too. */
type Deeper<T, Rest extends string> = [Rest] extends [never] ? T : WithLoaded<T, Rest>;

/** What a loaded relation holds, its models carrying the relations `Rest` names. */
type LoadedResult<R, Rest extends string> = R extends { type: 'hasMany' | 'manyToMany'; relatedModel(): ModelClass<infer T> }
  ? Collection<Deeper<T, Rest>>
  : R extends { type: 'hasOne' | 'belongsTo'; relatedModel(): ModelClass<infer T> }
    ? Deeper<T, Rest> | null
    : unknown;

/**
 * A model with the relations named by `P` loaded as properties (dot paths load deeper ones on
 * those). A relation loaded again without a deeper path keeps what it held.
 */
export type WithLoaded<M, P extends string> = [RelationName<BaseOf<M>>] extends [never]
  ? M
  : // Model's `this`-typed methods come from Model itself: Omit's copies would fix `this` to the bare model.
    Omit<M, Head<P> | ThisTypedMember> &
      Model &
      LoadedFrom<BaseOf<M>> & {
        [K in Head<P> & keyof BaseOf<M>]: K extends keyof M
          ? M[K] extends (...args: any[]) => unknown
            ? LoadedOf<BaseOf<M>, K, P>
            : [Tail<P, K & string>] extends [never]
              ? M[K]
              : LoadedOf<BaseOf<M>, K, P>
          : LoadedOf<BaseOf<M>, K, P>;
      };

/**
 * Model's instance members typed by `this` (`save(): this`, `load(...)`). Listed by hand: computing
 * them from Model's type would be circular; test/types/relations.types.test.ts checks the list.
 */
export type ThisTypedMember =
  | 'setAttribute'
  | 'merge'
  | 'fill'
  | 'update'
  | 'save'
  | 'refresh'
  | 'fresh'
  | 'replicate'
  | 'increment'
  | 'decrement'
  | 'loadCount'
  | 'loadExists'
  | 'loadSum'
  | 'loadAvg'
  | 'loadMin'
  | 'loadMax'
  | 'loadAggregate'
  | 'load'
  | 'preload'
  | 'related'
  | 'hasOne'
  | 'hasMany'
  | 'belongsTo'
  | 'manyToMany'
  | 'belongsToMany';

/**
 * A model of the class `R` belongs to, with or without relations loaded (a loaded relation is a
 * value, no longer a method): what relation writers take. Which class it is, is checked when called.
 */
export type RelatedInput<R> = Omit<BaseOf<R>, RelationName<BaseOf<R>> | ThisTypedMember> & { readonly [K in RelationName<BaseOf<R>>]: unknown };

/** A related id (as `find()` takes it) or model. */
export type PivotId<R> = string | number | Date | RelatedInput<R>;

/**
 * What attach/sync/toggle/detach take: an id or model, a list of them, or ids mapped to their pivot
 * attributes (`{ 1: { role: 'admin' } }`, or a Map for keys an object cannot hold).
 */
export type PivotIds<R> = PivotId<R> | List<PivotId<R>> | ReadonlyMap<PivotId<R>, object> | { readonly [id: string]: object };

/** The models a callback's query yields, relations it loads included (never when it returns no query, or `any`). */
type CallbackModel<C> = 0 extends 1 & C ? never : C extends { firstOrFail(): infer X } ? X : never;

/**
 * `WithLoaded<M, P>` where a callback `with('posts', (q) => q.with('tags'))` constrained the path:
 * the models at its end are typed as the callback's query yields them (their `tags` loaded too).
 */
export type WithLoadedBy<M, P extends string, C> = [CallbackModel<C>] extends [never] ? WithLoaded<M, P> : LoadedThrough<M, P, CallbackModel<C>>;

/** `M` with the relation path `P` loaded, its last relation holding models of type `X`. */
type LoadedThrough<M, P extends string, X> = [RelationName<BaseOf<M>>] extends [never]
  ? M
  : Omit<M, Head<P> | ThisTypedMember> &
      Model &
      LoadedFrom<BaseOf<M>> & {
        [K in Head<P> & keyof BaseOf<M>]: BaseOf<M>[K] extends (...args: any[]) => infer R ? ResultThrough<R, Tail<P, K & string>, X> : unknown;
      };

/** What relation `R` holds when the rest of the path is `Rest` and its last relation holds `X`s. */
type ResultThrough<R, Rest extends string, X> = R extends { type: 'hasMany' | 'manyToMany'; relatedModel(): ModelClass<infer T> }
  ? Collection<[Rest] extends [never] ? X : LoadedThrough<T, Rest, X>>
  : R extends { type: 'hasOne' | 'belongsTo'; relatedModel(): ModelClass<infer T> }
    ? ([Rest] extends [never] ? X : LoadedThrough<T, Rest, X>) | null
    : unknown;

/** What relation `K` of the model `B` holds once loaded through the paths `P`. */
type LoadedOf<B, K extends keyof B, P extends string> = B[K] extends (...args: any[]) => infer R ? LoadedResult<R, Tail<P, K & string>> : unknown;

/** Names `related()` accepts: the relation methods (any string for models whose relations live in `fields()`). */
export type RelatedName<M> = [RelationName<BaseOf<M>>] extends [never] ? string : RelationName<BaseOf<M>>;

/** The client `related(name)` returns for a relation: attach/sync for manyToMany, create/save for hasMany… */
export type RelationClient<M extends Model, R> = R extends { type: 'manyToMany'; relatedModel(): ModelClass<infer T> }
  ? ManyToManyClient<M, T>
  : R extends { type: 'hasMany'; relatedModel(): ModelClass<infer T> }
    ? HasManyClient<M, T>
    : R extends { type: 'hasOne'; relatedModel(): ModelClass<infer T> }
      ? HasOneClient<M, T>
      : R extends { type: 'belongsTo'; relatedModel(): ModelClass<infer T> }
        ? BelongsToClient<M, T>
        : any;

/** The client of the relation `K` of model `M` (any for relations declared in `fields()`). */
export type ClientOf<M extends Model, K> = K extends keyof BaseOf<M> ? (BaseOf<M>[K] extends (...args: any[]) => infer R ? RelationClient<ParentOf<M>, R> : any) : any;

/** The model class's own instance type of a model, loaded relations or not (a client's parent). */
type ParentOf<M extends Model> = BaseOf<M> extends Model ? BaseOf<M> : M;

/** The relation object a relation method returns (HasMany, ManyToMany, …), for `$getRelation(name)`. */
export type RelationOf<M extends Model, K> = K extends keyof BaseOf<M>
  ? BaseOf<M>[K] extends (...args: any[]) => infer R
    ? R extends { type: 'hasOne' | 'hasMany' | 'belongsTo' | 'manyToMany' }
      ? DefinitionOf<R>
      : never
    : never
  : never;

/** A relation of any kind, told apart by its `type` (`$getRelation` of a name known only at run time). */
export type AnyRelation<M extends Model> = HasOne<M, any> | HasMany<M, any> | BelongsTo<M, any> | ManyToMany<M, any>;
