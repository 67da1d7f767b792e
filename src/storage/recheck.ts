/**
 * Re-checking a sheet before a transaction writes to it: rows inserted or deleted (and columns
 * moved) since it was read must not make a write land on the wrong row or column.
 */
import { ValidationError } from '../errors';
import { Table, keyOf, RowEntry } from './Table';
import { Layout } from './WritePlan';

/** Re-reads the sheet and maps the table's rows and columns to where they are now. */
export function recheckLayout(table: Table): Layout {
  const now = Table.read(table.ref, table.opened);
  const columnMap = table.header.names.map((name) => now.header.indexOf(name) + 1);
  const tableIndexOf = new Map<number, number>();
  columnMap.forEach((column, index) => {
    if (column > 0) tableIndexOf.set(column, index);
  });
  const keyNames = table.ref.keyColumns;
  const rowsNow = locateByKey(table, now, keyNames);
  return {
    lastRow: now.lastRow,
    width: now.header.width,
    columnOf: (index) => (columnMap[index] > 0 ? columnMap[index] : -1),
    indexOf: (column) => {
      const index = tableIndexOf.get(column);
      return index === undefined ? -1 : index;
    },
    rowOf: (entry) => rowsNow(entry),
  };
}

function locateByKey(table: Table, now: Table, keyNames: readonly string[]): (entry: RowEntry) => number | null {
  const oldColumns = keyNames.map((name) => table.header.indexOf(name));
  const newColumns = keyNames.map((name) => now.header.indexOf(name));
  if (!keyNames.length || oldColumns.some((c) => c < 0) || newColumns.some((c) => c < 0)) {
    throw new ValidationError(
      `${table.ref.owner}: ${table.opened.describe()} has no key column (${keyNames.join(', ') || 'none'}) to find rows again before writing; add it or set the model's _primaryKey.`,
    );
  }
  const rows = new Map<string, number[]>();
  for (const entry of now.entries) {
    const key = keyOf(entry.values, newColumns);
    const list = rows.get(key);
    if (list) list.push(entry.rowNumber as number);
    else rows.set(key, [entry.rowNumber as number]);
  }
  return (entry) => {
    const key = keyOf(entry.original || entry.values, oldColumns);
    const candidates = rows.get(key);
    if (!candidates || key === '') return null;
    return candidates.indexOf(entry.rowNumber as number) >= 0 ? (entry.rowNumber as number) : candidates[0];
  };
}
