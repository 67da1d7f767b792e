/**
 * Spreadsheets.get: the spreadsheet's properties and each sheet's properties (title, sheetId,
 * index, grid size, frozen rows), narrowed by `ranges` and by a `fields` mask such as
 * "sheets.properties", "sheets(properties(title,sheetId))" or "properties.timeZone". Grid data
 * (`includeGridData`) is not simulated. The `fields` mask works on every method's response.
 */
import type { BookData, SheetData } from './model';
import { BadRequest, kitError } from './sheets-errors';
import { parseApiRange } from './sheets-ranges';
import { checkMask, Mask, RESPONSES } from './sheets-schema';

type Spreadsheet = GoogleAppsScript.Sheets.Schema.Spreadsheet;


function parseMask(text: string): Mask {
  let at = 0;
  const fail = () => new BadRequest(`Invalid field selection ${text}`);
  // element := name ("." element | "/" element | "(" list ")")?
  const element = (): [string, Mask | true] => {
    // Spaces are not allowed: kept in the name, they make a path that matches nothing.
    const name = /^\s*[A-Za-z_*][A-Za-z0-9_]*/.exec(text.slice(at))?.[0];
    if (!name) throw fail();
    at += name.length;
    if (text[at] === '.' || text[at] === '/') {
      at++;
      return [name, new Map([element()])];
    }
    if (text[at] !== '(') return [name, true];
    at++;
    const sub = list();
    if (text[at++] !== ')') throw fail();
    return [name, sub];
  };
  // list := element ("," element)*
  const list = (): Mask => {
    const mask: Mask = new Map();
    do {
      const [name, sub] = element();
      mask.set(name, mask.has(name) ? merge(mask.get(name)!, sub) : sub);
    } while (text[at] === ',' && ++at);
    return mask;
  };
  const mask = list();
  if (at !== text.length) throw fail();
  return mask;
}

function merge(a: Mask | true, b: Mask | true): Mask | true {
  if (a === true || b === true) return true;
  const out: Mask = new Map(a);
  for (const [key, sub] of b) out.set(key, out.has(key) ? merge(out.get(key)!, sub) : sub);
  return out;
}

function applyMask(value: unknown, mask: Mask | true): unknown {
  if (mask === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => applyMask(item, mask));
  if (mask.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = applyMask(field, sub);
  }
  return out;
}

/** Narrows a response to the `fields` mask of a request, if it has one. */
export function withFields<T>(response: T, fields: unknown, type: keyof typeof RESPONSES): T {
  if (fields === undefined || fields === null || fields === '' || fields === '*') return response;
  if (typeof fields !== 'string') throw kitError('optionalArgs.fields must be a string such as "sheets.properties"');
  const mask = parseMask(fields);
  checkMask(mask, RESPONSES[type]);
  return applyMask(response, mask) as T;
}

function sheetProperties(sheet: SheetData, index: number): GoogleAppsScript.Sheets.Schema.SheetProperties {
  const gridProperties: GoogleAppsScript.Sheets.Schema.GridProperties = { rowCount: sheet.maxRows, columnCount: sheet.maxCols };
  if (sheet.frozenRows) gridProperties.frozenRowCount = sheet.frozenRows;
  return { sheetId: sheet.id, title: sheet.name, index, sheetType: 'GRID', gridProperties };
}

/** The Spreadsheet resource of a book (only the sheets `ranges` name, when given). */
export function spreadsheetResource(book: BookData, args: Record<string, unknown> = {}): Spreadsheet {
  if (args.includeGridData === true) throw kitError('includeGridData (cell data in Spreadsheets.get) is not simulated; read values with Values.batchGet');
  const ranges = args.ranges === undefined ? [] : Array.isArray(args.ranges) ? args.ranges : [args.ranges];
  const named = new Set(ranges.map((range) => parseApiRange(book, range).sheet));
  return {
    spreadsheetId: book.id,
    properties: { title: book.name, locale: book.locale, autoRecalc: 'ON_CHANGE', timeZone: book.timeZone },
    sheets: book.sheets
      .map((sheet, index) => ({ sheet, index }))
      .filter(({ sheet }) => named.size === 0 || named.has(sheet))
      .map(({ sheet, index }) => ({ properties: sheetProperties(sheet, index) })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${book.id}/edit`,
  };
}
