/**
 * Re-checking a sheet under the lock before writing rows read earlier: rows inserted or deleted
 * (and columns moved) since the read must not make a write land on the wrong row or column.
 * Small sheets are simply read again; big ones are checked by their header and key columns only,
 * and read again in full only when those changed.
 */
import { DuplicateKeyError, ValidationError } from '../errors';
import { CellValue, describeValue, Key, normalizeKey, sameValue } from '../support/values';
import { headerText } from './Header';
import { retried } from './service';
import { timeZoneOf } from './sheetsApi/api';
import { Table, keyOf, RowEntry } from './Table';
import { Layout, layoutAsRead } from './WritePlan';

/** Above this many cells, a key-column check is cheaper than reading the sheet again. */
export const FULL_READ_LIMIT = 50000;

/**
 * Whether the sheet still has the header, row count and keys (in order) the table was read with.
 * The row count is asked last: a row added or removed while the keys and header are read (by a
 * writer that takes no lock) changes it, so the check fails and the full read decides.
 */
export function unchangedSinceRead(table: Table): boolean {
  const { sheet } = table.opened;
  const name = table.ref.sheetName;
  const keys = keyColumns(table);
  const width = table.header.width;
  if (!keys || width === 0) return false;
  const zone = () => timeZoneOf(table.opened.spreadsheet);
  const sameHeader = (cells: readonly unknown[], from: number) => cells.every((cell, i) => headerText(cell, zone) === table.header.names[from + i]);
  try {
    if (table.lastRow >= 2) {
      // The key columns with their header cells: a column moved since shows there.
      const first = Math.min(...keys);
      const span = Math.max(...keys) - first + 1;
      const rows = retried(`"${name}" key columns`, () => sheet.getRange(1, first + 1, table.lastRow, span).getValues());
      if (!sameHeader(rows[0], first) || !sameKeys(table, rows, keys, first)) return false;
    }
    const header = retried(`"${name}" header`, () => sheet.getRange(1, 1, 1, width).getValues()[0]);
    if (!sameHeader(header, 0)) return false;
    if (retried(`"${name}" getLastRow()`, () => sheet.getLastRow()) !== table.lastRow) return false;
  } catch {
    // Rows or columns were deleted (the old size reaches past the grid), or the sheet itself: the full read decides.
    return false;
  }
  return fillerUnchanged(table);
}

/** Whether the key cells read (header row first) hold the keys the table's rows had, row for row. */
function sameKeys(table: Table, rows: unknown[][], keys: number[], first: number): boolean {
  const expected = table.writtenRows();
  for (let i = 1; i < rows.length; i++) {
    const row = expected.get(i + 1);
    const want = row ? keyOf(row, keys) : '';
    const have = keys.length === 1 ? normalizeKey(rows[i][keys[0] - first]) : keyOf(rows[i] as never, keys.map((k) => k - first));
    if (want !== have) return false;
  }
  return true;
}

/** Whether the filler rows new rows would take still hold what they held (a person may have typed a record there without a key). */
function fillerUnchanged(table: Table): boolean {
  const count = table.filler.length;
  if (!count) return true;
  const width = table.header.width;
  const rows = retried(`"${table.ref.sheetName}" rows ${table.appendAt}–${table.lastRow}`, () => table.opened.sheet.getRange(table.appendAt, 1, count, width).getValues());
  return rows.every((row, r) => row.every((cell, c) => sameValue(cell === '' ? null : (cell as CellValue), table.filler[r][c])));
}

/** Where the table's rows and columns are now. */
export function recheckLayout(table: Table): Layout {
  if (table.size * table.header.width > FULL_READ_LIMIT && unchangedSinceRead(table)) return layoutAsRead(table);
  const now = Table.read(table.ref, table.opened);
  if (now.opened !== table.opened) {
    // The sheet was deleted and made again: write to the new one, wherever its rows are now.
    table.opened = now.opened;
    return layoutAgainst(table, now);
  }
  // A sheet nobody touched keeps the table as read, so a session can go on using it after the write.
  return sameAsRead(table, now) ? layoutAsRead(table) : layoutAgainst(table, now);
}

/** Whether a fresh read holds exactly the header and rows (values at the same sheet rows) the table was read with. */
function sameAsRead(table: Table, now: Table): boolean {
  if (now.lastRow !== table.lastRow || now.header.names.join('\u0000') !== table.header.names.join('\u0000')) return false;
  const then = table.writtenRows();
  const fresh = now.writtenRows();
  if (then.size !== fresh.size) return false;
  // A box ticked among the filler rows since the read changes where new rows go.
  if (now.appendAt !== table.appendAt || !sameRows(table.filler, now.filler)) return false;
  for (const [rowNumber, row] of then) {
    const other = fresh.get(rowNumber);
    if (!other || other.length !== row.length) return false;
    for (let c = 0; c < row.length; c++) if (!sameValue(row[c], other[c])) return false;
  }
  return true;
}

function sameRows(rows: readonly (readonly CellValue[])[], others: readonly (readonly CellValue[])[]): boolean {
  return rows.length === others.length && rows.every((row, r) => row.length === others[r].length && row.every((cell, c) => sameValue(cell, others[r][c])));
}

/** Maps the table's rows (by key) and columns (by name) onto a fresh read of the sheet. */
export function layoutAgainst(table: Table, now: Table): Layout {
  const columnMap = table.header.names.map((name) => now.header.indexOf(name) + 1);
  const tableIndexOf = new Map<number, number>();
  columnMap.forEach((column, index) => {
    if (column > 0) tableIndexOf.set(column, index);
  });
  const rowsNow = locateByKey(table, now, table.ref.keyColumns);
  if (table.ref.uniqueKeys) assertKeysStillFree(table, now);
  if (table.ref.numberedColumn) assertNumbersStillFree(table, now, table.ref.numberedColumn);
  const byRow = new Map<number, RowEntry>();
  for (const entry of now.entries) if (entry.rowNumber !== null) byRow.set(entry.rowNumber, entry);
  return {
    lastRow: now.lastRow,
    appendAt: now.appendAt,
    filler: now.filler,
    width: now.header.width,
    columnOf: (index) => (columnMap[index] > 0 ? columnMap[index] : -1),
    indexOf: (column) => {
      const index = tableIndexOf.get(column);
      return index === undefined ? -1 : index;
    },
    rowOf: (entry) => rowsNow(entry),
    cellNow: (entry, index) => {
      const row = rowsNow(entry);
      const found = row === null ? undefined : byRow.get(row);
      return found && columnMap[index] > 0 ? found.values[columnMap[index] - 1] : undefined;
    },
  };
}

/**
 * A key this unit gives a row (a new row, or a changed key) must still be free in the sheet as it is
 * now: another execution may have added a row with it since the read (its `max + 1` included).
 */
function assertKeysStillFree(table: Table, now: Table): void {
  const names = table.ref.keyColumns;
  const columns = names.map((name) => table.header.indexOf(name));
  const nowColumns = names.map((name) => now.header.indexOf(name));
  const taken = now.index(nowColumns);
  // Keys of rows this unit deletes or re-keys are its own to give again.
  const freed = new Set<Key>();
  const given: RowEntry[] = [];
  for (const entry of table.entries) {
    const before = entry.rowNumber !== null && entry.original ? keyOf(entry.original, columns) : null;
    const after = entry.deleted ? null : keyOf(entry.values, columns);
    if (before !== null && before !== after) freed.add(before);
    if (after !== null && after !== before) given.push(entry);
  }
  for (const entry of given) {
    const key = keyOf(entry.values, columns);
    if (key === '' || !taken.has(key) || freed.has(key)) continue;
    const shown = names.map((name, i) => `${name} ${describeValue(entry.values[columns[i]])}`).join(', ');
    throw new DuplicateKeyError(
      `${table.ref.owner}: a row with ${shown} was added to ${table.opened.describe()} by someone else while this write ran, so this one's key is taken; nothing was written. Run it again.`,
    );
  }
}

/** The numbers new rows got in a column outside the key (a plain pivot's `id`) must still be free, likewise. */
function assertNumbersStillFree(table: Table, now: Table, name: string): void {
  const column = table.header.indexOf(name);
  const nowColumn = now.header.indexOf(name);
  if (column < 0 || nowColumn < 0) return;
  const taken = now.index([nowColumn]);
  for (const entry of table.entries) {
    if (entry.rowNumber !== null || entry.deleted) continue;
    const key = keyOf(entry.values, [column]);
    if (key === '' || !taken.has(key)) continue;
    throw new DuplicateKeyError(
      `${table.ref.owner}: a row with ${name} ${describeValue(entry.values[column])} was added to ${table.opened.describe()} by someone else while this write ran, so this one's ${name} is taken; nothing was written. Run it again.`,
    );
  }
}

function keyColumns(table: Table): number[] | null {
  const columns = table.ref.keyColumns.map((name) => table.header.indexOf(name));
  return columns.length && columns.every((c) => c >= 0) ? columns : null;
}

function locateByKey(table: Table, now: Table, keyNames: readonly string[]): (entry: RowEntry) => number | null {
  const oldColumns = keyNames.map((name) => table.header.indexOf(name));
  const newColumns = keyNames.map((name) => now.header.indexOf(name));
  if (!keyNames.length || oldColumns.some((c) => c < 0) || newColumns.some((c) => c < 0)) {
    throw new ValidationError(
      `${table.ref.owner}: ${table.opened.describe()} has no key column (${keyNames.join(', ') || 'none'}) to find rows again before writing; add it or set the model's _primaryKey.`,
    );
  }
  const rowsNow = groupBy(now.entries, (entry) => keyOf(entry.values, newColumns));
  const rowsThen = groupBy(
    table.entries.filter((entry) => entry.rowNumber !== null),
    (entry) => keyOf(entry.original || entry.values, oldColumns),
  );
  const columnPairs = table.header.names.map((name, index) => [index, now.header.indexOf(name)]).filter(([, at]) => at >= 0);
  const assigned = new Map<RowEntry, number | null>();
  return (entry) => {
    if (!assigned.has(entry)) {
      const key = keyOf(entry.original || entry.values, oldColumns);
      // A row with a blank key is found again only where a row still holds exactly what it held.
      matchGroup(rowsThen.get(key) || [entry], rowsNow.get(key) || [], columnPairs, assigned, key === '');
    }
    return assigned.get(entry) as number | null;
  };
}

/**
 * Pairs the rows read with a key to the rows holding that key now, one to one. Rows sharing a key
 * (duplicates a person typed, or repeated pivot pairs) are told apart by their other cells: the
 * closest pairs are made first, then the nearest rows.
 */
function matchGroup(then: RowEntry[], now: RowEntry[], columnPairs: number[][], assigned: Map<RowEntry, number | null>, exact = false): void {
  const pairs: Array<{ entry: RowEntry; candidate: RowEntry; score: number; distance: number }> = [];
  for (const entry of then) {
    const before = entry.original || entry.values;
    for (const candidate of now) {
      let score = 0;
      for (const [oldIndex, newIndex] of columnPairs) if (sameValue(before[oldIndex], candidate.values[newIndex])) score++;
      if (exact && score < columnPairs.length) continue;
      pairs.push({ entry, candidate, score, distance: Math.abs((candidate.rowNumber as number) - (entry.rowNumber as number)) });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.distance - b.distance);
  const taken = new Set<RowEntry>();
  for (const { entry, candidate } of pairs) {
    if (assigned.has(entry) || taken.has(candidate)) continue;
    assigned.set(entry, candidate.rowNumber as number);
    taken.add(candidate);
  }
  for (const entry of then) if (!assigned.has(entry)) assigned.set(entry, null);
}

function groupBy(entries: readonly RowEntry[], keyFn: (entry: RowEntry) => Key): Map<Key, RowEntry[]> {
  const groups = new Map<Key, RowEntry[]>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const key = keyFn(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}
