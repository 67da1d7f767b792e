/**
 * Reading several sheets in one go with `Sheets.Spreadsheets.Values.batchGet`. The API returns
 * ragged rows (trailing empty cells and rows left out) and dates as serial numbers, so a second
 * batchGet with FORMATTED_STRING tells date cells (a string there, a number in the first) from
 * plain numbers; the values are then exactly what `getDataRange().getValues()` returns.
 */
import { openSpreadsheet, cacheKeyOf, lazyOpened, TableRef } from '../TableRef';
import { Table } from '../Table';
import { isQuotaRefusal, isTransient, messageOf, retried } from '../service';
import { ServiceError } from '../../errors';
import { bySpreadsheet, quotedSheet, sheetsApi, spreadsheetIdOf, timeZoneOf } from './api';
import { serialToDate } from '../../support/serial';

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;

/** Reads the sheets of several refs with the fewest calls; refs the API cannot read are left out. */
export function batchRead(refs: readonly TableRef[]): Map<string, Table> {
  const api = sheetsApi();
  const tables = new Map<string, Table>();
  if (!api || Date.now() < (readQuotaSpentUntil.get(api) || 0)) return tables;
  const sheets = refs.map((ref): SheetToRead => ({ ref, spreadsheet: openSpreadsheet(ref.spreadsheetId, ref.owner) }));
  // A model pinned to the active spreadsheet's own id reads with the rest.
  for (const found of bySpreadsheet(sheets, (sheet) => sheet.spreadsheet)) {
    const group = found.filter((sheet, i) => found.findIndex((other) => other.ref.sheetName === sheet.ref.sheetName) === i);
    // One sheet of a spreadsheet is read at less cost by SpreadsheetApp's single getValues.
    if (group.length > 1) readGroup(api, spreadsheetIdOf(group[0].spreadsheet), group, tables);
  }
  return tables;
}

/** A sheet to read, with the spreadsheet its model opens (the active one, or one opened by id). */
interface SheetToRead {
  ref: TableRef;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

// After a refusal for the per-minute read quota, reads go through SpreadsheetApp until the minute is out.
const readQuotaSpentUntil = new WeakMap<object, number>();
const QUOTA_MINUTE = 60000;

// Another execution may change a sheet between the two batchGets; a read whose halves disagree is
// made again, and after that many tries the sheets are left to SpreadsheetApp's single read.
const READ_TRIES = 3;

function readGroup(api: GoogleAppsScript.Sheets, id: string, group: SheetToRead[], tables: Map<string, Table>): void {
  const refs = group.map((sheet) => sheet.ref);
  const spreadsheet = group[0].spreadsheet;
  const ranges = refs.map((ref) => quotedSheet(ref.sheetName));
  for (let attempt = 0; attempt < READ_TRIES; attempt++) {
    const serial = batchGet(api, id, ranges, 'SERIAL_NUMBER');
    // A missing sheet fails the whole batch, and a quota refusal would have it wait: SpreadsheetApp reads these sheets.
    if (!serial) return;
    // A1 ranges match sheet names in any case; getSheetByName does not: let it decide.
    if (refs.some((ref, i) => !serial[i] || sheetOfRange(serial[i].range) !== ref.sheetName)) return;
    const needsDates = serial.some((range) => (range.values || []).some((row) => row.some((cell) => typeof cell === 'number')));
    const formatted = needsDates ? batchGet(api, id, ranges, 'FORMATTED_STRING') : null;
    if (needsDates && !formatted) return;
    const zone = needsDates ? timeZoneOf(spreadsheet) : '';
    const values = refs.map((ref, i) => rectangular(serial[i], formatted ? formatted[i] : null, zone));
    if (values.some((sheet) => sheet === null)) continue;
    refs.forEach((ref, i) => tables.set(cacheKeyOf(ref), Table.fromValues(ref, lazyOpened(ref, group[i].spreadsheet), values[i] as unknown[][])));
    return;
  }
}

/** The sheet name of an A1 range as the API returns it (`'Post Tags'!A1:C7`, `Posts!A1:G6`). */
function sheetOfRange(range: string | undefined): string | null {
  if (!range) return null;
  const name = range.slice(0, range.lastIndexOf('!'));
  return name.charAt(0) === "'" && name.charAt(name.length - 1) === "'" ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** The value ranges, or null when the API cannot answer now (a range it cannot parse, its quota spent). */
function batchGet(api: GoogleAppsScript.Sheets, id: string, ranges: string[], dates: 'SERIAL_NUMBER' | 'FORMATTED_STRING'): ValueRange[] | null {
  try {
    const response = retried(
      `Sheets.Values.batchGet ${ranges.join(', ')} (${dates})`,
      () => api.Spreadsheets!.Values!.batchGet(id, { ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: dates }),
      (error) => isTransient(error) && !isQuotaRefusal(error),
    );
    return response.valueRanges || [];
  } catch (error) {
    const cause = error instanceof ServiceError ? error.cause : error;
    if (isQuotaRefusal(cause)) readQuotaSpentUntil.set(api, Date.now() + QUOTA_MINUTE);
    if (isQuotaRefusal(cause) || /unable to parse range/i.test(messageOf(cause))) return null;
    throw error;
  }
}

/**
 * Pads ragged rows to the widest one and turns date cells into Dates: what getValues() returns.
 * Null when the two reads disagree on anything but date cells (the sheet changed in between).
 */
function rectangular(serial: ValueRange, formatted: ValueRange | null, zone: string): unknown[][] | null {
  const rows = (serial.values || []) as unknown[][];
  const shown = formatted ? ((formatted.values || []) as unknown[][]) : null;
  if (shown && shown.length !== rows.length) return null;
  if (!rows.length) return [['']];
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const out = new Array<unknown[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const other = shown ? shown[r] : null;
    if (other && other.length !== row.length) return null;
    const cells = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = c < row.length && row[c] !== null && row[c] !== undefined ? row[c] : '';
      const asText = other ? other[c] : undefined;
      if (other && asText !== row[c] && !(typeof cell === 'number' && typeof asText === 'string')) return null;
      cells[c] = typeof cell === 'number' && typeof asText === 'string' ? serialToDate(cell, zone) : cell;
    }
    out[r] = cells;
  }
  return out;
}
