/** Types that follow a model's relation methods: names, loaded results, dot paths. */
import type { Collection } from '../collection/Collection';
import type { Model, ModelClass } from '../model/Model';

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

/** Relation names and dot paths `with()` accepts (any string for models whose relations live in `fields()`). */
export type PreloadPath<M> = [RelationName<M>] extends [never] ? string : RelationName<M> | `${RelationName<M>}.${string}`;

/** One argument of `with()`/`load()`: a path, a list of paths, or a callback constraining the path before it. */
export type PreloadArg<M> = PreloadPath<M> | ReadonlyArray<PreloadPath<M>> | ((query: any) => unknown);

/** The paths named by a list of `with()` arguments. */
export type PathsOf<A extends readonly unknown[]> = A[number] extends infer E
  ? E extends string
    ? E
    : E extends ReadonlyArray<infer S>
      ? Extract<S, string>
      : never
  : never;

type Head<P extends string> = P extends `${infer H}.${string}` ? H : P;

/** A model with the relations named by `P` loaded as properties. */
export type WithLoaded<M, P extends string> = [RelationName<M>] extends [never]
  ? M
  : Omit<M, Head<P>> &
      Model & {
      [K in Head<P> & keyof M]: M[K] extends (...args: any[]) => infer R ? RelationResult<R> : unknown;
    };
