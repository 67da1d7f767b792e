/**
 * Reading values through the Sheets API: Values.get and Values.batchGet. Values are rendered as
 * the request asks (FORMATTED_VALUE by default: what the cell shows; UNFORMATTED_VALUE: numbers,
 * booleans and text; FORMULA: formulas as typed), dates as serial numbers in the spreadsheet's
 * time zone (or as shown, with FORMATTED_STRING). Trailing empty cells of a row and trailing empty
 * rows are left out, and `values` is absent when nothing is left.
 */
import type { Box } from './a1';
import { dateToSerial } from './dates';
import { displayText } from './display';
import { lastColumn, lastRow, readFormat, readFormula, readValue } from './grid';
import type { BookData, SheetData } from './model';
import { isDate } from './parse';
import { API_MSG, BadRequest } from './sheets-errors';
import { apiA1, parseApiRange, readBox } from './sheets-ranges';

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;

/** How values are rendered in a response. */
export interface RenderOptions {
  valueRenderOption: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
  dateTimeRenderOption: 'SERIAL_NUMBER' | 'FORMATTED_STRING';
  majorDimension: 'ROWS' | 'COLUMNS';
}

const VALUE_RENDER = ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const;
const DATE_RENDER = ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const;
const DIMENSIONS = ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'] as const;

/** Checks an enum option of a request; `field` is its name in the API's messages. */
export function enumOption<T extends string>(value: unknown, allowed: readonly T[], fallback: T, field: string, type: string): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new BadRequest(API_MSG.badEnum(field, type, value));
  return value as T;
}

/** The major dimension of a ValueRange ("ROWS" when unset or unspecified). */
export function dimension(value: unknown, field: string): 'ROWS' | 'COLUMNS' {
  const chosen = enumOption<(typeof DIMENSIONS)[number]>(value, DIMENSIONS, 'ROWS', field, 'Dimension');
  return chosen === 'COLUMNS' ? 'COLUMNS' : 'ROWS';
}

/** Reads the render options of a request (`prefix` is "" or "response" for write responses). */
export function renderOptions(args: Record<string, unknown>, prefix = ''): RenderOptions {
  const key = (name: string) => (prefix ? prefix + name[0].toUpperCase() + name.slice(1) : name);
  const snake = (name: string) => key(name).replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
  return {
    valueRenderOption: enumOption<RenderOptions['valueRenderOption']>(args[key('valueRenderOption')], VALUE_RENDER, 'FORMATTED_VALUE', snake('valueRenderOption'), 'ValueRenderOption'),
    dateTimeRenderOption: enumOption<RenderOptions['dateTimeRenderOption']>(args[key('dateTimeRenderOption')], DATE_RENDER, 'SERIAL_NUMBER', snake('dateTimeRenderOption'), 'DateTimeRenderOption'),
    majorDimension: prefix ? 'ROWS' : dimension(args.majorDimension, 'major_dimension'),
  };
}

/** One cell as the response renders it ("" for an empty cell). */
export function renderCell(sheet: SheetData, row: number, col: number, options: RenderOptions): unknown {
  const timeZone = sheet.book.timeZone;
  if (options.valueRenderOption === 'FORMULA') {
    const formula = readFormula(sheet, row, col);
    if (formula !== '') return formula;
  }
  const value = readValue(sheet, row, col);
  if (options.valueRenderOption === 'FORMATTED_VALUE') return displayText(value, readFormat(sheet, row, col), timeZone);
  if (!isDate(value)) return value;
  return options.dateTimeRenderOption === 'SERIAL_NUMBER' ? dateToSerial(value, timeZone) : displayText(value, readFormat(sheet, row, col), timeZone);
}

function trimEnd<T>(list: T[], empty: (item: T) => boolean): T[] {
  let end = list.length;
  while (end > 0 && empty(list[end - 1])) end--;
  return end === list.length ? list : list.slice(0, end);
}

/** The values of a box, by rows or columns, without trailing empty cells and lines. */
export function renderBox(sheet: SheetData, box: Box, options: RenderOptions): unknown[][] {
  const byColumns = options.majorDimension === 'COLUMNS';
  // Cells past the used area are empty and would be trimmed: they are not visited.
  const numRows = Math.max(0, Math.min(box.numRows, lastRow(sheet) - box.row + 1));
  const numCols = Math.max(0, Math.min(box.numCols, lastColumn(sheet) - box.col + 1));
  const [outer, inner] = byColumns ? [numCols, numRows] : [numRows, numCols];
  const lines: unknown[][] = [];
  for (let i = 0; i < outer; i++) {
    const line: unknown[] = [];
    for (let j = 0; j < inner; j++) {
      line.push(byColumns ? renderCell(sheet, box.row + j, box.col + i, options) : renderCell(sheet, box.row + i, box.col + j, options));
    }
    lines.push(trimEnd(line, (value) => value === ''));
  }
  return trimEnd(lines, (line) => line.length === 0);
}

/** A ValueRange for a box (no `values` when it is empty). */
export function valueRange(sheet: SheetData, box: Box, options: RenderOptions): ValueRange {
  const values = renderBox(sheet, box, options);
  const out: ValueRange = { range: apiA1(sheet, box), majorDimension: options.majorDimension };
  if (values.length) out.values = values;
  return out;
}

/** Values.get: one range. */
export function getValues(book: BookData, range: unknown, args: Record<string, unknown>): ValueRange {
  const options = renderOptions(args);
  const target = parseApiRange(book, range);
  return valueRange(target.sheet, readBox(target), options);
}

/** Values.batchGet: every range of `ranges`, in order, in one response. */
export function batchGetValues(book: BookData, args: Record<string, unknown>): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
  const options = renderOptions(args);
  const ranges = args.ranges === undefined ? [] : Array.isArray(args.ranges) ? args.ranges : [args.ranges];
  // Every range is resolved before anything is read: one bad range fails the whole call.
  const targets = ranges.map((range) => {
    const target = parseApiRange(book, range);
    return { sheet: target.sheet, box: readBox(target) };
  });
  const out: GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse = { spreadsheetId: book.id };
  if (targets.length) out.valueRanges = targets.map(({ sheet, box }) => valueRange(sheet, box, options));
  return out;
}
