/** What a Range object stands for, and the checked, counted way every Range method reaches it. */
import type { Box } from './a1';
import { CallTarget, invoke } from './calls';
import { checkSignature, exception, MSG } from './errors';
import type { SheetData } from './model';
import { liveSheet } from './sheet';

/** The sheet and box a Range object stands for. */
export interface RangeState extends Box {
  sheet: SheetData;
}

const states = new WeakMap<object, RangeState>();

/** Ties a new Range object to its sheet and box. */
export function bindRange(range: object, state: RangeState): void {
  states.set(range, state);
}

/** The state behind a Range object made here, or undefined for anything else. */
export function rangeState(range: unknown): RangeState | undefined {
  return typeof range === 'object' && range !== null ? states.get(range) : undefined;
}

/** Throws the real errors for a bad (row, column, numRows, numColumns). */
export function checkBox(box: Box, maxRows: number, maxCols: number): void {
  if (box.row < 1) throw exception(MSG.startRowTooSmall);
  if (box.col < 1) throw exception(MSG.startColumnTooSmall);
  if (box.numRows < 1) throw exception(MSG.rowsAtLeastOne);
  if (box.numCols < 1) throw exception(MSG.columnsAtLeastOne);
  if (box.row + box.numRows - 1 > maxRows || box.col + box.numCols - 1 > maxCols) throw exception(MSG.outside);
}

function target(state: RangeState): CallTarget {
  return { sheet: state.sheet.name, spreadsheetId: state.sheet.book.id };
}

/** Runs fn on every cell of the range, row by row, into a matrix. */
export function each<T>(state: RangeState, fn: (row: number, col: number) => T): T[][] {
  checkBox(state, state.sheet.maxRows, state.sheet.maxCols);
  const out: T[][] = [];
  for (let r = 0; r < state.numRows; r++) {
    const line: T[] = [];
    for (let c = 0; c < state.numCols; c++) line.push(fn(state.row + r, state.col + c));
    out.push(line);
  }
  return out;
}

/** Checks a setValues-style matrix: an array of rows, the range's exact shape, and `cell` on each entry. */
export function checkMatrix(state: RangeState, data: unknown, args: IArguments, method: string, cell: (value: unknown) => boolean = () => true): unknown[][] {
  const ok = args.length === 1 && Array.isArray(data) && data.every((row) => Array.isArray(row) && row.every(cell));
  checkSignature(ok, args, method);
  const rows = data as unknown[][];
  if (rows.length !== state.numRows) throw exception(MSG.rowsMismatch(rows.length, state.numRows));
  const bad = rows.find((row) => row.length !== state.numCols);
  if (bad) throw exception(MSG.columnsMismatch(bad.length, state.numCols));
  return rows;
}

/** Reads the top-left cell, checking the range is still inside the sheet. */
export function topLeft<T>(state: RangeState, read: (sheet: SheetData, row: number, col: number) => T): T {
  checkBox({ ...state, numRows: 1, numCols: 1 }, state.sheet.maxRows, state.sheet.maxCols);
  return read(state.sheet, state.row, state.col);
}

/** Counts a call of Range.<method> and runs body on the range's state (its sheet must still exist). */
export function on<T>(range: object, method: string, args: IArguments, body: (state: RangeState) => T): T {
  const state = states.get(range)!;
  return invoke(state.sheet.book.world, `Range.${method}`, target(state), args, () => body((liveSheet(state.sheet), state)));
}
