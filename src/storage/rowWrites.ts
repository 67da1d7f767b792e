/**
 * Writes addressed by row numbers (a block of cells, appended rows) are sent once: a retry after a
 * pause would reach other rows if a person inserted, deleted or sorted rows meanwhile, and a failed
 * call may have been slow enough for that too. Taking an append back clears only rows that still
 * hold the keys it wrote, for the same reason.
 */
import { CellValue, normalizeKey, sameValue } from '../support/values';
import { sheetCell } from '../support/cells';
import { isRefusal, messageOf, once, retried } from './service';
import { ServiceError } from '../errors';
import { CellBlock, groupCells, TablePlan } from './WritePlan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Thrown when appended rows are not where they were written: they are left, and reported as written. */
export class NotOurRows extends Error {}

/** Thrown when a take-back's own write failed: it may have landed, so what it restores is reported as perhaps written. */
export class TakeBackUnsure extends Error {
  readonly failure: unknown;

  constructor(failure: unknown) {
    super(messageOf(failure));
    this.failure = failure;
  }
}

/** A take-back's write: sent once; a failure of it leaves the step's write uncertain, unless it was refused unrun. */
function restoring(label: string, fn: () => void): void {
  try {
    once(label, fn);
  } catch (error) {
    throw isRefusal(error instanceof ServiceError ? error.cause : error) ? error : new TakeBackUnsure(error);
  }
}

/**
 * Clears the rows appended at `at` when each holds the keys appended there (`keys`: 1-based columns)
 * or is blank; leaves them all when any holds something else. Without keys, clears them unread.
 */
export function clearAppended(label: string, sheet: Sheet, at: number, rows: readonly unknown[][], keys: readonly number[] | null, lookElsewhere = true): void {
  const width = rows[0].length;
  if (keys) {
    const found = once(`${label}: reading the rows first`, () => sheet.getRange(at, 1, rows.length, width).getValues());
    const blank = found.map((row) => row.every((cell) => cell === ''));
    const ours = found.map((row, r) => keys.every((key) => sameKey(row[key - 1], rows[r][key - 1])));
    if (found.some((_, r) => !blank[r] && !ours[r])) throw new NotOurRows(`${label}: the rows hold other data now (rows moved); they were left as they are.`);
    if (blank.every(Boolean)) {
      // Blank there: nothing landed, unless it landed and rows moved while the call hung.
      if (lookElsewhere && rowsElsewhere(label, sheet, rows, keys, true)) throw new NotOurRows(`${label}: the rows were written and have moved since; they were left as they are.`);
      return;
    }
  }
  restoring(label, () => sheet.getRange(at, 1, rows.length, width).clearContent());
}

/**
 * Whether the sheet holds any of `rows` (written by a call that reported a failure) elsewhere, with
 * their keys and every value they gave (`exact`: and no other; over filler rows a cell a row leaves
 * empty keeps what it held): a person who deleted or inserted rows meanwhile moved them from where
 * they were written. Not asked when the same write deletes rows, which may hold the same values
 * (detach all, then attach again). Read only on that failure's path; a double without getLastRow
 * cannot tell, so they count as there.
 */
function rowsElsewhere(label: string, sheet: Sheet, rows: readonly unknown[][], keys: readonly number[], exact: boolean): boolean {
  if (typeof (sheet as Partial<Sheet>).getLastRow !== 'function') return true;
  const last = once(`${label}: the last row`, () => sheet.getLastRow());
  if (last < 2) return false;
  const held = once(`${label}: looking for the rows`, () => sheet.getRange(2, 1, last - 1, rows[0].length).getValues());
  const byKey = new Map<string, unknown[][]>();
  for (const row of held) {
    const key = keyText(row, keys);
    const same = byKey.get(key);
    if (same) same.push(row);
    else byKey.set(key, [row]);
  }
  return rows.some((row) => (byKey.get(keyText(row.map(unguarded), keys)) || []).some((found) => row.every((cell, c) => (cell === '' ? !exact || found[c] === '' : sameCell(found[c], cell as Cell)))));
}

function keyText(row: readonly unknown[], keys: readonly number[]): string {
  return keys.map((key) => String(normalizeKey(row[key - 1]))).join('\u0000');
}

/** The key columns of a sheet (1-based) and the keys each updated row may hold (see TablePlan.rowKeys). */
export interface RowKeyCheck {
  columns: readonly number[];
  rows: TablePlan['rowKeys'];
}

/**
 * Takes back a block of changed cells: each must hold what was written there or what it held
 * before (the failed call may or may not have landed), and each row its key, read in the same
 * call. Anything else means rows moved (a repeated value could pass alone), and the block is left
 * as it is.
 */
export function restoreBlock(label: string, sheet: Sheet, block: CellBlock, keys?: RowKeyCheck | null): void {
  const { before, values } = block;
  if (!before) throw new NotOurRows(`${label}: what the cells held is not known; they were left as they are.`);
  const height = values.length;
  const width = values[0].length;
  const columns = keys ? keys.columns : [];
  const left = Math.min(block.column, ...columns);
  const right = Math.max(block.column + width - 1, ...columns);
  const found = once(`${label}: reading the cells first`, () => sheet.getRange(block.row, left, height, right - left + 1).getValues());
  const moved = new NotOurRows(`${label}: the cells hold other data now (rows moved); they were left as they are.`);
  let landed = false;
  for (let r = 0; r < height; r++) {
    const held = keys && keys.rows.get(block.row + r);
    if (held && !held.some((tuple) => columns.every((column, k) => normalizeKey(found[r][column - left]) === normalizeKey(tuple[k])))) throw moved;
    for (let c = 0; c < width; c++) {
      const cell = found[r][block.column - left + c];
      if (sameCell(cell, before[r][c])) continue;
      if (!sameCell(cell, values[r][c])) throw moved;
      landed = true;
    }
  }
  if (landed) restoring(label, () => sheet.getRange(block.row, block.column, height, width).setValues(before));
}

/**
 * Whether a block written over filler rows changed any of its cells from what the filler held (a
 * value may read back otherwise than written: a number in a date-formatted cell reads as a Date).
 */
function blockLanded(block: CellBlock, found: readonly unknown[][], plan: TablePlan): boolean {
  return block.values.some((row, r) =>
    row.some((_, c) => {
      const at = block.row - plan.appendAt + r;
      return !sameValue(found[at][block.column - 1 + c], plan.filler[at][block.column - 1 + c]);
    }),
  );
}

/** Whether a cell read back holds what `setValues` was given. */
function sameCell(read: unknown, written: Cell): boolean {
  return sameValue(read, unguarded(written));
}

function sameKey(read: unknown, written: unknown): boolean {
  return normalizeKey(read) === normalizeKey(unguarded(written));
}

/** What a cell reads back for a value written: a text guard (a leading apostrophe) is not part of it. */
function unguarded(written: unknown): unknown {
  return typeof written === 'string' && written.charAt(0) === "'" ? written.slice(1) : written;
}

type Cell = string | number | boolean | Date;

/**
 * Whether new rows may take filler rows (`filler`: all of them, from the plan's appendAt), read under
 * the lock: none of the cells the new rows give a value may hold a formula (a totals row showing 0, a
 * formula they would replace). A box someone ticked among the rows they would take (TRUE that no
 * formula shows) is theirs: the new rows start right below it, so that none takes the tick. Otherwise
 * the rows go below the filler, as appendRow puts them, and nothing of the filler is touched.
 */
export function keepFormulas(sheet: Sheet, plan: TablePlan, name: string, filler: ReadonlyArray<readonly unknown[]>): void {
  if (!plan.filler.length) return;
  const width = plan.appendRows[0].length;
  const count = plan.appendRows.length;
  // Formulas are read as far as rows showing TRUE could push the new rows (usually just the rows they take).
  const reach = Math.min(filler.length, startBelowTicks(filler, count, () => true) + count);
  const formulas = retried(`"${name}" formulas of rows ${plan.appendAt}–${plan.appendAt + reach - 1}`, () => {
    const range = sheet.getRange(plan.appendAt, 1, reach, width);
    // A test double of Range may lack getFormulas: unable to tell, the rows go below the filler.
    return typeof (range as Partial<typeof range>).getFormulas === 'function' ? range.getFormulas() : null;
  });
  const start = formulas ? startBelowTicks(filler, count, (r, c) => formulas[r][c] === '') : 0;
  const taken = formulas ? Math.min(count, filler.length - start) : 0;
  const takenFormulas = formulas ? formulas.slice(start, start + taken) : [];
  const clash = takenFormulas.some((row, r) => row.some((formula, c) => formula !== '' && plan.appendRows[r][c] !== ''));
  if (taken && !clash) {
    plan.appendAt += start;
    plan.filler = filler.slice(start, start + taken);
    plan.fillerFormulas = takenFormulas;
    return;
  }
  plan.appendAt = plan.lastRow + 1;
  plan.filler = [];
}

/** The first filler row `count` new rows can take with no tick among them (`typed`: whether a TRUE at row r, column c is someone's). */
function startBelowTicks(filler: ReadonlyArray<readonly unknown[]>, count: number, typed: (r: number, c: number) => boolean): number {
  let start = 0;
  for (;;) {
    let ticked = -1;
    for (let r = Math.min(filler.length, start + count) - 1; r >= start && ticked < 0; r--) if (filler[r].some((value, c) => value === true && typed(r, c))) ticked = r;
    if (ticked < 0) return start;
    start = ticked + 1;
  }
}

/**
 * After an append over filler rows: a cell a new row left empty keeps what the filler row held (an
 * unticked checkbox), so the row's entry, and through `onLanded` its model, hold that value as a
 * read would. A cell with a formula stays null: what it computes for the new row is unknown unread.
 * `columnOf` gives a table column's 1-based sheet column (-1 when gone).
 */
export function takeFillerCells(plan: TablePlan, columnOf: (index: number) => number): void {
  const formulas = plan.fillerFormulas;
  if (!formulas) return;
  for (let r = 0; r < plan.filler.length; r++) {
    const entry = plan.appended[r];
    const kept: Array<[number, CellValue]> = [];
    for (let i = 0; i < entry.values.length; i++) {
      const column = columnOf(i) - 1;
      if (entry.values[i] !== null || column < 0) continue;
      const value = plan.filler[r][column];
      if (value === null || value === undefined || value === '' || formulas[r][column] !== '') continue;
      entry.values[i] = value as CellValue;
      kept.push([i, value as CellValue]);
    }
    if (kept.length && entry.onLanded) entry.onLanded.forEach((landed) => landed(kept));
  }
}

/**
 * The writes of an append that starts over filler rows: over them, the cells the new rows give a
 * value, plus every filler cell of the columns wholeColumns picks, in rectangles (the rows then form one
 * block whatever each leaves empty, rather than one block per shape); below them, whole rows in one
 * block.
 */
export function fillerBlocks(plan: TablePlan): { over: CellBlock[]; below: Cell[][] } {
  const rows = plan.appendRows;
  const count = plan.filler.length;
  if (!count) return { over: [], below: rows };
  const whole = wholeColumns(plan);
  const cells: Array<{ row: number; column: number; value: Cell }> = [];
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const value = rows[r][c] !== '' ? rows[r][c] : whole[c] ? heldCell(plan.filler[r][c]) : null;
      if (value !== null) cells.push({ row: plan.appendAt + r, column: c + 1, value });
    }
  }
  return { over: groupCells(cells), below: rows.slice(count) };
}

/**
 * Columns written in every filler row, a cell a new row leaves empty getting back what it held (an
 * unticked checkbox is written unticked again): those a new row gives a value, with no formula in
 * any filler row. A column no new row writes is never touched: it may be an array formula's
 * output (blank, FALSE or 0 there), which a value written into it would break.
 */
function wholeColumns(plan: TablePlan): boolean[] {
  const rows = plan.appendRows;
  const formulas = plan.fillerFormulas;
  const whole = new Array<boolean>(rows[0].length).fill(false);
  if (!formulas) return whole;
  for (let c = 0; c < whole.length; c++) {
    let given = false;
    let plain = true;
    for (let r = 0; r < plan.filler.length && plain; r++) {
      plain = (formulas[r][c] || '') === '' && heldCell(plan.filler[r][c]) !== null;
      if (rows[r][c] !== '') given = true;
    }
    whole[c] = plain && given;
  }
  return whole;
}

/** A filler cell as setValues would write it back: blank, FALSE or 0; null for anything else (spaces). */
function heldCell(held: unknown): Cell | null {
  if (held === null || held === undefined || held === '') return '';
  return held === false || held === 0 ? held : null;
}

/**
 * Takes back writes over filler rows: each block's cells get back the values they held (no
 * formulas: keepFormulas saw to that), when each row holds the keys written there or still the ones
 * it held (`keys`: 1-based columns).
 */
export function restoreFiller(label: string, sheet: Sheet, plan: TablePlan, over: readonly CellBlock[], keys: readonly number[] | null, lookElsewhere = true): void {
  const count = plan.filler.length;
  if (keys) {
    const found = once(`${label}: reading the rows first`, () => sheet.getRange(plan.appendAt, 1, count, plan.appendRows[0].length).getValues());
    const ours = found.every((row, r) => keys.every((key) => sameKey(row[key - 1], plan.appendRows[r][key - 1]) || sameKey(row[key - 1], plan.filler[r][key - 1])));
    if (!ours) throw new NotOurRows(`${label}: the rows hold other data now (rows moved); they were left as they are.`);
    // Filler still there, where the rows were written: nothing landed (nothing to give back), unless they moved meanwhile.
    if (!over.some((block) => blockLanded(block, found, plan))) {
      if (lookElsewhere && rowsElsewhere(label, sheet, plan.appendRows.slice(0, count), keys, false)) {
        throw new NotOurRows(`${label}: the rows were written and have moved since; they were left as they are.`);
      }
      return;
    }
  }
  for (const block of over) {
    const height = block.values.length;
    const width = block.values[0].length;
    const before = plan.filler
      .slice(block.row - plan.appendAt, block.row - plan.appendAt + height)
      // Text stays text (a filler cell may show '#N/A'): guarded as any value written is.
      .map((row) => row.slice(block.column - 1, block.column - 1 + width).map((cell) => sheetCell(cell === undefined ? null : (cell as CellValue))));
    restoring(`${label} at row ${block.row}, column ${block.column}`, () => sheet.getRange(block.row, block.column, height, width).setValues(before as Cell[][]));
  }
}
