/**
 * Reading several sheets in one go with `Sheets.Spreadsheets.Values.batchGet`. The API returns
 * ragged rows (trailing empty cells and rows left out) and dates as serial numbers, so a second
 * batchGet with FORMATTED_STRING tells date cells (a string there, a number in the first) from
 * plain numbers; the values are then exactly what `getDataRange().getValues()` returns.
 */
import { openSpreadsheet, cacheKeyOf, lazyOpened, TableRef } from '../TableRef';
import { Table } from '../Table';
import { retried } from '../service';
import { quotedSheet, sheetsApi, spreadsheetIdOf, timeZoneOf } from './api';
import { serialToDate } from './serial';

type ValueRange = GoogleAppsScript.Sheets.Schema.ValueRange;

/** Reads the sheets of several refs with the fewest calls; refs the API cannot read are left out. */
export function batchRead(refs: readonly TableRef[]): Map<string, Table> {
  const api = sheetsApi();
  const tables = new Map<string, Table>();
  if (!api) return tables;
  const groups = new Map<string, TableRef[]>();
  for (const ref of refs) {
    const key = ref.spreadsheetId || '';
    const group = groups.get(key) || [];
    if (!group.some((other) => other.sheetName === ref.sheetName)) group.push(ref);
    groups.set(key, group);
  }
  groups.forEach((group) => readGroup(api, group, tables));
  return tables;
}

function readGroup(api: GoogleAppsScript.Sheets, refs: TableRef[], tables: Map<string, Table>): void {
  const spreadsheet = openSpreadsheet(refs[0].spreadsheetId);
  const id = spreadsheetIdOf(spreadsheet);
  const ranges = refs.map((ref) => quotedSheet(ref.sheetName));
  let serial: ValueRange[];
  try {
    serial = batchGet(api, id, ranges, 'SERIAL_NUMBER');
  } catch (error) {
    // A missing sheet fails the whole batch: leave these sheets to SpreadsheetApp, which names it.
    if (/unable to parse range/i.test(String((error as Error).message))) return;
    throw error;
  }
  const needsDates = serial.some((range) => (range.values || []).some((row) => row.some((cell) => typeof cell === 'number')));
  const formatted = needsDates ? batchGet(api, id, ranges, 'FORMATTED_STRING') : null;
  const zone = needsDates ? timeZoneOf(spreadsheet) : '';
  refs.forEach((ref, i) => {
    const values = rectangular(serial[i], formatted ? formatted[i] : null, zone);
    tables.set(cacheKeyOf(ref), Table.fromValues(ref, lazyOpened(ref), values));
  });
}

function batchGet(api: GoogleAppsScript.Sheets, id: string, ranges: string[], dates: 'SERIAL_NUMBER' | 'FORMATTED_STRING'): ValueRange[] {
  const response = retried(`Sheets.Values.batchGet ${ranges.join(', ')} (${dates})`, () =>
    api.Spreadsheets!.Values!.batchGet(id, { ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: dates }),
  );
  return response.valueRanges || [];
}

/** Pads ragged rows to the widest one and turns date cells into Dates: what getValues() returns. */
function rectangular(serial: ValueRange, formatted: ValueRange | null, zone: string): unknown[][] {
  const rows = (serial.values || []) as unknown[][];
  if (!rows.length) return [['']];
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const shown = formatted ? ((formatted.values || []) as unknown[][]) : [];
  return rows.map((row, r) => {
    const cells = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = c < row.length && row[c] !== null && row[c] !== undefined ? row[c] : '';
      const asText = shown[r] ? shown[r][c] : undefined;
      cells[c] = typeof cell === 'number' && typeof asText === 'string' ? serialToDate(cell, zone) : cell;
    }
    return cells;
  });
}
