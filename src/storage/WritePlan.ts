/**
 * Write plans: what a unit of work changes in one sheet, computed without touching the sheet.
 * Inserts become one block, changed cells become the fewest rectangles that hold only changed
 * cells (formulas next to them are never rewritten), deletions become contiguous runs, bottom-up.
 */
import { sheetCell } from '../support/cells';
import { CellValue, sameValue } from '../support/values';
import { ModelNotFoundError, ColumnNotFoundError } from '../errors';
import { RowEntry, Table } from './Table';

type Cell = string | number | boolean | Date;

/** A rectangle of cells written with one `setValues` (1-based position). */
export interface CellBlock {
  row: number;
  column: number;
  values: Cell[][];
  /** What the cells held before (for changed cells of rows read): a failed write puts it back. */
  before?: Cell[][];
}

/** A run of rows deleted with one `deleteRows`. */
export interface DeleteRun {
  start: number;
  count: number;
}

/** Everything one sheet needs written. */
export interface TablePlan {
  /** First row of the appended block. */
  appendAt: number;
  appendRows: Cell[][];
  /** What the first appended rows replace (filler rows: checkboxes, formulas filled down), in sheet columns. */
  filler: ReadonlyArray<readonly unknown[]>;
  /** The formulas of the filler rows taken, read under the lock (see keepFormulas). */
  fillerFormulas?: ReadonlyArray<readonly string[]>;
  updates: CellBlock[];
  /** Highest rows first. */
  deletions: DeleteRun[];
  /** Last row with content before the plan (deleting every data row needs a spare row). */
  lastRow: number;
  /** Entries whose sheet row is known after the plan (for models to remember). */
  appended: RowEntry[];
  /** Rows deleted (as they are numbered before the plan). */
  deletedRows: number[];
  /**
   * For each sheet row updated, the key values it may hold (as read; as changed, when the update
   * changes them), in the order of the table's key columns: a take-back checks the row is still there.
   */
  rowKeys: Map<number, ReadonlyArray<readonly CellValue[]>>;
}

/** Where things are in the sheet now (may differ from when the table was read). */
export interface Layout {
  /** True when the sheet is exactly as the table was read (no re-mapping needed). */
  asRead?: boolean;
  lastRow: number;
  /** The row new rows start at (below the last record). */
  appendAt: number;
  /** The rows from `appendAt` to `lastRow`: no records, but holding checkboxes or formulas. */
  filler: ReadonlyArray<readonly unknown[]>;
  /** Current 1-based column of a table column, or -1 if it is gone. */
  columnOf(index: number): number;
  /** Width of the current header. */
  width: number;
  /** Current sheet row of an entry read earlier, or null if the row is gone. */
  rowOf(entry: RowEntry): number | null;
  /** Table column (0-based) for a current column, or -1 for columns the table did not know. */
  indexOf(column: number): number;
  /** What a row read earlier holds now in a table column, when the sheet was read again (a failed write puts that back). */
  cellNow?(entry: RowEntry, index: number): CellValue | undefined;
}

/** The layout of a table exactly as it was read. */
export function layoutAsRead(table: Table): Layout {
  return {
    asRead: true,
    lastRow: table.lastRow,
    appendAt: table.appendAt,
    filler: table.filler,
    width: table.header.width,
    columnOf: (index) => index + 1,
    rowOf: (entry) => entry.rowNumber,
    indexOf: (column) => column - 1,
  };
}

/** Computes the writes for a table; throws (before anything is written) if a target is gone. */
export function planTable(table: Table, layout: Layout = layoutAsRead(table)): TablePlan {
  const owner = table.ref.owner;
  const cells: Array<{ row: number; column: number; value: Cell; before?: Cell }> = [];
  const deletedRows: number[] = [];
  const appended: RowEntry[] = [];
  const rowKeys = new Map<number, ReadonlyArray<readonly CellValue[]>>();
  const keyIndexes = table.ref.keyColumns.map((name) => table.header.indexOf(name));
  const keysKnown = keyIndexes.length > 0 && keyIndexes.every((index) => index >= 0);
  const pending = table.pending;
  for (let i = 0; i < pending.length; i++) {
    const entry = pending[i];
    if (entry.rowNumber === null) {
      if (!entry.deleted) appended.push(entry);
      continue;
    }
    if (!entry.deleted && !entry.changed?.size) continue;
    const row = layout.rowOf(entry);
    if (entry.deleted) {
      if (row !== null) deletedRows.push(row);
      continue;
    }
    if (row === null) {
      throw new ModelNotFoundError(
        `${owner}: a row of ${table.opened.describe()} that this operation updates was deleted by someone else meanwhile; nothing was written.`,
      );
    }
    if (keysKnown && entry.original) {
      const { original, values } = entry;
      rowKeys.set(row, [keyIndexes.map((index) => original[index]), keyIndexes.map((index) => values[index])]);
    }
    for (const index of Array.from(entry.changed as Set<number>).sort((a, b) => a - b)) {
      // Changed and changed back (in one transaction): the cell, maybe a formula showing it, stays as it is.
      if (entry.original && sameValue(entry.values[index], entry.original[index])) continue;
      // The take-back of a failed write restores what the cell held when the write began.
      const now = layout.cellNow ? layout.cellNow(entry, index) : undefined;
      const before = entry.original ? sheetCell(now === undefined ? entry.original[index] : now) : undefined;
      cells.push({ row, column: requireColumn(table, layout, index), value: sheetCell(entry.values[index]), before });
    }
  }
  const appendRows = appended.map((entry) => appendRow(table, layout, entry));
  return {
    appendAt: layout.appendAt,
    appendRows,
    filler: layout.filler.slice(0, appendRows.length),
    updates: groupCells(cells),
    deletions: deletionRuns(deletedRows),
    lastRow: layout.lastRow,
    appended,
    deletedRows,
    rowKeys,
  };
}

function requireColumn(table: Table, layout: Layout, index: number): number {
  const column = layout.columnOf(index);
  if (column < 1) {
    throw new ColumnNotFoundError(
      `${table.ref.owner}: column "${table.header.names[index]}" was removed from ${table.opened.describe()} meanwhile; nothing was written.`,
    );
  }
  return column;
}

function appendRow(table: Table, layout: Layout, entry: RowEntry): Cell[] {
  const row: Cell[] = new Array(layout.width);
  if (layout.asRead) {
    for (let i = 0; i < row.length; i++) row[i] = sheetCell(entry.values[i]);
    return row;
  }
  for (let column = 1; column <= layout.width; column++) {
    const index = layout.indexOf(column);
    row[column - 1] = index < 0 ? '' : sheetCell(entry.values[index]);
  }
  for (let index = 0; index < table.header.width; index++) {
    if (entry.values[index] !== null) requireColumn(table, layout, index);
  }
  return row;
}

/** Groups changed cells into rectangles that contain only changed cells (with what they held, when every cell says). */
export function groupCells(cells: ReadonlyArray<{ row: number; column: number; value: Cell; before?: Cell }>): CellBlock[] {
  const sorted = cells.slice().sort((a, b) => a.row - b.row || a.column - b.column);
  const known = cells.length > 0 && cells.every((cell) => cell.before !== undefined);
  // Horizontal runs within a row.
  const segments: CellBlock[] = [];
  for (const cell of sorted) {
    const last = segments[segments.length - 1];
    if (last && last.row === cell.row && last.column + last.values[0].length === cell.column) {
      last.values[0].push(cell.value);
      if (last.before) last.before[0].push(cell.before as Cell);
    } else {
      segments.push({ row: cell.row, column: cell.column, values: [[cell.value]], ...(known ? { before: [[cell.before as Cell]] } : {}) });
    }
  }
  // Stack runs with the same columns on consecutive rows.
  const byShape = new Map<string, CellBlock[]>();
  for (const segment of segments) {
    const shape = `${segment.column}:${segment.values[0].length}`;
    const blocks = byShape.get(shape) || [];
    const last = blocks[blocks.length - 1];
    if (last && last.row + last.values.length === segment.row) {
      last.values.push(segment.values[0]);
      if (last.before && segment.before) last.before.push(segment.before[0]);
    } else {
      blocks.push(segment);
    }
    byShape.set(shape, blocks);
  }
  const blocks = ([] as CellBlock[]).concat(...Array.from(byShape.values()));
  return blocks.sort((a, b) => a.row - b.row || a.column - b.column);
}

/** Contiguous runs of rows to delete, highest first, so earlier deletions never shift later ones. */
export function deletionRuns(rows: readonly number[]): DeleteRun[] {
  const unique = Array.from(new Set(rows)).sort((a, b) => b - a);
  const runs: DeleteRun[] = [];
  for (const row of unique) {
    const last = runs[runs.length - 1];
    if (last && last.start - 1 === row) {
      last.start = row;
      last.count++;
    } else {
      runs.push({ start: row, count: 1 });
    }
  }
  return runs;
}

/** Whether a plan writes anything. */
export function isEmptyPlan(plan: TablePlan): boolean {
  return !plan.appendRows.length && !plan.updates.length && !plan.deletions.length;
}
