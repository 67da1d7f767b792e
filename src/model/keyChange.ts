/** Changing a row's primary key (save() or query update()): never blank, never a key another row holds. */
import { DuplicateKeyError, ValidationError } from '../errors';
import type { RowEntry, Table } from '../storage/Table';
import { describeValue, isBlankKey, normalizeCompositeKey } from '../support/values';
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
    throw new DuplicateKeyError(`${owner}: cannot change the key ${names} to ${shown}: ${table.opened.describe()} already has a row with it.`);
  }
}

/** A query's update may set the primary key of one row only, to a key that is not blank and not taken. */
export function assertKeyUpdate(model: ModelSettings, table: Table, columns: readonly number[], entries: readonly RowEntry[], values: readonly unknown[]): void {
  const keyColumns = primaryKeys(model).map((key) => table.header.indexOf(key));
  if (!entries.length || !columns.some((column) => keyColumns.indexOf(column) >= 0)) return;
  if (entries.length > 1) {
    throw new ValidationError(`${modelName(model)}.update(): setting the primary key on ${entries.length} rows would duplicate it; update one row at a time.`);
  }
  const entry = entries[0];
  const next = keyColumns.map((keyColumn) => (columns.indexOf(keyColumn) >= 0 ? values[columns.indexOf(keyColumn)] : entry.values[keyColumn]));
  assertKeyChange(table, entry, keyColumns, next, `${modelName(model)}.update()`);
}
