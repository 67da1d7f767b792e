/** The Sheets advanced service, when enabled (detected, or forced with `configure({ sheetsApi })`). */
import { getConfig } from '../../config';
import { SheetORMError } from '../../errors';
import { isNotAllowed, log, messageOf, retried } from '../service';
import { enabledSheetsService, SHEETS_SERVICE_MISSING } from '../../support/sheetsService';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The `Sheets` service to use, or null to stay with SpreadsheetApp. */
export function sheetsApi(): GoogleAppsScript.Sheets | null {
  const setting = getConfig().sheetsApi;
  if (setting === false) return null;
  const api = enabledSheetsService();
  if (api) return givenUp.has(api) ? null : api;
  if (setting === true) throw new SheetORMError(`configure({ sheetsApi: true }), but ${SHEETS_SERVICE_MISSING}`);
  return null;
}

// The advanced service can be on in the manifest while its API is off in the script's Cloud project:
// then every call is refused alike, and SpreadsheetApp does the work for the rest of the execution.
const UNAVAILABLE = /has not been used in project|it is disabled|SERVICE_DISABLED|accessNotConfigured|insufficient authentication scopes/i;
const givenUp = new WeakSet<object>();

/** Whether an error says the project cannot use the Sheets API at all (the call was refused unread). */
export function isApiUnavailable(error: unknown): boolean {
  return !(error instanceof SheetORMError) && (UNAVAILABLE.test(messageOf(error)) || isNotAllowed(error));
}

/** Stops using the API for this execution (logged once, so that the project's owner can enable it). */
export function giveUpOnApi(api: GoogleAppsScript.Sheets, error: unknown): void {
  if (givenUp.has(api)) return;
  givenUp.add(api);
  log(`[sheetorm] The Sheets advanced service failed (${messageOf(error)}); this execution reads and writes through SpreadsheetApp.`);
}

/** How long the API is left alone after it refused a call for quota or failed past its retries (its quotas refill per minute). */
export const API_PAUSE_MS = 60000;

const ids = new WeakMap<Spreadsheet, string>();
const zones = new WeakMap<Spreadsheet, string>();
const sheetIds = new WeakMap<Sheet, number>();

/** The spreadsheet's id (read once). */
export function spreadsheetIdOf(spreadsheet: Spreadsheet): string {
  let id = ids.get(spreadsheet);
  if (id === undefined) {
    id = retried('Spreadsheet.getId', () => spreadsheet.getId());
    ids.set(spreadsheet, id);
  }
  return id;
}

/** Records the id a spreadsheet was opened by, which getId() would only repeat. */
export function rememberSpreadsheetId(spreadsheet: Spreadsheet, id: string): void {
  ids.set(spreadsheet, id);
}

/**
 * Items grouped by spreadsheet: by handle, and when there are several handles, by id (the active
 * spreadsheet may also be opened by its id). One spreadsheet costs no getId call, and one opened
 * by id costs none either.
 */
export function bySpreadsheet<T>(items: readonly T[], spreadsheetOf: (item: T) => Spreadsheet): T[][] {
  const byHandle = new Map<Spreadsheet, T[]>();
  for (const item of items) {
    const handle = spreadsheetOf(item);
    const group = byHandle.get(handle);
    if (group) group.push(item);
    else byHandle.set(handle, [item]);
  }
  if (byHandle.size < 2) return Array.from(byHandle.values());
  const byId = new Map<string, T[]>();
  byHandle.forEach((group, handle) => {
    const id = spreadsheetIdOf(handle);
    byId.set(id, (byId.get(id) || []).concat(group));
  });
  return Array.from(byId.values());
}

/** The spreadsheet's time zone (read once), in which serial dates are counted. */
export function timeZoneOf(spreadsheet: Spreadsheet): string {
  let zone = zones.get(spreadsheet);
  if (zone === undefined) {
    // A test double of Spreadsheet may lack it: the script's zone (else UTC) is the likeliest meant.
    zone = typeof (spreadsheet as Partial<Spreadsheet>).getSpreadsheetTimeZone === 'function' ? retried('Spreadsheet.getSpreadsheetTimeZone', () => spreadsheet.getSpreadsheetTimeZone()) : scriptZone();
    zones.set(spreadsheet, zone);
  }
  return zone;
}

function scriptZone(): string {
  try {
    return typeof Session !== 'undefined' && Session && typeof Session.getScriptTimeZone === 'function' ? Session.getScriptTimeZone() : 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The sheet's numeric id (read once), which batchUpdate requests address. */
export function sheetIdOf(sheet: Sheet): number {
  let id = sheetIds.get(sheet);
  if (id === undefined) {
    id = retried('Sheet.getSheetId', () => sheet.getSheetId());
    sheetIds.set(sheet, id);
  }
  return id;
}

/** `'Post Tags'` for a range naming a whole sheet (quotes doubled inside). */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
