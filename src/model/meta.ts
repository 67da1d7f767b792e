/** What a model class says about its sheet: name, keys, key type, spreadsheet. */
import { ServiceError, SheetORMError, ValidationError } from '../errors';
import { describeValue, isBlankKey, isDate, isPlainObject } from '../support/values';
import { openSpreadsheet, TableRef } from '../storage/TableRef';
import { timeZoneOf } from '../storage/sheetsApi/api';
import { pluralName, singularSnake, snakeCase } from '../relations/naming';

/** The static settings a model class may declare (Lucid, Pinia and sheetorm spellings). */
export interface ModelSettings {
  name: string;
  prototype: object;
  _table?: string;
  entity?: string;
  table?: string;
  _primaryKey?: string | readonly string[];
  primaryKey?: string | readonly string[];
  _keyType?: string;
  keyType?: string;
  _spreadsheetId?: string | null;
}

/** A model instance's class, read from its prototype: a `constructor` column assigned on the instance cannot hide it. */
export function classOf<T = ModelSettings>(model: object): T {
  return (Object.getPrototypeOf(model) as { constructor: T }).constructor;
}

/** The model's name for messages (`Post`). */
export function modelName(model: ModelSettings): string {
  return model.name || sheetName(model);
}

/**
 * A setting under any of its spellings, from the nearest class in the chain that declares one: a
 * subclass's `entity` beats the `_table` it inherits, as a subclass's own settings do in Lucid.
 */
function declared<K extends keyof ModelSettings>(model: ModelSettings, names: readonly K[]): { name: K; value: ModelSettings[K] } | undefined {
  for (let cls: object | null = model; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    for (const name of names) {
      if (!Object.prototype.hasOwnProperty.call(cls, name)) continue;
      const getter = Object.getOwnPropertyDescriptor(cls, name)!.get;
      if (getter && resolvedGetters.has(getter)) continue;
      const value = Reflect.get(cls, name, model) as ModelSettings[K];
      if (value !== undefined && value !== null) return { name, value };
    }
  }
  return undefined;
}

function setting<K extends keyof ModelSettings>(model: ModelSettings, names: readonly K[]): ModelSettings[K] | undefined {
  const found = declared(model, names);
  return found ? found.value : undefined;
}

const resolvedGetters = new WeakSet<() => unknown>();
const resolving = new Set<object>();

/**
 * Gives the base model Lucid's readable settings: `Post.primaryKey` is `'id'` and `Post.table` (or
 * Pinia's `Post.entity`) is `'Posts'` when the class declares none, and assigning one declares it
 * on the class assigned to, as a static field would.
 */
export function defineResolvedSettings(base: ModelSettings): void {
  const resolvers: Record<string, (model: ModelSettings) => unknown> = {
    primaryKey: (model) => {
      const keys = primaryKeys(model);
      return keys.length === 1 ? keys[0] : keys;
    },
    table: sheetName,
    entity: sheetName,
  };
  Object.keys(resolvers).forEach((name) => {
    const get = function (this: ModelSettings) {
      // A class's own getter may read super.table: inside this resolution that is undefined, as before.
      if (resolving.has(this)) return undefined;
      resolving.add(this);
      try {
        return resolvers[name](this);
      } finally {
        resolving.delete(this);
      }
    };
    resolvedGetters.add(get);
    Object.defineProperty(base, name, {
      configurable: true,
      get,
      set(this: object, value: unknown) {
        Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  });
}

/** The sheet name: `_table`, `entity`, `table`, or the plural of the class name. */
export function sheetName(model: ModelSettings): string {
  const name = setting(model, ['_table', 'entity', 'table']);
  if (typeof name === 'string' && name.trim()) return name;
  if (name !== undefined && name !== null) {
    throw new ValidationError(`${model.name || 'Model'}._table must be a sheet name (a non-empty string), not ${describeValue(name)}.`);
  }
  if (!model.name) throw new ValidationError('An anonymous model class needs a sheet name: set Model._table = "SheetName".');
  return pluralName(model.name);
}

/**
 * The singular that default keys and pivot sheets start from (`post` for `post_id`): the sheet
 * name's, or, when the sheet is named after the class, the class name itself, which is already
 * singular (`Axis` → `Axes` → `axis_id`, where singularising `Axes` would give `axe`).
 */
export function keyStem(model: ModelSettings): string {
  const table = sheetName(model);
  const named = setting(model, ['_table', 'entity', 'table']);
  return (named === undefined || named === null) && table !== model.name ? snakeCase(model.name) : singularSnake(table);
}

/** The primary key columns (several for a composite key). */
export function primaryKeys(model: ModelSettings): string[] {
  const key = setting(model, ['_primaryKey', 'primaryKey']) ?? 'id';
  const keys = Array.isArray(key) ? key : [key];
  if (!keys.length || keys.some((k) => typeof k !== 'string' || !k)) {
    throw new ValidationError(`${modelName(model)}._primaryKey must be a column name or an array of column names.`);
  }
  return keys.slice();
}

/** Whether new keys are UUIDs (`_keyType = 'uuid'`) rather than `max + 1`. */
export function usesUuid(model: ModelSettings): boolean {
  return setting(model, ['_keyType', 'keyType']) === 'uuid';
}

/** Key types that mean `max + 1` (Eloquent's `'int'` included). */
const INCREMENTING = [undefined, null, 'increment', 'int', 'integer'];

/** Throws unless the model's key type lets sheetorm make a key (checked only when one is needed). */
export function assertKeyMaker(model: ModelSettings): void {
  const found = declared(model, ['_keyType', 'keyType']);
  const type = found ? found.value : undefined;
  if (type === 'uuid' || INCREMENTING.indexOf(type) >= 0) return;
  const setting = (found as { name: string }).name;
  throw new ValidationError(
    `${modelName(model)}.${setting} is ${describeValue(type)}, so sheetorm cannot make a key for a new row: supply the key, or set ${setting} to 'uuid' (Utilities.getUuid()) or 'increment' (max + 1, the default).`,
  );
}

/** The spreadsheet a model pins with `_spreadsheetId`, or null for the configured one; checked before any call. */
export function pinnedSpreadsheetId(model: ModelSettings): string | null {
  const id = model._spreadsheetId;
  if (id === undefined || id === null) return null;
  if (typeof id !== 'string' || !id.trim()) {
    throw new ValidationError(`${modelName(model)}._spreadsheetId must be the id string from the spreadsheet's URL (or null for the configured spreadsheet), not ${describeValue(id)}.`);
  }
  return id;
}

/**
 * The time zone of the model's spreadsheet (read once per spreadsheet), in which its date text is
 * read; undefined when none can be opened (new models in a script bound to no spreadsheet, or
 * outside Apps Script), whose date text is then read in local time.
 */
export function spreadsheetZone(model: ModelSettings): string | undefined {
  try {
    return timeZoneOf(openSpreadsheet(pinnedSpreadsheetId(model), modelName(model)));
  } catch (error) {
    // A service that failed is an error; no spreadsheet to open is local time.
    if (error instanceof SheetORMError && !(error instanceof ServiceError)) return undefined;
    throw error;
  }
}

/** The storage reference of a model's sheet. */
export function tableRef(model: ModelSettings): TableRef {
  return {
    sheetName: sheetName(model),
    spreadsheetId: pinnedSpreadsheetId(model),
    owner: modelName(model),
    keyColumns: primaryKeys(model),
    keySetting: `${modelName(model)}._primaryKey`,
    uniqueKeys: true,
  };
}

/** A value a key cell can hold: text, a finite number, a boolean or a valid Date. */
function isKeyValue(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (isDate(value)) return !Number.isNaN(value.getTime());
  return typeof value === 'string' || typeof value === 'boolean';
}

/**
 * The key values `find(id)` was given, one per key column (an array or object for composite keys),
 * or null for a blank key (`find(null)`, `find('')`), which no record holds (Lucid finds nothing).
 */
export function keyValues(owner: string, keys: string[], id: unknown): unknown[] | null {
  if (id === null) return null;
  let values: unknown[];
  if (keys.length === 1) values = [id];
  else if (Array.isArray(id)) values = id;
  else if (isPlainObject(id)) values = keys.map((key) => id[key]);
  else values = [id];
  if (values.length !== keys.length || values.some((value) => value !== null && !isKeyValue(value))) {
    throw new ValidationError(`${owner}.find(${describeValue(id)}): expected a value for ${keys.join(', ')}${keys.length > 1 ? ' (an array or object)' : ''}.`);
  }
  return values.some(isBlankKey) ? null : values;
}
