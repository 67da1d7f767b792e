/** `belongsTo(Related, foreignKey?, ownerKey?)`: the parent's sheet holds the related model's key. */
import { constrainRelationQuery } from '../query/relationCallback';
import { ValidationError } from '../errors';
import type { Model, ModelClass } from '../model/Model';
import { keyStem, modelName, primaryKeys } from '../model/meta';
import type { Key } from '../support/values';
import { defaultForeignKey } from './naming';
import { BaseRelationOptions, ModelList, Relation, RelatedInput } from './Relation';
import { BelongsToClient } from './clients/BelongsToClient';
import { countsByKey } from './counting';

/** Options of belongsTo (Lucid spelling: `localKey` is the related model's key). */
export interface BelongsToOptions<Q = any> extends BaseRelationOptions<Q> {
  foreignKey?: string;
  localKey?: string;
  /** Eloquent's name for `localKey`. */
  ownerKey?: string;
}

/** Many parents point at one related row. */
export class BelongsTo<out P extends Model = Model, R extends Model = Model> extends Relation<P, R, R | null> {
  readonly type = 'belongsTo' as const;
  /** The parent's column holding the related key. */
  foreignKey = '';
  private readonly options: BelongsToOptions;

  constructor(model: ModelClass<P>, related: RelatedInput<R>, options: BelongsToOptions = {}) {
    super(model, related, options);
    this.options = options;
  }

  /** Parents point at their related row by their foreign key. */
  protected parentKeyColumn(): string {
    return this.foreignKey;
  }

  protected resolveKeys(): void {
    const related = this.relatedModel();
    this.localKey = this.options.localKey || this.defaultKey(related, `belongsTo(${modelName(related)}, '${this.options.foreignKey || 'foreign_key'}', 'owner_key')`);
    this.foreignKey = this.options.foreignKey || defaultForeignKey(keyStem(related), primaryKeys(related), this.localKey);
  }

  /** Eloquent's name for the related model's key. */
  get ownerKey(): string {
    return this.localKey;
  }

  /** Lucid's `relatedKey`: the related model's key column. */
  get relatedKey(): string {
    return this.localKey;
  }

  /** Sets the related model. */
  pushRelated(parent: P, related: ModelList<R>): void {
    if (related === undefined) return this.setRelated(parent, null); // Lucid sets null
    const list = this.listOf(related, 'pushRelated');
    if (list.length > 1) throw new ValidationError(`${this.label()}.pushRelated(): a belongsTo relation holds one model, got ${list.length}.`);
    this.setRelated(parent, list.length ? list[0] : null);
  }

  /** Gives every parent the model its foreign key points at, or null. */
  setRelatedForMany(parentList: ModelList<P>, relatedList: ModelList<R>): void {
    this.boot();
    const parents = this.listOf(parentList, 'setRelatedForMany');
    const related = this.listOf(relatedList, 'setRelatedForMany');
    const byKey = new Map<Key, R>();
    for (let i = 0; i < related.length; i++) {
      const model = related[i];
      const key = this.keyOf(model, this.localKey);
      if (!byKey.has(key)) byKey.set(key, model);
    }
    parents.forEach((parent) => {
      this.setRelated(parent, byKey.get(this.keyOf(parent, this.foreignKey)) || null);
    });
  }

  /** A query of the related model for the keys these parents point at. */
  eagerQuery(parentList: ModelList<P>, callback?: (query: any) => unknown): any {
    this.boot();
    const parents = this.listOf(parentList, 'eagerQuery');
    this.assertParentColumn(parents, this.foreignKey);
    const query = this.relatedQuery(false, true);
    query.scopeToKeys(this.localKey, parents.map((parent) => this.keyOf(parent, this.foreignKey)));
    constrainRelationQuery(query, callback);
    return query;
  }

  /** The related rows holding each (non-blank) key and matching the sub-query (1, but 2 for a key typed twice, as SQL counts). */
  countByParent(callback?: (query: any) => unknown, parents?: readonly P[]): Map<Key, number> {
    const query = this.parentsQuery(callback, parents, () => this.localKey);
    const counts = query ? countsByKey(query, this.localKey, this.label()) : new Map<Key, number>();
    counts.delete('');
    return counts;
  }

  /** A column's values in the related rows per owner key (every row holding it, as SQL's aggregate would). */
  valuesByParent(callback: ((query: any) => unknown) | undefined, parents: readonly P[] | undefined, column: () => string | null): Map<Key, unknown[]> {
    const query = this.parentsQuery(callback, parents, () => this.localKey);
    const groups = query ? query.valuesByKey(this.localKey, column()) : new Map<Key, unknown[]>();
    groups.delete('');
    return groups;
  }

  /** associate/dissociate and a query for one parent. */
  client(parent: P): BelongsToClient<P, R> {
    this.boot();
    return new BelongsToClient(this, parent);
  }
}
