/** Writing a hasMany relation for one parent: create/save related models with the parent's key set. */
import type { List } from '../../collection/Collection';
import { ValidationError } from '../../errors';
import type { Model, ModelAttributes } from '../../model/Model';
import type { QueryBuilder } from '../../query/QueryBuilder';
import type { HasManyQueryBuilder } from '../HasManyQueryBuilder';
import { readAttribute, removeAttribute, writeAttribute } from '../../model/attributes';
import { saveInWrite } from '../../model/persistence';
import { checkAttributeList, checkAttributeObjects } from '../../model/staticArguments';
import { findOrCreate } from '../../model/findOrCreate';
import { firstMade, runWrite } from '../../storage/UnitOfWork';
import { describeValue, isBlankKey } from '../../support/values';
import type { HasRelation } from '../HasMany';
import type { RelatedInput } from '../types';
import { assertParentNotDeleted, blankParentKey, requireRelated, saveParentFirst, setForeignKey, writingKey } from './support';

/**
 * The client returned by `parent.related(name)` for hasMany (and, through HasOneClient, hasOne);
 * `Q` is the type of its query (hasMany's has `groupLimit`).
 */
export class HasManyClient<out P extends Model, R extends Model, Q extends QueryBuilder<R> = HasManyQueryBuilder<R>> {
  readonly relation: HasRelation<P, R, unknown>;
  readonly parent: P;

  constructor(relation: HasRelation<P, R, unknown>, parent: P) {
    this.relation = relation;
    this.parent = parent;
  }

  /** A query of this parent's related models. */
  query(): Q {
    const query: Q = this.relation.relatedQuery();
    query.scopeToKeys(this.relation.foreignKey, [this.parentKey()]);
    return query;
  }

  /** Creates a related model holding the parent's key (a new or changed parent is saved first, as in Lucid). */
  create(attributes: ModelAttributes<R> = {} as ModelAttributes<R>): R {
    checkAttributeList(attributes, this.relation.label(), 'create');
    assertParentNotDeleted(this.parent, this.relation.label(), 'create');
    return firstMade(() => this.createRows('create', [attributes]));
  }

  /** Creates related models (one append). */
  createMany(list: List<ModelAttributes<R>>): R[] {
    checkAttributeList(list, this.relation.label(), 'createMany');
    assertParentNotDeleted(this.parent, this.relation.label(), 'createMany');
    return this.createRows('createMany', list);
  }

  /** One write named after the relation's method, so lock and service errors say `User.posts.create`. */
  private createRows(method: string, list: List<ModelAttributes<R>>): R[] {
    if (this.parent.$isPersisted) this.parentKey();
    return writingKey(this.relation.label(), this.relation.foreignKey, () => this.createInWrite(method, list));
  }

  private createInWrite(method: string, list: List<ModelAttributes<R>>): R[] {
    return runWrite(`${this.relation.label()}.${method}`, (unit) => {
      const parentIsNew = !this.parent.$isPersisted || unit.inserted.has(this.parent);
      saveParentFirst(this.parent);
      const key = this.parentKey();
      const foreignKey = this.relation.foreignKey;
      const rows = list.map((attributes) => ({ ...attributes, [foreignKey]: key }));
      const created = this.relation.relatedModel().createMany(rows as any) as unknown as R[];
      // Rolled back, a parent saved here (or earlier in the transaction) loses its key: the new models must not keep a link to it.
      if (parentIsNew) {
        created.forEach((model, i) => {
          const given = (list[i] as Record<string, unknown>)[foreignKey];
          unit.record(() => (given === undefined ? removeAttribute(model, foreignKey) : writeAttribute(model, foreignKey, given)));
        });
      }
      return created;
    });
  }

  /** The parent's first related model matching `search`, or a new one created from `search` and `attributes` (looked for without the lock first; created after looking again under it). */
  firstOrCreate(search: ModelAttributes<R>, attributes: ModelAttributes<R> = {} as ModelAttributes<R>): R {
    return this.findOrCreate('firstOrCreate', search, attributes, false);
  }

  /** Updates the parent's first related model matching `search` with `attributes`, or creates one (under one lock, Lucid's). */
  updateOrCreate(search: ModelAttributes<R>, attributes: ModelAttributes<R>): R {
    return this.findOrCreate('updateOrCreate', search, attributes, true);
  }

  private findOrCreate(method: string, search: ModelAttributes<R>, attributes: ModelAttributes<R>, update: boolean): R {
    const owner = this.relation.label();
    checkAttributeObjects(owner, method, search, attributes);
    assertParentNotDeleted(this.parent, owner, method);
    const find = () => this.query().where(search as Record<string, unknown>).first();
    return findOrCreate(owner, method, find, (merged) => this.create(merged as ModelAttributes<R>), search as object, attributes as object, update);
  }

  /** Sets the parent's key on a related model and saves it (a new or changed parent is saved first, as in Lucid). */
  save<T extends RelatedInput<R>>(model: T): T {
    requireRelated(model, this.relation.relatedModel(), this.relation.label(), 'save');
    assertParentNotDeleted(this.parent, this.relation.label(), 'save');
    if (this.parent.$isPersisted) this.parentKey();
    return writingKey(this.relation.label(), this.relation.foreignKey, () =>
      runWrite(`${this.relation.label()}.save`, (unit) => {
        saveParentFirst(this.parent);
        setForeignKey(unit, model, this.relation.foreignKey, this.parentKey());
        saveInWrite(model);
        return model;
      }),
    );
  }

  /** Saves several related models in one unit of work. */
  saveMany<T extends RelatedInput<R>>(models: List<T>): T[] {
    if (!Array.isArray(models)) throw new ValidationError(`${this.relation.label()}.saveMany(): expected an array of models, got ${describeValue(models)}.`);
    return runWrite(`${this.relation.label()}.saveMany`, () => models.map((model) => this.save(model)));
  }

  protected parentKey(): unknown {
    this.relation.assertParentColumn([this.parent], this.relation.localKey);
    const key = readAttribute(this.parent, this.relation.localKey);
    if (isBlankKey(key)) {
      throw blankParentKey(this.parent, this.relation.localKey, this.relation.label());
    }
    return key;
  }
}
