/** Whether the Sheets advanced service is there: shared by configure() and the storage that uses it. */

/** The `Sheets` service when the project enabled it (with its Values API), else null. */
export function enabledSheetsService(): GoogleAppsScript.Sheets | null {
  const api = typeof Sheets === 'undefined' ? undefined : Sheets;
  return api && api.Spreadsheets && api.Spreadsheets.Values ? api : null;
}

/** What is wrong, and what to do, when `configure({ sheetsApi: true })` finds no service. */
export const SHEETS_SERVICE_MISSING =
  'the Sheets advanced service is not enabled: add "Google Sheets API" under Services in the Apps Script editor (or enabledAdvancedServices in appsscript.json).';
