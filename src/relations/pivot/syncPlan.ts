/**
 * The pure part of pivot writes (after Eloquent's InteractsWithPivotTable): normalise
 * `ids | {id: attrs} | models` into one Map, then diff it against the current pivot rows.
 */
import { ValidationError } from '../../errors';
import { isDate, isPlainObject, normalizeKey, sameAsOwnText, sameValue, describeValue, Key } from '../../support/values';

/** One desired related id with its pivot attributes, and the model that gave it (its key is written as the model holds it). */
export interface PivotRecord {
  id: unknown;
  attributes: Record<string, unknown>;
  model: object | null;
}

/** Desired related ids with their pivot attributes, keyed by normalised id. */
export type PivotRecords = Map<Key, PivotRecord>;

/** What `String(date)` gives: `Mon Jan 01 2024 00:00:00 GMT+0000 (…)`. */
const DATE_TEXT = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} -?\d{4,6} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}/;

/**
 * Normalises the arguments of attach/sync/toggle into one Map (later duplicates merge); `common`
 * attributes go to every id, under its own (Eloquent's `attach(ids, attributes)`).
 */
export function normalizeRecords(
  input: unknown,
  keyOf: (model: object) => unknown,
  owner: string,
  method: string,
  common?: Record<string, unknown>,
): PivotRecords {
  const records: PivotRecords = new Map();
  const add = (id: unknown, attributes: Record<string, unknown>, model: object | null = null) => {
    const key = normalizeKey(id);
    if (key === '') throw new ValidationError(`${owner}.${method}(): ${describeValue(id)} is not a key; pass ids, models or { id: pivotAttributes }.`);
    const existing = records.get(key);
    if (existing) existing.attributes = { ...existing.attributes, ...attributes };
    else records.set(key, { id, attributes: { ...attributes }, model });
  };
  const addItem = (item: unknown) => add(idOf(item, keyOf, owner, method), {}, isModelLike(item) ? item : null);
  const list = toList(input);
  if (list) {
    for (const item of list) addItem(item);
  } else if (Object.prototype.toString.call(input) === '[object Map]') {
    // Keys of any type, as an object's cannot be: a Map from Dates to their pivot attributes
    // (told by its tag: a library's caller makes Maps of another realm).
    (input as Map<unknown, unknown>).forEach((attributes, item) => add(idOf(item, keyOf, owner, method), attributesFor(attributes, item, owner, method), isModelLike(item) ? item : null));
  } else if (isPlainObject(input)) {
    for (const id of Object.keys(input)) {
      // A Date used as a key became its text, which matches no Date key.
      // { [e.parameter.id]: ... } of a missing parameter, a Number() of it, or a model as the key: the object made text of it.
      if (NO_ID_TEXT.test(id)) {
        throw new ValidationError(
          `${owner}.${method}(): the key "${id}" is ${id.charAt(0) === '[' ? 'an object' : id === 'undefined' || id === 'null' ? `${id}` : 'a number that is no number'} turned into text by the object (a missing parameter?); key pivot attributes by real ids ({ [tag.id]: {...} }), or pass a Map.`,
        );
      }
      if (DATE_TEXT.test(id)) {
        throw new ValidationError(`${owner}.${method}(): the key "${id}" is a Date turned into text by the object; key pivot attributes by Date with a Map: new Map([[date, { column: value }]]).`);
      }
      add(id, attributesFor(input[id], id, owner, method));
    }
  } else {
    addItem(input);
  }
  if (common) records.forEach((record) => (record.attributes = withDefaults(record.attributes, common)));
  return records;
}

/** An id's own pivot attributes over the ones given for every id (an undefined one leaves the shared value). */
const NO_ID_TEXT = /^(NaN|-?Infinity|undefined|null|\[object \w+\])$/;

function withDefaults(own: Record<string, unknown>, common: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...common };
  for (const name of Object.keys(own)) if (own[name] !== undefined) merged[name] = own[name];
  return merged;
}

function attributesFor(attributes: unknown, id: unknown, owner: string, method: string): Record<string, unknown> {
  if (attributes === undefined || attributes === null) return {};
  if (isPlainObject(attributes)) return attributes;
  throw new ValidationError(`${owner}.${method}(): pivot attributes for id ${typeof id === 'string' ? id : describeValue(id)} must be an object, got ${describeValue(attributes)}.`);
}

function toList(input: unknown): unknown[] | null {
  if (Array.isArray(input)) return input;
  if (input && typeof input === 'object' && typeof (input as { all?: unknown }).all === 'function' && Symbol.iterator in (input as object)) {
    return Array.from(input as Iterable<unknown>);
  }
  return null;
}

function isModelLike(item: unknown): item is object {
  return item !== null && typeof item === 'object' && !isPlainObject(item) && !(Object.prototype.toString.call(item) === '[object Date]');
}

function idOf(item: unknown, keyOf: (model: object) => unknown, owner: string, method: string): unknown {
  if (isModelLike(item)) return keyOf(item);
  // A Date is a key as find() takes it (a sheet keyed by day); an invalid one is not.
  if (isDate(item) && !isNaN(item.getTime())) return item;
  // NaN would become the text "NaN" in a text key column (Number(e.parameter.id) of a missing parameter).
  if (item === null || item === undefined || typeof item === 'object' || typeof item === 'boolean' || (typeof item === 'number' && !Number.isFinite(item))) {
    throw new ValidationError(`${owner}.${method}(): ${describeValue(item)} is not a related id or model.`);
  }
  return item;
}

/** A current pivot row of the parent: the related id it holds and its pivot attributes. */
export interface CurrentPivotRow<Row> {
  key: Key;
  row: Row;
  attributes: Record<string, unknown>;
}

/** What a sync changes. */
export interface SyncDiff<Row> {
  attach: PivotRecord[];
  update: Array<{ row: Row; id: unknown; changes: Record<string, unknown> }>;
  detach: Row[];
}

/**
 * Diffs desired records against current rows; with `detach` false, rows not desired stay. Every
 * row of a wanted id stays, duplicates included, and gets its attributes (as Lucid and Eloquent
 * sync: only ids not wanted go).
 */
export function diffSync<Row>(current: ReadonlyArray<CurrentPivotRow<Row>>, desired: PivotRecords, detach: boolean): SyncDiff<Row> {
  const diff: SyncDiff<Row> = { attach: [], update: [], detach: [] };
  const seen = new Set<Key>();
  for (const { key, row, attributes } of current) {
    const wanted = desired.get(key);
    if (!wanted) {
      if (detach) diff.detach.push(row);
      continue;
    }
    seen.add(key);
    const changes = changedAttributes(attributes, wanted.attributes);
    if (Object.keys(changes).length) diff.update.push({ row, id: wanted.id, changes });
  }
  desired.forEach((record, key) => {
    if (!seen.has(key)) diff.attach.push(record);
  });
  return diff;
}

function changedAttributes(current: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const name of Object.keys(wanted)) {
    if (wanted[name] !== undefined && !sameValue(current[name], wanted[name]) && !sameAsOwnText(wanted[name], current[name])) changes[name] = wanted[name];
  }
  return changes;
}
