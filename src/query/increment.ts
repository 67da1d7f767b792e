/**
 * `increment` / `decrement`: adding to number cells, read under the write's lock so two executions
 * counting at once both count (Eloquent's `views = views + 1`, adapted to a sheet).
 */
import { ValidationError } from '../errors';
import { primaryKeys, ModelSettings } from '../model/meta';
import type { RowEntry, Table } from '../storage/Table';
import { describeValue, isPlainObject } from '../support/values';
import { checkColumn } from './conditions';

/** What to add to which column: `[name, amount]` pairs. */
export type Amounts = Array<[string, number]>;

/** `increment('views')`, `increment('views', 5)` or `increment({ views: 1, likes: 2 })`, checked; decrement negates. */
export function amountsOf(column: unknown, amount: unknown, owner: string, method: 'increment' | 'decrement'): Amounts {
  const sign = method === 'increment' ? 1 : -1;
  if (isPlainObject(column)) {
    const names = Object.keys(column);
    if (!names.length) throw new ValidationError(`${owner}.${method}({}): name at least one column, such as { views: 1 }.`);
    return names.map((name) => [name, sign * checkAmount((column as Record<string, unknown>)[name], owner, method, name)]);
  }
  const name = checkColumn(column, owner, method);
  return [[name, sign * checkAmount(amount, owner, method, name)]];
}

function checkAmount(amount: unknown, owner: string, method: string, column: string): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    throw new ValidationError(`${owner}.${method}('${column}', ${describeValue(amount)}): the amount must be a finite number, such as 1.`);
  }
  return amount;
}

/**
 * Adds the amounts to each entry's cells: an empty cell counts as 0, anything but a number is
 * refused (every row is checked before any cell changes). Key columns are refused: a key is no counter.
 */
export function addAmounts(model: ModelSettings, table: Table, entries: readonly RowEntry[], amounts: Amounts, owner: string, method: string): void {
  const keys = primaryKeys(model);
  const columns = amounts.map(([name]) => {
    if (keys.indexOf(name) >= 0) {
      throw new ValidationError(`${owner}.${method}('${name}'): "${name}" is the key of ${owner}; keys are not counters (set a new key with update() or save()).`);
    }
    return table.column(name, owner);
  });
  const sums = entries.map((entry) =>
    columns.map((column, i) => {
      const value = entry.values[column];
      if (value === null) return amounts[i][1];
      if (typeof value === 'number') return value + amounts[i][1];
      const row = entry.rowNumber === null ? 'a row not yet written' : `row ${entry.rowNumber}`;
      throw new ValidationError(
        `${owner}.${method}('${amounts[i][0]}'): ${row} of ${table.opened.describe()} holds ${describeValue(value)}, not a number; put a number (or nothing) in that cell. Nothing was written.`,
      );
    }),
  );
  entries.forEach((entry, r) => columns.forEach((column, i) => table.set(entry, column, sums[r][i], owner)));
}
