/** Turning sheet rows into model instances. */
import { RowEntry, Table } from '../storage/Table';
import type { CellValue } from '../support/values';
import { assignRow } from './attributes';
import { constructForRow } from './defaults';
import { stateOf } from './state';

/** Builds a persisted model instance from a row. */
export function hydrate<M extends object>(model: new (...args: any[]) => M, table: Table, entry: RowEntry): M {
  const instance = constructForRow(model);
  // A row as read is never changed in place (changes copy it first), so models may share it.
  assignRow(instance, table.header.names, entry.values, entry.values === entry.original);
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
