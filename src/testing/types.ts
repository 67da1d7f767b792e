/// <reference types="google-apps-script" preserve="true" />
/** The public types of sheetorm/testing. */

/** Options of createAppsScript(). */
export interface AppsScriptOptions {
  /** Seed of the active spreadsheet: sheet name → rows (row 1 = header). "=..." strings are formulas. */
  sheets?: Record<string, unknown[][]>;
  /** Default "Test Spreadsheet". */
  spreadsheetName?: string;
  /** Default: generated. */
  spreadsheetId?: string;
  /** Default "Etc/UTC". */
  timeZone?: string;
  /** Enables the Sheets advanced service (the `Sheets` global), as in appsscript.json. Default false. */
  sheetsApi?: boolean;
}

/** One counted call on a fake service object. */
export interface CallInfo {
  /** "<Interface>.<method>", e.g. "Range.getValues", "Lock.tryLock". */
  method: string;
  sheet?: string;
  spreadsheetId?: string;
  execution: string;
  args: unknown[];
}

/** The record of counted calls. */
export interface CallLog {
  all(): CallInfo[];
  /** Calls of one method (all calls when omitted), optionally on one sheet or by one execution. */
  count(method?: string, filter?: { sheet?: string; execution?: string }): number;
  /** Range.getValues/getDisplayValues/getFormulas/getValue/getFormula/getDisplayValue calls. */
  reads(sheet?: string): number;
  /** Range.setValues/setValue/setFormulas/setFormula/sort, Sheet.appendRow and RangeList.setValue calls. */
  writes(sheet?: string): number;
  byMethod(): Record<string, number>;
  reset(): void;
}

/** An in-memory Apps Script: the services, plus controls and inspection for tests. */
export interface AppsScriptEnv {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  Session: GoogleAppsScript.Base.Session;
  /** The Sheets advanced service, present only with `sheetsApi: true`. */
  Sheets?: GoogleAppsScript.Sheets;
  /** Assigns the services onto `target` (default globalThis); returns a function restoring it. */
  install(target?: object): () => void;
  /** The services as a plain object (for vm contexts or gas-local). */
  globals(): Record<string, unknown>;
  /** Adds a spreadsheet that SpreadsheetApp.openById can open. */
  addSpreadsheet(sheets: Record<string, unknown[][]>, options?: { name?: string; id?: string }): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The active spreadsheet. */
  active: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Current values of the used area ("" for empty cells), without counting a call. */
  sheetValues(sheetName: string, spreadsheetId?: string): unknown[][];
  /** Formulas of the used area ("" where there is none), without counting a call. */
  sheetFormulas(sheetName: string, spreadsheetId?: string): string[][];
  calls: CallLog;
  /** Runs fn as simulated execution `execution`; its locks are released when its outermost run ends. */
  run<T>(execution: string, fn: () => T): T;
  currentExecution(): string;
  /** Runs `hook` before every counted call (it may throw or run another execution); returns an unsubscribe. */
  beforeCall(hook: (call: CallInfo) => void): () => void;
  /** What Logger.log printed. */
  logs: string[];
  /** The fake clock used by Utilities.sleep, lock timeouts and cache expiry. */
  clock: { now(): number; advance(ms: number): void };
}
