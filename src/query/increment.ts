/**
 * `increment` / `decrement`: adding to number cells, read under the write's lock so two executions
 * counting at once both count (Eloquent's `views = views + 1`, adapted to a sheet).
 */
import { ValidationError } from '../errors';
import type { RowEntry, Table } from '../storage/Table';
import { describeValue, isPlainNumberText, isPlainObject, sameValue } from '../support/values';
import { checkColumn } from './conditions';

/** What an increment asks for: `[column, amount]` pairs, and other columns to set in the same write (Eloquent's `$extra`). */
export interface Increment {
  amounts: Array<[string, number]>;
  extra: Record<string, unknown> | null;
}

/**
 * `increment('views')`, `increment('views', 5)`, `increment({ views: 1, likes: 2 })`, each with
 * Eloquent's extra columns last (`increment('views', 1, { seen_at: new Date() })`); decrement negates.
 */
export function incrementOf(column: unknown, amount: unknown, extra: unknown, owner: string, method: 'increment' | 'decrement'): Increment {
  const sign = method === 'increment' ? 1 : -1;
  let amounts: Array<[string, number]>;
  if (isPlainObject(column)) {
    const names = Object.keys(column);
    if (!names.length) throw new ValidationError(`${owner}.${method}({}): name at least one column, such as { views: 1 }.`);
    amounts = names.map((name) => [name, sign * checkAmount((column as Record<string, unknown>)[name], owner, method, name)]);
    // With an object of amounts, the next argument is the extra columns.
    extra = amount === 1 ? extra : amount;
  } else {
    const name = checkColumn(column, owner, method);
    amounts = [[name, sign * checkAmount(amount, owner, method, name)]];
  }
  if (extra !== undefined && extra !== null && !isPlainObject(extra)) {
    throw new ValidationError(`${owner}.${method}(): the extra columns must be an object such as { seen_at: new Date() }, got ${describeValue(extra)}.`);
  }
  // Undefined extras are left out, as update() leaves them.
  const given = extra ? Object.keys(extra).filter((name) => (extra as Record<string, unknown>)[name] !== undefined) : [];
  for (const name of given) {
    if (amounts.some(([counted]) => counted === name)) {
      throw new ValidationError(`${owner}.${method}(): "${name}" is both counted and among the extra columns; leave it out of one of them.`);
    }
  }
  const kept: Record<string, unknown> = {};
  for (const name of given) kept[name] = (extra as Record<string, unknown>)[name];
  return { amounts, extra: given.length ? kept : null };
}

/** Refuses extra columns that would change a key: an increment changes counts, never which row is which. */
export function refuseKeyExtras(table: Table, change: Increment, keys: readonly string[], owner: string, method: string, unqualify: (name: string) => string): void {
  for (const name of Object.keys(change.extra || {})) {
    if (keys.indexOf(table.header.names[table.column(unqualify(name), owner)]) >= 0) {
      throw new ValidationError(`${owner}.${method}(): the extra columns cannot change the key "${name}"; save() a new key instead. Nothing was written.`);
    }
  }
}

/** `posts.title` → `title` when `posts` names the table's sheet (any case), as queries read qualified names. */
export function unqualified(column: string, table: Table): string {
  if (table.header.has(column)) return column;
  const dot = column.lastIndexOf('.');
  if (dot < 0) return column;
  return column.slice(0, dot).toLowerCase() === table.ref.sheetName.toLowerCase() ? column.slice(dot + 1) : column;
}

function checkAmount(amount: unknown, owner: string, method: string, column: string): number {
  // Numeric text counts, as Eloquent's is_numeric does: a doGet's e.parameter.delta.
  const value = typeof amount === 'string' && isPlainNumberText(amount) ? Number(amount) : amount;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValidationError(`${owner}.${method}('${column}', ${describeValue(amount)}): the amount must be a finite number, such as 1.`);
  }
  return value;
}

/**
 * Adds the amounts to each entry's cells: an empty cell counts as 0, anything but a number is
 * refused (every row is checked before any cell changes), and a cell an amount of 0 leaves as it
 * is is not written (a formula stays a formula). Key columns are refused: a key is no counter.
 * Returns the columns' positions.
 */
export function addAmounts(table: Table, entries: readonly RowEntry[], amounts: Increment['amounts'], keys: readonly string[], owner: string, method: string): number[] {
  const columns = amounts.map(([name]) => {
    const column = table.column(name, owner);
    if (keys.indexOf(table.header.names[column]) >= 0) {
      throw new ValidationError(`${owner}.${method}('${name}'): "${name}" is the key of ${owner}; keys are not counters (set a new key with update() or save()).`);
    }
    return column;
  });
  const sums = entries.map((entry) =>
    columns.map((column, i) => {
      const value = entry.values[column];
      if (value === null || typeof value === 'number') return amounts[i][1] === 0 ? value : (value || 0) + amounts[i][1];
      const row = entry.rowNumber === null ? 'a row not yet written' : `row ${entry.rowNumber}`;
      throw new ValidationError(
        `${owner}.${method}('${amounts[i][0]}'): ${row} of ${table.opened.describe()} holds ${describeValue(value)}, not a number; put a number (or nothing) in that cell. Nothing was written.`,
      );
    }),
  );
  entries.forEach((entry, r) =>
    columns.forEach((column, i) => {
      if (!sameValue(entry.values[column], sums[r][i])) table.set(entry, column, sums[r][i], owner);
    }),
  );
  return columns;
}
