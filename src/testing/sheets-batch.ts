/**
 * Spreadsheets.batchUpdate with deleteDimension, insertDimension and appendDimension requests.
 * Requests apply in order, each to the sheet as the previous ones left it; every request is
 * checked before any is applied, so one refused request changes nothing. Cells move and formulas
 * follow as with SpreadsheetApp's deleteRows/insertRows (structure.ts). Other kinds of request
 * are real but not simulated: they throw the kit's TypeError rather than pretend.
 */
import { CELL_LIMIT } from './grid';
import type { BookData, SheetData } from './model';
import { API_MSG, BadRequest, kitError } from './sheets-errors';
import { checkRequestFields, REQUESTS } from './sheets-schema';
import { spreadsheetResource } from './sheets-spreadsheet';
import { enumOption } from './sheets-values';
import { applyShifts, deleteColumns, deleteRows, insertColumns, insertRows, PendingShifts } from './structure';

type DimensionRange = GoogleAppsScript.Sheets.Schema.DimensionRange;

const REQUEST_KINDS = (
  'addBanding addChart addConditionalFormatRule addDimensionGroup addFilterView addNamedRange addProtectedRange addSheet ' +
  'addTable appendCells appendDimension autoFill autoResizeDimensions clearBasicFilter copyPaste createDeveloperMetadata ' +
  'cutPaste deleteBanding deleteConditionalFormatRule deleteDeveloperMetadata deleteDimension deleteDimensionGroup ' +
  'deleteEmbeddedObject deleteFilterView deleteNamedRange deleteProtectedRange deleteRange deleteSheet deleteTable ' +
  'duplicateFilterView duplicateSheet findReplace insertDimension insertRange mergeCells moveDimension pasteData ' +
  'randomizeRange repeatCell setBasicFilter setDataValidation sortRange textToColumns trimWhitespace unmergeCells ' +
  'updateBanding updateBorders updateCells updateChartSpec updateConditionalFormatRule updateDeveloperMetadata ' +
  'updateDimensionGroup updateDimensionProperties updateEmbeddedObjectPosition updateFilterView updateNamedRange ' +
  'updateProtectedRange updateSheetProperties updateSpreadsheetProperties updateTable deleteDuplicates'
).split(' ');

/** A sheet's size as the requests before this one left it. */
interface Dims {
  rows: number;
  cols: number;
  frozen: number;
}

/** What checking the requests so far has established, and the changes to make. */
interface Batch {
  book: BookData;
  dims: Map<SheetData, Dims>;
  cells: number;
  changes: Array<(pending: PendingShifts) => void>;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}

function sheetFor(batch: Batch, id: unknown, fail: (message: string) => BadRequest): { sheet: SheetData; dims: Dims } {
  const sheet = batch.book.sheets.find((s) => s.id === (id ?? 0));
  if (!sheet) throw fail(API_MSG.noGrid(id ?? 0));
  const dims = batch.dims.get(sheet) ?? { rows: sheet.maxRows, cols: sheet.maxCols, frozen: sheet.frozenRows };
  batch.dims.set(sheet, dims);
  return { sheet, dims };
}

function index(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  // JSON's int32 fields take numbers or numeric strings.
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw kitError(`${name} must be a whole number >= 0 (got ${JSON.stringify(value)})`);
  return value;
}

function grow(batch: Batch, extra: number, fail: (message: string) => BadRequest): void {
  if (batch.cells + extra > CELL_LIMIT) throw fail(API_MSG.tooManyCells);
  batch.cells += extra;
}

function dimensionOf(range: DimensionRange | undefined, field: string): 'ROWS' | 'COLUMNS' {
  if (!range || typeof range !== 'object') throw kitError(`${field} needs a range { sheetId, dimension, startIndex, endIndex }`);
  const dimension = enumOption<'ROWS' | 'COLUMNS' | 'DIMENSION_UNSPECIFIED'>(range.dimension, ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED'], 'DIMENSION_UNSPECIFIED', `${field}.range.dimension`, 'Dimension');
  if (dimension === 'DIMENSION_UNSPECIFIED') throw kitError(`${field}.range.dimension must be "ROWS" or "COLUMNS"`);
  return dimension;
}

function deleteDimension(batch: Batch, request: { range?: DimensionRange }, i: number): void {
  const fail = (message: string) => new BadRequest(`Invalid requests[${i}].deleteDimension: ${message}`);
  const rows = dimensionOf(request.range, `requests[${i}].delete_dimension`) === 'ROWS';
  const { sheet, dims } = sheetFor(batch, request.range!.sheetId, fail);
  const size = rows ? dims.rows : dims.cols;
  const start = index(request.range!.startIndex, 'startIndex') ?? 0;
  const end = index(request.range!.endIndex, 'endIndex') ?? size;
  if (end > size) throw fail(API_MSG.deleteMissing(rows ? 'row' : 'column', Math.max(start, size), size));
  if (start >= end) throw fail(API_MSG.badDimensionRange);
  const count = end - start;
  if (rows && count >= size) throw fail(dims.frozen ? API_MSG.deleteNonFrozen : API_MSG.deleteEveryRow);
  if (rows && size - count <= dims.frozen) throw fail(API_MSG.deleteNonFrozen);
  if (!rows && count >= size) throw fail(API_MSG.deleteEveryColumn);
  batch.cells -= count * (rows ? dims.cols : dims.rows);
  if (rows) dims.rows -= count;
  else dims.cols -= count;
  batch.changes.push((pending) => (rows ? deleteRows(sheet, start + 1, count, pending) : deleteColumns(sheet, start + 1, count, pending)));
}

function insertDimension(batch: Batch, request: { range?: DimensionRange; inheritFromBefore?: boolean }, i: number): void {
  const fail = (message: string) => new BadRequest(`Invalid requests[${i}].insertDimension: ${message}`);
  const rows = dimensionOf(request.range, `requests[${i}].insert_dimension`) === 'ROWS';
  const { sheet, dims } = sheetFor(batch, request.range!.sheetId, fail);
  const size = rows ? dims.rows : dims.cols;
  const start = index(request.range!.startIndex, 'startIndex') ?? 0;
  const end = index(request.range!.endIndex, 'endIndex') ?? start;
  const inherit = request.inheritFromBefore === true;
  if (start > size) throw fail(API_MSG.insertPastEnd(size));
  if (start === size && !inherit) throw fail(API_MSG.insertAtEnd(size));
  if (start >= end) throw fail(API_MSG.badDimensionRange);
  const count = end - start;
  grow(batch, count * (rows ? dims.cols : dims.rows), fail);
  if (rows) dims.rows += count;
  else dims.cols += count;
  // New rows take the formats of the row before them, or of the row after (inheritFromBefore false).
  batch.changes.push((pending) =>
    rows ? insertRows(sheet, start + 1, count, inherit ? start : start + count + 1, pending) : insertColumns(sheet, start + 1, count, pending),
  );
}

function appendDimension(batch: Batch, request: { sheetId?: number; dimension?: string; length?: number }, i: number): void {
  const fail = (message: string) => new BadRequest(`Invalid requests[${i}].appendDimension: ${message}`);
  const rows = dimensionOf({ dimension: request.dimension }, `requests[${i}].append_dimension`) === 'ROWS';
  const { sheet, dims } = sheetFor(batch, request.sheetId, fail);
  const length = index(request.length, 'length') ?? 0;
  if (length < 1) throw kitError(`requests[${i}].appendDimension.length must be at least 1`);
  grow(batch, length * (rows ? dims.cols : dims.rows), fail);
  const at = (rows ? dims.rows : dims.cols) + 1;
  if (rows) dims.rows += length;
  else dims.cols += length;
  batch.changes.push((pending) => (rows ? insertRows(sheet, at, length, at - 1, pending) : insertColumns(sheet, at, length, pending)));
}

const SIMULATED: Record<string, (batch: Batch, request: never, i: number) => void> = { deleteDimension, insertDimension, appendDimension };

/** Spreadsheets.batchUpdate: checks every request, then applies them in order. */
export function batchUpdateSpreadsheet(book: BookData, body: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
  const requests = Array.isArray(body.requests) ? body.requests : [];
  if (requests.length === 0) throw new BadRequest(API_MSG.noRequests);
  const batch: Batch = { book, dims: new Map(), cells: book.sheets.reduce((sum, s) => sum + s.maxRows * s.maxCols, 0), changes: [] };
  requests.forEach((request, i) => {
    const kinds = Object.keys(request ?? {});
    const unknown = kinds.find((kind) => !REQUEST_KINDS.includes(kind));
    if (unknown) throw new BadRequest(API_MSG.unknownRequestField(unknown, i));
    if (kinds.length !== 1) throw kitError(`requests[${i}] must hold exactly one kind of request (got ${kinds.join(', ') || 'none'})`);
    const run = SIMULATED[kinds[0]];
    if (!run) throw kitError(`requests[${i}].${kinds[0]} (${snake(kinds[0])}) is a real request the kit does not simulate`);
    checkRequestFields((request as Record<string, unknown>)[kinds[0]], REQUESTS[kinds[0]], `requests[${i}].${snake(kinds[0])}`);
    run(batch, (request as Record<string, never>)[kinds[0]], i);
  });
  // Cells move request by request; every formula is then rewritten once for all the moves.
  const pending: PendingShifts = [];
  batch.changes.forEach((change) => change(pending));
  applyShifts(book, pending);
  const out: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse = { spreadsheetId: book.id, replies: requests.map(() => ({})) };
  if (body.includeSpreadsheetInResponse) out.updatedSpreadsheet = spreadsheetResource(book, { ranges: body.responseRanges });
  return out;
}
