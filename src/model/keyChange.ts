/** Changing a row's primary key (save() or query update()): never blank, never a key another row holds. */
import { DuplicateKeyError, ValidationError } from '../errors';
import type { RowEntry, Table } from '../storage/Table';
import { describeValue, isBlankKey, Key, normalizeCompositeKey } from '../support/values';
import { modelName, ModelSettings, primaryKeys } from './meta';

/**
 * Throws unless `entry` may take `values` in the key columns `columns`: a blank part would leave a
 * row nothing can find, and a key another row holds would make two rows one.
 */
export function assertKeyChange(table: Table, entry: RowEntry, columns: readonly number[], values: readonly unknown[], owner: string): void {
  const names = columns.map((column) => table.header.names[column]).join(', ');
  const shown = values.map(describeValue).join(', ');
  if (values.some(isBlankKey)) {
    throw new ValidationError(`${owner}: cannot set the key ${names} to ${shown}: a row's key cannot be blank.`);
  }
  const holder = table.find(columns, normalizeCompositeKey(values));
  if (holder && holder !== entry) {
    throw new DuplicateKeyError(`${owner}: cannot change the key ${names} to ${shown}: ${table.opened.describe()} already has a row with it. Nothing was written.`);
  }
}

/**
 * A query's update may set primary keys when every row ends up with its own key, none blank and
 * none held by a row the update leaves alone (`where('post_id', 1).update({ post_id: 3 })` on a
 * composite key moves each row to a key of its own).
 */
export function assertKeyUpdate(model: ModelSettings, table: Table, columns: readonly number[], entries: readonly RowEntry[], values: readonly unknown[], asker = modelName(model)): void {
  const keyColumns = primaryKeys(model).map((key) => table.header.indexOf(key));
  if (!entries.length || !columns.some((column) => keyColumns.indexOf(column) >= 0)) return;
  const owner = `${asker}.update()`;
  if (entries.length === 1) {
    const entry = entries[0];
    assertKeyChange(table, entry, keyColumns, nextKey(entry, keyColumns, columns, values), owner);
    return;
  }
  const updated = new Set(entries);
  const taken = new Set<Key>();
  const names = keyColumns.map((column) => table.header.names[column]).join(', ');
  const next = entries.map((entry) => nextKey(entry, keyColumns, columns, values));
  const shown = (key: unknown[]) => key.map(describeValue).join(', ');
  for (const key of next) {
    if (key.some(isBlankKey)) throw new ValidationError(`${owner}: cannot set the key ${names} to ${shown(key)}: a row's key cannot be blank.`);
    const normal = normalizeCompositeKey(key);
    if (taken.has(normal)) {
      throw new ValidationError(`${owner}: setting the key on ${entries.length} rows would give two of them the key ${names} = ${shown(key)} (a duplicate); update one row at a time.`);
    }
    taken.add(normal);
  }
  for (const key of next) {
    const normal = normalizeCompositeKey(key);
    const holder = table.find(keyColumns, normal);
    if (holder && (!updated.has(holder) || table.isDuplicated(keyColumns, normal))) {
      throw new DuplicateKeyError(`${owner}: cannot change the key ${names} to ${shown(key)}: ${table.opened.describe()} already has a row with it. Nothing was written.`);
    }
  }
}

/** The key a row will hold once `columns` take `values`. */
function nextKey(entry: RowEntry, keyColumns: readonly number[], columns: readonly number[], values: readonly unknown[]): unknown[] {
  return keyColumns.map((keyColumn) => (columns.indexOf(keyColumn) >= 0 ? values[columns.indexOf(keyColumn)] : entry.values[keyColumn]));
}
