/** `toJSON()`: attributes in sheet order, then loaded relations (under `serializeAs`), then `pivot`. */
import { cloneValue, isDate, setOwn } from '../support/values';
import { attributesOf, isRelationData } from './attributes';
import { loadedRelations, pivotOf, stateOf } from './state';

interface Serializable {
  toJSON(): unknown;
}

interface RelationLookup {
  $getRelation(name: string): { serializeAs: string | null };
}

/** A plain object of a model, relations included (safe for headers such as `__proto__`). */
export function serialize(model: object, host: RelationLookup): Record<string, unknown> {
  const state = stateOf(model);
  const json: Record<string, unknown> = {};
  const attributes = attributesOf(model);
  const order = state.columns ? state.columns.concat(Object.keys(attributes).filter((k) => state.columns!.indexOf(k) < 0)) : Object.keys(attributes);
  for (const name of order) {
    // Dates are copied: changing the output must not change the model (and reach the sheet on save).
    if (name in attributes && attributes[name] !== undefined) setOwn(json, name, cloneValue(attributes[name]));
  }
  for (const [name, loaded] of loadedRelations(model)) {
    const key = host.$getRelation(name).serializeAs;
    if (key === null) continue;
    // `post.tags = post.tags.filter(...)` replaces what was loaded; a cell value assigned there is an attribute.
    const own = Object.prototype.hasOwnProperty.call(model, name);
    const value = own ? (model as Record<string, unknown>)[name] : loaded;
    if (own && value !== null && !isRelationData(value)) continue;
    setOwn(json, key || name, plain(value));
  }
  const pivot = pivotOf(state);
  if (pivot !== undefined && pivot !== null) setOwn(json, 'pivot', plain(pivot));
  return json;
}

function plain(value: unknown): unknown {
  if (isDate(value)) return new Date(value.getTime());
  if (value !== null && typeof value === 'object' && typeof (value as Serializable).toJSON === 'function') {
    return (value as Serializable).toJSON();
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(copy, key, plain((value as Record<string, unknown>)[key]));
    return copy;
  }
  return value;
}
