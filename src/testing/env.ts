/** createAppsScript(): one in-memory Apps Script environment with its controls for tests. */
import { createBook } from './books';
import { makeCacheService } from './cache';
import { addHook, callLog, runAs } from './calls';
import { lastColumn, lastRow, readFormula, readValue, sheetExact } from './grid';
import { makeLockService, releaseAll } from './lock';
import { makeLogger, makeSession } from './logger';
import { BookData, currentExecution, SheetData, World } from './model';
import { makePropertiesService } from './properties';
import { makeSpreadsheet } from './spreadsheet';
import { makeSheetsApi } from './sheets-api';
import { makeSpreadsheetApp } from './spreadsheet-app';
import type { AppsScriptEnv, AppsScriptOptions } from './types';
import { makeUtilities } from './utilities';

function newWorld(timeZone: string): World {
  return {
    books: new Map(),
    active: undefined as unknown as BookData,
    timeZone,
    now: Date.now(),
    calls: [],
    hooks: [],
    executions: [],
    runDepth: new Map(),
    mutexes: new Map(),
    caches: new Map(),
    properties: new Map(),
    logs: [],
  };
}

function findSheet(world: World, sheetName: string, spreadsheetId?: string): SheetData {
  const book = spreadsheetId === undefined ? world.active : world.books.get(spreadsheetId);
  if (!book) throw new Error(`No spreadsheet with id "${spreadsheetId}" in this environment`);
  const sheet = sheetExact(book, sheetName);
  if (!sheet) throw new Error(`Spreadsheet "${book.name}" has no sheet "${sheetName}" (sheets: ${book.sheets.map((s) => s.name).join(', ')})`);
  return sheet;
}

function usedArea<T>(sheet: SheetData, read: (sheet: SheetData, row: number, col: number) => T): T[][] {
  const rows = lastRow(sheet);
  const cols = lastColumn(sheet);
  const out: T[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: T[] = [];
    for (let c = 1; c <= cols; c++) line.push(read(sheet, r, c));
    out.push(line);
  }
  return out;
}

/** Creates a strict in-memory Apps Script (SpreadsheetApp, LockService, CacheService, ...) for tests. */
export function createAppsScript(options: AppsScriptOptions = {}): AppsScriptEnv {
  const world = newWorld(options.timeZone ?? 'Etc/UTC');
  world.active = createBook(world, options.sheets, options.spreadsheetName ?? 'Test Spreadsheet', options.spreadsheetId);
  const services = {
    SpreadsheetApp: makeSpreadsheetApp(world),
    LockService: makeLockService(world),
    CacheService: makeCacheService(world),
    PropertiesService: makePropertiesService(world),
    Utilities: makeUtilities(world),
    Logger: makeLogger(world),
    Session: makeSession(world),
    // The Sheets advanced service exists only where a project enables it.
    ...(options.sheetsApi ? { Sheets: makeSheetsApi(world) } : {}),
  };
  const globals = (): Record<string, unknown> => ({ ...services });
  return {
    ...services,
    globals,
    install(target: object = globalThis) {
      const host = target as Record<string, unknown>;
      const previous = Object.keys(services).map((name) => ({ name, had: name in host, value: host[name] }));
      Object.assign(host, globals());
      return () => {
        for (const { name, had, value } of previous) {
          if (had) host[name] = value;
          else delete host[name];
        }
      };
    },
    addSpreadsheet(sheets, addOptions = {}) {
      return makeSpreadsheet(createBook(world, sheets, addOptions.name ?? 'Spreadsheet', addOptions.id));
    },
    get active() {
      return makeSpreadsheet(world.active);
    },
    sheetValues: (sheetName, spreadsheetId) => usedArea(findSheet(world, sheetName, spreadsheetId), readValue),
    sheetFormulas: (sheetName, spreadsheetId) => usedArea(findSheet(world, sheetName, spreadsheetId), readFormula),
    calls: callLog(world),
    run: (execution, fn) => runAs(world, execution, fn, (ended) => releaseAll(world, ended)),
    currentExecution: () => currentExecution(world),
    beforeCall: (hook) => addHook(world, hook),
    logs: world.logs,
    clock: {
      now: () => world.now,
      advance(ms: number) {
        world.now += ms;
      },
    },
  };
}
