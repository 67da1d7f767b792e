/** `hasMany(Related, foreignKey?, localKey?)`: the related sheet holds the parent's key. */
import { constrainRelationQuery } from '../query/relationCallback';
import type { Key } from '../support/values';
import { Collection } from '../collection/Collection';
import type { Model, ModelClass } from '../model/Model';
import { keyStem, modelName, primaryKeys } from '../model/meta';
import { defaultForeignKey } from './naming';
import { BaseRelationOptions, ModelList, Relation, RelatedInput } from './Relation';
import { HasManyClient } from './clients/HasManyClient';
import { HasManyQueryBuilder } from './HasManyQueryBuilder';
import { countsByKey } from './counting';

/** Options of hasOne/hasMany (Lucid spelling). */
export interface HasOptions<Q = any> extends BaseRelationOptions<Q> {
  foreignKey?: string;
  localKey?: string;
}

/** Shared by hasMany and hasOne: keys, the eager query, counting and grouping by foreign key. */
export abstract class HasRelation<out P extends Model, R extends Model, Result> extends Relation<P, R, Result> {
  /** The column on the related sheet that holds the parent's key. */
  foreignKey = '';
  private readonly options: HasOptions;

  constructor(model: ModelClass<P>, related: RelatedInput<R>, options: HasOptions = {}) {
    super(model, related, options);
    this.options = options;
  }

  /** Parents are found from related rows by their own key. */
  protected parentKeyColumn(): string {
    return this.localKey;
  }

  protected resolveKeys(): void {
    this.localKey = this.options.localKey || this.defaultKey(this.model, `${this.type}(${modelName(this.relatedModel())}, '${this.options.foreignKey || 'foreign_key'}', 'local_key')`);
    this.foreignKey = this.options.foreignKey || defaultForeignKey(keyStem(this.model), primaryKeys(this.model), this.localKey);
  }

  /** The related model's key column (Lucid's `relatedKey`). */
  get relatedKey(): string {
    return primaryKeys(this.relatedModel())[0];
  }

  /** A query of the related model scoped to these parents' keys. */
  eagerQuery(parentList: ModelList<P>, callback?: (query: any) => unknown): any {
    this.boot();
    const parents = this.listOf(parentList, 'eagerQuery');
    this.assertParentColumn(parents, this.localKey);
    const query = this.relatedQuery(false, true);
    query.scopeToKeys(this.foreignKey, parents.map((parent) => this.keyOf(parent, this.localKey)));
    if (query instanceof HasManyQueryBuilder) query.partitionBy(this.foreignKey);
    constrainRelationQuery(query, callback);
    return query;
  }

  /** Groups related models by the parent key they hold. */
  protected groupByParent(related: R[]): Map<Key, R[]> {
    const groups = new Map<Key, R[]>();
    for (let i = 0; i < related.length; i++) {
      const model = related[i];
      const key = this.keyOf(model, this.foreignKey);
      const group = groups.get(key);
      if (group) group.push(model);
      else groups.set(key, [model]);
    }
    return groups;
  }

  /** Related rows per parent key (rows with a blank foreign key belong to no parent). */
  countByParent(callback?: (query: any) => unknown, parents?: readonly P[]): Map<Key, number> {
    const query = this.parentsQuery(callback, parents, () => this.foreignKey);
    const counts = query ? countsByKey(query, this.foreignKey, this.label()) : new Map<Key, number>();
    counts.delete('');
    return counts;
  }

  /** A column's values in the related rows per parent key. */
  valuesByParent(callback: ((query: any) => unknown) | undefined, parents: readonly P[] | undefined, column: () => string | null): Map<Key, unknown[]> {
    const query = this.parentsQuery(callback, parents, () => this.foreignKey);
    const groups = query ? query.valuesByKey(this.foreignKey, column()) : new Map<Key, unknown[]>();
    groups.delete('');
    return groups;
  }
}

/** One parent, many related rows. */
export class HasMany<out P extends Model = Model, R extends Model = Model> extends HasRelation<P, R, Collection<R>> {
  readonly type = 'hasMany' as const;

  /** A query of the related model that also has `groupLimit` / `groupOrderBy`. */
  override relatedQuery(subQuery = false, preload = false): HasManyQueryBuilder<R> {
    return this.configureQuery(new HasManyQueryBuilder<R>(this.relatedModel()), subQuery, preload);
  }

  /** Appends related models to a parent's loaded collection. */
  pushRelated(parent: P, related: ModelList<R>): void {
    this.pushToCollection(parent, related);
  }

  /** Gives every parent its Collection (empty when nothing matches). */
  setRelatedForMany(parentList: ModelList<P>, relatedList: ModelList<R>): void {
    this.boot();
    const parents = this.listOf(parentList, 'setRelatedForMany');
    const related = this.listOf(relatedList, 'setRelatedForMany');
    const groups = this.groupByParent(related);
    this.setGroups(parents, groups);
  }

  /** The writer and query for one parent. */
  client(parent: P): HasManyClient<P, R> {
    this.boot();
    return new HasManyClient(this, parent);
  }
}
