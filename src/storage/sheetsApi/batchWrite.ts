/**
 * Scattered writes in one call each through the Sheets API: changed-cell blocks in one
 * `Values.batchUpdate` (USER_ENTERED, so the text guard works as with setValues), deletion runs in
 * one `Spreadsheets.batchUpdate` of deleteDimension requests, highest rows first.
 */
import { ServiceError } from '../../errors';
import { isQuotaRefusal, messageOf, once, retried } from '../service';
import { CellBlock, DeleteRun } from '../WritePlan';
import { blockA1 } from '../sameValueBlocks';
import { OpenedSheet } from '../TableRef';
import { API_PAUSE_MS, giveUpOnApi, isApiUnavailable, quotedSheet, sheetIdOf, sheetsApi, spreadsheetIdOf } from './api';

/** Thrown when what a batched call needs (the spreadsheet's or a sheet's id or name) could not be read: the call was never sent. */
export class UnsentCall {
  readonly failure: unknown;

  constructor(failure: unknown) {
    this.failure = failure;
  }
}

/** Reads what a batched call needs, telling a failure there from one of the call itself. */
function beforeSending<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new UnsentCall(error);
  }
}

/** A sheet's changed-cell blocks. */
export interface SheetBlocks {
  opened: OpenedSheet;
  name: string;
  blocks: readonly CellBlock[];
}

/** A sheet's deletion runs, highest rows first. */
export interface SheetRuns {
  opened: OpenedSheet;
  name: string;
  runs: readonly DeleteRun[];
}

/**
 * Writes the cell blocks of several sheets of one spreadsheet with one call (none may hold a Date).
 * False when the API refused it unread (quota, or the API off): nothing was written.
 */
export function batchUpdateCells(sheets: readonly SheetBlocks[]): boolean {
  const api = sheetsApi();
  if (!api || writesPaused(api)) return false;
  const id = beforeSending(() => spreadsheetIdOf(sheets[0].opened.spreadsheet));
  // Ranges go by the name the sheet has now: one renamed since it was opened (and maybe another made
  // under its old name) still gets its own cells, as setValues through its handle would.
  const data = beforeSending(() =>
    sheets.flatMap(({ opened, blocks }) => {
      const name = retried('Sheet.getName', () => opened.sheet.getName());
      return blocks.map((block) => ({ range: `${quotedSheet(name)}!${blockA1(block)}`, values: block.values as unknown[][] }));
    }),
  );
  const label = `Sheets.Values.batchUpdate ${describe(sheets, data.length, 'blocks')}`;
  const call = (): void => {
    api.Spreadsheets!.Values!.batchUpdate({ valueInputOption: 'USER_ENTERED', data }, id);
  };
  // Sent once, as a setValues is: a retry after a pause could reach rows a person has moved.
  return unlessRefused(api, () => once(label, call));
}

const writesPausedUntil = new WeakMap<object, number>();

function writesPaused(api: object): boolean {
  return Date.now() < (writesPausedUntil.get(api) || 0);
}

// A request over the API's 10 MB limit is refused whole; SpreadsheetApp's calls have no such limit.
const TOO_LARGE = /payload size exceeds the limit/i;

/** Runs `fn`; false when the call in it was refused unread (quota, too large, or the API off for the project). */
function unlessRefused(api: GoogleAppsScript.Sheets, fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (TOO_LARGE.test(messageOf(error.cause))) return false;
    if (isQuotaRefusal(error.cause)) {
      // The per-minute quota refills over a minute: until then each refusal would only cost a call.
      writesPausedUntil.set(api, Date.now() + API_PAUSE_MS);
      return false;
    }
    if (!isApiUnavailable(error.cause)) throw error;
    giveUpOnApi(api, error.cause);
    return false;
  }
}

/** Deletes the runs of rows of several sheets of one spreadsheet with one call; false when refused unread (nothing deleted). */
export function batchDeleteRows(sheets: readonly SheetRuns[]): boolean {
  const api = sheetsApi();
  if (!api || writesPaused(api)) return false;
  const id = beforeSending(() => spreadsheetIdOf(sheets[0].opened.spreadsheet));
  const requests = beforeSending(() =>
    sheets.flatMap(({ opened, runs }) => {
      const sheetId = sheetIdOf(opened.sheet);
      return runs.map((run) => ({
        deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: run.start - 1, endIndex: run.start - 1 + run.count } },
      }));
    }),
  );
  // Deletions are never sent twice: one that failed may have moved the rows.
  return unlessRefused(api, () => once(`Sheets.batchUpdate ${describe(sheets, requests.length, 'deletions')}`, () => api.Spreadsheets!.batchUpdate({ requests }, id)));
}

/** `"Posts" 3 blocks`, or `"Posts", "Tags" 5 blocks`. */
function describe(sheets: ReadonlyArray<{ name: string }>, count: number, what: string): string {
  return `${sheets.map(({ name }) => `"${name}"`).join(', ')} ${count} ${what}`;
}

