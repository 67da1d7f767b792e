/**
 * How models declare things: Pinia attribute fields and the relation builders, as static methods
 * (for `static fields()`) and instance methods (for `tags() { return this.manyToMany(...) }`).
 */
import type { Model, ModelClass } from './Model';
import { AttributeField } from './fields';
import { BelongsTo, BelongsToOptions } from '../relations/BelongsTo';
import { HasMany, HasOptions } from '../relations/HasMany';
import { HasOne } from '../relations/HasOne';
import { ManyToMany, ManyToManyOptions } from '../relations/ManyToMany';
import type { RelatedInput } from '../relations/Relation';
import { ValidationError } from '../errors';
import { describeValue, isPlainObject } from '../support/values';
import { classOf, modelName } from './meta';
import { bindToParent, BoundRelation, constrainable } from '../relations/bound';
import type { BelongsToClient } from '../relations/clients/BelongsToClient';
import type { HasManyClient } from '../relations/clients/HasManyClient';
import type { HasOneClient } from '../relations/clients/HasOneClient';
import type { ManyToManyClient } from '../relations/pivot/ManyToManyClient';
import type { QueryBuilder } from '../query/QueryBuilder';
import type { HasManyQueryBuilder } from '../relations/HasManyQueryBuilder';
import type { ManyToManyQueryBuilder } from '../relations/pivot/ManyToManyQueryBuilder';

/** The pivot argument of manyToMany: a sheet name, a pivot model class or Lucid options (`onQuery` gets a query of `R`). */
export type PivotInput<R extends Model = any> = string | ModelClass<any> | ManyToManyOptions<ManyToManyQueryBuilder<R>> | undefined;

/** The declaration helpers every model inherits. */
export class ModelDefinitions {
  /** Pinia-style fields; override to declare attributes and relations. */
  static fields(): Record<string, unknown> {
    return {};
  }
  /** A Pinia attribute field with a default. */
  static attr(value: unknown = null): AttributeField {
    return new AttributeField('attr', value);
  }
  /** A Pinia string field. */
  static string(value: string | null = null): AttributeField {
    return new AttributeField('string', value);
  }
  /** A Pinia number field. */
  static number(value: number | null = null): AttributeField {
    return new AttributeField('number', value);
  }
  /** A Pinia boolean field. */
  static boolean(value: boolean | null = null): AttributeField {
    return new AttributeField('boolean', value);
  }
  /** A Pinia field filled with `Utilities.getUuid()` on new models. */
  static uid(): AttributeField {
    return new AttributeField('uid', null);
  }
  /** A hasOne relation (static, for `fields()`). */
  static hasOne<R extends Model>(this: ModelClass, related: RelatedInput<R>, foreignKey?: string | HasOptions<QueryBuilder<R>>, localKey?: string): HasOne<Model, R> {
    return constrainable(new HasOne(this, related, hasOptions(this, 'hasOne', foreignKey, localKey))) as HasOne<Model, R>;
  }
  /** A hasMany relation (static, for `fields()`). */
  static hasMany<R extends Model>(this: ModelClass, related: RelatedInput<R>, foreignKey?: string | HasOptions<HasManyQueryBuilder<R>>, localKey?: string): HasMany<Model, R> {
    return constrainable(new HasMany(this, related, hasOptions(this, 'hasMany', foreignKey, localKey))) as HasMany<Model, R>;
  }
  /** A belongsTo relation (static, for `fields()`). */
  static belongsTo<R extends Model>(this: ModelClass, related: RelatedInput<R>, foreignKey?: string | BelongsToOptions<QueryBuilder<R>>, ownerKey?: string): BelongsTo<Model, R> {
    return constrainable(new BelongsTo(this, related, belongsToOptions(this, foreignKey, ownerKey))) as BelongsTo<Model, R>;
  }
  /** A many-to-many relation (static, for `fields()`). */
  static manyToMany<R extends Model>(this: ModelClass, related: RelatedInput<R>, pivot?: PivotInput<R>, ...keys: Array<string | undefined>): ManyToMany<Model, R> {
    return constrainable(new ManyToMany(this, related, manyToManyOptions(this, pivot, keys))) as ManyToMany<Model, R>;
  }
  /** Alias of `manyToMany` (Pinia/Eloquent name). */
  static belongsToMany<R extends Model>(this: ModelClass, related: RelatedInput<R>, pivot?: PivotInput<R>, ...keys: Array<string | undefined>): ManyToMany<Model, R> {
    return constrainable(new ManyToMany(this, related, manyToManyOptions(this, pivot, keys))) as ManyToMany<Model, R>;
  }

  /** A hasOne relation: `profile() { return this.hasOne(Profile) }`. */
  hasOne<R extends Model>(related: RelatedInput<R>, foreignKey?: string | HasOptions<QueryBuilder<R>>, localKey?: string): BoundHasOne<this & Model, R> {
    return bindToParent(new HasOne(classOf<ModelClass<this & Model>>(this), related, hasOptions(classOf<ModelClass>(this), 'hasOne', foreignKey, localKey)), this);
  }
  /** A hasMany relation: `posts() { return this.hasMany(Post, 'user_id') }`. */
  hasMany<R extends Model>(related: RelatedInput<R>, foreignKey?: string | HasOptions<HasManyQueryBuilder<R>>, localKey?: string): BoundHasMany<this & Model, R> {
    return bindToParent(new HasMany(classOf<ModelClass<this & Model>>(this), related, hasOptions(classOf<ModelClass>(this), 'hasMany', foreignKey, localKey)), this);
  }
  /** A belongsTo relation: `author() { return this.belongsTo(User, 'user_id') }`. */
  belongsTo<R extends Model>(related: RelatedInput<R>, foreignKey?: string | BelongsToOptions<QueryBuilder<R>>, ownerKey?: string): BoundBelongsTo<this & Model, R> {
    return bindToParent(new BelongsTo(classOf<ModelClass<this & Model>>(this), related, belongsToOptions(classOf<ModelClass>(this), foreignKey, ownerKey)), this);
  }
  /** A many-to-many relation: `tags() { return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id') }`. */
  manyToMany<R extends Model>(related: RelatedInput<R>, pivot?: PivotInput<R>, ...keys: Array<string | undefined>): BoundManyToMany<this & Model, R> {
    return bindToParent(new ManyToMany(classOf<ModelClass<this & Model>>(this), related, manyToManyOptions(classOf<ModelClass>(this), pivot, keys)), this);
  }
  /** Alias of `manyToMany`. */
  belongsToMany<R extends Model>(related: RelatedInput<R>, pivot?: PivotInput<R>, ...keys: Array<string | undefined>): BoundManyToMany<this & Model, R> {
    return this.manyToMany(related, pivot, ...keys);
  }
}

/** `post.profile()`: the hasOne definition, acting for `post` (its writer and query). */
export type BoundHasOne<P extends Model, R extends Model> = BoundRelation<HasOne<P, R>, HasOneClient<P, R>, QueryBuilder<R>>;
/** `user.posts()`: the hasMany definition, acting for `user`. */
export type BoundHasMany<P extends Model, R extends Model> = BoundRelation<HasMany<P, R>, HasManyClient<P, R>, HasManyQueryBuilder<R>>;
/** `post.author()`: the belongsTo definition, acting for `post` (`associate`, `dissociate`, its query). */
export type BoundBelongsTo<P extends Model, R extends Model> = BoundRelation<BelongsTo<P, R>, BelongsToClient<P, R>, QueryBuilder<R>>;
/** `post.tags()`: the many-to-many definition, acting for `post` (`attach`, `sync`, `wherePivot`, ...). */
export type BoundManyToMany<P extends Model, R extends Model> = BoundRelation<ManyToMany<P, R>, ManyToManyClient<P, R>, ManyToManyQueryBuilder<R>, 'pivotColumns'>;

const HAS_OPTIONS = ['foreignKey', 'localKey', 'serializeAs', 'onQuery', 'meta'];
const BELONGS_TO_OPTIONS = ['foreignKey', 'localKey', 'ownerKey', 'serializeAs', 'onQuery', 'meta'];

function hasOptions(model: ModelClass, kind: string, foreignKey?: string | HasOptions, localKey?: string): HasOptions {
  if (typeof foreignKey !== 'object' || !foreignKey) return { foreignKey, localKey };
  return checkOptions(foreignKey, HAS_OPTIONS, `${modelName(model)}.${kind}()`);
}

/** Eloquent's `ownerKey` is Lucid's `localKey` of a belongsTo. */
function belongsToOptions(model: ModelClass, foreignKey?: string | BelongsToOptions, ownerKey?: string): BelongsToOptions {
  if (typeof foreignKey !== 'object' || !foreignKey) return { foreignKey, localKey: ownerKey };
  const label = `${modelName(model)}.belongsTo()`;
  const { ownerKey: owner, ...options } = checkOptions(foreignKey, BELONGS_TO_OPTIONS, label);
  if (owner !== undefined && options.localKey !== undefined && owner !== options.localKey) {
    throw new ValidationError(`${label}: ownerKey "${owner}" and localKey "${options.localKey}" name the same key (the related model's); give one.`);
  }
  return owner === undefined ? options : { ...options, localKey: owner };
}

const MANY_TO_MANY_OPTIONS = ['pivotTable', 'localKey', 'relatedKey', 'pivotForeignKey', 'pivotRelatedForeignKey', 'pivotColumns', 'pivotModel', 'serializeAs', 'onQuery', 'meta'];

function manyToManyOptions(model: ModelClass, pivot: PivotInput, keys: Array<string | undefined>): ManyToManyOptions {
  const owner = `${modelName(model)}.manyToMany()`;
  // null or '' skips a key (the default is used), as in Eloquent.
  keys = keys.map((key) => (key === null || key === '' ? undefined : key));
  keys.forEach((key) => {
    if (key !== undefined && (typeof key !== 'string' || !key.trim())) {
      const hint = key && typeof key === 'object' ? ' Options go in the second argument: { pivotTable, pivotColumns, ... }.' : '';
      throw new ValidationError(`${owner}: the keys after the pivot are column names, got ${describeValue(key)}.${hint}`);
    }
  });
  const [pivotForeignKey, pivotRelatedForeignKey, localKey, relatedKey] = keys;
  const positional = { pivotForeignKey, pivotRelatedForeignKey, localKey, relatedKey };
  if (typeof pivot === 'string' && pivot.trim()) return { ...positional, pivotTable: pivot };
  if (typeof pivot === 'function') {
    // A thunk (`() => PostTag`) is taken for the related model only: a pivot model is given as the class.
    if (typeof (pivot as { $getRelation?: unknown }).$getRelation !== 'function') {
      throw new ValidationError(`${owner}: the pivot is a sheet name, a pivot model class or an options object; a function that is not a model class (such as () => PostTag) is not taken here, pass the class itself.`);
    }
    return { ...positional, pivotModel: pivot as ModelClass<any> };
  }
  if (isPlainObject(pivot)) return checkManyToManyOptions(pivot as ManyToManyOptions, owner);
  if (pivot === undefined || pivot === null || pivot === '') return positional;
  throw new ValidationError(`${owner}: the pivot is a sheet name, a pivot model class or an options object such as { pivotTable: 'PostTag' }, got ${describeValue(pivot)}.`);
}

/** Lucid's options object, checked: a misspelt option would silently fall back to a default. */
function checkOptions<O extends object>(options: O, known: readonly string[], owner: string): O {
  if (Array.isArray(options)) {
    // Pinia ORM's composite keys (`hasMany(Post, ['user_id', 'team_id'])`) would read as options 0, 1.
    throw new ValidationError(`${owner}: a relation's keys are one column each, got ${describeValue(options)}; relations over composite keys are not supported: give one key column (a column holding both parts, say).`);
  }
  for (const name of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[name];
    if (known.indexOf(name) < 0) {
      throw new ValidationError(`${owner}: unknown option "${name}" (options: ${known.join(', ')}).`);
    }
    if (name === 'onQuery' && value !== undefined && value !== null && typeof value !== 'function') {
      throw new ValidationError(`${owner}: option onQuery is a function that constrains the relation's query, such as (query) => query.where('active', true), got ${describeValue(value)}.`);
    }
    const text = name !== 'pivotColumns' && name !== 'pivotModel' && name !== 'serializeAs' && name !== 'onQuery' && name !== 'meta';
    if (value !== undefined && text && (typeof value !== 'string' || !value.trim())) {
      throw new ValidationError(`${owner}: option ${name} is a column or sheet name, got ${describeValue(value)}.`);
    }
  }
  return { ...options };
}

function checkManyToManyOptions(options: ManyToManyOptions, owner: string): ManyToManyOptions {
  checkOptions(options, MANY_TO_MANY_OPTIONS, owner);
  const columns = options.pivotColumns;
  const list = typeof columns === 'string' ? [columns] : columns;
  if (list !== undefined && (!Array.isArray(list) || Array.from(list).some((column) => typeof column !== 'string' || !column.trim()))) {
    throw new ValidationError(`${owner}: pivotColumns is an array of pivot column names such as ['role'], got ${describeValue(columns)}.`);
  }
  return { ...options };
}
