/** Whether the Sheets advanced service is there: shared by configure() and the storage that uses it. */

/**
 * The `Sheets` service when the project enabled it, else null. A stand-in `Sheets` of a test that
 * lacks one of the three calls sheetorm makes counts as none: SpreadsheetApp does the work.
 */
export function enabledSheetsService(): GoogleAppsScript.Sheets | null {
  const api = typeof Sheets === 'undefined' ? undefined : Sheets;
  const spreadsheets = api && api.Spreadsheets;
  const values = spreadsheets && spreadsheets.Values;
  const complete = values && typeof values.batchGet === 'function' && typeof values.batchUpdate === 'function' && typeof (spreadsheets as { batchUpdate?: unknown }).batchUpdate === 'function';
  return complete ? (api as GoogleAppsScript.Sheets) : null;
}

/** What is wrong, and what to do, when `configure({ sheetsApi: true })` finds no service. */
export const SHEETS_SERVICE_MISSING =
  'the Sheets advanced service is not enabled: add "Google Sheets API" under Services in the Apps Script editor (or enabledAdvancedServices in appsscript.json).';
