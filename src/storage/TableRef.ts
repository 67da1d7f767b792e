/** Which sheet a model or relation lives in, and how to open it (with a per-execution handle cache). */
import { configGeneration, getConfig } from '../config';
import { ServiceError, SheetNotFoundError, SheetORMError } from '../errors';
import { adviceOn, isNotAllowed, messageOf, once, retried } from './service';
import { rememberSpreadsheetId } from './sheetsApi/api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sheet as models and relations name it. */
export interface TableRef {
  /** The sheet's name (`_table`). */
  sheetName: string;
  /** A pinned spreadsheet (`_spreadsheetId`), else the configured one. */
  spreadsheetId?: string | null;
  /** Who asks, for error messages: `Post` or `Post.tags`. */
  owner: string;
  /** Columns that identify a row (the primary key), used to find rows again under the lock. */
  keyColumns: readonly string[];
  /** Where those are set (`RoleUser._primaryKey`), for the message when the sheet lacks one. */
  keySetting?: string;
  /** Whether no two rows may share a key (a model's sheet; not a plain pivot sheet). */
  uniqueKeys?: boolean;
  /** A column outside the key that new rows get a fresh `max + 1` in (a plain pivot sheet's `id`). */
  numberedColumn?: string;
}

/** An opened sheet, with lazily computed labels for error messages. */
export interface OpenedSheet {
  sheet: Sheet;
  spreadsheet: Spreadsheet;
  cacheKey: string;
  /** `sheet "Posts" in spreadsheet "CRM"`. */
  describe(): string;
}

interface HandleCache {
  app: unknown;
  generation: number;
  spreadsheets: Map<string, Spreadsheet>;
  sheets: Map<string, OpenedSheet>;
  names: Map<Spreadsheet, string>;
}

let cache: HandleCache | null = null;

function handles(): HandleCache {
  const app = typeof SpreadsheetApp === 'undefined' ? undefined : SpreadsheetApp;
  if (!cache || cache.app !== app || cache.generation !== configGeneration()) {
    cache = { app, generation: configGeneration(), spreadsheets: new Map(), sheets: new Map(), names: new Map() };
  }
  return cache;
}

/** Forgets cached spreadsheet and sheet handles (after sheets are created or deleted). */
export function forgetHandles(): void {
  cache = null;
}

/** The spreadsheet for a pinned id, the configured one, or the active one. */
export function openSpreadsheet(pinnedId?: string | null, owner?: string): Spreadsheet {
  const config = getConfig();
  const id = pinnedId || (config.spreadsheet ? null : config.spreadsheetId);
  const key = id ? `id:${id}` : 'default';
  const cached = handles().spreadsheets.get(key);
  if (cached) return cached;
  if (typeof SpreadsheetApp === 'undefined') {
    throw new SheetORMError('SpreadsheetApp is not defined: run inside Apps Script, or install the stand-in from sheetorm/testing in tests.');
  }
  let spreadsheet: Spreadsheet | null;
  if (id) spreadsheet = openById(id, pinnedId ? `${owner || 'the model'}._spreadsheetId` : 'configure({ spreadsheetId })', owner);
  else spreadsheet = config.spreadsheet || retried('SpreadsheetApp.getActiveSpreadsheet', () => SpreadsheetApp.getActiveSpreadsheet());
  if (!spreadsheet) {
    throw new SheetORMError('No active spreadsheet: this script is not bound to one. Call SheetORM.configure({ spreadsheetId: "…" }) or set Model._spreadsheetId.');
  }
  handles().spreadsheets.set(key, spreadsheet);
  return spreadsheet;
}

function openById(id: string, source: string, owner?: string): Spreadsheet {
  try {
    const spreadsheet = retried(`SpreadsheetApp.openById("${id}")`, () => SpreadsheetApp.openById(id));
    if (spreadsheet) rememberSpreadsheetId(spreadsheet, id);
    return spreadsheet;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const notAllowed = isNotAllowed(error.cause);
    // A custom function or simple trigger may not call openById, yet may read its own spreadsheet.
    const active = notAllowed ? activeWithId(id) : null;
    if (active) return active;
    const who = owner ? `${owner}: ` : '';
    const advice = notAllowed ? adviceOn(error.cause) : "Check the id (the part of the spreadsheet's URL between /d/ and /edit) and that this script's account can open it.";
    throw new ServiceError(`${who}could not open the spreadsheet with id "${id}" (from ${source}): ${messageOf(error.cause)} ${advice}`, error.cause);
  }
}

/** The active spreadsheet when it is the one with this id, else null. */
function activeWithId(id: string): Spreadsheet | null {
  try {
    const active = once('SpreadsheetApp.getActiveSpreadsheet', () => SpreadsheetApp.getActiveSpreadsheet());
    if (!active || once('Spreadsheet.getId', () => active.getId()) !== id) return null;
    rememberSpreadsheetId(active, id);
    return active;
  } catch {
    return null;
  }
}

/** The spreadsheet's name, read once per execution for error messages. */
export function spreadsheetName(spreadsheet: Spreadsheet): string {
  const names = handles().names;
  let name = names.get(spreadsheet);
  if (name === undefined) {
    try {
      name = spreadsheet.getName();
    } catch (error) {
      name = '(unnamed)';
    }
    names.set(spreadsheet, name);
  }
  return name;
}

/**
 * The key a ref's sheet is cached under: its spreadsheet (pinned, or the one configured now) and its
 * name. After configure() switches spreadsheets, a session or transaction must not serve (or write
 * to) the previous one's sheet; a configure() that keeps the spreadsheet keeps the key.
 */
export function cacheKeyOf(ref: TableRef): string {
  return `${ref.spreadsheetId ? `id:${ref.spreadsheetId}` : configuredSpreadsheetKey()}\u0000${ref.sheetName}`;
}

const spreadsheetObjects = new WeakMap<object, number>();
let nextSpreadsheetObject = 0;

function configuredSpreadsheetKey(): string {
  const { spreadsheet, spreadsheetId } = getConfig();
  if (spreadsheet) {
    let n = spreadsheetObjects.get(spreadsheet);
    if (n === undefined) spreadsheetObjects.set(spreadsheet, (n = nextSpreadsheetObject++));
    return `object:${n}`;
  }
  return spreadsheetId ? `id:${spreadsheetId}` : 'active';
}

/**
 * A handle that opens the sheet only when something needs it (tables read through the Sheets API),
 * in the spreadsheet it was read from even if configure() has switched spreadsheets since.
 */
export function lazyOpened(ref: TableRef, spreadsheet: Spreadsheet): OpenedSheet {
  const cacheKey = cacheKeyOf(ref);
  let opened: OpenedSheet | null = null;
  return {
    cacheKey,
    get sheet() {
      return (opened || (opened = openSheetIn(spreadsheet, ref, cacheKey, false))).sheet;
    },
    spreadsheet,
    describe: () => `sheet "${ref.sheetName}" in spreadsheet "${spreadsheetName(spreadsheet)}"`,
  };
}

/** `sheet "Posts" in spreadsheet "CRM"`, for messages. */
export function describeRef(ref: TableRef): string {
  return `sheet "${ref.sheetName}" in spreadsheet "${spreadsheetName(openSpreadsheet(ref.spreadsheetId, ref.owner))}"`;
}

/** Opens the sheet a ref names, or throws SheetNotFoundError listing the sheets that exist. */
export function openSheet(ref: TableRef): OpenedSheet {
  return openSheetIn(openSpreadsheet(ref.spreadsheetId, ref.owner), ref, cacheKeyOf(ref), true);
}

/**
 * After a read on a kept handle failed: the handle of the sheet that now has the name when the
 * script deleted the kept one (and perhaps made another) since; null when it is the same sheet or
 * this cannot tell (the read's failure stands). SheetNotFoundError when no sheet has the name.
 */
export function reopenSheet(ref: TableRef, failed: OpenedSheet): OpenedSheet | null {
  const sheets = handles().sheets;
  const kept = sheets.get(failed.cacheKey);
  // Tables read through the Sheets API hold a lazy handle to the kept sheet: compare the sheets.
  if (!kept || kept.sheet !== failed.sheet) return null;
  const spreadsheet = failed.spreadsheet;
  let now: Sheet | null;
  let nowId: number | null;
  try {
    now = retried('Spreadsheet.getSheetByName', () => spreadsheet.getSheetByName(ref.sheetName), () => false);
    nowId = now && retried(`"${ref.sheetName}" getSheetId()`, () => (now as Sheet).getSheetId(), () => false);
  } catch {
    return null;
  }
  if (now) {
    let keptId: number | null = null;
    try {
      keptId = kept.sheet.getSheetId();
    } catch {
      // A deleted sheet's handle fails on every call.
    }
    if (keptId === nowId) return null;
  }
  sheets.delete(failed.cacheKey);
  if (!now) return openSheet(ref);
  const opened = openedSheet(now, spreadsheet, ref, failed.cacheKey);
  sheets.set(failed.cacheKey, opened);
  return opened;
}

/** The names of a spreadsheet's sheets, for an error message; null when they cannot be listed (the error must still be the one about the missing sheet). */
function sheetNames(spreadsheet: Spreadsheet): string[] | null {
  try {
    return spreadsheet.getSheets().map((s) => s.getName());
  } catch {
    return null;
  }
}

/** Opens a sheet of a given spreadsheet; `remember` keeps the handle for the execution's later calls. */
function openSheetIn(spreadsheet: Spreadsheet, ref: TableRef, cacheKey: string, remember: boolean): OpenedSheet {
  const cached = handles().sheets.get(cacheKey);
  if (cached && cached.spreadsheet === spreadsheet) return cached;
  const sheet = retried('Spreadsheet.getSheetByName', () => spreadsheet.getSheetByName(ref.sheetName));
  if (!sheet) {
    const names = sheetNames(spreadsheet);
    const fix = ref.owner.indexOf('.') > 0 ? `the relation's pivot sheet name` : `${ref.owner}._table`;
    // A sheet of the same name in another case (or with a stray space) is the likelier meaning: name it.
    const near = names && names.find((name) => name.trim().toLowerCase() === ref.sheetName.trim().toLowerCase());
    const advice = near ? `Did you mean "${near}"? Sheet names are matched exactly: set ${fix} to "${near}".` : `Create it (SheetORM.ensureSchema) or correct ${fix}.`;
    const listed = names ? ` (sheets: ${names.join(', ') || 'none'})` : '';
    throw new SheetNotFoundError(`${ref.owner}: spreadsheet "${spreadsheetName(spreadsheet)}" has no sheet "${ref.sheetName}"${listed}. ${advice}`);
  }
  const opened = openedSheet(sheet, spreadsheet, ref, cacheKey);
  if (remember) handles().sheets.set(cacheKey, opened);
  return opened;
}

function openedSheet(sheet: Sheet, spreadsheet: Spreadsheet, ref: TableRef, cacheKey: string): OpenedSheet {
  return { sheet, spreadsheet, cacheKey, describe: () => `sheet "${ref.sheetName}" in spreadsheet "${spreadsheetName(spreadsheet)}"` };
}
