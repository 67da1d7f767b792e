/**
 * Writes addressed by row numbers (a block of cells, appended rows) are sent once: a retry after a
 * pause would reach other rows if a person inserted, deleted or sorted rows meanwhile, and a failed
 * call may have been slow enough for that too. Taking an append back clears only rows that still
 * hold the keys it wrote, for the same reason.
 */
import { normalizeKey } from '../support/values';
import { once } from './service';
import type { CellBlock, TablePlan } from './WritePlan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Thrown when appended rows are not where they were written: they are left, and reported as written. */
export class NotOurRows extends Error {}

/**
 * Clears the rows appended at `at` when each holds the keys appended there (`keys`: 1-based columns)
 * or is blank; leaves them all when any holds something else. Without keys, clears them unread.
 */
export function clearAppended(label: string, sheet: Sheet, at: number, rows: readonly unknown[][], keys: readonly number[] | null): void {
  const width = rows[0].length;
  if (keys) {
    const found = once(`${label}: reading the rows first`, () => sheet.getRange(at, 1, rows.length, width).getValues());
    const blank = found.map((row) => row.every((cell) => cell === ''));
    const ours = found.map((row, r) => keys.every((key) => sameKey(row[key - 1], rows[r][key - 1])));
    if (found.some((_, r) => !blank[r] && !ours[r])) throw new NotOurRows(`${label}: the rows hold other data now (rows moved); they were left as they are.`);
    // Nothing of the append landed: there is nothing to clear.
    if (blank.every(Boolean)) return;
  }
  once(label, () => sheet.getRange(at, 1, rows.length, width).clearContent());
}

// A text guard (a leading apostrophe) is not part of what the cell reads back.
function sameKey(read: unknown, written: unknown): boolean {
  const sent = typeof written === 'string' && written.charAt(0) === "'" ? written.slice(1) : written;
  return normalizeKey(read) === normalizeKey(sent);
}

type Cell = string | number | boolean | Date;

/**
 * The writes of an append that starts over filler rows: over them, only the columns some new row
 * gives a value (a column none does keeps its checkboxes or formulas), in runs of adjacent columns;
 * below them, whole rows in one block.
 */
export function fillerBlocks(plan: TablePlan): { over: CellBlock[]; below: Cell[][] } {
  const rows = plan.appendRows;
  const count = plan.filler.length;
  if (!count) return { over: [], below: rows };
  const head = rows.slice(0, count);
  const width = rows[0].length;
  const written: boolean[] = [];
  for (let c = 0; c < width; c++) written.push(head.some((row) => row[c] !== ''));
  const over: CellBlock[] = [];
  for (let c = 0; c < width; c++) {
    if (!written[c]) continue;
    let end = c;
    while (end + 1 < width && written[end + 1]) end++;
    over.push({ row: plan.appendAt, column: c + 1, values: head.map((row) => row.slice(c, end + 1)) });
    c = end;
  }
  return { over, below: rows.slice(count) };
}

/**
 * Takes back writes over filler rows: each block gets back what the rows held when read, when each
 * row holds the keys written there or still the ones it held (`keys`: 1-based columns).
 */
export function restoreFiller(label: string, sheet: Sheet, plan: TablePlan, over: readonly CellBlock[], keys: readonly number[] | null): void {
  const count = plan.filler.length;
  if (keys) {
    const found = once(`${label}: reading the rows first`, () => sheet.getRange(plan.appendAt, 1, count, plan.appendRows[0].length).getValues());
    const ours = found.every((row, r) => keys.every((key) => sameKey(row[key - 1], plan.appendRows[r][key - 1]) || sameKey(row[key - 1], plan.filler[r][key - 1])));
    if (!ours) throw new NotOurRows(`${label}: the rows hold other data now (rows moved); they were left as they are.`);
  }
  for (const block of over) {
    const width = block.values[0].length;
    const before = plan.filler.map((row) => row.slice(block.column - 1, block.column - 1 + width).map((cell) => (cell === null || cell === undefined ? '' : cell)));
    once(`${label}, columns ${block.column}–${block.column + width - 1}`, () => sheet.getRange(block.row, block.column, count, width).setValues(before as Cell[][]));
  }
}
