/**
 * Finding a model's relations by name: in `static fields()` (Pinia style) or as a method returning
 * a relation (Eloquent/Lucid style). Definitions are made once per class and booted lazily.
 */
import { RelationNotFoundError, SheetORMError, ValidationError } from '../errors';
import { messageOf } from '../storage/service';
import { withoutWrites, WriteBlocked } from '../storage/UnitOfWork';
import { modelName, ModelSettings } from '../model/meta';
import { describeValue } from '../support/values';
import { attachState } from '../model/state';
import { Relation } from './Relation';
import { definitionBehind } from './bound';
import { whileDefining } from './callerName';
import { AttributeField } from '../model/fields';

/** A class that may declare Pinia-style fields. */
export interface RelationHost extends ModelSettings {
  fields?: () => Record<string, unknown>;
}

const relationCache = new WeakMap<object, Map<string, Relation<any, any, any>>>();
const fieldCache = new WeakMap<object, Record<string, unknown>>();

/** The result of `static fields()`, computed once per class. */
export function fieldsOf(model: RelationHost): Record<string, unknown> {
  let fields = fieldCache.get(model);
  if (!fields) {
    const declared: unknown = typeof model.fields === 'function' ? whileDefining('fields()', () => (model.fields as () => unknown).call(model)) : undefined;
    if (declared !== undefined && declared !== null && (typeof declared !== 'object' || Array.isArray(declared))) {
      throw new ValidationError(`${modelName(model)}.fields() returns an object of fields, such as { id: this.attr(null), title: this.string('') }, got ${describeValue(declared)}.`);
    }
    fields = (declared || {}) as Record<string, unknown>;
    for (const name of Object.keys(fields)) {
      const field = (fields[name] = definitionBehind(fields[name]));
      if (field instanceof AttributeField || field instanceof Relation) continue;
      throw new ValidationError(
        `${modelName(model)}.fields(): "${name}" is ${describeValue(field)}; each field is an attribute (this.attr(default), this.string(''), this.number(0), this.boolean(false), this.uid()) or a relation (this.hasMany(Post), this.belongsToMany(Role, 'RoleUser')).`,
      );
    }
    fieldCache.set(model, fields);
  }
  return fields;
}

const relationKeys = new WeakMap<object, Map<string, boolean>>();
// The last class asked about: createMany asks about the same class for every key of every item.
let lastModel: object | null = null;
let lastKeys: Map<string, boolean> | null = null;

/**
 * Whether an attribute key given to merge/create names one of the model's relations (a fields()
 * relation, or a method that returns one); the answer is kept per class and key.
 */
export function isRelationKey(model: RelationHost & { $hasRelation(name: string): boolean }, name: string): boolean {
  let keys = model === lastModel ? lastKeys : relationKeys.get(model);
  if (!keys) relationKeys.set(model, (keys = new Map()));
  lastModel = model;
  lastKeys = keys;
  let answer = keys.get(name);
  if (answer === undefined) {
    const fields = fieldsOf(model);
    if (Object.prototype.hasOwnProperty.call(fields, name)) answer = fields[name] instanceof Relation;
    else answer = typeof methodOf(model.prototype, name) === 'function' && model.$hasRelation(name);
    keys.set(name, answer);
  }
  return answer;
}

/**
 * The value of a prototype's data property `name`, own or inherited. Accessors (`pivot`, `$dirty`)
 * are not run: on a prototype they would act on it as if it were a model.
 */
function methodOf(prototype: object, name: string): unknown {
  for (let proto: object | null = prototype; proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return 'value' in descriptor ? descriptor.value : undefined;
  }
  return undefined;
}

/** The relation `name` of a model, or RelationNotFoundError. `baseApi` holds names that are never relations. */
export function findRelation(model: RelationHost, name: string, baseApi: object): Relation<any, any, any> {
  let relations = relationCache.get(model);
  if (!relations) {
    relations = new Map();
    relationCache.set(model, relations);
  }
  const cached = relations.get(name);
  if (cached) return cached;
  const relation = defineRelation(model, name, baseApi);
  relation.relationName = name;
  if (relation.serializeAs === '') relation.serializeAs = name;
  relations.set(name, relation);
  return relation;
}

/** The blank instances relation methods run on to build definitions (never bound to a parent). */
const definitionHosts = new WeakSet<object>();

/** Whether a relation method runs to build its definition (on a blank instance) rather than on a model. */
export function isDefinitionHost(instance: object): boolean {
  return definitionHosts.has(instance);
}

function defineRelation(model: RelationHost, name: string, baseApi: object): Relation<any, any, any> {
  if (typeof name !== 'string') throw new ValidationError(`${modelName(model)}: expected a relation name, got ${describeValue(name)}.`);
  if (!name) throw notFound(model, name, baseApi, 'a relation name must be a non-empty string');
  const field = Object.prototype.hasOwnProperty.call(fieldsOf(model), name) ? fieldsOf(model)[name] : undefined;
  const method = methodOf(model.prototype, name);
  if (field instanceof Relation) {
    // Two definitions: one would be used silently, and a loaded value would hide the method.
    if (typeof method === 'function' && !(name in baseApi)) {
      throw new ValidationError(`${modelName(model)}.${name}: "${name}" is defined twice, in fields() and as a method ${name}(); keep one of them.`);
    }
    return field;
  }
  if (name in baseApi) {
    throw notFound(model, name, baseApi, `"${name}" is one of the model's own members (save, delete, query, ...), not a relation; name the relation method something else`);
  }
  if (typeof method !== 'function') throw notFound(model, name, baseApi);
  // Relation methods only build definitions; a blank instance stands in for `this`. Any other
  // method may do anything, so it runs with writes refused and its errors name the mistake.
  const blank = Object.create(model.prototype);
  attachState(blank);
  definitionHosts.add(blank);
  let result: unknown;
  try {
    result = definitionBehind(whileDefining(name, () => withoutWrites(() => (method as () => unknown).call(blank))));
  } catch (error) {
    if (error instanceof SheetORMError && !(error instanceof WriteBlocked)) throw error;
    if (error instanceof WriteBlocked) {
      throw notFound(model, name, baseApi, `${modelName(model)}.prototype.${name}() is not a relation method (it tried to write to the sheet; nothing was written)`);
    }
    const thrown = `${errorName(error)}${messageOf(error)}`;
    throw notFound(
      model,
      name,
      baseApi,
      `calling ${modelName(model)}.prototype.${name}() to read the relation it returns threw ${thrown} (the error is in error.cause): fix the method if it defines a relation; if it does not, do not name it as one (nothing was written)`,
      error,
    );
  }
  if (!(result instanceof Relation)) {
    throw notFound(model, name, baseApi, `${modelName(model)}.prototype.${name}() did not return a relation (return this.hasMany(...), this.belongsTo(...), ...)`);
  }
  return result;
}

/** Names of relations a model defines in fields() plus its own methods (for error hints). */
function candidates(model: RelationHost, baseApi: object): string[] {
  const names = new Set<string>();
  for (const [key, value] of Object.entries(fieldsOf(model))) if (value instanceof Relation) names.add(key);
  for (let proto = model.prototype; proto && proto !== baseApi; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (key !== 'constructor' && descriptor && typeof descriptor.value === 'function') names.add(key);
    }
  }
  return Array.from(names);
}

/** `TypeError: ` before a thrown error's message, when it has a name. */
function errorName(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name ? `${name}: ` : '';
}

function notFound(model: RelationHost, name: string, baseApi: object, reason?: string, cause?: unknown): RelationNotFoundError {
  const known = candidates(model, baseApi);
  const dotted = name.indexOf('.') >= 0 || /\s/.test(name);
  // A model declaring its relations in fields() is pointed there, as it is written that way.
  const inFields = Object.values(fieldsOf(model)).some((value) => value instanceof Relation);
  const define = inFields
    ? `add ${name}: this.hasMany(...) (or belongsTo, hasOne, belongsToMany) to ${modelName(model)}'s static fields()`
    : `define ${name}() { return this.hasMany(...) } (or belongsTo, hasOne, manyToMany) on ${modelName(model)}`;
  const hint = reason || (dotted ? `"${name}" is not a relation name (a name has no dots or spaces)` : define);
  const label = modelName(model);
  return new RelationNotFoundError(
    `${label}.${name}: ${label} has no relation "${name}": ${hint}. Relations and methods defined: ${known.join(', ') || 'none'}.`,
    cause,
  );
}
