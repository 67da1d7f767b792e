/** Turning sheet rows into model instances. */
import { RowEntry, Table } from '../storage/Table';
import { assignRow } from './attributes';
import { whileHydrating } from './defaults';
import { stateOf } from './state';

/** Builds a persisted model instance from a row. */
export function hydrate<M extends object>(model: new (...args: any[]) => M, table: Table, entry: RowEntry): M {
  const instance = whileHydrating(() => new model());
  assignRow(instance, table.header.names, entry.values);
  stateOf(instance).persisted = true;
  return instance;
}
