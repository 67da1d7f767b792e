/**
 * The Sheets advanced service (`Sheets`, REST v4 through Apps Script) over the same World as
 * SpreadsheetApp, so both see the same cells. Argument order is Apps Script's: the resource
 * first, then the spreadsheet id (`Values.update(resource, spreadsheetId, range, optionalArgs)`).
 * Every method call is one counted, hookable call named "Sheets.Spreadsheets.Values.batchGet"
 * and so on; the API's refusals throw what Apps Script throws (GoogleJsonResponseException).
 */
import { invoke } from './calls';
import { clearCells } from './grid';
import type { BookData, World } from './model';
import { batchUpdateSpreadsheet } from './sheets-batch';
import { API_MSG, BadRequest, kitError, NotFound, serve } from './sheets-errors';
import { apiA1, parseApiRange, readBox, sheetOfRange } from './sheets-ranges';
import { checkRequestFields, REQUESTS } from './sheets-schema';
import { spreadsheetResource, withFields } from './sheets-spreadsheet';
import { batchGetValues, getValues } from './sheets-values';
import { appendValues, batchUpdateValues, updateValues } from './sheets-write';

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type BatchUpdateValuesRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest;
type BatchUpdateSpreadsheetRequest = GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest;

const worlds = new WeakMap<object, World>();

const RENDER = ['valueRenderOption', 'dateTimeRenderOption', 'majorDimension', 'fields'];
const RESPONSE = ['valueInputOption', 'includeValuesInResponse', 'responseValueRenderOption', 'responseDateTimeRenderOption', 'fields'];

/** The optional arguments of a call, refusing the names the API does not know. */
function options(optionalArgs: unknown, allowed: string[]): Record<string, unknown> {
  if (optionalArgs === undefined || optionalArgs === null) return {};
  if (typeof optionalArgs !== 'object' || Array.isArray(optionalArgs)) throw kitError('optionalArgs must be an object such as { valueRenderOption: "UNFORMATTED_VALUE" }');
  const args = optionalArgs as Record<string, unknown>;
  const unknown = Object.keys(args).find((name) => !allowed.includes(name));
  if (unknown) throw new BadRequest(API_MSG.unknownParameter(unknown));
  return args;
}

function resource(value: unknown, method: string, type: keyof typeof REQUESTS): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw kitError(`${method} takes the request resource (an object) as its first argument`);
  checkRequestFields(value, REQUESTS[type], '');
  return value as Record<string, unknown>;
}

/** A ValueRange body, whose own range (if any) must be the call's, as the API compares them. */
function valueRange(value: unknown, method: string, range: string): Record<string, unknown> {
  const body = resource(value, method, 'ValueRange');
  if (body.range !== undefined && body.range !== range) throw new BadRequest(`Request range[${range}] does not match value's range[${String(body.range)}]`);
  return body;
}

/** One counted call: hooks first, then the request against the spreadsheet with that id. */
function call<T>(fake: object, name: string, args: IArguments, id: unknown, sheet: string | undefined, body: (book: BookData) => T): T {
  const world = worlds.get(fake)!;
  const rest = name.replace(/^Spreadsheets/, 'spreadsheets').replace('.Values.', '.values.');
  return invoke(world, `Sheets.${name}`, { sheet, spreadsheetId: typeof id === 'string' ? id : undefined }, args, () =>
    serve(rest, () => {
      const book = typeof id === 'string' ? world.books.get(id) : undefined;
      if (!book) throw new NotFound();
      return body(book);
    }),
  );
}

function rangeSheet(fake: object, id: unknown, range: unknown): string | undefined {
  return sheetOfRange(typeof id === 'string' ? worlds.get(fake)!.books.get(id) : undefined, range);
}

class FakeValuesCollection {
  get(spreadsheetId: string, range: string, optionalArgs?: object): ValueRange {
    return call(this, 'Spreadsheets.Values.get', arguments, spreadsheetId, rangeSheet(this, spreadsheetId, range), (book) => {
      const args = options(optionalArgs, RENDER);
      return withFields(getValues(book, range, args), args.fields, 'ValueRange');
    });
  }

  batchGet(spreadsheetId: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
    return call(this, 'Spreadsheets.Values.batchGet', arguments, spreadsheetId, undefined, (book) => {
      const args = options(optionalArgs, ['ranges', ...RENDER]);
      return withFields(batchGetValues(book, args), args.fields, 'BatchGetValuesResponse');
    });
  }

  update(resourceArg: ValueRange, spreadsheetId: string, range: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.UpdateValuesResponse {
    return call(this, 'Spreadsheets.Values.update', arguments, spreadsheetId, rangeSheet(this, spreadsheetId, range), (book) => {
      const args = options(optionalArgs, RESPONSE);
      return withFields(updateValues(book, valueRange(resourceArg, 'Values.update', range), range, args), args.fields, 'UpdateValuesResponse');
    });
  }

  append(resourceArg: ValueRange, spreadsheetId: string, range: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.AppendValuesResponse {
    return call(this, 'Spreadsheets.Values.append', arguments, spreadsheetId, rangeSheet(this, spreadsheetId, range), (book) => {
      const args = options(optionalArgs, ['insertDataOption', ...RESPONSE]);
      return withFields(appendValues(book, valueRange(resourceArg, 'Values.append', range), range, args), args.fields, 'AppendValuesResponse');
    });
  }

  batchUpdate(resourceArg: BatchUpdateValuesRequest, spreadsheetId: string): GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse {
    return call(this, 'Spreadsheets.Values.batchUpdate', arguments, spreadsheetId, undefined, (book) =>
      batchUpdateValues(book, resource(resourceArg, 'Values.batchUpdate', 'BatchUpdateValuesRequest')),
    );
  }

  clear(resourceArg: object, spreadsheetId: string, range: string): GoogleAppsScript.Sheets.Schema.ClearValuesResponse {
    return call(this, 'Spreadsheets.Values.clear', arguments, spreadsheetId, rangeSheet(this, spreadsheetId, range), (book) => {
      resource(resourceArg ?? {}, 'Values.clear', 'ClearValuesRequest');
      return { spreadsheetId: book.id, clearedRange: clearRange(book, range) };
    });
  }

  batchClear(resourceArg: GoogleAppsScript.Sheets.Schema.BatchClearValuesRequest, spreadsheetId: string): GoogleAppsScript.Sheets.Schema.BatchClearValuesResponse {
    return call(this, 'Spreadsheets.Values.batchClear', arguments, spreadsheetId, undefined, (book) => {
      const ranges = resource(resourceArg, 'Values.batchClear', 'BatchClearValuesRequest').ranges;
      const list = Array.isArray(ranges) ? ranges : ranges === undefined ? [] : [ranges];
      list.forEach((range) => readBox(parseApiRange(book, range)));
      return { spreadsheetId: book.id, clearedRanges: list.map((range) => clearRange(book, range)) };
    });
  }
}

/** Empties the values (not the formats) of a range; returns the range cleared. */
function clearRange(book: BookData, range: unknown): string {
  const target = parseApiRange(book, range);
  const box = readBox(target);
  clearCells(target.sheet, box, { content: true, format: false });
  return apiA1(target.sheet, box);
}

class FakeSpreadsheetsCollection {
  Values!: GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;

  get(spreadsheetId: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.Spreadsheet {
    return call(this, 'Spreadsheets.get', arguments, spreadsheetId, undefined, (book) => {
      const args = options(optionalArgs, ['ranges', 'includeGridData', 'fields']);
      return withFields(spreadsheetResource(book, args), args.fields, 'Spreadsheet');
    });
  }

  batchUpdate(resourceArg: BatchUpdateSpreadsheetRequest, spreadsheetId: string): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    return call(this, 'Spreadsheets.batchUpdate', arguments, spreadsheetId, undefined, (book) => {
      resource(resourceArg, 'Spreadsheets.batchUpdate', 'BatchUpdateSpreadsheetRequest');
      return batchUpdateSpreadsheet(book, resourceArg);
    });
  }
}

function blank<T>(fake: object, name: string, args: IArguments): T {
  return invoke(worlds.get(fake)!, `Sheets.${name}`, {}, args, () => ({}) as T);
}

class FakeSheets {
  Spreadsheets!: GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;

  newValueRange(): ValueRange {
    return blank(this, 'newValueRange', arguments);
  }

  newBatchUpdateValuesRequest(): BatchUpdateValuesRequest {
    return blank(this, 'newBatchUpdateValuesRequest', arguments);
  }

  newBatchUpdateSpreadsheetRequest(): BatchUpdateSpreadsheetRequest {
    return blank(this, 'newBatchUpdateSpreadsheetRequest', arguments);
  }

  newRequest(): GoogleAppsScript.Sheets.Schema.Request {
    return blank(this, 'newRequest', arguments);
  }

  newDimensionRange(): GoogleAppsScript.Sheets.Schema.DimensionRange {
    return blank(this, 'newDimensionRange', arguments);
  }

  newDeleteDimensionRequest(): GoogleAppsScript.Sheets.Schema.DeleteDimensionRequest {
    return blank(this, 'newDeleteDimensionRequest', arguments);
  }

  newInsertDimensionRequest(): GoogleAppsScript.Sheets.Schema.InsertDimensionRequest {
    return blank(this, 'newInsertDimensionRequest', arguments);
  }

  newAppendDimensionRequest(): GoogleAppsScript.Sheets.Schema.AppendDimensionRequest {
    return blank(this, 'newAppendDimensionRequest', arguments);
  }
}

/** Creates the `Sheets` advanced service of a world. */
export function makeSheetsApi(world: World): GoogleAppsScript.Sheets {
  const values = new FakeValuesCollection();
  const spreadsheets = new FakeSpreadsheetsCollection();
  const sheets = new FakeSheets();
  for (const fake of [values, spreadsheets, sheets]) worlds.set(fake, world);
  spreadsheets.Values = values as unknown as GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;
  sheets.Spreadsheets = spreadsheets as unknown as GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
  return sheets as unknown as GoogleAppsScript.Sheets;
}

/** The fake classes, for the compile-time API check. */
export type { FakeSheets, FakeSpreadsheetsCollection, FakeValuesCollection };
