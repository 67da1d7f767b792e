/**
 * The contract every relation kind implements (after Eloquent's Relation and Lucid's relation
 * definitions): lazily booted keys, eager loading of many parents at once through a Map, and a
 * client for one parent.
 */
import type { QueryBuilder } from '../query/QueryBuilder';
import { constrainRelationQuery } from '../query/relationCallback';
import type { Model, ModelClass } from '../model/Model';
import { modelName, primaryKeys, tableRef } from '../model/meta';
import { describeRef, TableRef } from '../storage/TableRef';
import { setLoadedRelation, stateOf } from '../model/state';
import { keepAssignedAttribute, readAttribute } from '../model/attributes';
import { Collection } from '../collection/Collection';
import { ColumnNotFoundError, SheetORMError, ValidationError } from '../errors';
import { describeValue, isBlankKey, normalizeKey, Key } from '../support/values';
import { callerName, definingName } from './callerName';

/** One model, or several as an array or a Collection. */
export type ModelList<T> = T | T[] | Collection<T>;

/** The four relation kinds. */
export type RelationType = 'hasOne' | 'hasMany' | 'belongsTo' | 'manyToMany';

/** A related class, or a thunk returning it (so models can reference each other). */
export type RelatedInput<R extends Model> = ModelConstructor<R> | (() => ModelConstructor<R>);

/** Just the constructor of a model class (light enough for TypeScript to infer `R` without cycles). */
export type ModelConstructor<R> = abstract new (...args: any[]) => R;

/** Options every relation accepts (Lucid spelling); `Q` is the type of the relation's queries. */
export interface BaseRelationOptions<Q = any> {
  serializeAs?: string | null;
  /** Applied to every query of the relation (eager, lazy and sub-queries). */
  onQuery?: (query: Q) => unknown;
  /** Lucid's free-form data about the relation; accepted and not used. */
  meta?: unknown;
}

/**
 * A relation definition, shared by all instances of the parent model. `out P` (here and on each
 * relation and client class): a Post's relation is a Model's, whatever order TypeScript checks
 * files in; left to inference, P could come out invariant and break `Post.where(...)` typing.
 */
export abstract class Relation<out P extends Model = Model, R extends Model = Model, Result = unknown> {
  /** The relation kind. */
  abstract readonly type: RelationType;
  /** The name it was defined under (`tags`). */
  relationName = '';
  /** Key of the relation in `toJSON()` (`null` leaves it out). */
  serializeAs: string | null;
  /** Whether keys have been resolved. */
  booted = false;
  /** The parent model class. */
  readonly model: ModelClass<P>;
  /** A callback applied to every query of this relation (eager, lazy and sub-queries). */
  onQuery: ((query: any) => unknown) | undefined;
  /** The key column on the parent side. */
  localKey = '';
  protected readonly related: RelatedInput<R>;

  constructor(model: ModelClass<P>, related: RelatedInput<R>, options: BaseRelationOptions = {}) {
    if (typeof related !== 'function') {
      const name = definingName();
      const hint = typeof related === 'string' ? `: pass the class itself (${related}) or a function returning it (() => ${related}), not its name` : '';
      throw new SheetORMError(`${modelName(model)}${name ? `.${name}` : ''}: a relation needs a model class (or a function returning one), got ${describeValue(related)}${hint}.`);
    }
    this.model = model;
    this.related = related;
    this.serializeAs = options.serializeAs === undefined ? '' : options.serializeAs;
    this.onQuery = options.onQuery;
  }

  /** The related model class (a thunk is resolved on each call). */
  relatedModel(): ModelClass<R> {
    const input = this.related as unknown as { prototype?: unknown; $getRelation?: unknown };
    if (input.prototype && typeof input.$getRelation === 'function') return this.related as ModelClass<R>;
    let resolved: unknown;
    let isClass = false;
    try {
      resolved = (this.related as () => ModelClass<R>)();
    } catch (error) {
      // A class that is not a model cannot be called; a thunk that throws says why itself. By name:
      // the TypeError comes from the class's realm (a library's user script is another one).
      if (!isErrorNamed(error, 'TypeError') || !/^class\b/.test(Function.prototype.toString.call(this.related))) throw error;
      isClass = true;
    }
    if (typeof resolved !== 'function' || typeof (resolved as { $getRelation?: unknown }).$getRelation !== 'function') {
      // An arrow function is a thunk; a class or named function given in its place is the likelier mistake.
      const named = input.prototype ? (this.related as { name?: string }).name : '';
      throw new SheetORMError(
        named
          ? `${this.label()}: ${named} is neither a model class (a class extending SheetORM.Model) nor a function returning one${isClass ? '' : `: calling it returned ${describeValue(resolved)}`}.`
          : `${this.label()}: the related model thunk returned ${describeValue(resolved)}, not a model class (is that class defined yet?).`,
      );
    }
    return resolved as ModelClass<R>;
  }

  /** Resolves default keys once. */
  boot(): void {
    if (this.booted) return;
    this.resolveKeys();
    this.booted = true;
  }

  /**
   * The key column of `model` the relation matches on when none is named. A composite key has no
   * such column: matching on its first part would join rows of other keys, so it must be named.
   */
  protected defaultKey(model: ModelClass, howToName: string): string {
    const keys = primaryKeys(model);
    if (keys.length === 1) return keys[0];
    throw new ValidationError(
      `${this.label()}: ${modelName(model)} has a composite primary key (${keys.join(', ')}) and a relation matches on one column; name that column: ${howToName}.`,
    );
  }

  /** `Post.tags`, for messages (a relation its method built for one model is named after that method). */
  label(): string {
    return `${modelName(this.model)}.${this.relationName || callerName(this) || definingName() || '(relation)'}`;
  }

  /** The sheets loading this relation reads. */
  tables(): TableRef[] {
    return [tableRef(this.relatedModel())];
  }

  /** Sets a loaded relation on a parent: a model or null, or for hasMany/manyToMany a Collection or an array. */
  setRelated(parent: P, related: Result | R[]): void {
    this.requireModel(parent, 'setRelated');
    const many = this.type === 'hasMany' || this.type === 'manyToMany';
    // Lucid: undefined leaves a hasOne as it is, and sets a belongsTo to null.
    if (related === undefined && this.type === 'hasOne') return;
    if (related === undefined && this.type === 'belongsTo') related = null as Result;
    if (Array.isArray(related)) {
      if (!many) throw new ValidationError(`${this.label()}.setRelated(): a ${this.type} relation holds one model or null, not an array.`);
      // A plain array is checked; the Collections eager loads hand over hold models already.
      if (!(related instanceof Collection)) related = new Collection(this.listOf(related, 'setRelated')) as unknown as Result;
    } else if (many) {
      throw new ValidationError(`${this.label()}.setRelated(): a ${this.type} relation holds an array or Collection of models (empty for none), got ${describeValue(related)}.`);
    } else if (related !== null && typeof related !== 'object') {
      throw new ValidationError(`${this.label()}.setRelated(): a ${this.type} relation holds one model or null, got ${describeValue(related)}.`);
    }
    // `post.category = 2; post.load('category')`: the 2 stays the attribute, to be saved.
    keepAssignedAttribute(parent, this.relationName);
    setLoadedRelation(parent, this.relationName, related);
    if (hasAccessor(Object.getPrototypeOf(parent), this.relationName)) {
      Object.defineProperty(parent, this.relationName, { value: related, enumerable: true, writable: true, configurable: true });
    } else {
      (parent as unknown as Record<string, unknown>)[this.relationName] = related;
    }
  }

  /** Throws unless the parents' sheet has `column` (a missing key column would silently match nothing). */
  assertParentColumn(parents: P[], column: string): void {
    const columns = parents.length ? stateOf(parents[0]).columns : null;
    if (columns && columns.indexOf(column) < 0) {
      throw new ColumnNotFoundError(`${this.label()}: ${describeRef(tableRef(this.model))} has no column "${column}" (columns: ${columns.join(', ')}).`);
    }
  }

  /** Gives each parent the group under its key as a Collection; parents with equal keys ('1' and 1) each get their own. */
  protected setGroups(parents: P[], groups: Map<Key, R[]>): void {
    const handed = new Set<R[]>();
    // Collections of models already checked: setRelated copies and checks only plain arrays.
    const give = (parent: P, list: R[]) => this.setRelated(parent, Collection.wrap(list) as unknown as Result);
    parents.forEach((parent) => {
      const group = groups.get(this.keyOf(parent, this.localKey));
      if (!group) return give(parent, []);
      if (handed.has(group)) return give(parent, group.slice());
      handed.add(group);
      give(parent, group);
    });
  }

  /** The normalised value of a model's key column. */
  protected keyOf(model: Model, column: string): Key {
    return normalizeKey(readAttribute(model, column));
  }

  /** The parent column an eager load looks related rows up by. */
  protected abstract parentKeyColumn(): string;

  /**
   * Whether any parent holds a key to look related rows up by. With none (new models, empty foreign
   * keys) nothing can match: an eager load then reads no sheet, as it reads none for no parents.
   */
  protected anyParentKey(parents: P[]): boolean {
    const column = this.parentKeyColumn();
    this.assertParentColumn(parents, column);
    return parents.some((parent) => this.keyOf(parent, column) !== '');
  }

  /** Fills in default key names. */
  protected abstract resolveKeys(): void;

  /** Adds one or more related models to what a parent has loaded. */
  abstract pushRelated(parent: P, related: ModelList<R>): void;

  /** pushRelated of the relations that load a Collection: appended to the one loaded (or to none). */
  protected pushToCollection(parent: P, related: ModelList<R>): void {
    this.requireModel(parent, 'pushRelated');
    const current = (parent as any)[this.relationName];
    const items = current instanceof Collection ? current.all() : [];
    this.setRelated(parent, new Collection(items.concat(this.listOf(related, 'pushRelated'))) as unknown as Result);
  }

  /** Matches related models to many parents through a Map and sets them. */
  abstract setRelatedForMany(parents: ModelList<P>, related: ModelList<R>): void;

  /**
   * A query for the related rows of these parents (callback and onQuery applied). Lucid's second
   * argument may be a database client: anything but a function is ignored, as sheets have none.
   */
  abstract eagerQuery(parents: ModelList<P>, callback?: (query: any) => unknown): any;

  /** Models given as one model, an array or a Collection (Lucid takes either), as an array. */
  protected listOf<T>(input: ModelList<T>, method: string): T[] {
    let list: T[];
    if (Array.isArray(input)) list = input;
    else if (input instanceof Collection) list = input.all();
    else if (input !== null && typeof input === 'object') return [input as T];
    else throw new ValidationError(`${this.label()}.${method}(): expected a model, an array of models or a Collection, got ${input === null ? 'null' : typeof input}.`);
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      // The message is built only for a refusal: eager loads pass 100,000s of models through here.
      if (item === null || typeof item !== 'object') this.requireModel(item, method, () => `models in the list, got ${describeValue(item)} at index ${i}`);
    }
    return list;
  }

  /** Refuses what is not a model before it is read as one. */
  protected requireModel(value: unknown, method: string, what?: () => string): void {
    if (value !== null && typeof value === 'object') return;
    // Messages are built only for a refusal: eager loads pass every parent through here.
    const wanted = what ? what() : `a ${modelName(this.model)} model, got ${describeValue(value)}`;
    throw new ValidationError(`${this.label()}.${method}(): expected ${wanted}.`);
  }

  /** Loads the relation for many parents with one read per sheet; returns the related models loaded. */
  eagerLoad(parentList: ModelList<P>, callback?: (query: any) => unknown): R[] {
    this.boot();
    const parents = this.listOf(parentList, 'eagerLoad');
    // Built even when nothing can match: the callback and onQuery still run, and report their mistakes.
    const query = this.eagerQuery(parents, callback);
    const related = this.anyParentKey(parents) ? (query.get() as { all(): R[] }).all() : [];
    this.setRelatedForMany(parents, related);
    return related;
  }

  /** A query of the related model with onQuery applied; its errors name `Parent.relation`. */
  relatedQuery(subQuery = false, preload = false): any {
    return this.configureQuery(this.relatedModel().query(), subQuery, preload);
  }

  /** Names the relation in the query's errors, flags it (sub-query, preload) and applies `onQuery`. */
  protected configureQuery<Q extends QueryBuilder<R>>(query: Q, subQuery: boolean, preload = false): Q {
    this.boot();
    (query as unknown as { owner: string }).owner = this.label();
    query.isRelatedQuery = true;
    query.isRelatedSubQuery = subQuery;
    query.isRelatedPreloadQuery = preload;
    if (this.onQuery) this.onQuery(query);
    query.sealConditions();
    return query;
  }

  /** A query counting or testing related rows per parent (`withCount`, `has`, `whereHas`). */
  subQuery(callback?: (query: any) => unknown): any {
    const query = this.relatedQuery(true);
    constrainRelationQuery(query, callback);
    return query;
  }

  /** Counts related rows per parent key, for `withCount`/`has`; `parents`, when given, are the only ones asked about. */
  abstract countByParent(callback?: (query: any) => unknown, parents?: readonly P[]): Map<Key, number>;

  /**
   * A column's values in the related rows per parent key, for withSum and kin (`column` is asked once
   * the callback ran, as a withAggregate callback names it; null gives `true` per row).
   */
  abstract valuesByParent(callback: ((query: any) => unknown) | undefined, parents: readonly P[] | undefined, column: () => string | null): Map<Key, unknown[]>;

  /** The sub-query for `parents` (all when not one), kept to the one parent's key in `keyColumn` (asked once booted); null when that key is blank. */
  protected parentsQuery(callback: ((query: any) => unknown) | undefined, parents: readonly P[] | undefined, keyColumn: () => string): QueryBuilder<R> | null {
    const query = this.subQuery(callback) as QueryBuilder<R>;
    const key = this.soleParentKey(parents);
    if (key === null) return null;
    if (key !== undefined) query.scopeToKeys(keyColumn(), [key]);
    return query;
  }

  /**
   * The key of the one parent a count is for (`post.loadCount('comments')` in a loop), so that its
   * related rows are looked up rather than every parent's counted; null when that key is blank (no
   * row counts for it), undefined for several parents.
   */
  protected soleParentKey(parents: readonly P[] | undefined): unknown {
    if (!parents || parents.length !== 1) return undefined;
    const value = readAttribute(parents[0], this.parentKeyColumn());
    return value === undefined ? undefined : isBlankKey(value) ? null : value;
  }

  /** The client for one parent: `related(name)`. */
  abstract client(parent: P): unknown;
}

const accessors = new WeakMap<object, Map<string, boolean>>();

/** Whether a prototype chain defines a getter/setter for a name (assigning would call it). */
function hasAccessor(prototype: object, name: string): boolean {
  let names = accessors.get(prototype);
  if (!names) accessors.set(prototype, (names = new Map()));
  let found = names.get(name);
  if (found === undefined) {
    found = false;
    for (let p: object | null = prototype; p && !found; p = Object.getPrototypeOf(p)) {
      const descriptor = Object.getOwnPropertyDescriptor(p, name);
      if (descriptor) found = !!(descriptor.get || descriptor.set) || descriptor.writable === false;
      if (descriptor) break;
    }
    names.set(name, found);
  }
  return found;
}

function isErrorNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
