/** sheetorm/testing: a strict in-memory Apps Script for tests. */
export { createAppsScript } from './env';
export type { AppsScriptEnv, AppsScriptOptions, CallInfo, CallLog } from './types';
