/** Turning sheet rows into model instances. */
import { Row, RowEntry, Table } from '../storage/Table';
import type { CellValue } from '../support/values';
import { assignRow } from './attributes';
import { constructForRow } from './defaults';
import { stateOf } from './state';

/** Builds a persisted model instance from a row. */
export function hydrate<M extends object>(model: new (...args: any[]) => M, table: Table, entry: RowEntry): M {
  // A row as read is never changed in place (changes copy it first), so models may share it.
  return hydrateRow(model, table, entry.values, entry.values === entry.original);
}

/** Builds a persisted model instance from row values; `asRead` says the array is never changed in place. */
export function hydrateRow<M extends object>(model: new (...args: any[]) => M, table: Table, values: Row, asRead: boolean): M {
  const instance = constructForRow(model);
  assignRow(instance, table.header.names, values, asRead);
  stateOf(instance).persisted = true;
  return instance;
}

/** Builds a persisted model instance from row values (copied: the row may change later). */
export function hydrateValues<M extends object>(model: new (...args: any[]) => M, table: Table, values: readonly CellValue[]): M {
  const instance = constructForRow(model);
  assignRow(instance, table.header.names, values);
  stateOf(instance).persisted = true;
  return instance;
}
