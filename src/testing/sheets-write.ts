/**
 * Writing values through the Sheets API: Values.update, Values.batchUpdate and Values.append.
 * USER_ENTERED strings are read as typed input (the same parser as setValues: numbers, dates,
 * "=" formulas, a leading "'" keeps text); RAW strings are stored as given. JSON numbers and
 * booleans are stored as such, null leaves a cell unchanged and "" empties it. Data must stay
 * inside the range's explicit ends; from a single cell, a sheet name or an open end it may run
 * past the grid, which grows. Every value is checked before anything is written.
 */
import { columnLetters } from './a1';
import { cellAt, CELL_LIMIT, CHARACTER_LIMIT, hasContent, lastRow, writeContent } from './grid';
import type { BookData, SheetData } from './model';
import { Content, isDate } from './parse';
import { API_MSG, BadRequest } from './sheets-errors';
import { apiA1, parseApiRange, readBox, writeTarget, WriteTarget } from './sheets-ranges';
import { dimension, enumOption, renderOptions, valueRange } from './sheets-values';
import { insertRows } from './structure';
import { toContent } from './write';

type UpdateValuesResponse = GoogleAppsScript.Sheets.Schema.UpdateValuesResponse;
type InputOption = 'RAW' | 'USER_ENTERED';

/** A write checked and converted, ready to apply. `undefined` cells are left unchanged. */
interface WritePlan {
  target: WriteTarget;
  cells: Array<Array<Content | undefined>>;
  numCols: number;
}

/** The valueInputOption of a request, which the API requires. */
export function inputOption(value: unknown): InputOption {
  if (value === undefined || value === null || value === 'INPUT_VALUE_OPTION_UNSPECIFIED') throw new BadRequest(API_MSG.inputOptionRequired);
  return enumOption<InputOption>(value, ['RAW', 'USER_ENTERED'], 'RAW', 'value_input_option', 'ValueInputOption');
}

function content(value: unknown, option: InputOption, format: string | undefined, timeZone: string, now: number, at: () => string): Content | undefined {
  // The advanced service sends JSON: NaN and Infinity become null, a Date its ISO string.
  const sent = isDate(value) ? (Number.isNaN(value.getTime()) ? null : value.toISOString()) : value;
  if (sent === null || sent === undefined) return undefined;
  if (typeof sent === 'number') return Number.isFinite(sent) ? { value: sent } : undefined;
  if (typeof sent === 'boolean') return { value: sent };
  if (typeof sent === 'object') throw new BadRequest(`Invalid values${at()}: ${Array.isArray(sent) ? 'list_value' : 'struct_value'} ${JSON.stringify(sent)}`);
  const text = String(sent);
  if (text.length > CHARACTER_LIMIT) throw new BadRequest(API_MSG.tooManyCharacters);
  if (text === '') return {};
  return option === 'RAW' ? { value: text } : toContent(text, format, timeZone, now);
}

function rowsOf(values: unknown, field: string): unknown[][] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw new BadRequest(`Invalid value at '${field}.values' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(values)}`);
  values.forEach((row, i) => {
    if (!Array.isArray(row)) throw new BadRequest(`Invalid value at '${field}.values[${i}]' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(row)}`);
  });
  return values as unknown[][];
}

/** Checks data against its target (in the sheet's orientation) and converts every value. */
function plan(target: WriteTarget, resource: Record<string, unknown>, option: InputOption, field: string): WritePlan {
  const lines = rowsOf(resource.values, field);
  const byColumns = dimension(resource.majorDimension, `${field}.major_dimension`) === 'COLUMNS';
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  const [numRows, numCols] = byColumns ? [longest, lines.length] : [lines.length, longest];
  const { sheet, row, col } = target;
  const cells: Array<Array<Content | undefined>> = [];
  for (let r = 0; r < numRows; r++) {
    const out: Array<Content | undefined> = [];
    for (let c = 0; c < numCols; c++) {
      const i = byColumns ? c : r;
      const j = byColumns ? r : c;
      if (j >= lines[i].length) continue;
      if (target.endRow !== undefined && row + r > target.endRow) throw new BadRequest(API_MSG.writingRow(target.text, target.endRow + 1));
      if (target.endCol !== undefined && col + c > target.endCol) throw new BadRequest(API_MSG.writingColumn(target.text, columnLetters(target.endCol + 1)));
      out[c] = content(lines[i][j], option, cellAt(sheet, row + r, col + c)?.format, sheet.book.timeZone, sheet.book.world.now, () => `[${i}][${j}]`);
    }
    cells.push(out);
  }
  return { target, cells, numCols };
}

/** Grows sheets to the sizes needed, refusing to pass the workbook's cell limit. */
function grow(book: BookData, needs: Map<SheetData, { rows: number; cols: number }>): void {
  checkGrowth(book, needs);
  for (const [sheet, need] of needs) {
    sheet.maxRows = Math.max(sheet.maxRows, need.rows);
    sheet.maxCols = Math.max(sheet.maxCols, need.cols);
  }
}

function checkGrowth(book: BookData, needs: Map<SheetData, { rows: number; cols: number }>): void {
  let extra = 0;
  for (const [sheet, need] of needs) extra += Math.max(need.rows, sheet.maxRows) * Math.max(need.cols, sheet.maxCols) - sheet.maxRows * sheet.maxCols;
  const used = book.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxCols, 0);
  if (used + extra > CELL_LIMIT) throw new BadRequest(API_MSG.tooManyCells);
}

function needsOf(plans: WritePlan[]): Map<SheetData, { rows: number; cols: number }> {
  const needs = new Map<SheetData, { rows: number; cols: number }>();
  for (const { target, cells, numCols } of plans) {
    const need = needs.get(target.sheet) ?? { rows: 0, cols: 0 };
    need.rows = Math.max(need.rows, target.row + cells.length - 1);
    need.cols = Math.max(need.cols, target.col + numCols - 1);
    needs.set(target.sheet, need);
  }
  return needs;
}

/** Writes a plan and describes it as the API does (zero counts are left out). */
function apply(writePlan: WritePlan, args: Record<string, unknown>): UpdateValuesResponse {
  const { target, cells, numCols } = writePlan;
  const rows = new Set<number>();
  const cols = new Set<number>();
  let count = 0;
  cells.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell === undefined) return;
      writeContent(target.sheet, target.row + r, target.col + c, cell);
      rows.add(r);
      cols.add(c);
      count++;
    }),
  );
  const box = { row: target.row, col: target.col, numRows: Math.max(cells.length, 1), numCols: Math.max(numCols, 1) };
  const out: UpdateValuesResponse = { spreadsheetId: target.sheet.book.id, updatedRange: apiA1(target.sheet, box) };
  if (rows.size) Object.assign(out, { updatedRows: rows.size, updatedColumns: cols.size, updatedCells: count });
  if (args.includeValuesInResponse === true) out.updatedData = valueRange(target.sheet, box, renderOptions(args, 'response'));
  return out;
}

/** Values.update: one range. */
export function updateValues(book: BookData, resource: Record<string, unknown>, range: unknown, args: Record<string, unknown>): UpdateValuesResponse {
  const option = inputOption(args.valueInputOption);
  renderOptions(args, 'response');
  const writePlan = plan(writeTarget(parseApiRange(book, range)), resource, option, 'data');
  grow(book, needsOf([writePlan]));
  return apply(writePlan, args);
}

/** Values.batchUpdate: many ranges, all checked before any is written. */
export function batchUpdateValues(book: BookData, body: Record<string, unknown>): GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse {
  const option = inputOption(body.valueInputOption);
  renderOptions(body, 'response');
  const data = Array.isArray(body.data) ? (body.data as Array<Record<string, unknown>>) : [];
  // Each range is checked against the grid as it was before this call.
  const plans = data.map((entry, i) => {
    try {
      return plan(writeTarget(parseApiRange(book, entry?.range)), entry ?? {}, option, `data[${i}]`);
    } catch (error) {
      throw error instanceof BadRequest ? new BadRequest(`Invalid data[${i}]: ${error.message}`) : error;
    }
  });
  grow(book, needsOf(plans));
  const responses = plans.map((writePlan) => apply(writePlan, body));
  const out: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse = { spreadsheetId: book.id };
  const cells = responses.reduce((sum, r) => sum + (r.updatedCells ?? 0), 0);
  if (cells) {
    // Rows and columns with at least one updated cell, each counted once however many ranges touch it.
    const rows = new Set<string>();
    const columns = new Set<string>();
    const sheets = new Set<SheetData>();
    for (const { target, cells: lines } of plans) {
      lines.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell === undefined) return;
          rows.add(`${target.sheet.id}:${target.row + r}`);
          columns.add(`${target.sheet.id}:${target.col + c}`);
          sheets.add(target.sheet);
        }),
      );
    }
    Object.assign(out, { totalUpdatedRows: rows.size, totalUpdatedColumns: columns.size, totalUpdatedCells: cells, totalUpdatedSheets: sheets.size });
  }
  if (responses.length) out.responses = responses;
  return out;
}

function rowHasContent(sheet: SheetData, row: number, col: number, numCols: number): boolean {
  for (let c = col; c < col + numCols; c++) if (hasContent(cellAt(sheet, row, c))) return true;
  return false;
}

/**
 * Finds the table a range points into: the first row with content in the range, grown to the
 * filled rows below it (past the range's end: Google's sample appends with A1:E1 over data in
 * A1:D2 after row 2) and to the adjacent filled columns on both sides, until neither grows.
 */
function findTable(sheet: SheetData, box: { row: number; col: number; numRows: number; numCols: number }) {
  const end = Math.min(box.row + box.numRows - 1, lastRow(sheet));
  let first = box.row;
  while (first <= end && !rowHasContent(sheet, first, box.col, box.numCols)) first++;
  if (first > end) return undefined;
  let [left, right] = [box.col + box.numCols, box.col - 1];
  for (let c = box.col; c < box.col + box.numCols; c++) {
    if (!hasContent(cellAt(sheet, first, c))) continue;
    left = Math.min(left, c);
    right = Math.max(right, c);
  }
  let last = first;
  const columnFilled = (c: number): boolean => {
    for (let r = first; r <= last; r++) if (hasContent(cellAt(sheet, r, c))) return true;
    return false;
  };
  for (let grew = true; grew; ) {
    const before = [last, left, right].join();
    while (last < lastRow(sheet) && rowHasContent(sheet, last + 1, left, right - left + 1)) last++;
    while (left > 1 && columnFilled(left - 1)) left--;
    while (right < sheet.maxCols && columnFilled(right + 1)) right++;
    grew = [last, left, right].join() !== before;
  }
  return { row: first, col: left, numRows: last - first + 1, numCols: right - left + 1 };
}

/** Values.append: after the table found in the range, from the table's first column. */
export function appendValues(book: BookData, resource: Record<string, unknown>, range: unknown, args: Record<string, unknown>): GoogleAppsScript.Sheets.Schema.AppendValuesResponse {
  const option = inputOption(args.valueInputOption);
  const insert = enumOption<'OVERWRITE' | 'INSERT_ROWS'>(args.insertDataOption, ['OVERWRITE', 'INSERT_ROWS'], 'OVERWRITE', 'insert_data_option', 'InsertDataOption');
  renderOptions(args, 'response');
  const searched = parseApiRange(book, range);
  const box = readBox(searched);
  const table = findTable(searched.sheet, box);
  const sheet = searched.sheet;
  const start = table ? { row: table.row + table.numRows, col: table.col } : { row: box.row, col: box.col };
  const target: WriteTarget = { sheet, ...start, text: apiA1(sheet, box) };
  const writePlan = plan(target, resource, option, 'data');
  const inserted = insert === 'INSERT_ROWS' && start.row <= sheet.maxRows ? writePlan.cells.length : 0;
  // The rows inserted and any columns the data needs are checked against the limit together.
  const needs = needsOf([writePlan]);
  needs.get(sheet)!.rows = Math.max(needs.get(sheet)!.rows, sheet.maxRows + inserted);
  checkGrowth(book, needs);
  if (inserted) insertRows(sheet, start.row, inserted, start.row - 1);
  grow(book, needs);
  const out: GoogleAppsScript.Sheets.Schema.AppendValuesResponse = { spreadsheetId: book.id };
  if (table) out.tableRange = apiA1(sheet, table);
  out.updates = apply(writePlan, args);
  return out;
}
