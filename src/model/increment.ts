/**
 * `post.increment('views')` (Eloquent): adds to the model's own row, reading the cell under the
 * write's lock (so counts from concurrent executions add up), and takes the new value as saved.
 */
import { ValidationError } from '../errors';
import { addAmounts, Amounts } from '../query/increment';
import { runWrite } from '../storage/UnitOfWork';
import { readAttribute, removeAttribute, writeAttribute } from './attributes';
import { modelName, tableRef } from './meta';
import { gone, locate, PersistableClass } from './persistence';
import { columnIndex, stateOf } from './state';

/** Adds the amounts to the model's row and sets them on the model, clean (other changes stay unsaved). */
export function incrementModel(model: PersistableClass, instance: object, amounts: Amounts, method: string): void {
  const owner = modelName(model);
  const state = stateOf(instance);
  if (!state.persisted) {
    const why = state.deleted ? 'was deleted' : 'has not been saved';
    throw new ValidationError(`${owner}.${method}(): this ${owner} ${why}, so it has no row to add to; save() it first.`);
  }
  runWrite(`${owner}.${method}`, (unit) => {
    // Read afresh under the lock, never from a session's earlier read: the count must be current.
    const table = unit.table(tableRef(model));
    const entry = locate(model, instance, table, method);
    if (!entry) throw gone(model, instance, table);
    addAmounts(model, table, [entry], amounts, owner, method);
    const names = amounts.map(([name]) => name);
    const before = { values: names.map((name) => readAttribute(instance, name)), original: state.original };
    const original = state.original ? state.original.slice() : null;
    names.forEach((name) => {
      const value = entry.values[table.column(name, owner)];
      writeAttribute(instance, name, value);
      const at = original && state.columns ? columnIndex(state.columns, name) : -1;
      if (original && at >= 0) original[at] = value;
    });
    state.original = original;
    unit.record(() => {
      names.forEach((name, i) => (before.values[i] === undefined ? removeAttribute(instance, name) : writeAttribute(instance, name, before.values[i])));
      state.original = before.original;
    });
  });
}
