/**
 * Reading several sheets in one go with `Sheets.Spreadsheets.Values.batchGet`. The API returns
 * ragged rows (trailing empty cells and rows left out), and a date either as its serial number,
 * which looks like any number, or as the text it shows. The read asks for the text, which numbers
 * never take: a sheet none of whose text could be a date is read in that one call. Sheets with text
 * that could be a date are read again as serial numbers, in a second batchGet; a cell that is text
 * in the first and a number in the second is a date. The values are then exactly what
 * `getDataRange().getValues()` returns.
 */
import { openSpreadsheet, cacheKeyOf, lazyOpened, TableRef } from '../TableRef';
import { Table } from '../Table';
import { isQuotaRefusal, isTransient, log, messageOf, retried } from '../service';
import { getConfig } from '../../config';
import { ServiceError, SheetORMError } from '../../errors';
import { API_PAUSE_MS, bySpreadsheet, giveUpOnApi, isApiUnavailable, quotedSheet, sheetsApi, spreadsheetIdOf, timeZoneOf } from './api';
import { serialToDate } from '../../support/serial';
import { mayShowDate } from './dateText';

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Reads the sheets of several refs with the fewest calls; refs the API cannot read are left out. */
export function batchRead(refs: readonly TableRef[]): Map<string, Table> {
  const api = sheetsApi();
  const tables = new Map<string, Table>();
  if (!api || Date.now() < (readsPausedUntil.get(api) || 0)) return tables;
  const sheets = refs.map((ref): SheetToRead => ({ ref, spreadsheet: openSpreadsheet(ref.spreadsheetId, ref.owner) }));
  // A model pinned to the active spreadsheet's own id reads with the rest.
  for (const found of bySpreadsheet(sheets, (sheet) => sheet.spreadsheet)) {
    // Refused as off for the project: the other spreadsheets' reads would be refused alike.
    if (sheetsApi() !== api) break;
    const group = found.filter((sheet, i) => found.findIndex((other) => other.ref.sheetName === sheet.ref.sheetName) === i);
    // One sheet of a spreadsheet is read at less cost by SpreadsheetApp's single getValues.
    if (group.length > 1) readGroup(api, spreadsheetIdOf(group[0].spreadsheet), group, tables);
  }
  return tables;
}

/** A sheet to read, with the spreadsheet its model opens (the active one, or one opened by id). */
interface SheetToRead {
  ref: TableRef;
  spreadsheet: Spreadsheet;
}

// After a read refused for quota or failing past its retries (a fault of the service), reads go
// through SpreadsheetApp for a minute: each query would otherwise wait through the retries again.
const readsPausedUntil = new WeakMap<object, number>();

// Another execution may change a sheet between the two batchGets; a read whose halves disagree is
// made again, and after that many tries the sheets are left to SpreadsheetApp's single read.
const READ_TRIES = 3;

function readGroup(api: GoogleAppsScript.Sheets, id: string, group: SheetToRead[], tables: Map<string, Table>): void {
  const refs = group.map((sheet) => sheet.ref);
  const ranges = refs.map((ref) => quotedSheet(ref.sheetName));
  for (let attempt = 0; attempt < READ_TRIES; attempt++) {
    const shown = batchGet(api, id, ranges, 'FORMATTED_STRING');
    // A missing sheet fails the whole batch, and a quota refusal would have it wait: SpreadsheetApp reads these sheets.
    if (!shown) return;
    // A1 ranges match sheet names in any case; getSheetByName does not: let it decide.
    if (refs.some((ref, i) => !shown[i] || sheetOfRange(shown[i].range) !== ref.sheetName)) return;
    const values = withDates(api, id, ranges, shown, group[0].spreadsheet);
    if (values === undefined) return;
    if (values.some((sheet) => sheet === null)) continue;
    refs.forEach((ref, i) => {
      const table = tableOf(ref, group[i].spreadsheet, values[i] as unknown[][]);
      if (table) tables.set(cacheKeyOf(ref), table);
    });
    return;
  }
}

/**
 * The values of each range, with serial numbers read for the sheets whose text may hold dates:
 * null for a sheet whose two reads disagree, undefined when the second read cannot be made now.
 */
function withDates(api: GoogleAppsScript.Sheets, id: string, ranges: string[], shown: ValueRange[], spreadsheet: Spreadsheet): (unknown[][] | null)[] | undefined {
  const dated = shown.map((range, i) => (mayHoldDates(range) ? i : -1)).filter((i) => i >= 0);
  const serials = new Map<number, ValueRange>();
  if (dated.length) {
    const serial = batchGet(api, id, dated.map((i) => ranges[i]), 'SERIAL_NUMBER');
    if (!serial || serial.length !== dated.length) return undefined;
    dated.forEach((index, i) => serials.set(index, serial[i]));
  }
  // Asked for at the first date cell: text that only might show a date costs no call.
  let zone: string | null = null;
  const zoneOf = () => (zone === null ? (zone = timeZoneOf(spreadsheet)) : zone);
  return shown.map((range, i) => rectangular(range, serials.get(i) || null, zoneOf));
}

function mayHoldDates(range: ValueRange): boolean {
  return (range.values || []).some((row) => row.some((cell) => typeof cell === 'string' && mayShowDate(cell)));
}

/**
 * The table of a sheet read in the batch, or null when its header is in error: the batch reads
 * sheets a query may never reach (its relations, when it matches nothing), and such a sheet is
 * left to be read, and its error told, only if the query gets there.
 */
function tableOf(ref: TableRef, spreadsheet: Spreadsheet, values: unknown[][]): Table | null {
  try {
    return Table.fromValues(ref, lazyOpened(ref, spreadsheet), values);
  } catch (error) {
    if (error instanceof SheetORMError) return null;
    throw error;
  }
}

/** The sheet name of an A1 range as the API returns it (`'Post Tags'!A1:C7`, `Posts!A1:G6`). */
function sheetOfRange(range: string | undefined): string | null {
  if (!range) return null;
  const name = range.slice(0, range.lastIndexOf('!'));
  return name.charAt(0) === "'" && name.charAt(name.length - 1) === "'" ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** The value ranges, or null when the API did not answer (a range it cannot parse, its quota spent, any other failure). */
function batchGet(api: GoogleAppsScript.Sheets, id: string, ranges: string[], dates: 'SERIAL_NUMBER' | 'FORMATTED_STRING'): ValueRange[] | null {
  try {
    const response = retried(
      `Sheets.Values.batchGet ${ranges.join(', ')} (${dates})`,
      () => api.Spreadsheets!.Values!.batchGet(id, { ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: dates }),
      (error) => isTransient(error) && !isQuotaRefusal(error),
    );
    return response.valueRanges || [];
  } catch (error) {
    // A read changes nothing: whatever the API's failure, SpreadsheetApp reads these sheets instead.
    const cause = error instanceof ServiceError ? error.cause : error;
    if (isApiUnavailable(cause)) giveUpOnApi(api, cause);
    // A refusal of these ranges alone (a sheet not there) says nothing of the next read's.
    else if (isQuotaRefusal(cause) || isTransient(cause)) {
      readsPausedUntil.set(api, Date.now() + API_PAUSE_MS);
      if (getConfig().debug) log(`[sheetorm] Sheets.Values.batchGet failed (${messageOf(cause)}); reads go through SpreadsheetApp for a minute.`);
    }
    return null;
  }
}

/**
 * Pads ragged rows to the widest one and turns date cells into Dates: what getValues() returns.
 * Null when the two reads disagree on anything but date cells (the sheet changed in between).
 */
function rectangular(shown: ValueRange, serial: ValueRange | null, zoneOf: () => string): unknown[][] | null {
  const rows = (shown.values || []) as unknown[][];
  const numbers = serial ? ((serial.values || []) as unknown[][]) : null;
  if (numbers && numbers.length !== rows.length) return null;
  if (!rows.length) return [['']];
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const out = new Array<unknown[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const other = numbers ? numbers[r] : null;
    if (other && other.length !== row.length) return null;
    const cells = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = c < row.length && row[c] !== null && row[c] !== undefined ? row[c] : '';
      const asNumber = other ? other[c] : undefined;
      // Text a date could not show, turned into a number, is a change between the reads, not a date.
      const isDate = typeof cell === 'string' && typeof asNumber === 'number' && mayShowDate(cell);
      if (other && asNumber !== row[c] && !isDate) return null;
      cells[c] = isDate ? serialToDate(asNumber as number, zoneOf()) : cell;
    }
    out[r] = cells;
  }
  return out;
}
