/** The fake Range: a rectangle of one sheet, read and written with Apps Script's checks. */
import { a1Of, Box } from './a1';
import { displayText } from './display';
import { checkSignature, exception, isInteger, MSG } from './errors';
import { clearCells, hasContent, cellAt, readFormat, readFormula, readValue, writeContent, writeFormat } from './grid';
import type { SheetData } from './model';
import type { Content } from './parse';
import { FakeRangeFormat } from './range-format';
import { sortKeys, sortRows } from './range-sort';
import { bindRange, checkBox, checkMatrix, each, on, rangeState, RangeState, topLeft } from './range-state';
import { offsetFormula } from './shift';
import { makeSheet } from './sheet';
import { makeTextFinder } from './text-finder';
import { formulaContent, toContent } from './write';

type Range = GoogleAppsScript.Spreadsheet.Range;

export { checkBox, rangeState } from './range-state';
export type { RangeState } from './range-state';

/** Creates a Range object for a box of a sheet (the box is assumed valid). */
export function makeRange(sheet: SheetData, box: Box): Range {
  const range = new FakeRange();
  bindRange(range, { sheet, ...box });
  return range as unknown as Range;
}

/** Converts every cell first, so that one bad value writes nothing. */
function writeAll(state: RangeState, convert: (row: number, col: number, format: string | undefined) => Content): void {
  const contents = each(state, (r, c) => convert(r, c, cellAt(state.sheet, r, c)?.format));
  contents.forEach((line, r) => line.forEach((content, c) => writeContent(state.sheet, state.row + r, state.col + c, content)));
}

/** Sets every cell of each range to `value` as Range.setValue does, unlogged (RangeList.setValue); all are checked before any is written. */
export function setEveryCell(ranges: readonly Range[], value: unknown): void {
  const writes = ranges.map((range) => {
    const state = rangeState(range) as RangeState;
    const { timeZone, world } = state.sheet.book;
    const contents = each(state, (r, c) => toContent(value, cellAt(state.sheet, r, c)?.format, timeZone, world.now));
    return () => contents.forEach((line, r) => line.forEach((content, c) => writeContent(state.sheet, state.row + r, state.col + c, content)));
  });
  writes.forEach((write) => write());
}

function asRange(range: FakeRange): Range {
  return range as unknown as Range;
}

class FakeRange extends FakeRangeFormat {
  getValues(): any[][] {
    return on(this, 'getValues', arguments, (s) => each(s, (r, c) => readValue(s.sheet, r, c)));
  }

  getValue(): any {
    return on(this, 'getValue', arguments, (s) => topLeft(s, readValue));
  }

  getDisplayValues(): string[][] {
    return on(this, 'getDisplayValues', arguments, (s) => each(s, (r, c) => display(s, r, c)));
  }

  getDisplayValue(): string {
    return on(this, 'getDisplayValue', arguments, (s) => topLeft(s, (sheet, r, c) => display(s, r, c)));
  }

  getFormulas(): string[][] {
    return on(this, 'getFormulas', arguments, (s) => each(s, (r, c) => readFormula(s.sheet, r, c)));
  }

  getFormula(): string {
    return on(this, 'getFormula', arguments, (s) => topLeft(s, readFormula));
  }

  getNumberFormats(): string[][] {
    return on(this, 'getNumberFormats', arguments, (s) => each(s, (r, c) => readFormat(s.sheet, r, c)));
  }

  getNumberFormat(): string {
    return on(this, 'getNumberFormat', arguments, (s) => topLeft(s, readFormat));
  }

  setValues(values: any[][]): Range {
    const args = arguments;
    return on(this, 'setValues', args, (s) => {
      const rows = checkMatrix(s, values, args, 'SpreadsheetApp.Range.setValues');
      const { timeZone, world } = s.sheet.book;
      writeAll(s, (r, c, format) => toContent(rows[r - s.row][c - s.col], format, timeZone, world.now));
      return asRange(this);
    });
  }

  setValue(value: any): Range {
    const args = arguments;
    return on(this, 'setValue', args, (s) => {
      checkSignature(args.length === 1, args, 'SpreadsheetApp.Range.setValue');
      writeAll(s, (r, c, format) => toContent(value, format, s.sheet.book.timeZone, s.sheet.book.world.now));
      return asRange(this);
    });
  }

  setFormulas(formulas: string[][]): Range {
    const args = arguments;
    return on(this, 'setFormulas', args, (s) => {
      const rows = checkMatrix(s, formulas, args, 'SpreadsheetApp.Range.setFormulas');
      writeAll(s, (r, c, format) => formulaContent(rows[r - s.row][c - s.col], format, s.sheet.book.timeZone, s.sheet.book.world.now));
      return asRange(this);
    });
  }

  setFormula(formula: string): Range {
    return on(this, 'setFormula', arguments, (s) => {
      // Like filling a formula down and across: relative references move with each cell.
      writeAll(s, (r, c, format) => {
        const content = formulaContent(formula, format, s.sheet.book.timeZone, s.sheet.book.world.now);
        return content.formula ? { formula: offsetFormula(content.formula, r - s.row, c - s.col) } : content;
      });
      return asRange(this);
    });
  }

  setNumberFormat(numberFormat: string): Range {
    const args = arguments;
    return on(this, 'setNumberFormat', args, (s) => {
      checkSignature(typeof numberFormat === 'string', args, 'SpreadsheetApp.Range.setNumberFormat');
      each(s, (r, c) => writeFormat(s.sheet, r, c, numberFormat));
      return asRange(this);
    });
  }

  setNumberFormats(numberFormats: string[][]): Range {
    const args = arguments;
    return on(this, 'setNumberFormats', args, (s) => {
      const rows = checkMatrix(s, numberFormats, args, 'SpreadsheetApp.Range.setNumberFormats');
      each(s, (r, c) => writeFormat(s.sheet, r, c, String(rows[r - s.row][c - s.col])));
      return asRange(this);
    });
  }

  clearContent(): Range {
    return on(this, 'clearContent', arguments, (s) => {
      checkBox(s, s.sheet.maxRows, s.sheet.maxCols);
      clearCells(s.sheet, s, { content: true, format: false });
      return asRange(this);
    });
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Range {
    return on(this, 'clear', arguments, (s) => {
      checkBox(s, s.sheet.maxRows, s.sheet.maxCols);
      const only = options ?? {};
      clearCells(s.sheet, s, { content: !only.formatOnly || !!only.contentsOnly, format: !only.contentsOnly || !!only.formatOnly });
      return asRange(this);
    });
  }

  sort(sortSpecObj: any): Range {
    const args = arguments;
    return on(this, 'sort', args, (s) => {
      checkSignature(args.length === 1, args, 'SpreadsheetApp.Range.sort');
      checkBox(s, s.sheet.maxRows, s.sheet.maxCols);
      sortRows(s, sortKeys(s, sortSpecObj));
      return asRange(this);
    });
  }

  isBlank(): boolean {
    return on(this, 'isBlank', arguments, (s) => each(s, (r, c) => !hasContent(cellAt(s.sheet, r, c))).every((line) => line.every(Boolean)));
  }

  getRow(): number {
    return on(this, 'getRow', arguments, (s) => s.row);
  }

  getColumn(): number {
    return on(this, 'getColumn', arguments, (s) => s.col);
  }

  getNumRows(): number {
    return on(this, 'getNumRows', arguments, (s) => s.numRows);
  }

  getNumColumns(): number {
    return on(this, 'getNumColumns', arguments, (s) => s.numCols);
  }

  /** The same as getNumRows, as in Apps Script. */
  getHeight(): number {
    return on(this, 'getHeight', arguments, (s) => s.numRows);
  }

  /** The same as getNumColumns. */
  getWidth(): number {
    return on(this, 'getWidth', arguments, (s) => s.numCols);
  }

  getLastRow(): number {
    return on(this, 'getLastRow', arguments, (s) => s.row + s.numRows - 1);
  }

  getLastColumn(): number {
    return on(this, 'getLastColumn', arguments, (s) => s.col + s.numCols - 1);
  }

  getA1Notation(): string {
    return on(this, 'getA1Notation', arguments, (s) => a1Of(s));
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return on(this, 'getSheet', arguments, (s) => makeSheet(s.sheet));
  }

  getCell(row: number, column: number): Range {
    const args = arguments;
    return on(this, 'getCell', args, (s) => {
      checkSignature(args.length === 2 && isInteger(row) && isInteger(column), args, 'SpreadsheetApp.Range.getCell');
      if (row < 1 || column < 1 || row > s.numRows || column > s.numCols) throw exception(MSG.cellOutOfRange);
      return makeRange(s.sheet, { row: s.row + row - 1, col: s.col + column - 1, numRows: 1, numCols: 1 });
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const args = arguments;
    return on(this, 'offset', args, (s) => {
      const ok = args.length >= 2 && Array.prototype.every.call(args, isInteger);
      checkSignature(ok, args, 'SpreadsheetApp.Range.offset');
      const box = { row: s.row + rowOffset, col: s.col + columnOffset, numRows: numRows ?? s.numRows, numCols: numColumns ?? s.numCols };
      checkBox(box, s.sheet.maxRows, s.sheet.maxCols);
      return makeRange(s.sheet, box);
    });
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const args = arguments;
    return on(this, 'createTextFinder', args, (s) => {
      checkSignature(typeof findText === 'string', args, 'SpreadsheetApp.Range.createTextFinder');
      return makeTextFinder(s.sheet, s, findText);
    });
  }
}

function display(state: RangeState, row: number, col: number): string {
  return displayText(readValue(state.sheet, row, col), readFormat(state.sheet, row, col), state.sheet.book.timeZone);
}

/** The fake Range class, for the compile-time API check. */
export type { FakeRange };
