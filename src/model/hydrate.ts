/** Turning sheet rows into model instances. */
import { RowEntry, Table } from '../storage/Table';
import { assignRow } from './attributes';
import { whileHydrating } from './defaults';
import { stateOf } from './state';

/** Builds a persisted model instance from a row. */
export function hydrate<M extends object>(model: new (...args: any[]) => M, table: Table, entry: RowEntry): M {
  const instance = whileHydrating(() => new model());
  // A row as read is never changed in place (changes copy it first), so models may share it.
  assignRow(instance, table.header.names, entry.values, entry.values === entry.original);
  stateOf(instance).persisted = true;
  return instance;
}
