/**
 * The base model. Static methods query and create; instances carry attributes as properties and
 * know how to save, delete and load relations. Behaviour lives in the pieces that own it
 * (persistence, attributes, query, relations); this class is the public surface.
 */
import type { List } from '../collection/Collection';
import { registerCollectionLoader } from '../collection/load';
import { registerItemZone } from '../collection/itemZone';
import { ValidationError } from '../errors';
import { findRelation, isRelationKey } from '../relations/registry';
import type { AggregateMap, AggregateQueryCallback, AnyRelation, ClientOf, CountName, PathsOf, PreloadArg, PreloadPath, Preloader, RelatedName, RelationName, RelationOf, RelationQueryCallback, WithLoaded, WithLoadedBy } from '../relations/types';
import type { DefinitionOf } from '../relations/bound';
import { firstMade, rereadInSession, runWrite } from '../storage/UnitOfWork';
import { cloneValue, describeValue, isDate, isPlainObject } from '../support/values';
import { attributesOf, clearAttributes, dirtyAttributes, isRelationData, readAttribute, writeAttribute } from './attributes';
import { applyDefaults, takeRowConstruction } from './defaults';
import { classOf, defineResolvedSettings, modelName, primaryKeys, spreadsheetZone } from './meta';
import { deleteModel, insertModels, originalKeyValues, refreshModel, registerBaseSave, saveEach, updateModel } from './persistence';
import { incrementModel } from './increment';
import { loadCollection, loadRelations } from './load';
import { CherryPick, serialize } from './serialize';
import { checkAttributeList, checkAttributeObjects } from './staticArguments';
import { findOrCreate } from './findOrCreate';
import { rememberGiven } from './constructed';
import { attachState, extrasOf, originalRecord, pivotOf, stateOf } from './state';
import { ModelQueries } from './ModelQueries';

export type { PivotInput } from './definitions';

/** A model class (the constructor with the static API). */
export type ModelClass<M extends Model = Model> = (new (attributes?: any) => M) & typeof Model;

/** The attributes a model declares (its non-function, non-`$` properties); any when it declares none. */
export type ModelAttributes<M> = keyof DeclaredAttributes<M> extends never ? Record<string, unknown> : DeclaredAttributes<M> & RelationNamedColumns<M>;
type DeclaredAttributes<M> = {
  [K in keyof M as K extends `$${string}` | 'pivot' | 'serializeExtras' ? never : M[K] extends (...args: any[]) => any ? never : K]?: M[K];
};
/**
 * A column may share a relation's name (a `category` key beside `category()`), so writes take a
 * value under it; typed unknown so that a model instance (whose property there is the method) passes too.
 */
type RelationNamedColumns<M> = {
  [K in keyof M as K extends keyof Model ? never : M[K] extends (...args: any[]) => infer R ? (DefinitionOf<R> extends AnyRelation<any> ? K : never) : never]?: unknown;
};

/** Base class of sheetorm models. */
export class Model extends ModelQueries {
  /** The sheet name (alias `entity`, Lucid `table`); `Post.table` and `Post.entity` read it, plural of the class name by default. */
  static _table?: string;
  static entity: string;
  static table: string;
  /** Primary key column(s); `Post.primaryKey` reads it, `'id'` by default. */
  static _primaryKey?: string | readonly string[];
  static primaryKey: string | readonly string[];
  /**
   * `'uuid'` for `Utilities.getUuid()` keys instead of `max + 1` (`'increment'`, the default). Typed
   * as a string so that `static _keyType = 'uuid'` compiles; other values are refused when used.
   */
  static _keyType?: string;
  static keyType?: string;
  /** Pins the model to a spreadsheet other than the configured one. */
  static _spreadsheetId?: string | null;
  /** Columns `ensureSchema` creates (besides those in `fields()`). */
  static columns?: readonly string[];

  constructor(attributes?: Record<string, unknown>) {
    super();
    // A model made to hold a row gets its state when first asked (see state.ts).
    if (takeRowConstruction()) return;
    attachState(this);
    applyDefaults(this);
    if (attributes === undefined || attributes === null) return;
    checkAttributes(this, attributes, 'constructor');
    this.merge(attributes);
    rememberGiven(this, attributes);
  }

  // ----- Static writes ----------------------------------------------------------------------

  /** Inserts a row and returns its model (the key is assigned under the lock). */
  static create<M extends Model>(this: ModelClass<M>, attributes: ModelAttributes<M> = {} as ModelAttributes<M>): M {
    return firstMade(() => createModels(this, [attributes], 'create'));
  }
  /** Inserts rows with one `setValues`; all or nothing. */
  static createMany<M extends Model>(this: ModelClass<M>, list: List<ModelAttributes<M>>): M[] {
    return createModels(this, list, 'createMany');
  }
  /** The first model matching `search`, or a new one created from `search` and `attributes` (looked for without the lock first; created after looking again under it). */
  static firstOrCreate<M extends Model>(this: ModelClass<M>, search: ModelAttributes<M>, attributes: ModelAttributes<M> = {} as ModelAttributes<M>): M {
    return findOrCreateModel(this, 'firstOrCreate', search, attributes, false);
  }
  /** The first model matching `search`, or a new, unsaved one made from `search` and `attributes` (Lucid's firstOrNew). */
  static firstOrNew<M extends Model>(this: ModelClass<M>, search: ModelAttributes<M>, attributes: ModelAttributes<M> = {} as ModelAttributes<M>): M {
    checkAttributeObjects(modelName(this), 'firstOrNew', search, attributes);
    const found = this.query().where(search as Record<string, unknown>).first();
    return found || new this().merge({ ...(search as object), ...(attributes as object) });
  }
  /** Updates the first model matching `search` with `attributes`, or creates one (under one lock). */
  static updateOrCreate<M extends Model>(this: ModelClass<M>, search: ModelAttributes<M>, attributes: ModelAttributes<M> = {} as ModelAttributes<M>): M {
    return findOrCreateModel(this, 'updateOrCreate', search, attributes, true);
  }

  // ----- Relations --------------------------------------------------------------------------

  /** The relation defined under `name` (RelationNotFoundError if none), typed by its kind for a relation method's name. */
  static $getRelation<M extends Model, K extends RelationName<M>>(this: ModelClass<M>, name: K): RelationOf<M, K>;
  static $getRelation<M extends Model>(this: ModelClass<M>, name: string): AnyRelation<M>;
  static $getRelation<M extends Model>(this: ModelClass<M>, name: string): AnyRelation<M> {
    return findRelation(this, name, Model.prototype) as AnyRelation<M>;
  }
  /** Whether a relation named `name` is defined. */
  static $hasRelation(this: ModelClass, name: string): boolean {
    try {
      this.$getRelation(name);
      return true;
    } catch (error) {
      return false;
    }
  }
  // ----- Instance API -----------------------------------------------------------------------

  /** Whether the model has a row in the sheet. */
  get $isPersisted(): boolean {
    return stateOf(this).persisted;
  }
  /** Whether the model has no row yet. */
  get $isNew(): boolean {
    return !stateOf(this).persisted;
  }
  /** Whether the model's row was deleted. */
  get $isDeleted(): boolean {
    return stateOf(this).deleted;
  }
  /** Whether any attribute differs from the sheet. */
  get $isDirty(): boolean {
    return Object.keys(dirtyAttributes(this)).length > 0;
  }
  /** The attributes that differ from the sheet. */
  get $dirty(): Record<string, unknown> {
    return dirtyAttributes(this);
  }
  /** Attribute values as last read or written. */
  get $original(): Record<string, unknown> {
    return originalRecord(stateOf(this));
  }
  /** All attributes as a plain object. */
  get $attributes(): Record<string, unknown> {
    return { ...attributesOf(this) };
  }
  /** Extra values computed by queries (`tags_count`, `pivot_<column>`). */
  get $extras(): Record<string, any> {
    return extrasOf(this);
  }
  /** The primary key value (an array for composite keys). */
  get $primaryKeyValue(): unknown {
    const keys = primaryKeys(classOf<ModelClass>(this));
    const values = keys.map((key) => readAttribute(this, key));
    return keys.length === 1 ? values[0] : values;
  }
  /** The pivot row of a model reached through a many-to-many relation (else a `pivot` column's value, if any). */
  get pivot(): any {
    const pivot = pivotOf(stateOf(this));
    return pivot !== undefined ? pivot : readAttribute(this, 'pivot');
  }
  /** An object (or null/undefined, to drop it) is the pivot row; a cell value is a `pivot` column's. */
  set pivot(value: any) {
    const state = stateOf(this);
    const reached = state.pivotRow !== null || state.pivot !== undefined;
    // null clears a pivot column only on a model that holds one and no pivot row.
    const clearsColumn = value === null && !reached && readAttribute(this, 'pivot') !== undefined;
    if (value === undefined || (value === null && !clearsColumn) || isRelationData(value)) state.pivot = value;
    else writeAttribute(this, 'pivot', value);
  }

  /** Reads an attribute (also those named like model methods, such as `save`). */
  getAttribute(name: string): unknown {
    return readAttribute(this, name);
  }
  /** Sets an attribute (also those named like model methods). */
  setAttribute(name: string, value: unknown): this {
    writeAttribute(this, name, value);
    return this;
  }
  /** Sets attributes (Lucid's `merge`); undefined values, and models, lists or objects under a relation's name, are skipped. */
  merge(attributes: Record<string, unknown>): this {
    checkAttributes(this, attributes, 'merge()');
    const model = classOf<ModelClass>(this);
    const names = Object.keys(attributes);
    for (let i = 0; i < names.length; i++) {
      const value = attributes[names[i]];
      // undefined leaves the attribute (and a fields() default) as it is. Relation data (a toJSON() fed
      // back) is set by loading or the relation's client, never as a column (Lucid); a cell value under
      // a relation's name is its same-named column (a `category` key column beside `category()`).
      if (value === undefined) continue;
      // What toJSON() adds beside the columns (`pivot`, serializeExtras' `meta`) is no attribute either.
      if (isRelationData(value) && isSerializedExtra(this, names[i])) continue;
      if (isRelationData(value) && isRelationKey(model, names[i])) {
        if (holdsIds(value)) throw relationIdsError(model, names[i], value);
        continue;
      }
      writeAttribute(this, names[i], value);
    }
    return this;
  }
  /** Replaces the attributes of a new model; on a persisted model, sets the given ones like `merge`. */
  fill(attributes: Record<string, unknown>): this {
    checkAttributes(this, attributes, 'fill()');
    if (!stateOf(this).persisted) {
      clearAttributes(this);
      applyDefaults(this);
    }
    return this.merge(attributes);
  }
  /** Sets the given attributes on a saved model and writes them (Eloquent's `$post->update([...])`). */
  update(attributes: Record<string, unknown>): this {
    checkAttributes(this, attributes, 'update()');
    if (!stateOf(this).persisted) {
      const model = classOf<ModelClass>(this);
      throw new ValidationError(`${modelName(model)}.update(): this ${modelName(model)} has no row yet; save() it (or ${modelName(model)}.create(...)) to insert it.`);
    }
    return this.merge(attributes).save();
  }
  /** Inserts the model, or writes its changed attributes. */
  save(): this {
    const model = classOf<ModelClass>(this);
    // Nothing changed: no lock, no read, no write (as Eloquent's save()).
    if (stateOf(this).persisted && !this.$isDirty) return this;
    return runWrite(`${modelName(model)}.save`, (unit) => {
      if (stateOf(this).persisted) updateModel(model, this, unit);
      else insertModels(model, [this], unit);
      return this;
    });
  }
  /** Deletes the model's row (a model that has none, never saved or already deleted, is left as it is). */
  delete(): void {
    const model = classOf<ModelClass>(this);
    if (!stateOf(this).persisted) return;
    runWrite(`${modelName(model)}.delete`, (unit) => deleteModel(model, this, unit));
  }
  /** Re-reads the model's row (a model never saved is left as it is, as Lucid's is). */
  refresh(): this {
    refreshModel(classOf<ModelClass>(this), this);
    return this;
  }
  /** A new copy of the model read from its row (with `relations` loaded), or null when it has none (Eloquent's fresh). */
  fresh(): this | null;
  /** `fresh()` with relations loaded: `post.fresh('tags')`. */
  fresh<P extends PreloadPath<this>>(...relations: [P, ...P[]]): WithLoaded<this, P> | null;
  fresh(...relations: string[]): unknown {
    const model = classOf<ModelClass>(this);
    if (!stateOf(this).persisted) return null;
    const query = relations.length ? model.query().with(...relations) : model.query();
    // A session would hand back the rows it read: fresh() reads the row, and its relations' sheets, again.
    for (const ref of query.sheetsInvolved()) rereadInSession(ref);
    const keys = originalKeyValues(this, primaryKeys(model));
    return query.find(keys.length === 1 ? keys[0] : keys);
  }
  /** A new, unsaved model with this one's attributes (Dates copied), keys and the names in `except` left out (Eloquent's replicate). */
  replicate(except: List<string> | string = []): this {
    const model = classOf<ModelClass>(this);
    const names = typeof except === 'string' ? [except] : except;
    if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
      throw new ValidationError(`${modelName(model)}.replicate(except): expected a list of attribute names such as ['slug'], got ${describeValue(except)}.`);
    }
    const left = new Set(primaryKeys(model).concat(names));
    const attributes = attributesOf(this);
    const copy = new model() as this;
    for (const name of Object.keys(attributes)) if (!left.has(name)) writeAttribute(copy, name, cloneValue(attributes[name]));
    return copy;
  }
  /**
   * Adds `amount` (default 1) to a column in the model's row, read under the lock, and takes the new
   * value: `increment('views')`, `increment({ views: 1, likes: 2 })`, Eloquent's extra columns last.
   */
  increment(column: string, amount?: number | string, extra?: Partial<ModelAttributes<this>>): this;
  increment(amounts: Record<string, number | string>, extra?: Partial<ModelAttributes<this>>): this;
  increment(column: unknown, amount: unknown = 1, extra?: unknown): this {
    return incrementModel(classOf<ModelClass>(this), this, 'increment', column, amount, extra);
  }
  /** Subtracts `amount` (default 1) from a column in the model's row (see increment). */
  decrement(column: string, amount?: number | string, extra?: Partial<ModelAttributes<this>>): this;
  decrement(amounts: Record<string, number | string>, extra?: Partial<ModelAttributes<this>>): this;
  decrement(column: unknown, amount: unknown = 1, extra?: unknown): this {
    return incrementModel(classOf<ModelClass>(this), this, 'decrement', column, amount, extra);
  }
  /** Counts relations into `$extras.<name>_count` (Lucid's loadCount), reading only the relations' sheets. */
  loadCount<N extends CountName<this>>(name: N, callback?: RelationQueryCallback<this, N>): this;
  loadCount(...names: Array<CountName<this> | Array<CountName<this>>>): this;
  loadCount(constrained: { [N in CountName<this>]?: RelationQueryCallback<this, N> | null }): this;
  loadCount(...args: any[]): this {
    loadCollection(Model, [this], args, 'loadCount');
    return this;
  }
  /** Sets `$extras.<name>_exists` to whether related rows exist (Eloquent's loadExists). */
  loadExists<N extends CountName<this>>(name: N, callback?: RelationQueryCallback<this, N>): this;
  loadExists(...names: Array<CountName<this> | Array<CountName<this>>>): this;
  loadExists(...args: any[]): this {
    loadCollection(Model, [this], args, 'loadExists');
    return this;
  }
  /** Sets `$extras.<name>_sum_<column>`, the total of a related column (Eloquent's loadSum); null when there is none. */
  loadSum(relation: CountName<this> | AggregateMap<this>, column: string): this {
    loadCollection(Model, [this], Array.from(arguments), 'loadSum');
    return this;
  }
  /** Sets `$extras.<name>_avg_<column>` (Eloquent's loadAvg). */
  loadAvg(relation: CountName<this> | AggregateMap<this>, column: string): this {
    loadCollection(Model, [this], Array.from(arguments), 'loadAvg');
    return this;
  }
  /** Sets `$extras.<name>_min_<column>` (Eloquent's loadMin). */
  loadMin(relation: CountName<this> | AggregateMap<this>, column: string): this {
    loadCollection(Model, [this], Array.from(arguments), 'loadMin');
    return this;
  }
  /** Sets `$extras.<name>_max_<column>` (Eloquent's loadMax). */
  loadMax(relation: CountName<this> | AggregateMap<this>, column: string): this {
    loadCollection(Model, [this], Array.from(arguments), 'loadMax');
    return this;
  }
  /** Lucid's loadAggregate: `post.loadAggregate('comments', q => q.sum('votes').as('votes'))`. */
  loadAggregate<N extends CountName<this>>(name: N, callback: AggregateQueryCallback<this, N>): this {
    loadCollection(Model, [this], [name, callback], 'loadAggregate');
    return this;
  }
  /** Lucid's form: `load((loader) => loader.load('profile').load('posts', q => …))`; returning the chain types the loaded relations. */
  load<L extends string>(loader: (loader: Preloader<this>) => Preloader<this, L>): WithLoaded<this, L>;
  /** Lucid's form, with the paths given in statements: they load, but the result is typed as the model. */
  load(loader: (loader: Preloader<this>) => void): this;
  /** Loads relations onto this model: `load('tags')`, `load('posts.tags')`, `load('tags', q => …)`. */
  load<P extends PreloadPath<this>, C = unknown>(name: P, callback: RelationQueryCallback<this, P, C> | null | undefined): WithLoadedBy<this, P, C>;
  load<A extends Array<PreloadArg<this>>>(...args: A): WithLoaded<this, PathsOf<A>>;
  load(...args: unknown[]): unknown {
    loadRelations(classOf<ModelClass>(this), [this], args);
    return this;
  }
  /** Lucid's spelling of `load(name, callback?)`. */
  preload<P extends PreloadPath<this>, C = unknown>(name: P, callback?: RelationQueryCallback<this, P, C>): WithLoadedBy<this, P, C> {
    return (callback ? this.load(name, callback) : this.load(name)) as unknown as WithLoadedBy<this, P, C>;
  }
  /** The relation client for this model: query it, attach/sync, create related models… */
  related<K extends RelatedName<this>>(name: K): ClientOf<this, K> {
    return classOf<ModelClass>(this).$getRelation(name).client(this) as ClientOf<this, K>;
  }
  /** A plain object: attributes, loaded relations and `pivot`; what an overridden `serialize()` returns, as in Lucid. */
  toJSON(): Record<string, any> {
    // An override that calls toJSON() itself gets the plain form, not a loop.
    if (this.serialize === Model.prototype.serialize || serializing.has(this)) return serialize(this, classOf<ModelClass>(this));
    serializing.add(this);
    try {
      return this.serialize();
    } finally {
      serializing.delete(this);
    }
  }
  /** `toJSON()`, keeping only the fields (and relations' fields) a Lucid cherry-pick names: `serialize({ fields: ['id', 'title'] })`. */
  serialize(cherryPick?: CherryPick): Record<string, any> {
    return serialize(this, classOf<ModelClass>(this), cherryPick);
  }
}

/** Models whose overridden serialize() is running, from their toJSON(). */
const serializing = new WeakSet<object>();

registerBaseSave(Model.prototype.save);
registerCollectionLoader((items, args, kind) => loadCollection(Model, items, args, kind));
registerItemZone((item) => (item instanceof Model ? spreadsheetZone(classOf<ModelClass>(item)) : undefined));
// Lucid's `serializeExtras`: true adds `$extras` to toJSON() as `meta`, a method's object is added as
// it is. Left undeclared so a subclass may make it a field, getter or method; a boolean field
// (`serializeExtras = true`) is never taken for a column. Not enumerable: `for (k in post)` lists columns only.
Object.defineProperty(Model.prototype, 'serializeExtras', { value: false, writable: true, configurable: true });
defineResolvedSettings(Model);

// A column named like a read-only member ($extras, $dirty, ...): assigning it on the instance writes
// the attribute, as for a column named like a method, instead of being dropped.
for (const name of ['$isPersisted', '$isNew', '$isDeleted', '$isDirty', '$dirty', '$original', '$attributes', '$extras', '$primaryKeyValue']) {
  const descriptor = Object.getOwnPropertyDescriptor(Model.prototype, name) as PropertyDescriptor;
  Object.defineProperty(Model.prototype, name, {
    ...descriptor,
    set(this: Model, value: unknown) {
      writeAttribute(this, name, value);
    },
  });
}

/** Refuses anything but an object of attributes, naming the call (`new Post()`, `Post.fill()`); kept off the prototype, where a column could share its name. */
/** A list of ids or values (`tags: [1, 2]`) under a relation's name: meant as links, which merge() cannot make. */
function holdsIds(value: unknown): boolean {
  return Array.isArray(value) && value.some((item) => item === null || typeof item !== 'object' || isDate(item));
}

function relationIdsError(model: ModelClass, name: string, value: unknown): ValidationError {
  return new ValidationError(
    `${modelName(model)}: "${name}" is a relation, and ${describeValue(value)} holds ids, not rows, so it cannot be set with the attributes. ` +
      `Save the model, then link them through the relation: model.related('${name}').attach(ids) or .sync(ids) for many-to-many, .createMany(rows) or .saveMany(models) for hasMany. Nothing was written.`,
  );
}

/** Whether `name` is a key toJSON() adds beside attributes and relations: `pivot`, or `meta` with `serializeExtras = true`. */
function isSerializedExtra(model: Model, name: string): boolean {
  return name === 'pivot' || (name === 'meta' && (model as { serializeExtras?: unknown }).serializeExtras === true);
}

function checkAttributes(model: Model, attributes: unknown, method: string): void {
  if (isPlainObject(attributes)) return;
  const name = modelName(classOf<ModelClass>(model));
  const call = method === 'constructor' ? `new ${name}()` : `${name}.${method}`;
  throw new ValidationError(`${call}: expected an object of attributes, got ${describeValue(attributes)}.`);
}

/** Model.firstOrCreate / updateOrCreate: the first row matching `search`, else a new one. */
function findOrCreateModel<M extends Model>(model: ModelClass<M>, method: string, search: ModelAttributes<M>, attributes: ModelAttributes<M>, update: boolean): M {
  const owner = modelName(model);
  checkAttributeObjects(owner, method, search, attributes);
  const find = () => model.query().where(search as Record<string, unknown>).first();
  return findOrCreate(owner, method, find, (merged) => model.create(merged as ModelAttributes<M>), search as object, attributes as object, update);
}

/** Builds models of the attribute objects (or models) given and inserts them in one write; `method` names the caller in errors. */
function createModels<M extends Model>(model: ModelClass<M>, list: List<unknown>, method: 'create' | 'createMany'): M[] {
  checkAttributeList(method === 'create' ? list[0] : list, modelName(model), method, model);
  if (!list.length) return [];
  const instances = Array.from(list, (attributes) =>
    // Merged after construction: a subclass's field initialisers (`views = 0`) run after super() and would overwrite them.
    attributes instanceof model ? (attributes as M) : new model().merge(attributes as Record<string, unknown>),
  );
  return runWrite(`${modelName(model)}.${method}`, (unit) => {
    // create() always inserts: an override's save() would update a model given twice or already saved.
    const allNew = new Set(instances).size === instances.length && instances.every((instance) => !instance.$isPersisted);
    if (allNew && model.prototype.save !== Model.prototype.save) saveEach(model, instances);
    else insertModels(model, instances, unit);
    return instances;
  });
}
