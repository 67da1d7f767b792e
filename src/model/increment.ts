/**
 * `post.increment('views')` (Eloquent): adds to the model's own row, reading the cell under the
 * write's lock (so counts from concurrent executions add up), and takes the new value as saved.
 */
import { ValidationError } from '../errors';
import { addAmounts, incrementOf, refuseKeyExtras, unqualified } from '../query/increment';
import { runWrite } from '../storage/UnitOfWork';
import { sameAsOwnText, sameValue } from '../support/values';
import { readAttribute, removeAttribute, writeAttribute } from './attributes';
import { modelName, primaryKeys, tableRef } from './meta';
import { gone, locate, PersistableClass } from './persistence';
import { columnIndex, stateOf } from './state';

/** Adds the amounts (and sets the extra columns) in the model's row and on the model, clean; its other changes stay unsaved. */
export function incrementModel<I extends object>(model: PersistableClass, instance: I, method: 'increment' | 'decrement', column: unknown, amount: unknown, extra: unknown): I {
  const owner = modelName(model);
  const change = incrementOf(column, amount, extra, owner, method);
  const state = stateOf(instance);
  if (!state.persisted) {
    const why = state.deleted ? 'was deleted' : 'has not been saved';
    throw new ValidationError(`${owner}.${method}(): this ${owner} ${why}, so it has no row to add to; save() it first.`);
  }
  const keys = primaryKeys(model);
  return runWrite(`${owner}.${method}`, (unit) => {
    // Read afresh under the lock, never from a session's earlier read: the count must be current.
    const table = unit.table(tableRef(model));
    const entry = locate(model, instance, table, method);
    if (!entry) throw gone(model, instance, table);
    const name = (column: string) => unqualified(column, table);
    refuseKeyExtras(table, change, keys, owner, method, name);
    const amounts = change.amounts.map(([column, amount]): [string, number] => [name(column), amount]);
    addAmounts(table, [entry], amounts, keys, owner, method);
    const extra = change.extra || {};
    for (const column of Object.keys(extra)) {
      const index = table.column(name(column), owner);
      if (!sameValue(entry.values[index], table.cell(extra[column], owner, name(column))) && !sameAsOwnText(extra[column], entry.values[index])) table.set(entry, index, extra[column], owner);
    }
    const names = amounts.map(([column]) => column).concat(Object.keys(extra).map(name));
    takeCells(unit, instance, names, (column) => entry.values[table.column(column, owner)]);
    return instance;
  });
}

/** Sets the cells' values on the model as saved (attribute and original), undone if the write fails. */
function takeCells(unit: { record(undo: () => void): void }, instance: object, names: string[], cell: (name: string) => unknown): void {
  const state = stateOf(instance);
  const before = { values: names.map((name) => readAttribute(instance, name)), original: state.original };
  const original = state.original ? state.original.slice() : null;
  names.forEach((name) => {
    const value = cell(name);
    writeAttribute(instance, name, value);
    const at = original && state.columns ? columnIndex(state.columns, name) : -1;
    if (original && at >= 0) original[at] = value as never;
  });
  state.original = original;
  unit.record(() => {
    names.forEach((name, i) => (before.values[i] === undefined ? removeAttribute(instance, name) : writeAttribute(instance, name, before.values[i])));
    state.original = before.original;
  });
}
