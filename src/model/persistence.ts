/** Writing models: insert, update and delete through a unit of work, and finding their rows again. */
import { ModelNotFoundError, SheetORMError, ValidationError } from '../errors';
import { Table, RowEntry } from '../storage/Table';
import { UnitOfWork, readTable } from '../storage/UnitOfWork';
import { CellValue, Key, cloneValue, describeValue, isBlankKey, normalizeCompositeKey } from '../support/values';
import { assignRow, attributesOf, dirtyAttributes, readAttribute, syncOriginal, writeAttribute } from './attributes';
import { modelName, primaryKeys, tableRef, usesUuid, ModelSettings } from './meta';
import { originalValue, stateOf } from './state';

/** A model class as persistence sees it. */
export interface PersistableClass extends ModelSettings {
  new (): object;
}

/** Inserts new models (one block per sheet), assigning keys under the lock. */
export function insertModels(model: PersistableClass, instances: readonly object[], unit: UnitOfWork): void {
  const table = unit.table(tableRef(model), true);
  const owner = modelName(model);
  table.requireHeader(owner);
  const keys: KeyPlan = { names: primaryKeys(model), columns: [], uuid: usesUuid(model) };
  keys.columns = keys.names.map((key) => table.column(key, owner));
  for (const instance of instances) {
    const attributes = attributesOf(instance);
    for (const name of Object.keys(attributes)) if (attributes[name] !== undefined) table.column(name, owner);
    const generated = assignKey(model, keys, unit, table, instance, attributes);
    // A generated key is above every key in the sheet: only supplied keys need the uniqueness check.
    const entry = table.insert(attributes, owner, generated ? [] : keys.columns);
    markInserted(unit, instance, table, entry, attributes);
  }
}

/** The model's key columns, by name and position, and whether new keys are UUIDs. */
interface KeyPlan {
  names: string[];
  columns: number[];
  uuid: boolean;
}

function assignKey(model: PersistableClass, keys: KeyPlan, unit: UnitOfWork, table: Table, instance: object, attributes: Record<string, unknown>): boolean {
  if (keys.names.length > 1) {
    const missing = keys.names.filter((key) => isBlankKey(attributes[key]));
    if (missing.length) {
      throw new ValidationError(`${modelName(model)}: the composite key needs a value for ${missing.join(', ')}; nothing was written.`);
    }
    return false;
  }
  const name = keys.names[0];
  if (!isBlankKey(attributes[name])) return false;
  const next = keys.uuid ? 0 : table.nextKey(keys.columns[0]);
  const key = keys.uuid ? Utilities.getUuid() : table.keysAreText(keys.columns[0]) ? String(next) : next;
  attributes[name] = key;
  const before = readAttribute(instance, name);
  writeAttribute(instance, name, key);
  unit.record(() => writeAttribute(instance, name, before));
  return !keys.uuid;
}

/** Writes a model's changed attributes to its row. */
export function updateModel(model: PersistableClass, instance: object, unit: UnitOfWork): void {
  const dirty = dirtyAttributes(instance);
  const names = Object.keys(dirty);
  if (!names.length) return;
  const table = unit.table(tableRef(model), true);
  const owner = modelName(model);
  const columns = names.map((name) => table.column(name, owner));
  const entry = locate(model, instance, table);
  if (!entry) throw gone(model, instance, table);
  const keyColumns = primaryKeys(model).map((key) => table.column(key, owner));
  if (columns.some((c) => keyColumns.indexOf(c) >= 0)) assertNewKeyFree(model, table, keyColumns, instance, entry);
  names.forEach((name, i) => table.set(entry, columns[i], dirty[name], owner));
  markSaved(unit, instance, table, entry);
}

/** Deletes a model's row (a row already gone is not an error). */
export function deleteModel(model: PersistableClass, instance: object, unit: UnitOfWork): void {
  const table = unit.table(tableRef(model), true);
  const entry = locate(model, instance, table);
  if (entry) table.remove(entry);
  const state = stateOf(instance);
  const before = { persisted: state.persisted, deleted: state.deleted };
  state.persisted = false;
  state.deleted = true;
  unit.record(() => {
    state.persisted = before.persisted;
    state.deleted = before.deleted;
  });
}

/** Re-reads a model's row into it. */
export function refreshModel(model: PersistableClass, instance: object): void {
  const table = readTable(tableRef(model));
  const entry = locate(model, instance, table);
  if (!entry) throw gone(model, instance, table);
  assignRow(instance, table.header.names, entry.values);
  stateOf(instance).persisted = true;
}

/** The row of a persisted model, found by the key it was read with. */
export function locate(model: PersistableClass, instance: object, table: Table): RowEntry | undefined {
  const owner = modelName(model);
  const keys = primaryKeys(model);
  const columns = keys.map((key) => table.column(key, owner));
  return table.find(columns, originalKey(instance, keys));
}

function originalKey(instance: object, keys: string[]): Key {
  const state = stateOf(instance);
  const values = keys.map((key) => {
    const original = state.persisted ? originalValue(state, key) : undefined;
    return original !== undefined ? original : readAttribute(instance, key);
  });
  return normalizeCompositeKey(values);
}

function assertNewKeyFree(model: PersistableClass, table: Table, keyColumns: number[], instance: object, entry: RowEntry): void {
  const keys = primaryKeys(model);
  const key = normalizeCompositeKey(keys.map((k) => readAttribute(instance, k)));
  const holder = table.find(keyColumns, key);
  if (holder && holder !== entry) {
    throw new SheetORMError(`${modelName(model)}: cannot change the key to ${key}: another row already has it.`);
  }
}

function gone(model: PersistableClass, instance: object, table: Table): ModelNotFoundError {
  const keys = primaryKeys(model);
  const shown = keys.map((key) => `${key} ${describeValue(originalValue(stateOf(instance), key) ?? readAttribute(instance, key))}`).join(', ');
  return new ModelNotFoundError(`${modelName(model)} with ${shown} is no longer in ${table.opened.describe()} (deleted meanwhile?); nothing was written.`);
}

function markSaved(unit: UnitOfWork, instance: object, table: Table, entry: RowEntry): void {
  const state = stateOf(instance);
  const before = { persisted: state.persisted, original: state.original, columns: state.columns };
  const names = table.header.names;
  for (let i = 0; i < names.length; i++) {
    if (readAttribute(instance, names[i]) === undefined) writeAttribute(instance, names[i], entry.values[i]);
  }
  syncOriginal(state, instance, names);
  state.persisted = true;
  unit.record(() => {
    state.persisted = before.persisted;
    state.original = before.original;
    state.columns = before.columns;
  });
}

/** A new row's model: columns it did not set become null, and the row is its clean state. */
function markInserted(unit: UnitOfWork, instance: object, table: Table, entry: RowEntry, attributes: Record<string, unknown>): void {
  const state = stateOf(instance);
  const names = table.header.names;
  const original: CellValue[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const value = entry.values[i];
    if (attributes[names[i]] === undefined) writeAttribute(instance, names[i], value);
    original[i] = value !== null && typeof value === 'object' ? cloneValue(value) : value;
  }
  const before = { persisted: state.persisted, original: state.original, columns: state.columns };
  state.columns = names;
  state.original = original;
  state.persisted = true;
  unit.record(() => {
    state.persisted = before.persisted;
    state.original = before.original;
    state.columns = before.columns;
  });
}

