/**
 * Scattered writes in one call each through the Sheets API: changed-cell blocks in one
 * `Values.batchUpdate` (USER_ENTERED, so the text guard works as with setValues), deletion runs in
 * one `Spreadsheets.batchUpdate` of deleteDimension requests, highest rows first.
 */
import { isDate } from '../../support/values';
import { columnLetter } from '../Header';
import { isQuotaRefusal, retried } from '../service';
import { CellBlock, DeleteRun } from '../WritePlan';
import { OpenedSheet } from '../TableRef';
import { quotedSheet, sheetIdOf, sheetsApi, spreadsheetIdOf } from './api';

/** Whether blocks are worth one batched call and the API can carry them (a Date needs SpreadsheetApp). */
export function canBatchCells(blocks: readonly CellBlock[]): boolean {
  // Through the API a Date would land as a bare serial number, without the date format setValues gives it.
  return blocks.length > 1 && !blocks.some((block) => block.values.some((row) => row.some(isDate)));
}

/** Writes several cell blocks with one call; false when the API is off or can't carry them. */
export function batchUpdateCells(opened: OpenedSheet, name: string, blocks: readonly CellBlock[]): boolean {
  const api = sheetsApi();
  if (!api || !canBatchCells(blocks)) return false;
  const id = spreadsheetIdOf(opened.spreadsheet);
  const data = blocks.map((block) => ({ range: `${quotedSheet(name)}!${a1(block)}`, values: block.values as unknown[][] }));
  retried(`Sheets.Values.batchUpdate "${name}" ${blocks.length} blocks`, () =>
    api.Spreadsheets!.Values!.batchUpdate({ valueInputOption: 'USER_ENTERED', data }, id),
  );
  return true;
}

/** Deletes several runs of rows with one call; false when the API is off or there is one run. */
export function batchDeleteRows(opened: OpenedSheet, name: string, runs: readonly DeleteRun[]): boolean {
  const api = sheetsApi();
  if (!api || runs.length < 2) return false;
  const id = spreadsheetIdOf(opened.spreadsheet);
  const sheetId = sheetIdOf(opened.sheet);
  const requests = runs.map((run) => ({
    deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: run.start - 1, endIndex: run.start - 1 + run.count } },
  }));
  // A batchUpdate applies all its requests or none: one refused for quota can be sent again.
  retried(`Sheets.batchUpdate "${name}" ${runs.length} deletions`, () => api.Spreadsheets!.batchUpdate({ requests }, id), isQuotaRefusal);
  return true;
}

function a1(block: CellBlock): string {
  const rows = block.values.length;
  const columns = block.values[0].length;
  const start = `${columnLetter(block.column)}${block.row}`;
  return rows === 1 && columns === 1 ? start : `${start}:${columnLetter(block.column + columns - 1)}${block.row + rows - 1}`;
}
