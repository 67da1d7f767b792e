/**
 * The fields of the Sheets API messages the kit serves, so that a misspelt field fails as it does
 * against the real API (400 "Unknown name …: Cannot find field.") instead of being ignored, and a
 * `fields` mask naming nothing fails too. `true` marks a leaf, or a message the kit does not model.
 */
import { BadRequest, kitError } from './sheets-errors';

type Schema = { [field: string]: Schema | true };

const VALUE_RANGE: Schema = { range: true, majorDimension: true, values: true };
const DIMENSION_RANGE: Schema = { sheetId: true, dimension: true, startIndex: true, endIndex: true };

/** Request messages, by the name a request body or request kind has. */
export const REQUESTS: Record<string, Schema> = {
  ValueRange: VALUE_RANGE,
  BatchUpdateValuesRequest: {
    valueInputOption: true,
    data: VALUE_RANGE,
    includeValuesInResponse: true,
    responseValueRenderOption: true,
    responseDateTimeRenderOption: true,
  },
  BatchClearValuesRequest: { ranges: true },
  ClearValuesRequest: {},
  BatchUpdateSpreadsheetRequest: { requests: true, includeSpreadsheetInResponse: true, responseRanges: true, responseIncludeGridData: true },
  deleteDimension: { range: DIMENSION_RANGE },
  insertDimension: { range: DIMENSION_RANGE, inheritFromBefore: true },
  appendDimension: { sheetId: true, dimension: true, length: true },
};

const SHEET: Schema = {
  properties: {
    sheetId: true,
    title: true,
    index: true,
    sheetType: true,
    gridProperties: { rowCount: true, columnCount: true, frozenRowCount: true, frozenColumnCount: true, hideGridlines: true, rowGroupControlAfter: true, columnGroupControlAfter: true },
    hidden: true,
    tabColor: true,
    tabColorStyle: true,
    rightToLeft: true,
    dataSourceSheetProperties: true,
  },
  ...Object.fromEntries(
    'data merges conditionalFormats filterViews protectedRanges basicFilter charts bandedRanges developerMetadata rowGroups columnGroups slicers tables'
      .split(' ')
      .map((name) => [name, true as const]),
  ),
};
const UPDATE_VALUES: Schema = { spreadsheetId: true, updatedRange: true, updatedRows: true, updatedColumns: true, updatedCells: true, updatedData: VALUE_RANGE };

/** Response messages, for `fields` masks. */
export const RESPONSES: Record<string, Schema> = {
  ValueRange: VALUE_RANGE,
  BatchGetValuesResponse: { spreadsheetId: true, valueRanges: VALUE_RANGE },
  UpdateValuesResponse: UPDATE_VALUES,
  AppendValuesResponse: { spreadsheetId: true, tableRange: true, updates: UPDATE_VALUES },
  Spreadsheet: {
    spreadsheetId: true,
    properties: {
      title: true,
      locale: true,
      autoRecalc: true,
      timeZone: true,
      defaultFormat: true,
      iterativeCalculationSettings: true,
      spreadsheetTheme: true,
      importFunctionsExternalUrlAccessAllowed: true,
    },
    sheets: SHEET,
    namedRanges: true,
    spreadsheetUrl: true,
    developerMetadata: true,
    dataSources: true,
    dataSourceSchedules: true,
  },
};

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}

/**
 * Refuses fields a request message does not have (`at` is the API's path for the message, in its
 * snake_case: "requests[0].delete_dimension"). Repeated fields must be lists.
 */
export function checkRequestFields(value: unknown, schema: Schema, at: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [name, field] of Object.entries(value as Record<string, unknown>)) {
    const known = schema[name];
    if (known === undefined) {
      throw new BadRequest(`Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ''}: Cannot find field.`);
    }
    const path = at ? `${at}.${snake(name)}` : snake(name);
    if (name === 'data' || name === 'requests') {
      if (!Array.isArray(field)) throw kitError(`${path} is a repeated field: pass an array`);
      if (known !== true) field.forEach((item, i) => checkRequestFields(item, known, `${path}[${i}]`));
    } else if (known !== true) {
      checkRequestFields(field, known, path);
    }
  }
}

/** A parsed `fields` mask: each field either whole (true) or narrowed further. */
export type Mask = Map<string, Mask | true>;

/** Refuses a mask path the response message does not have, as the API does. */
export function checkMask(mask: Mask, schema: Schema, at = ''): void {
  for (const [name, sub] of mask) {
    if (name === '*') continue;
    const path = at ? `${at}.${name}` : name;
    const known = schema[name];
    if (known === undefined) throw new BadRequest(`Error expanding 'fields' parameter. Cannot find matching fields for path '${firstLeaf(path, sub)}'.`);
    if (known !== true && sub !== true) checkMask(sub, known, path);
  }
}

function firstLeaf(path: string, sub: Mask | true): string {
  if (sub === true) return path;
  const [name, next] = sub.entries().next().value as [string, Mask | true];
  return firstLeaf(`${path}.${name}`, next);
}
