/**
 * `toJSON()` / `serialize(cherryPick?)`: attributes in sheet order, then loaded relations (under
 * `serializeAs`), then `pivot`, then what `serializeExtras` adds (Lucid).
 */
import { ValidationError } from '../errors';
import { cloneValue, describeValue, isDate, isPlainObject, setOwn } from '../support/values';
import { attributesOf, isRelationData } from './attributes';
import { extrasOf, loadedRelations, pivotOf, stateOf } from './state';
import { isRelationKey } from '../relations/registry';

/** Lucid's cherry-pick: which fields to keep (a list, or `pick`/`omit`), and the same for each relation. */
export interface CherryPick {
  fields?: string[] | { pick?: string[]; omit?: string[] };
  relations?: { [relation: string]: CherryPick };
}

interface Serializable {
  toJSON(): unknown;
  serialize?(cherryPick?: CherryPick): unknown;
}

interface RelationLookup {
  $getRelation(name: string): { serializeAs: string | null };
}

/** A plain object of a model, relations included (safe for headers such as `__proto__`). */
export function serialize(model: object, host: RelationLookup, cherryPick?: CherryPick): Record<string, unknown> {
  const keep = fieldFilter(checkCherryPick(cherryPick, 'serialize'));
  const state = stateOf(model);
  const json: Record<string, unknown> = {};
  const attributes = attributesOf(model);
  const order = state.columns ? state.columns.concat(Object.keys(attributes).filter((k) => state.columns!.indexOf(k) < 0)) : Object.keys(attributes);
  for (const name of order) {
    // Dates are copied: changing the output must not change the model (and reach the sheet on save).
    if (name in attributes && attributes[name] !== undefined && keep(name)) setOwn(json, name, cloneValue(attributes[name]));
  }
  const relations = new Map(loadedRelations(model));
  // Relation data assigned without a load (`user.posts = Post.where(...).get()`) counts as loaded.
  for (const name of Object.keys(model)) {
    const value = (model as Record<string, unknown>)[name];
    if (!relations.has(name) && typeof value !== 'function' && isRelationData(value) && isRelationKey(host as never, name)) relations.set(name, value);
  }
  for (const [name, loaded] of relations) {
    const key = host.$getRelation(name).serializeAs;
    if (key === null) continue;
    // `post.tags = post.tags.filter(...)` replaces what was loaded; a cell value assigned there is an attribute.
    const own = Object.prototype.hasOwnProperty.call(model, name);
    const value = own ? (model as Record<string, unknown>)[name] : loaded;
    if (own && value !== null && !isRelationData(value)) continue;
    const nested = cherryPick && cherryPick.relations ? cherryPick.relations[key || name] : undefined;
    setOwn(json, key || name, plain(value, nested));
  }
  const pivot = pivotOf(state);
  if (pivot !== undefined && pivot !== null && keep('pivot')) setOwn(json, 'pivot', plain(pivot));
  const extras = serializedExtras(model);
  if (extras) for (const key of Object.keys(extras)) setOwn(json, key, plain(extras[key]));
  return json;
}

/** Lucid's `serializeExtras`: true adds `meta` ($extras); a method's object is added as it is. */
function serializedExtras(model: object): Record<string, unknown> | null {
  const option = (model as { serializeExtras?: unknown }).serializeExtras;
  if (option === true) return { meta: { ...extrasOf(model) } };
  if (typeof option !== 'function') return null;
  const added: unknown = option.call(model);
  return isPlainObject(added) ? added : null;
}

function checkCherryPick(cherryPick: unknown, path: string): CherryPick | undefined {
  if (cherryPick === undefined) return undefined;
  const refuse = (what: string) => new ValidationError(`${path}(): ${what}; a cherry-pick is { fields: ['id', 'title'] | { pick?: [...], omit?: [...] }, relations: { tags: { fields: [...] } } }.`);
  if (!isPlainObject(cherryPick)) throw refuse(`expected a cherry-pick object, got ${describeValue(cherryPick)}`);
  const { fields, relations } = cherryPick as CherryPick;
  const names = (list: unknown, key: string) => {
    if (list !== undefined && (!Array.isArray(list) || list.some((name) => typeof name !== 'string'))) throw refuse(`${key} must be a list of names, got ${describeValue(list)}`);
  };
  if (Array.isArray(fields)) names(fields, 'fields');
  else if (isPlainObject(fields)) {
    names(fields.pick, 'fields.pick');
    names(fields.omit, 'fields.omit');
  } else if (fields !== undefined) throw refuse(`fields must be a list or { pick, omit }, got ${describeValue(fields)}`);
  if (relations !== undefined && !isPlainObject(relations)) throw refuse(`relations must be an object of cherry-picks by relation, got ${describeValue(relations)}`);
  return cherryPick as CherryPick;
}

const keepAll = (): boolean => true;

/** Whether a field is kept: in `pick` (when given) and not in `omit`. */
function fieldFilter(cherryPick: CherryPick | undefined): (name: string) => boolean {
  const fields = cherryPick && cherryPick.fields;
  if (!fields) return keepAll;
  const pick = Array.isArray(fields) ? fields : fields.pick;
  const omit = Array.isArray(fields) ? undefined : fields.omit;
  return (name) => (!pick || pick.indexOf(name) >= 0) && (!omit || omit.indexOf(name) < 0);
}

function plain(value: unknown, cherryPick?: CherryPick): unknown {
  if (isDate(value)) return new Date(value.getTime());
  if (value !== null && typeof value === 'object') {
    const item = value as Serializable;
    if (cherryPick !== undefined && typeof item.serialize === 'function' && !Array.isArray(value)) return item.serialize(cherryPick);
    if (cherryPick === undefined && typeof item.toJSON === 'function') return item.toJSON();
  }
  if (Array.isArray(value)) return value.map((item) => plain(item, cherryPick));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(copy, key, plain((value as Record<string, unknown>)[key]));
    return copy;
  }
  return value;
}
