/** Cells of a sheet: reading (formulas evaluated), writing, the used area and grid limits. */
import { exception, MSG } from './errors';
import { evaluateRaw, shown } from './formula';
import { EMPTY, FormulaError, FormulaHost, FValue } from './formula-values';
import { BookData, Cell, FORMAT_KEYS, SheetData } from './model';
import { Content, isDate, Scalar } from './parse';
import { serialToDate } from './dates';

/** Sheets' limit on the cells of all sheets of one spreadsheet. */
export const CELL_LIMIT = 10000000;
/** Sheets' limit on the characters in one cell. */
export const CHARACTER_LIMIT = 50000;

/** The cell at (row, col), if anything was ever put there. */
export function cellAt(sheet: SheetData, row: number, col: number): Cell | undefined {
  const line = sheet.rows[row - 1];
  return line ? line[col - 1] : undefined;
}

/** The cell at (row, col), created empty when there is none yet. */
export function cellFor(sheet: SheetData, row: number, col: number): Cell {
  const line = sheet.rows[row - 1] ?? (sheet.rows[row - 1] = []);
  return line[col - 1] ?? (line[col - 1] = {});
}

/** True when a cell holds a value or a formula (formats alone do not count). */
export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.value !== undefined || cell.formula !== undefined);
}

/** The last row with content, 0 when the sheet is empty. */
export function lastRow(sheet: SheetData): number {
  for (let r = sheet.rows.length; r > 0; r--) {
    const line = sheet.rows[r - 1];
    if (line && line.some(hasContent)) return r;
  }
  return 0;
}

/** The last column with content, 0 when the sheet is empty. */
export function lastColumn(sheet: SheetData): number {
  let last = 0;
  for (const line of sheet.rows) {
    if (!line) continue;
    for (let c = line.length; c > last; c--) {
      if (hasContent(line[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/** Finds a sheet by name ignoring case, as formulas and the uniqueness of names do. */
export function sheetNamed(book: BookData, name: string): SheetData | undefined {
  const lower = name.toLowerCase();
  return book.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
}

/** Finds a sheet by its exact name (getSheetByName and "Sheet!A1" in getRange). */
export function sheetExact(book: BookData, name: string): SheetData | undefined {
  return book.sheets.find((sheet) => sheet.name === name);
}

const evaluating = new Set<Cell>();

function hostFor(sheet: SheetData, row: number, col: number): FormulaHost {
  const resolve = (name: string | undefined) => (name === undefined ? sheet : sheetNamed(sheet.book, name));
  return {
    timeZone: sheet.book.timeZone,
    row,
    col,
    size(name) {
      const target = resolve(name);
      return target && { maxRows: target.maxRows, maxCols: target.maxCols };
    },
    read: (name, r, c) => computed(resolve(name)!, r, c),
  };
}

/** A cell's value for a formula: formulas evaluated, blanks EMPTY, cycles "#REF!". */
function computed(sheet: SheetData, row: number, col: number): FValue {
  const cell = cellAt(sheet, row, col);
  if (!cell || !hasContent(cell)) return EMPTY;
  if (cell.formula === undefined) return cell.value!;
  if (evaluating.has(cell)) return new FormulaError('#REF!');
  evaluating.add(cell);
  try {
    return evaluateRaw(cell.formula, hostFor(sheet, row, col));
  } finally {
    evaluating.delete(cell);
  }
}

/**
 * What getValues returns for a cell: a value (Dates copied), "" when empty or computed blank. A
 * number in a cell with a date or time format is a Date, as Sheets keeps dates as numbers.
 */
export function readValue(sheet: SheetData, row: number, col: number): Scalar | '' {
  const value = shown(computed(sheet, row, col));
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'number' && value >= FIRST_DATE_SERIAL && value < PAST_LAST_DATE_SERIAL && (isDateFormat(readFormat(sheet, row, col)) || cellAt(sheet, row, col)?.dated)) {
    return serialToDate(value, sheet.book.timeZone);
  }
  return value;
}

// Sheets' dates run from 0001-01-01 to 9999-12-31; a number outside stays a number.
const FIRST_DATE_SERIAL = -693593;
const PAST_LAST_DATE_SERIAL = 2958466;

/** Whether a number format shows dates or times (tokens y m d h s or AM/PM outside quotes and escapes). */
export function isDateFormat(format: string): boolean {
  if (format === DEFAULT_FORMAT || format === '@' || format === 'General') return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[ymdhs]|am\/pm|a\/p/i.test(bare);
}

/** What getFormulas returns for a cell. */
export function readFormula(sheet: SheetData, row: number, col: number): string {
  return cellAt(sheet, row, col)?.formula ?? '';
}

/** The number format of a cell ("0.###############" when none was set). */
export function readFormat(sheet: SheetData, row: number, col: number): string {
  return cellAt(sheet, row, col)?.format ?? DEFAULT_FORMAT;
}

/** The format Apps Script reports for a cell nobody formatted. */
export const DEFAULT_FORMAT = '0.###############';

/** Replaces a cell's content, keeping its format. */
export function writeContent(sheet: SheetData, row: number, col: number, content: Content): void {
  if (content.value === undefined && content.formula === undefined) {
    const cell = cellAt(sheet, row, col);
    if (cell) {
      delete cell.value;
      delete cell.formula;
    }
    return;
  }
  const cell = cellFor(sheet, row, col);
  delete cell.value;
  delete cell.formula;
  if (content.formula !== undefined) {
    cell.formula = content.formula;
    formulaPlaced(sheet.book);
  } else if (isDate(content.value)) {
    cell.value = new Date(content.value.getTime());
    if (cell.format === undefined) cell.dated = true;
  } else cell.value = content.value;
}

/** Sets a cell's number format. */
export function writeFormat(sheet: SheetData, row: number, col: number, format: string): void {
  // "General" is no format of its own: Apps Script reports the default afterwards.
  const cell = cellFor(sheet, row, col);
  delete cell.dated;
  if (format.toLowerCase() === 'general') delete cell.format;
  else cell.format = format;
}

/** Empties cells of a rectangle: their content, their formatting, or both. */
export function clearCells(sheet: SheetData, box: { row: number; col: number; numRows: number; numCols: number }, what: { content: boolean; format: boolean }): void {
  for (let r = box.row; r < box.row + box.numRows; r++) {
    const line = sheet.rows[r - 1];
    if (!line) continue;
    for (let c = box.col; c < box.col + box.numCols && c <= line.length; c++) {
      const cell = line[c - 1];
      if (!cell) continue;
      if (what.content) {
        delete cell.value;
        delete cell.formula;
      }
      if (what.format) for (const key of FORMAT_KEYS) delete cell[key];
    }
  }
}

/** Throws Sheets' error when adding `extra` cells would pass the 10,000,000-cell limit. */
export function checkCellLimit(book: BookData, extra: number): void {
  const used = book.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxCols, 0);
  if (used + extra > CELL_LIMIT) throw exception(MSG.tooManyCells);
}

/** A cell holding a formula, with the sheet it was found on. */
export interface FormulaCell {
  sheet: SheetData;
  cell: Cell;
}

/**
 * The formula cells of each book, found by one scan and kept until a formula is put in a cell
 * (formulaPlaced). Cells cleared or deleted since stay listed: callers skip cells without a
 * formula, and a deleted cell is out of every grid, so rewriting its formula changes nothing.
 * Without this, each of a thousand deleteRows calls would scan the whole book.
 */
const formulaIndex = new WeakMap<BookData, FormulaCell[]>();

/** Records that a formula was put in a cell of `book` (the next formulaCells scans again). */
export function formulaPlaced(book: BookData): void {
  formulaIndex.delete(book);
}

/** Every cell of the book holding a formula (and maybe some that held one: check `cell.formula`). */
export function formulaCells(book: BookData): readonly FormulaCell[] {
  const known = formulaIndex.get(book);
  if (known) return known;
  const found: FormulaCell[] = [];
  for (const sheet of book.sheets) {
    for (const line of sheet.rows) {
      if (!line) continue;
      for (const cell of line) if (cell && cell.formula !== undefined) found.push({ sheet, cell });
    }
  }
  formulaIndex.set(book, found);
  return found;
}
