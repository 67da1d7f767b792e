/**
 * Range.sort: reading the sort specification, the order Sheets sorts values in, and moving whole
 * rows of the range (values, formulas and formatting).
 *
 * Order (ascending): numbers and dates, then text (ignoring case), then FALSE before TRUE; blank
 * cells go last in both directions. Ties keep their order. Formulas are compared by their value and
 * move with their row, their relative references shifted as when a formula is copied.
 */
import { dateToSerial } from './dates';
import { exception } from './errors';
import { cellAt, formulaPlaced, readValue } from './grid';
import type { Cell, SheetData } from './model';
import { isDate, Scalar } from './parse';
import type { RangeState } from './range-state';
import { offsetFormula } from './shift';

/** One column to sort by (an absolute sheet column, from 1). */
export interface SortKey {
  column: number;
  ascending: boolean;
}

function invalidSpec(): Error {
  // The kit's own wording: what Apps Script says for a malformed specification is unconfirmed.
  return exception('Range.sort: the sort specification must be a column number, {column, ascending}, or an array of these.');
}

function keyOf(spec: unknown): SortKey {
  if (typeof spec === 'number' && Number.isInteger(spec)) return { column: spec, ascending: true };
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw invalidSpec();
  const { column, ascending } = spec as { column?: unknown; ascending?: unknown };
  if (typeof column !== 'number' || !Number.isInteger(column)) throw invalidSpec();
  if (ascending !== undefined && typeof ascending !== 'boolean') throw invalidSpec();
  return { column, ascending: ascending ?? true };
}

/** Reads sort(sortSpecObj): a column, {column, ascending}, or a non-empty array of these, all inside the range. */
export function sortKeys(state: RangeState, spec: unknown): SortKey[] {
  const keys = Array.isArray(spec) ? spec.map(keyOf) : [keyOf(spec)];
  if (keys.length === 0) throw invalidSpec();
  const last = state.col + state.numCols - 1;
  const outside = keys.find((key) => key.column < state.col || key.column > last);
  // The kit's own wording: the real message for a column outside the range is unconfirmed.
  if (outside) throw exception(`Range.sort: column ${outside.column} is outside the range (columns ${state.col} to ${last}).`);
  return keys;
}

/** Numbers and dates first, then text, then booleans. */
function typeRank(value: Scalar): number {
  if (typeof value === 'number' || isDate(value)) return 0;
  return typeof value === 'string' ? 1 : 2;
}

function compareValues(a: Scalar | '', b: Scalar | '', ascending: boolean, timeZone: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1; // blanks last either way
  const order = typeRank(a) - typeRank(b);
  if (order !== 0) return ascending ? order : -order;
  const plain = (v: Scalar) => (isDate(v) ? dateToSerial(v, timeZone) : typeof v === 'string' ? v.toLowerCase() : Number(v));
  const [x, y] = [plain(a), plain(b)];
  const result = x < y ? -1 : x > y ? 1 : 0;
  return ascending ? result : -result;
}

/** Sorts the rows of the range in place by `keys`, moving every cell of the range's columns. */
export function sortRows(state: RangeState, keys: SortKey[]): void {
  const { sheet } = state;
  const tz = sheet.book.timeZone;
  // Step 1: the sort values, read before anything moves (formulas evaluated where they stand).
  const rows = Array.from({ length: state.numRows }, (_, i) => state.row + i);
  const values = rows.map((row) => keys.map((key) => readValue(sheet, row, key.column)));
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const result = compareValues(values[a][k], values[b][k], keys[k].ascending, tz);
      if (result !== 0) return result;
    }
    return a - b;
  });
  // Step 2: take the range's cells, then put each row where it now belongs.
  const cols = Array.from({ length: state.numCols }, (_, j) => state.col + j);
  const taken = rows.map((row) => cols.map((col) => cellAt(sheet, row, col)));
  order.forEach((from, to) => cols.forEach((col, j) => place(sheet, state.row + to, col, moved(taken[from][j], to - from))));
}

function moved(cell: Cell | undefined, rows: number): Cell | undefined {
  if (!cell) return undefined;
  return cell.formula === undefined ? { ...cell } : { ...cell, formula: offsetFormula(cell.formula, rows, 0) };
}

function place(sheet: SheetData, row: number, col: number, cell: Cell | undefined): void {
  const line = sheet.rows[row - 1] ?? (sheet.rows[row - 1] = []);
  line[col - 1] = cell;
  if (cell?.formula !== undefined) formulaPlaced(sheet.book);
}
