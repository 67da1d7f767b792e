/**
 * `manyToMany(Related, pivot, pivotForeignKey?, pivotRelatedForeignKey?, localKey?, relatedKey?)`
 * (alias `belongsToMany`): parents and related rows joined through a pivot sheet. The pivot is a
 * sheet name, a pivot model class (its instances become `pivot`) or Lucid's options object.
 */
import { constrainRelationQuery } from '../query/relationCallback';
import { ValidationError } from '../errors';
import { Collection } from '../collection/Collection';
import type { Model, ModelClass } from '../model/Model';
import { keyStem, modelName, pinnedSpreadsheetId, primaryKeys, sheetName, tableRef } from '../model/meta';
import { readAttribute } from '../model/attributes';
import { extrasOf } from '../model/state';
import { TableRef } from '../storage/TableRef';
import { readScope } from '../storage/UnitOfWork';
import { describeValue, isBlankKey, normalizeKey, Key } from '../support/values';
import { foreignKeyFor, pivotSheetFor } from './naming';
import { BaseRelationOptions, ModelList, Relation, RelatedInput } from './Relation';
import { ManyToManyQueryBuilder } from './pivot/ManyToManyQueryBuilder';
import { ManyToManyClient } from './pivot/ManyToManyClient';

/** Lucid's many-to-many options. */
export interface ManyToManyOptions<Q = any> extends BaseRelationOptions<Q> {
  pivotTable?: string;
  localKey?: string;
  relatedKey?: string;
  pivotForeignKey?: string;
  pivotRelatedForeignKey?: string;
  pivotColumns?: string[] | string;
  /** A model class for pivot rows (Pinia's pivot model). */
  pivotModel?: ModelClass<any>;
}

/** Parents and related rows linked by pivot rows. */
export class ManyToMany<out P extends Model = Model, R extends Model = Model> extends Relation<P, R, Collection<R>> {
  readonly type = 'manyToMany' as const;
  /** The related model's key column. */
  relatedKey = '';
  /** Pivot column holding the parent's key. */
  pivotForeignKey = '';
  /** Pivot column holding the related model's key. */
  pivotRelatedForeignKey = '';
  /** The pivot sheet. */
  pivotTable = '';
  /** Extra pivot columns loaded into `pivot` and `$extras.pivot_<column>`. */
  pivotColumns: string[];
  /** The pivot model class, when one was given. */
  readonly pivotModel: ModelClass<any> | null;
  private readonly options: ManyToManyOptions;

  constructor(model: ModelClass<P>, related: RelatedInput<R>, options: ManyToManyOptions = {}) {
    super(model, related, options);
    this.options = options;
    this.pivotModel = options.pivotModel || null;
    // One name may come as text (as pivotColumns('role') takes it); checkManyToManyOptions checked the rest.
    this.pivotColumns = typeof options.pivotColumns === 'string' ? [options.pivotColumns] : (options.pivotColumns || []).slice();
  }

  /** Parents are paired through pivot rows by their own key. */
  protected parentKeyColumn(): string {
    return this.localKey;
  }

  protected resolveKeys(): void {
    const related = this.relatedModel();
    const o = this.options;
    const options = (name: string) => `manyToMany(${modelName(related)}, { pivotTable, ${name}, ... })`;
    this.localKey = o.localKey || this.defaultKey(this.model, options('localKey'));
    this.relatedKey = o.relatedKey || this.defaultKey(related, options('relatedKey'));
    // Named after the (first) primary key column, as Lucid does, whichever column the relation matches on.
    this.pivotForeignKey = o.pivotForeignKey || foreignKeyFor(keyStem(this.model), primaryKeys(this.model)[0]);
    this.pivotRelatedForeignKey = o.pivotRelatedForeignKey || foreignKeyFor(keyStem(related), primaryKeys(related)[0]);
    this.pivotTable = o.pivotTable || (this.pivotModel ? sheetName(this.pivotModel) : pivotSheetFor(keyStem(this.model), keyStem(related)));
    if (this.pivotForeignKey === this.pivotRelatedForeignKey) {
      throw new ValidationError(
        `${this.label()}: both pivot keys are "${this.pivotForeignKey}" (a model related to itself, or two sheets with one singular name); name them, e.g. manyToMany(${modelName(related)}, '${this.pivotTable}', '${this.pivotForeignKey}', 'other_${this.pivotRelatedForeignKey}').`,
      );
    }
  }

  /** The pivot sheet as storage sees it (rows found again by the two foreign keys, or the pivot model's key). */
  pivotRef(): TableRef {
    this.boot();
    return {
      sheetName: this.pivotTable,
      spreadsheetId: pinnedSpreadsheetId(this.pivotModel || this.model),
      owner: this.label(),
      keyColumns: this.pivotModel ? tableRef(this.pivotModel).keyColumns : [this.pivotForeignKey, this.pivotRelatedForeignKey],
      keySetting: this.pivotModel ? tableRef(this.pivotModel).keySetting : undefined,
      uniqueKeys: this.pivotModel !== null,
      numberedColumn: this.pivotModel ? undefined : 'id',
    };
  }

  /** The related sheet and the pivot sheet. */
  override tables(): TableRef[] {
    return [tableRef(this.relatedModel()), this.pivotRef()];
  }

  /** `[pivotForeignKey, parent key]`. */
  getPivotPair(parent: P): [string, unknown] {
    this.boot();
    return [this.pivotForeignKey, this.pairKey(parent, this.model, this.localKey, 'getPivotPair')];
  }

  /** `[pivotRelatedForeignKey, related key]`. */
  getPivotRelatedPair(related: R): [string, unknown] {
    this.boot();
    return [this.pivotRelatedForeignKey, this.pairKey(related, this.relatedModel(), this.relatedKey, 'getPivotRelatedPair')];
  }

  /** A model's key for a pivot row: refused when blank, as a pivot row needs it (Lucid). */
  private pairKey(model: object, owner: ModelClass, column: string, method: string): unknown {
    this.requireModel(model, method, () => `a ${modelName(owner)} model, got ${describeValue(model)}`);
    const value = readAttribute(model, column);
    if (isBlankKey(value)) {
      throw new ValidationError(`${this.label()}: ${modelName(owner)}.${column} is ${describeValue(value)}; save the model before pairing it through "${this.pivotTable}".`);
    }
    return value;
  }

  /** Appends related models to a parent's loaded collection. */
  pushRelated(parent: P, related: ModelList<R>): void {
    this.pushToCollection(parent, related);
  }

  /** Gives every parent its related models, matched on `$extras.pivot_<pivotForeignKey>`. */
  setRelatedForMany(parentList: ModelList<P>, relatedList: ModelList<R>): void {
    this.boot();
    const parents = this.listOf(parentList, 'setRelatedForMany');
    const related = this.listOf(relatedList, 'setRelatedForMany');
    const extra = `pivot_${this.pivotForeignKey}`;
    const groups = new Map<Key, R[]>();
    for (let i = 0; i < related.length; i++) {
      const model = related[i];
      const key = normalizeKey(extrasOf(model)[extra]);
      const group = groups.get(key);
      if (group) group.push(model);
      else groups.set(key, [model]);
    }
    this.setGroups(parents, groups);
  }

  /** Loads the relation for many parents, grouping by the pivot rows directly (one read per sheet). */
  override eagerLoad(parentList: ModelList<P>, callback?: (query: any) => unknown): R[] {
    this.boot();
    const parents = this.listOf(parentList, 'eagerLoad');
    return readScope(() => {
      // Built even when nothing can match: the callback and onQuery still run, and report their mistakes.
      const query = this.eagerQuery(parents, callback);
      if (!this.anyParentKey(parents) || !query.pairsAnyParent()) {
        parents.forEach((parent) => this.setRelated(parent, new Collection<R>()));
        return [];
      }
      const { models, groups } = query.getByParent();
      parents.forEach((parent, i) => this.setRelated(parent, Collection.wrap(groups[i])));
      return models;
    });
  }

  /** A joined query of related rows for these parents. */
  eagerQuery(parentList: ModelList<P>, callback?: (query: any) => unknown): ManyToManyQueryBuilder<R> {
    this.boot();
    const parents = this.listOf(parentList, 'eagerQuery');
    this.assertParentColumn(parents, this.localKey);
    const query = this.newQuery(parents.map((parent) => readAttribute(parent, this.localKey)), false, true);
    constrainRelationQuery(query, callback);
    return query;
  }

  /** A joined query over all parents, for `has`/`whereHas`/`withCount` (`isRelatedSubQuery` is true). */
  override subQuery(callback?: (query: any) => unknown): ManyToManyQueryBuilder<R> {
    const query = this.newQuery(null, true);
    constrainRelationQuery(query, callback);
    return query;
  }

  /** Joined rows per parent key. */
  countByParent(callback?: (query: any) => unknown, parents?: readonly P[]): Map<Key, number> {
    const query = this.parentsJoin(callback, parents);
    return query ? query.countByParent() : new Map();
  }

  /** A column (related, or pivot when qualified or only there) of the joined rows per parent key. */
  valuesByParent(callback: ((query: any) => unknown) | undefined, parents: readonly P[] | undefined, column: () => string | null): Map<Key, unknown[]> {
    const query = this.parentsJoin(callback, parents);
    return query ? query.valuesByParent(column()) : new Map();
  }

  /** The joined sub-query for `parents` (all when not one), or null when the one parent's key is blank. */
  private parentsJoin(callback: ((query: any) => unknown) | undefined, parents: readonly P[] | undefined): ManyToManyQueryBuilder<R> | null {
    const key = this.soleParentKey(parents);
    if (key === undefined) return this.subQuery(callback);
    const query = this.newQuery(key === null ? [] : [key], true);
    // Run for a blank key too: the callback may name the count (`as('tagged')`).
    constrainRelationQuery(query, callback);
    return key === null ? null : query;
  }

  /** A joined query (parents: keys to restrict to, or null for all), with onQuery applied. */
  newQuery(parentKeys: unknown[] | null, subQuery: boolean, preload = false): ManyToManyQueryBuilder<R> {
    this.boot();
    const query = new ManyToManyQueryBuilder<R>(this as unknown as ManyToMany<Model, R>, parentKeys, preload);
    query.isRelatedQuery = true;
    query.isRelatedSubQuery = subQuery;
    query.isRelatedPreloadQuery = preload;
    if (this.onQuery) this.onQuery(query);
    query.sealConditions();
    return query;
  }

  /** attach/detach/sync/… and a query for one parent. */
  client(parent: P): ManyToManyClient<P, R> {
    this.boot();
    return new ManyToManyClient(this, parent);
  }
}
