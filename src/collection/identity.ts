import { ValidationError } from '../errors';
import { describeValue, isDate, isPlainObject, Key, normalizeCompositeKey } from '../support/values';
import { equalityKey, looseEquals } from './compare';

/** An object's class, from its prototype (a model's `constructor` column cannot hide it). */
function classOf(value: object): unknown {
  const prototype = Object.getPrototypeOf(value) as { constructor?: unknown } | null;
  return prototype ? prototype.constructor : undefined;
}

/** A primary key value a collection can be searched by (a Date key is a sheet's date cell). */
export type KeyValue = string | number | Date;

/** A persisted model's class and normalised primary key. */
export interface RowIdentity {
  model: unknown;
  key: Key;
}

/**
 * Reads a persisted model's class and normalised primary key: as in Eloquent, two reads of one row
 * are the same item for `contains` and `unique`; other values (new models included) have none. One
 * reader per scan: it looks each class's key columns up once, not once per item.
 */
function identityReader(): (value: unknown) => RowIdentity | null {
  const columnsOf = new Map<unknown, string[] | null>();
  return (value) => {
    if (value === null || typeof value !== 'object' || !('$primaryKeyValue' in value)) return null;
    const model = value as { $isPersisted?: unknown; $primaryKeyValue: unknown; getAttribute?: unknown };
    if (model.$isPersisted !== true) return null;
    const owner = classOf(value);
    let columns = columnsOf.get(owner);
    if (columns === undefined) columnsOf.set(owner, (columns = typeof model.getAttribute === 'function' ? keyColumnsOf(value) : null));
    let key: unknown;
    if (columns) key = columns.length === 1 ? (model.getAttribute as (name: string) => unknown).call(value, columns[0]) : columns.map((name) => (model.getAttribute as (name: string) => unknown).call(value, name));
    else key = model.$primaryKeyValue;
    return { model: owner, key: normalizeCompositeKey(Array.isArray(key) ? key : [key]) };
  };
}

/** A model's key columns (several for a composite key), or null for anything else. */
function keyColumnsOf(item: unknown): string[] | null {
  if (item === null || typeof item !== 'object' || !('$primaryKeyValue' in item)) return null;
  const names = (classOf(item) as { primaryKey?: unknown }).primaryKey;
  return typeof names === 'string' ? [names] : Array.isArray(names) ? (names as string[]) : null;
}

/** `Collection.find(key)`: the persisted model with that key (an array or object for a composite key), or null. */
export function findItem<T>(items: ArrayLike<T>, target: KeyValue | KeyValue[] | Record<string, KeyValue> | null): T | null {
  // No model has a blank key: find(null) finds nothing, as `Post.find(null)` does.
  if (target === null) return null;
  if (isPlainObject(target) && Object.keys(target).length) return findByKeyObject(items, target);
  if (typeof target !== 'string' && typeof target !== 'number' && !isDate(target) && !Array.isArray(target)) {
    throw new ValidationError(`Collection.find: expected a callback or a primary key, got ${describeValue(target)}.`);
  }
  return findByKey(items, target);
}

/** The persisted model whose primary key is `key` (a value, or an array for a composite key), or null. */
function findByKey<T>(items: ArrayLike<T>, key: KeyValue | KeyValue[]): T | null {
  const columns = Array.isArray(key) && items.length ? keyColumnsOf(items[0]) : null;
  if (columns && columns.length === 1) {
    // Eloquent's find([1, 2]) lists several models; an array is a composite key only for one.
    throw new ValidationError(`Collection.find(${describeValue(key)}): an array is a composite key, and these models have one key (${columns[0]}); use whereIn('${columns[0]}', [...]) to keep several.`);
  }
  const wanted = normalizeCompositeKey(Array.isArray(key) ? key : [key]);
  const identity = identityReader();
  for (let i = 0; i < items.length; i++) if (identity(items[i])?.key === wanted) return items[i];
  return null;
}

/** find({ team: 'a', person: 2 }): as Model.find, an object names every column of a composite key. */
function findByKeyObject<T>(items: ArrayLike<T>, values: Record<string, unknown>): T | null {
  const identity = identityReader();
  for (let i = 0; i < items.length; i++) {
    const columns = keyColumnsOf(items[i]);
    if (!columns || columns.length < 2) {
      throw new ValidationError(`Collection.find(${describeValue(values)}): an object of key values finds models with a composite key; pass a callback to search by other values.`);
    }
    if (!columns.every((name) => Object.prototype.hasOwnProperty.call(values, name))) {
      throw new ValidationError(`Collection.find(${describeValue(values)}): expected a value for ${columns.join(', ')}.`);
    }
    if (normalizeCompositeKey(columns.map((name) => values[name])) === identity(items[i])?.key) return items[i];
  }
  return null;
}

/** A test for `contains(value)`: a persisted model by class and key, a key by the model holding it, other values loosely. */
export function matchesItem(target: unknown): (item: unknown) => boolean {
  const identity = identityReader();
  const row = identity(target);
  if (row) {
    return (item) => {
      const other = item === target ? row : identity(item);
      return other !== null && other.model === row.model && other.key === row.key;
    };
  }
  // A key given for models matches the model with that primary key (Eloquent's contains(1)).
  const key = target !== null && typeof target === 'object' && !Array.isArray(target) && !isDate(target) ? null : normalizeCompositeKey(Array.isArray(target) ? target : [target]);
  return (item) => looseEquals(item, target) || (key !== null && key !== '' && identity(item)?.key === key);
}

/** A filter that keeps the first item of each distinct value (persisted models by class and key). */
export function firstOfEach(): (value: unknown) => boolean {
  const seen = new Set<unknown>();
  const seenRows = new Map<unknown, Set<Key>>();
  const identity = identityReader();
  return (value) => {
    const row = identity(value);
    if (row) {
      const keys = seenRows.get(row.model) || new Set<Key>();
      seenRows.set(row.model, keys);
      return keys.has(row.key) ? false : (keys.add(row.key), true);
    }
    const id = equalityKey(value);
    return seen.has(id) ? false : (seen.add(id), true);
  };
}
