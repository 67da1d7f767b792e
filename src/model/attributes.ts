/**
 * Attributes live as plain properties on the instance (`post.title`). A column whose name collides
 * with the model's API (`save`, `toJSON`, `constructor`, `__proto__`, a relation…) is kept aside and
 * reached with `getAttribute`/`setAttribute`, so sheet headers can never break a model or pollute a
 * prototype. Assigning such a name on the instance still works: a cell value assigned there (say
 * `post.category = 3` beside a `category()` relation) is the attribute, while a model, list or
 * object is the relation's value.
 */
import { CellValue, cloneValue, emptyRecord, isDate, normalizeKey, sameAsOwnText, sameValue, setOwn } from '../support/values';
import { Relation } from '../relations/Relation';
import { fieldsOf, isRelationKey } from '../relations/registry';
import { columnIndex, hasLoadedRelations, heldShadow, isLoadedRelation, ModelState, shadowOf, stateOf } from './state';
import { classOf, primaryKeys } from './meta';
import type { ModelSettings } from './meta';

type AnyModel = Record<string, unknown>;

const collisionCache = new WeakMap<object, Map<string, boolean>>();
const layoutCache = new WeakMap<readonly string[], Map<object, boolean[]>>();

// The last prototype's answers: bulk reads and inserts ask about one model class thousands of times.
let lastPrototype: object | null = null;
let lastNames: Map<string, boolean> | null = null;

/** Whether a column name collides with a member of the model's prototype chain. */
export function collides(prototype: object, name: string): boolean {
  let names = prototype === lastPrototype ? lastNames : collisionCache.get(prototype);
  if (!names) {
    names = new Map();
    collisionCache.set(prototype, names);
  }
  lastPrototype = prototype;
  lastNames = names;
  let result = names.get(name);
  if (result === undefined) {
    result = name in prototype || name === 'prototype' || isFieldsRelation(prototype, name);
    names.set(name, result);
  }
  return result;
}

/** Whether `static fields()` of the prototype's class declares a relation named `name`. */
function isFieldsRelation(prototype: object, name: string): boolean {
  const model = (prototype as { constructor?: unknown }).constructor;
  if (typeof model !== 'function' || !('fields' in model)) return false;
  const fields = fieldsOf(model as Parameters<typeof fieldsOf>[0]);
  return Object.prototype.hasOwnProperty.call(fields, name) && fields[name] instanceof Relation;
}

/** A model, list or object: what a relation holds, never a cell value. */
export function isRelationData(value: unknown): boolean {
  return typeof value === 'function' || (value !== null && typeof value === 'object' && !isDate(value));
}

/**
 * Whether the instance's own property `name` (holding `value`) is an attribute. Only names that
 * collide with the API or are loaded relations need a look: there a cell value is the attribute,
 * a model, list or object (or null while the relation is loaded) is the relation.
 */
function isOwnAttribute(model: object, name: string, value: unknown): boolean {
  if (typeof value === 'function') return false;
  // Lucid's `serializeExtras = true` class field is an option, not a cell (a column of that name is read with getAttribute).
  if (name === 'serializeExtras' && typeof value === 'boolean') return false;
  const loaded = isLoadedRelation(model, name);
  if (value === null) return !loaded;
  if (!isRelationData(value)) return true;
  return !loaded && !isRelationKey(classOf<Parameters<typeof isRelationKey>[0]>(model), name);
}

/** The attribute assigned on the instance under a colliding name, or undefined. */
function ownCollided(model: object, name: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(model, name)) return undefined;
  const value = (model as AnyModel)[name];
  return isOwnAttribute(model, name, value) ? value : undefined;
}

let lastLayout: { prototype: object; columns: readonly string[]; flags: boolean[] } | null = null;

/** For a header and a model prototype, which columns collide (computed once per pair). */
function collisions(prototype: object, columns: readonly string[]): boolean[] {
  if (lastLayout && lastLayout.prototype === prototype && lastLayout.columns === columns) return lastLayout.flags;
  let byPrototype = layoutCache.get(columns);
  if (!byPrototype) {
    byPrototype = new Map();
    layoutCache.set(columns, byPrototype);
  }
  let flags = byPrototype.get(prototype);
  if (!flags) {
    flags = columns.map((name) => collides(prototype, name));
    byPrototype.set(prototype, flags);
  }
  lastLayout = { prototype, columns, flags };
  return flags;
}

/** Whether any of the columns collides with a member of the model's prototype chain. */
export function anyCollides(prototype: object, columns: readonly string[]): boolean {
  return collisions(prototype, columns).indexOf(true) >= 0;
}

/** Reads an attribute, wherever it is kept. */
export function readAttribute(model: object, name: string): unknown {
  if (collides(Object.getPrototypeOf(model), name)) {
    const own = ownCollided(model, name);
    if (own !== undefined) return own;
    const shadow = heldShadow(model);
    return shadow ? shadow[name] : undefined;
  }
  // Not in the prototype chain, so a plain read can only find the instance's own property.
  return (model as AnyModel)[name];
}

/** Before a relation is set on the instance under `name`, keeps a cell value assigned there as the attribute. */
export function keepAssignedAttribute(model: object, name: string): void {
  if (!collides(Object.getPrototypeOf(model), name)) return;
  const own = ownCollided(model, name);
  if (own !== undefined) shadowOf(model)[name] = own;
}

/** Writes an attribute, wherever it belongs. */
export function writeAttribute(model: object, name: string, value: unknown): void {
  if (collides(Object.getPrototypeOf(model), name)) {
    shadowOf(model)[name] = value;
    // A value assigned on the instance earlier would hide the one written now.
    if (ownCollided(model, name) !== undefined) delete (model as AnyModel)[name];
  } else {
    setOwn(model as AnyModel, name, value);
  }
}

/** Removes an attribute, wherever it is kept (undoing an insert that filled it in). */
export function removeAttribute(model: object, name: string): void {
  if (collides(Object.getPrototypeOf(model), name)) {
    const shadow = heldShadow(model);
    if (shadow) delete shadow[name];
  }
  if (Object.prototype.hasOwnProperty.call(model, name) && !isLoadedRelation(model, name)) delete (model as AnyModel)[name];
}

/**
 * Loads row values into a model and records them as its original (clean) state. `frozen` says the
 * array will never change (a row as read): then the model keeps it as its original instead of a
 * copy. Dates are the one mutable cell value: the model gets its own copies, so changing one in
 * place shows as dirty and never reaches the table's row.
 */
export function assignRow(model: object, columns: readonly string[], values: readonly CellValue[], frozen = false): void {
  const state = stateOf(model);
  const collided = collisions(Object.getPrototypeOf(model), columns);
  const target = model as AnyModel;
  for (let i = 0; i < columns.length; i++) {
    let value = values[i] === undefined ? null : values[i];
    if (value !== null && typeof value === 'object') value = cloneValue(value);
    if (collided[i]) writeAttribute(model, columns[i], value);
    else target[columns[i]] = value;
  }
  state.columns = columns;
  state.original = frozen && values.length === columns.length ? (values as CellValue[]) : copyRow(values, columns.length);
}

/** A row's first `width` values in a new array, missing ones as null. */
export function copyRow(values: readonly CellValue[], width: number): CellValue[] {
  const copy: CellValue[] = new Array(width);
  for (let i = 0; i < width; i++) copy[i] = values[i] === undefined ? null : values[i];
  return copy;
}

/** Calls `fn` for each attribute set on a model: own properties (minus loaded relations), then collided ones. */
export function forEachAttribute(model: object, fn: (name: string, value: unknown) => void): void {
  const related = hasLoadedRelations(model);
  const prototype = Object.getPrototypeOf(model);
  const keys = Object.keys(model);
  let assigned: string[] | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = (model as AnyModel)[key];
    if ((related && isLoadedRelation(model, key)) || collides(prototype, key)) {
      if (!isOwnAttribute(model, key, value)) continue;
      (assigned || (assigned = [])).push(key);
    }
    fn(key, value);
  }
  const shadow = heldShadow(model);
  if (shadow) for (const key of Object.keys(shadow)) if (!assigned || assigned.indexOf(key) < 0) fn(key, shadow[key]);
}

/** The attributes set on a model, as a record. */
export function attributesOf(model: object): Record<string, unknown> {
  const result = emptyRecord();
  forEachAttribute(model, (name, value) => {
    result[name] = value;
  });
  return result;
}

/** Gives a model the row's value for each column it has no attribute for. */
export function fillMissing(model: object, columns: readonly string[], values: readonly CellValue[]): string[] | null {
  const collided = collisions(Object.getPrototypeOf(model), columns);
  const target = model as AnyModel;
  let filled: string[] | null = null;
  for (let i = 0; i < columns.length; i++) {
    if (collided[i]) {
      const shadow = shadowOf(model);
      if (shadow[columns[i]] !== undefined) continue;
      shadow[columns[i]] = cloneValue(values[i]);
    } else if (target[columns[i]] === undefined) {
      setOwn(target, columns[i], cloneValue(values[i]));
    } else continue;
    (filled || (filled = [])).push(columns[i]);
  }
  return filled;
}

/** Attributes whose value differs from the original (all set ones for a new model). */
export function dirtyAttributes(model: object): Record<string, unknown> {
  const state = stateOf(model);
  const current = attributesOf(model);
  const dirty: Record<string, unknown> = {};
  const keys = Object.keys(current);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = current[key];
    if (value === undefined) continue;
    // A deleted model compares with its row as last read, as Lucid and Eloquent do ($dirty is {} until changed).
    const read = (state.persisted || state.deleted) && state.columns && state.original;
    const index = read ? columnIndex(state.columns as readonly string[], key) : -1;
    // Null under a relation's name the sheet has no column for (a toJSON() fed back) is no cell: save() skips it.
    if (read && index < 0 && value === null && isRelationKey(classOf<Parameters<typeof isRelationKey>[0]>(model), key)) continue;
    if (index >= 0 && sameValue(value, (state.original as CellValue[])[index])) continue;
    if (index >= 0 && (sameAsOwnText(value, (state.original as CellValue[])[index]) || sameKeyValue(model, key, value, (state.original as CellValue[])[index]))) continue;
    setOwn(dirty, key, value);
  }
  return dirty;
}

/**
 * A primary key set to the text of the key it holds (`merge(e.parameter)` with `id: '2'` over 2) is
 * the same key, as keys compare everywhere: rewriting the cell as text would only break lookups on it.
 */
function sameKeyValue(model: object, name: string, value: unknown, original: CellValue): boolean {
  if (typeof value !== 'string' && typeof original !== 'string') return false;
  if (!primaryKeys(classOf<ModelSettings>(model)).includes(name)) return false;
  const key = normalizeKey(value);
  return key !== '' && key === normalizeKey(original);
}

/** Removes every attribute from a model (its relations stay). */
export function clearAttributes(model: object): void {
  for (const key of Object.keys(model)) if (!isLoadedRelation(model, key)) delete (model as AnyModel)[key];
  stateOf(model).shadow = null;
}

/** Marks the current values as clean (after a write). */
export function syncOriginal(state: ModelState, model: object, columns: readonly string[]): void {
  const before = state.columns && state.original ? { columns: state.columns, values: state.original } : null;
  state.columns = columns;
  state.original = columns.map((name) => {
    const value = readAttribute(model, name);
    // A number or Date set to its own text was no change and stayed in the cell: the original stays it.
    const index = before ? columnIndex(before.columns, name) : -1;
    if (before && index >= 0 && sameAsOwnText(value, before.values[index])) return before.values[index];
    return value === undefined ? null : (cloneValue(value) as CellValue);
  });
}
