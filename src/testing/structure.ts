/** Inserting and deleting rows and columns: cells move, formulas follow, the grid grows or shrinks. */
import { exception, MSG } from './errors';
import { checkCellLimit, formulaCells, sheetNamed } from './grid';
import { BookData, Cell, FORMAT_KEYS, SheetData } from './model';
import { Shift, SheetShift, shiftFormula } from './shift';

/** Changes of a book's sheets whose formula rewrites are made together (see applyShifts). */
export type PendingShifts = Array<SheetShift<SheetData>>;

/** Moves the references of every formula of a book for changes made one after the other. */
export function applyShifts(book: BookData, changes: PendingShifts): void {
  if (changes.length === 0) return;
  for (const { sheet: owner, cell } of formulaCells(book)) {
    if (cell.formula === undefined) continue;
    const resolve = (name: string | undefined) => (name === undefined ? owner : sheetNamed(book, name));
    cell.formula = shiftFormula(cell.formula, resolve, changes);
  }
}

/** Rewrites formulas now, or leaves the change in `pending` for the caller's applyShifts. */
function applyShift(sheet: SheetData, shift: Shift, pending?: PendingShifts): void {
  if (pending) pending.push({ on: sheet, shift });
  else applyShifts(sheet.book, [{ on: sheet, shift }]);
}

function spliceHoles<T>(list: T[], at: number, count: number): T[] {
  if (at >= list.length) return list;
  return list.slice(0, at).concat(new Array<T>(count), list.slice(at));
}

/** The formatting of a cell alone, or undefined when it has none. */
function formatOf(cell: Cell | undefined): Cell | undefined {
  const kept: Cell = {};
  for (const key of FORMAT_KEYS) if (cell?.[key] !== undefined) Object.assign(kept, { [key]: cell[key] });
  return Object.keys(kept).length ? kept : undefined;
}

function formatsOnly(line: Array<Cell | undefined> | undefined): Array<Cell | undefined> | undefined {
  const formats = line?.map(formatOf);
  return formats && formats.some(Boolean) ? formats : undefined;
}

/** Inserts `count` empty rows so that the first new row is `at`; new rows copy `formatFrom`'s formatting. */
export function insertRows(sheet: SheetData, at: number, count: number, formatFrom?: number, pending?: PendingShifts): void {
  checkCellLimit(sheet.book, count * sheet.maxCols);
  sheet.rows = spliceHoles(sheet.rows, at - 1, count);
  sheet.maxRows += count;
  const template = formatFrom === undefined ? undefined : formatsOnly(sheet.rows[formatFrom - 1]);
  if (template) for (let r = at; r < at + count; r++) sheet.rows[r - 1] = template.map((cell) => cell && { ...cell });
  applyShift(sheet, { axis: 'row', kind: 'insert', at, count }, pending);
}

/** Deletes rows at..at+count-1, refusing what Sheets refuses. */
export function deleteRows(sheet: SheetData, at: number, count: number, pending?: PendingShifts): void {
  if (at < 1 || count < 1 || at + count - 1 > sheet.maxRows) throw exception(MSG.rowsOutOfBounds);
  if (sheet.maxRows - count <= sheet.frozenRows) throw exception(MSG.deleteAllRows);
  sheet.rows.splice(at - 1, count);
  sheet.maxRows -= count;
  applyShift(sheet, { axis: 'row', kind: 'delete', at, count }, pending);
}

/** Inserts `count` empty columns so that the first new column is `at`. */
export function insertColumns(sheet: SheetData, at: number, count: number, pending?: PendingShifts): void {
  checkCellLimit(sheet.book, count * sheet.maxRows);
  sheet.rows = sheet.rows.map((line) => line && spliceHoles(line, at - 1, count));
  sheet.maxCols += count;
  applyShift(sheet, { axis: 'col', kind: 'insert', at, count }, pending);
}

/** Deletes columns at..at+count-1, refusing what Sheets refuses. */
export function deleteColumns(sheet: SheetData, at: number, count: number, pending?: PendingShifts): void {
  if (at < 1 || count < 1 || at + count - 1 > sheet.maxCols || count >= sheet.maxCols) {
    throw exception(MSG.columnsOutOfBounds);
  }
  for (const line of sheet.rows) if (line) line.splice(at - 1, count);
  sheet.maxCols -= count;
  applyShift(sheet, { axis: 'col', kind: 'delete', at, count }, pending);
}

/** Checks an insert position: an existing row (or column) of the sheet. */
export function checkPosition(position: number, max: number, message: string): void {
  if (position < 1 || position > max) throw exception(message);
}
