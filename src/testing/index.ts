/** sheetorm/testing: a strict in-memory Apps Script for tests. */
export { createAppsScript } from './env';
export { sheetsApiError } from './sheets-errors';
export type { SheetsApiError } from './sheets-errors';
export type { AppsScriptEnv, AppsScriptOptions, CallInfo, CallLog } from './types';
