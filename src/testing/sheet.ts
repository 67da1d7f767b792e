/** The fake Sheet: ranges, the used area, appending, inserting and deleting rows and columns. */
import { boxOf, parseA1 } from './a1';
import { checkSheetNameLength } from './books';
import { invoke } from './calls';
import { checkSignature, exception, isInteger, MSG } from './errors';
import { checkCellLimit, clearCells, lastColumn, lastRow, sheetExact, sheetNamed, writeContent } from './grid';
import type { SheetData } from './model';
import { checkBox, makeRange } from './range';
import { makeRangeList } from './range-list';
import { makeSpreadsheet } from './spreadsheet';
import { checkPosition, deleteColumns, deleteRows, insertColumns, insertRows } from './structure';
import { makeTextFinder } from './text-finder';
import { toContent } from './write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const states = new WeakMap<object, SheetData>();

/** Creates a Sheet object for a sheet (Apps Script hands out a new object on every call). */
export function makeSheet(sheet: SheetData): Sheet {
  const fake = new FakeSheet();
  states.set(fake, sheet);
  return fake as unknown as Sheet;
}

/** The sheet behind a Sheet object made here, or undefined for anything else. */
export function sheetState(sheet: unknown): SheetData | undefined {
  return typeof sheet === 'object' && sheet !== null ? states.get(sheet) : undefined;
}

/** Resolves getRange(a1Notation) on a sheet: a "Name!" prefix picks another sheet of the book. */
export function rangeFromA1(sheet: SheetData, a1: string): Range {
  const ref = parseA1(a1);
  const target = ref && (ref.sheet === undefined ? sheet : sheetExact(sheet.book, ref.sheet));
  if (!ref || !target) throw exception(MSG.rangeNotFound);
  const box = boxOf(ref, target.maxRows, target.maxCols);
  checkBox(box, target.maxRows, target.maxCols);
  return makeRange(target, box);
}

function on<T>(fake: object, method: string, args: IArguments, body: (sheet: SheetData) => T): T {
  const sheet = states.get(fake)!;
  return invoke(sheet.book.world, `Sheet.${method}`, { sheet: sheet.name, spreadsheetId: sheet.book.id }, args, () => body(liveSheet(sheet)));
}

/** A sheet still in its spreadsheet: a handle kept after deleteSheet reads and writes nothing. */
export function liveSheet(sheet: SheetData): SheetData {
  if (sheet.deleted) throw exception(MSG.sheetDeleted(sheet.name));
  return sheet;
}

function integers(args: IArguments, count: number, method: string): void {
  checkSignature(args.length === count && Array.prototype.every.call(args, isInteger), args, `SpreadsheetApp.Sheet.${method}`);
}

/** Checks the (position) and (position, count) overloads of insertRows and insertColumns. */
function positionAndCount(args: IArguments, method: string): void {
  const ok = (args.length === 1 || args.length === 2) && Array.prototype.every.call(args, isInteger);
  checkSignature(ok, args, `SpreadsheetApp.Sheet.${method}`);
}

function asSheet(fake: FakeSheet): Sheet {
  return fake as unknown as Sheet;
}

class FakeSheet {
  getName(): string {
    return on(this, 'getName', arguments, (s) => s.name);
  }

  getSheetName(): string {
    return on(this, 'getSheetName', arguments, (s) => s.name);
  }

  setName(name: string): Sheet {
    const args = arguments;
    return on(this, 'setName', args, (s) => {
      checkSignature(typeof name === 'string', args, 'SpreadsheetApp.Sheet.setName');
      checkSheetNameLength(name);
      const other = sheetNamed(s.book, name);
      if (other && other !== s) throw exception(MSG.sheetExists(name));
      s.name = name;
      return asSheet(this);
    });
  }

  getSheetId(): number {
    return on(this, 'getSheetId', arguments, (s) => s.id);
  }

  /** The sheet's position in its spreadsheet, from 1. */
  getIndex(): number {
    return on(this, 'getIndex', arguments, (s) => s.book.sheets.indexOf(s) + 1);
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return on(this, 'getParent', arguments, (s) => makeSpreadsheet(s.book));
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): Range {
    const args = arguments;
    return on(this, 'getRange', args, (s) => {
      if (args.length === 1 && typeof a1OrRow === 'string') return rangeFromA1(s, a1OrRow);
      const ok = args.length >= 2 && args.length <= 4 && Array.prototype.every.call(args, isInteger);
      checkSignature(ok, args, 'SpreadsheetApp.Sheet.getRange');
      const box = { row: a1OrRow as number, col: column!, numRows: numRows ?? 1, numCols: numColumns ?? 1 };
      checkBox(box, s.maxRows, s.maxCols);
      return makeRange(s, box);
    });
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    const args = arguments;
    return on(this, 'getRangeList', args, (s) => {
      checkSignature(args.length === 1 && Array.isArray(a1Notations) && a1Notations.every((a1) => typeof a1 === 'string'), args, 'SpreadsheetApp.Sheet.getRangeList');
      return makeRangeList(s, a1Notations.map((a1) => rangeFromA1(s, a1)));
    });
  }

  getDataRange(): Range {
    return on(this, 'getDataRange', arguments, (s) =>
      makeRange(s, { row: 1, col: 1, numRows: Math.max(lastRow(s), 1), numCols: Math.max(lastColumn(s), 1) }),
    );
  }

  getLastRow(): number {
    return on(this, 'getLastRow', arguments, lastRow);
  }

  getLastColumn(): number {
    return on(this, 'getLastColumn', arguments, lastColumn);
  }

  getMaxRows(): number {
    return on(this, 'getMaxRows', arguments, (s) => s.maxRows);
  }

  getMaxColumns(): number {
    return on(this, 'getMaxColumns', arguments, (s) => s.maxCols);
  }

  appendRow(rowContents: any[]): Sheet {
    const args = arguments;
    return on(this, 'appendRow', args, (s) => {
      checkSignature(args.length === 1 && Array.isArray(rowContents), args, 'SpreadsheetApp.Sheet.appendRow');
      const contents = rowContents.map((value) => toContent(value, undefined, s.book.timeZone, s.book.world.now));
      const row = lastRow(s) + 1;
      // Like the real appendRow, the grid grows when the new row or its width does not fit.
      const extraRows = Math.max(0, row - s.maxRows);
      const extraCols = Math.max(0, contents.length - s.maxCols);
      checkCellLimit(s.book, extraRows * (s.maxCols + extraCols) + extraCols * s.maxRows);
      s.maxRows += extraRows;
      s.maxCols += extraCols;
      contents.forEach((content, i) => writeContent(s, row, i + 1, content));
      return asSheet(this);
    });
  }

  deleteRow(rowPosition: number): Sheet {
    const args = arguments;
    return on(this, 'deleteRow', args, (s) => {
      integers(args, 1, 'deleteRow');
      deleteRows(s, rowPosition, 1);
      return asSheet(this);
    });
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const args = arguments;
    on(this, 'deleteRows', args, (s) => {
      integers(args, 2, 'deleteRows');
      deleteRows(s, rowPosition, howMany);
    });
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    const args = arguments;
    return on(this, 'insertRowsAfter', args, (s) => {
      integers(args, 2, 'insertRowsAfter');
      checkPosition(afterPosition, s.maxRows, MSG.rowsOutOfBounds);
      if (howMany < 1) throw exception(MSG.rowsOutOfBounds);
      insertRows(s, afterPosition + 1, howMany, afterPosition);
      return asSheet(this);
    });
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    const args = arguments;
    return on(this, 'insertRowsBefore', args, (s) => {
      integers(args, 2, 'insertRowsBefore');
      checkPosition(beforePosition, s.maxRows, MSG.rowsOutOfBounds);
      if (howMany < 1) throw exception(MSG.rowsOutOfBounds);
      insertRows(s, beforePosition, howMany, beforePosition + howMany);
      return asSheet(this);
    });
  }

  insertRowAfter(afterPosition: number): Sheet {
    const args = arguments;
    return on(this, 'insertRowAfter', args, (s) => {
      integers(args, 1, 'insertRowAfter');
      checkPosition(afterPosition, s.maxRows, MSG.rowsOutOfBounds);
      insertRows(s, afterPosition + 1, 1, afterPosition);
      return asSheet(this);
    });
  }

  insertRowBefore(beforePosition: number): Sheet {
    const args = arguments;
    return on(this, 'insertRowBefore', args, (s) => {
      integers(args, 1, 'insertRowBefore');
      checkPosition(beforePosition, s.maxRows, MSG.rowsOutOfBounds);
      insertRows(s, beforePosition, 1, beforePosition + 1);
      return asSheet(this);
    });
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    const args = arguments;
    return on(this, 'insertColumnsAfter', args, (s) => {
      integers(args, 2, 'insertColumnsAfter');
      checkPosition(afterPosition, s.maxCols, MSG.columnsOutOfBounds);
      if (howMany < 1) throw exception(MSG.columnsOutOfBounds);
      insertColumns(s, afterPosition + 1, howMany);
      return asSheet(this);
    });
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    const args = arguments;
    return on(this, 'insertColumnsBefore', args, (s) => {
      integers(args, 2, 'insertColumnsBefore');
      checkPosition(beforePosition, s.maxCols, MSG.columnsOutOfBounds);
      if (howMany < 1) throw exception(MSG.columnsOutOfBounds);
      insertColumns(s, beforePosition, howMany);
      return asSheet(this);
    });
  }

  insertColumnAfter(afterPosition: number): Sheet {
    const args = arguments;
    return on(this, 'insertColumnAfter', args, (s) => {
      integers(args, 1, 'insertColumnAfter');
      checkPosition(afterPosition, s.maxCols, MSG.columnsOutOfBounds);
      insertColumns(s, afterPosition + 1, 1);
      return asSheet(this);
    });
  }

  insertColumnBefore(beforePosition: number): Sheet {
    const args = arguments;
    return on(this, 'insertColumnBefore', args, (s) => {
      integers(args, 1, 'insertColumnBefore');
      checkPosition(beforePosition, s.maxCols, MSG.columnsOutOfBounds);
      insertColumns(s, beforePosition, 1);
      return asSheet(this);
    });
  }

  // insertRows and insertColumns insert before their position, like the ...Before methods, but return nothing.
  insertRows(rowIndex: number, numRows?: number): void {
    const args = arguments;
    on(this, 'insertRows', args, (s) => {
      positionAndCount(args, 'insertRows');
      const count = numRows ?? 1;
      checkPosition(rowIndex, s.maxRows, MSG.rowsOutOfBounds);
      if (count < 1) throw exception(MSG.rowsOutOfBounds);
      insertRows(s, rowIndex, count, rowIndex + count);
    });
  }

  insertColumns(columnIndex: number, numColumns?: number): void {
    const args = arguments;
    on(this, 'insertColumns', args, (s) => {
      positionAndCount(args, 'insertColumns');
      const count = numColumns ?? 1;
      checkPosition(columnIndex, s.maxCols, MSG.columnsOutOfBounds);
      if (count < 1) throw exception(MSG.columnsOutOfBounds);
      insertColumns(s, columnIndex, count);
    });
  }

  deleteColumn(columnPosition: number): Sheet {
    const args = arguments;
    return on(this, 'deleteColumn', args, (s) => {
      integers(args, 1, 'deleteColumn');
      deleteColumns(s, columnPosition, 1);
      return asSheet(this);
    });
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    const args = arguments;
    on(this, 'deleteColumns', args, (s) => {
      integers(args, 2, 'deleteColumns');
      deleteColumns(s, columnPosition, howMany);
    });
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sheet {
    return on(this, 'clear', arguments, (s) => {
      const only = options ?? {};
      const whole = { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols };
      clearCells(s, whole, { content: !only.formatOnly || !!only.contentsOnly, format: !only.contentsOnly || !!only.formatOnly });
      return asSheet(this);
    });
  }

  clearContents(): Sheet {
    return on(this, 'clearContents', arguments, (s) => {
      clearCells(s, { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols }, { content: true, format: false });
      return asSheet(this);
    });
  }

  getFrozenRows(): number {
    return on(this, 'getFrozenRows', arguments, (s) => s.frozenRows);
  }

  setFrozenRows(rows: number): void {
    const args = arguments;
    on(this, 'setFrozenRows', args, (s) => {
      integers(args, 1, 'setFrozenRows');
      if (rows >= s.maxRows) throw exception(MSG.freezeAllRows);
      s.frozenRows = rows;
    });
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const args = arguments;
    return on(this, 'createTextFinder', args, (s) => {
      checkSignature(typeof findText === 'string', args, 'SpreadsheetApp.Sheet.createTextFinder');
      return makeTextFinder(s, { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols }, findText);
    });
  }
}

/** The fake Sheet class, for the compile-time API check. */
export type { FakeSheet };
