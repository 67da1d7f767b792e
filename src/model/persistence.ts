/** Writing models: insert, update and delete through a unit of work, and finding their rows again. */
import { ColumnNotFoundError, DuplicateKeyError, ModelNotFoundError, ValidationError } from '../errors';
import { Table, RowEntry } from '../storage/Table';
import { recordUndo, rereadTable, UnitOfWork, userCodeRuns } from '../storage/UnitOfWork';
import { newUuid } from '../storage/service';
import { CellValue, cloneValue, describeValue, isBlankKey, Key, normalizeCompositeKey, normalizeKey } from '../support/values';
import { assignRow, attributesOf, clearAttributes, dirtyAttributes, fillMissing, forEachAttribute, isRelationData, readAttribute, removeAttribute, syncOriginal, writeAttribute } from './attributes';
import { assertKeyChange } from './keyChange';
import { assertKeyMaker, modelName, primaryKeys, tableRef, usesUuid, ModelSettings } from './meta';
import { ModelState, originalValue, stateOf } from './state';
import { fieldsOf, isRelationKey } from '../relations/registry';
import { AttributeField, notNullableNames } from './fields';
import { declaredColumnMissing } from './hydrate';
import { assertNotReset } from './constructed';

/** A model class as persistence sees it. */
export interface PersistableClass extends ModelSettings {
  new (): object;
}

/** Inserts new models (one block per sheet), assigning keys under the lock. */
export function insertModels(model: PersistableClass, instances: readonly object[], unit: UnitOfWork): void {
  const table = unit.table(tableRef(model), true);
  const owner = modelName(model);
  table.requireHeader(owner);
  const names = primaryKeys(model);
  const uuid = usesUuid(model);
  const supplied = names.length === 1 && !uuid ? suppliedKeys(instances, names[0], batchOf(model)) : null;
  const keys: KeyPlan = { names, columns: names.map((key) => table.column(key, owner)), uuid, text: null, supplied, makes: false };
  const undo = new InsertUndo(names[0]);
  // Recorded first: a row failing halfway through the batch undoes the models done before it.
  unit.record(() => undo.run());
  // Keys are made here when missing, so only the other attributes are checked.
  const required = notNullableNames(fieldsOf(model as Parameters<typeof fieldsOf>[0])).filter((name) => names.indexOf(name) < 0);
  const batch: InsertBatch = { model, unit, table, owner, keys, undo, required };
  for (let i = 0; i < instances.length; i++) {
    try {
      insertOne(batch, instances[i]);
    } catch (error) {
      // In a long list, which item is at fault is half of what to fix.
      if (instances.length > 1 && error instanceof ValidationError) error.message = `${error.message} (at index ${i} of the list)`;
      throw error;
    }
  }
}

/** What every row of one insert shares. */
interface InsertBatch {
  model: PersistableClass;
  unit: UnitOfWork;
  table: Table;
  owner: string;
  keys: KeyPlan;
  undo: InsertUndo;
  required: string[];
}

function insertOne({ model, unit, table, owner, keys, undo, required }: InsertBatch, instance: object): void {
  const columns = table.header.names;
  assertNotReset(instance, owner);
  for (let r = 0; r < required.length; r++) assertFilled(model, required[r], readAttribute(instance, required[r]), owner);
  const values = table.blankRow();
  forEachAttribute(instance, (name, value) => {
    if (value === undefined) return;
    const column = attributeColumn(model, table, name, value, owner);
    if (column >= 0) values[column] = table.cell(value, owner, name);
  });
  const generated = assignKey(model, keys, table, instance, values, undo);
  // A generated key is above every key in the sheet: only supplied keys need the uniqueness check.
  const entry = table.insertRow(values, owner, generated ? [] : keys.columns);
  markInserted(instance, columns, values, undo);
  // Over a filler row, a cell left empty keeps its checkbox: the model shows it, as a read would.
  if (table.filler.length) (entry.onLanded || (entry.onLanded = [])).push((kept) => takeKeptCells(instance, columns, kept));
  if (unit.transactional) unit.inserted.add(instance);
}

/** Gives a new model the values its row kept in cells it left empty (see takeFillerCells). */
function takeKeptCells(instance: object, columns: readonly string[], kept: ReadonlyArray<[number, CellValue]>): void {
  const state = stateOf(instance);
  for (const [index, value] of kept) {
    const name = columns[index];
    if (state.columns !== columns || readAttribute(instance, name) !== null) continue;
    writeAttribute(instance, name, cloneValue(value));
    if (state.original) state.original[index] = value;
  }
}

/**
 * An attribute's column, or -1 for null under a relation's name the sheet has no column for: a
 * null relation fed back from toJSON() into create() is not a column value. Any other value
 * without a column is a ColumnNotFoundError.
 */
function attributeColumn(model: PersistableClass, table: Table, name: string, value: unknown, owner: string): number {
  if (table.header.has(name)) return table.column(name, owner);
  if (value === null && isRelationKey(model as unknown as Parameters<typeof isRelationKey>[0], name)) return -1;
  if (!isRelationData(value)) {
    // A default fields() filled in, not a value the caller gave: the declaration is what to fix.
    if (!table.header.has(name) && fieldsOf(model as Parameters<typeof fieldsOf>[0])[name] instanceof AttributeField) throw declaredColumnMissing(model, table, name);
    return table.column(name, owner);
  }
  // A list or object under a name that is no relation: most likely a toJSON() fed back with a relation's serializeAs name.
  throw new ColumnNotFoundError(
    `${owner}: ${table.opened.describe()} has no column "${name}" (columns: ${table.header.list()}), and "${name}" holds ${describeValue(value)}, which no cell holds. If it is a relation serialized under another name (serializeAs), leave it out: create and merge skip relation data only under the relation's own name. Nothing was written.`,
  );
}

/** A `notNullable()` attribute must hold a value: refused before the sheet is read or written. */
function assertFilled(model: PersistableClass, name: string, value: unknown, owner: string): void {
  if (value !== null && value !== undefined && value !== '') return;
  throw new ValidationError(`${owner}.${name} is declared notNullable() in fields(), and it is ${describeValue(value === undefined ? null : value)}; give it a value. Nothing was written.`);
}

/** The model's key columns, by name and position, and how new keys are made. */
interface KeyPlan {
  names: string[];
  columns: number[];
  uuid: boolean;
  /** Whether the column holds whole-number keys as text (asked once, when a key is first generated). */
  text: boolean | null;
  /** Keys the batch supplies itself, which generated keys step over (null when there are none). */
  supplied: Set<Key> | null;
  /** Whether the key type was found to allow making keys (checked when a key is first needed). */
  makes: boolean;
}

/**
 * Inserts models through each one's own `save()`, for a model class that overrides it (so `create`
 * runs the override, as Lucid's and Eloquent's do). Inside the caller's write, so it is still one
 * block and all-or-nothing; generated keys still step over the keys the batch supplies.
 */
export function saveEach(model: PersistableClass, instances: ReadonlyArray<{ save(): unknown }>): void {
  userCodeRuns();
  const names = primaryKeys(model);
  const previous = savingBatch;
  // A create inside an overridden save() steps over the outer batch's keys too.
  const outer = previous && previous.model === model ? previous.keys : null;
  savingBatch = { model, keys: names.length === 1 && !usesUuid(model) ? suppliedKeys(instances, names[0], outer) : outer };
  try {
    for (let i = 0; i < instances.length; i++) instances[i].save();
  } finally {
    savingBatch = previous;
  }
}

let baseSave: unknown = null;

/** Registers Model.prototype.save (Model.ts imports this file), to tell overrides from it. */
export function registerBaseSave(save: unknown): void {
  baseSave = save;
}

/**
 * Calls a model's `save()` inside a write. An override is user code that may take its time (a
 * fetch, a sleep) while people edit the sheet: the write then re-checks its sheets before writing.
 */
export function saveInWrite(model: { save(): unknown }): void {
  if (model.save !== baseSave) userCodeRuns();
  model.save();
}

/** The batch `saveEach` is inserting, whose supplied keys each single insert steps over. */
let savingBatch: { model: PersistableClass; keys: Set<Key> | null } | null = null;

function batchOf(model: PersistableClass): Set<Key> | null {
  return savingBatch && savingBatch.model === model ? savingBatch.keys : null;
}

/** The normalised keys some models of a batch already hold (added to `also`'s), or null. */
function suppliedKeys(instances: readonly object[], name: string, also: Set<Key> | null): Set<Key> | null {
  let keys: Set<Key> | null = also && new Set(also);
  for (let i = 0; i < instances.length; i++) {
    const value = readAttribute(instances[i], name);
    if (!isBlankKey(value)) (keys || (keys = new Set())).add(normalizeKey(value));
  }
  return keys;
}

/** What an insert batch changed on its models, in arrays rather than a closure per model. */
class InsertUndo {
  private readonly keyName: string;
  private readonly keyed: object[] = [];
  private readonly keysBefore: unknown[] = [];
  private readonly states: ModelState[] = [];
  private readonly filled: Array<[object, string[], unknown[]]> = [];
  private readonly persisted: boolean[] = [];
  private readonly deleted: boolean[] = [];
  private readonly originals: Array<CellValue[] | null> = [];
  private readonly columns: Array<readonly string[] | null> = [];

  constructor(keyName: string) {
    this.keyName = keyName;
  }

  key(instance: object, before: unknown): void {
    this.keyed.push(instance);
    this.keysBefore.push(before);
  }

  state(state: ModelState): void {
    this.states.push(state);
    this.persisted.push(state.persisted);
    this.deleted.push(state.deleted);
    this.originals.push(state.original);
    this.columns.push(state.columns);
  }

  /** Attributes the insert filled in from the row's blank cells, with the values it gave them. */
  fill(instance: object, names: string[] | null): void {
    if (names) this.filled.push([instance, names, names.map((name) => readAttribute(instance, name))]);
  }

  run(): void {
    // Only attributes still holding what the insert gave them: a value set since is the user's.
    this.filled.forEach(([instance, names, values]) =>
      names.forEach((name, i) => {
        if (readAttribute(instance, name) === values[i]) removeAttribute(instance, name);
      }),
    );
    this.states.forEach((state, i) => {
      state.persisted = this.persisted[i];
      state.deleted = this.deleted[i];
      state.original = this.originals[i];
      state.columns = this.columns[i];
    });
    this.keyed.forEach((instance, i) => {
      if (this.keysBefore[i] === undefined) removeAttribute(instance, this.keyName);
      else writeAttribute(instance, this.keyName, this.keysBefore[i]);
    });
  }
}

function assignKey(model: PersistableClass, keys: KeyPlan, table: Table, instance: object, values: CellValue[], undo: InsertUndo): boolean {
  if (keys.names.length > 1) {
    const missing = keys.names.filter((key, i) => isBlankKey(values[keys.columns[i]]));
    if (missing.length) {
      throw new ValidationError(`${modelName(model)}: the composite key needs a value for ${missing.join(', ')}; nothing was written.`);
    }
    return false;
  }
  const column = keys.columns[0];
  if (!isBlankKey(values[column])) return false;
  if (!keys.makes) assertKeyMaker(model);
  keys.makes = true;
  let key: string | number;
  if (keys.uuid) key = newUuid();
  else {
    if (keys.text === null) keys.text = table.keysAreText(column);
    let next = table.nextKey(column);
    while (keys.supplied && keys.supplied.has(normalizeKey(next))) next++;
    key = keys.text ? String(next) : next;
  }
  values[column] = key;
  undo.key(instance, readAttribute(instance, keys.names[0]));
  writeAttribute(instance, keys.names[0], key);
  return !keys.uuid;
}

/** Writes a model's changed attributes to its row. */
export function updateModel(model: PersistableClass, instance: object, unit: UnitOfWork): void {
  const dirty = dirtyAttributes(instance);
  if (!Object.keys(dirty).length) return;
  const owner = modelName(model);
  for (const name of notNullableNames(fieldsOf(model as Parameters<typeof fieldsOf>[0]))) {
    if (name in dirty) assertFilled(model, name, dirty[name], owner);
  }
  const table = unit.table(tableRef(model), true);
  const names = Object.keys(dirty).filter((name) => attributeColumn(model, table, name, dirty[name], owner) >= 0);
  if (!names.length) return;
  const columns = names.map((name) => table.column(name, owner));
  const entry = locate(model, instance, table, 'save');
  if (!entry) throw gone(model, instance, table);
  const keyColumns = primaryKeys(model).map((key) => table.column(key, owner));
  if (columns.some((c) => keyColumns.indexOf(c) >= 0)) {
    assertKeyChange(table, entry, keyColumns, primaryKeys(model).map((key) => readAttribute(instance, key)), `${owner}.save()`);
  }
  names.forEach((name, i) => table.set(entry, columns[i], dirty[name], owner));
  markSaved(unit, instance, table, entry);
}

/** Deletes a model's row (a row already gone is not an error). */
export function deleteModel(model: PersistableClass, instance: object, unit: UnitOfWork): void {
  const table = unit.table(tableRef(model), true);
  const entry = locate(model, instance, table, 'delete');
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

/** Re-reads a model's row into it; a model never saved has none, and is left as it is (Lucid, Eloquent). */
export function refreshModel(model: PersistableClass, instance: object): void {
  const current = stateOf(instance);
  if (!current.persisted && !current.deleted) return;
  const table = rereadTable(tableRef(model));
  const entry = locate(model, instance, table, 'refresh');
  if (!entry) throw gone(model, instance, table);
  // Inside a transaction the row read may hold its pending changes: a rollback puts the model back.
  const state = stateOf(instance);
  const before = { attributes: attributesOf(instance), original: state.original, columns: state.columns, persisted: state.persisted };
  recordUndo(() => {
    clearAttributes(instance);
    for (const name of Object.keys(before.attributes)) writeAttribute(instance, name, before.attributes[name]);
    state.original = before.original;
    state.columns = before.columns;
    state.persisted = before.persisted;
  });
  assignRow(instance, table.header.names, entry.values);
  state.persisted = true;
}

/**
 * The row of a persisted model, found by the key it was read with. A key that is blank, or that
 * several rows hold, cannot say which row is the model's: that is an error, never a guess.
 */
export function locate(model: PersistableClass, instance: object, table: Table, action: string): RowEntry | undefined {
  const owner = modelName(model);
  const keys = primaryKeys(model);
  const columns = keys.map((key) => table.column(key, owner));
  const values = originalKeyValues(instance, keys);
  const shown = keys.map((key, i) => `${key} ${describeValue(values[i])}`).join(', ');
  if (values.some(isBlankKey)) {
    // A model never saved has no row: delete() has nothing to do, refresh() finds nothing.
    if (!stateOf(instance).persisted) return undefined;
    throw new ValidationError(
      `${owner}.${action}(): this ${owner} has no ${keys.join(', ')} (its row in ${table.opened.describe()} has a blank key cell), so its row cannot be found; give the row a key. Nothing was written.`,
    );
  }
  const key = normalizeCompositeKey(values);
  if (table.isDuplicated(columns, key)) {
    throw new DuplicateKeyError(
      `${owner}.${action}(): ${table.opened.describe()} has several rows with ${shown} (rows ${table.rowNumbersHolding(columns, key).join(', ')}), so this ${owner}'s row is ambiguous; make the keys unique. Nothing was written.`,
    );
  }
  return table.find(columns, key);
}

/** The key values a model's row was read or last written with (its current ones before it has a row). */
export function originalKeyValues(instance: object, keys: string[]): unknown[] {
  const state = stateOf(instance);
  return keys.map((key) => {
    const original = state.persisted ? originalValue(state, key) : undefined;
    return original !== undefined ? original : readAttribute(instance, key);
  });
}


/** The error for a model whose row is no longer in the sheet. */
export function gone(model: PersistableClass, instance: object, table: Table): ModelNotFoundError {
  const keys = primaryKeys(model);
  const shown = keys.map((key) => `${key} ${describeValue(originalValue(stateOf(instance), key) ?? readAttribute(instance, key))}`).join(', ');
  // Lucid refuses a deleted instance outright; here a save() writes it back, so say so.
  const why = stateOf(instance).deleted ? 'its delete() removed it; save() writes it back' : 'deleted meanwhile?';
  return new ModelNotFoundError(`${modelName(model)} with ${shown} is no longer in ${table.opened.describe()} (${why}); nothing was written.`);
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
function markInserted(instance: object, columns: readonly string[], values: readonly CellValue[], undo: InsertUndo): void {
  const state = stateOf(instance);
  undo.state(state);
  undo.fill(instance, fillMissing(instance, columns, values));
  state.columns = columns;
  // The table never changes a Date in place, so the clean state may share them with the row.
  state.original = values.slice();
  state.persisted = true;
  // Saved again after delete(): it has a row once more (as in Eloquent).
  state.deleted = false;
}
