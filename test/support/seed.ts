/** Test helpers: seed sheets from plain arrays into a fresh strict Apps Script and read them back. */
import { createAppsScript, AppsScriptEnv } from '../../src/testing';
import { resetConfig } from '../../src/config';

let current: AppsScriptEnv | null = null;
let uninstall: (() => void) | null = null;

/** A fresh stand-in whose active spreadsheet holds `sheets`, installed as the globals. */
export function seedSheets(
  sheets: Record<string, unknown[][]>,
  options: { timeZone?: string; spreadsheetName?: string; sheetsApi?: boolean } = {},
): AppsScriptEnv {
  cleanup();
  current = createAppsScript({ sheets, ...options });
  uninstall = current.install();
  resetConfig();
  return current;
}

/** The environment seeded last. */
export function gas(): AppsScriptEnv {
  if (!current) throw new Error('seedSheets() first');
  return current;
}

/** The current values of a sheet's used area. */
export function sheetRows(name: string, spreadsheetId?: string): unknown[][] {
  return gas().sheetValues(name, spreadsheetId);
}

/** Uninstalls the stand-in (run after each test). */
export function cleanup(): void {
  if (uninstall) uninstall();
  uninstall = null;
  current = null;
  resetConfig();
}
