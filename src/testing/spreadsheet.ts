/** The fake Spreadsheet: its sheets, and ranges by "Sheet!A1" notation. */
import { addSheet, defaultSheetName } from './books';
import { invoke } from './calls';
import { isKnownZone } from './dates';
import { checkSignature, exception, isInteger, MSG } from './errors';
import { sheetExact } from './grid';
import type { BookData, Cell, SheetData } from './model';
import { liveSheet, makeSheet, rangeFromA1, sheetState } from './sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type InsertOptions = { template?: Sheet };

const states = new WeakMap<object, BookData>();

/** Creates a Spreadsheet object for a book (a new object on every call, as in Apps Script). */
export function makeSpreadsheet(book: BookData): Spreadsheet {
  const fake = new FakeSpreadsheet();
  states.set(fake, book);
  return fake as unknown as Spreadsheet;
}

function on<T>(fake: object, method: string, args: IArguments, body: (book: BookData) => T): T {
  const book = states.get(fake)!;
  return invoke(book.world, `Spreadsheet.${method}`, { spreadsheetId: book.id }, args, () => body(book));
}

function copyCells(from: SheetData, to: SheetData): void {
  to.rows = from.rows.map((line) => line && line.map((cell): Cell | undefined => cell && { ...cell }));
}

/** Reads insertSheet's eight overloads into name, index and options. */
function insertArgs(args: IArguments): { name?: string; index?: number; options: InsertOptions } {
  const list = Array.prototype.slice.call(args) as unknown[];
  const name = typeof list[0] === 'string' ? (list.shift() as string) : undefined;
  const index = typeof list[0] === 'number' ? (list.shift() as number) : undefined;
  const options = typeof list[0] === 'object' && list[0] !== null ? (list.shift() as InsertOptions) : {};
  const ok = list.length === 0 && (index === undefined || isInteger(index)) && (!options.template || !!sheetState(options.template));
  checkSignature(ok, args, 'SpreadsheetApp.Spreadsheet.insertSheet');
  return { name, index, options };
}

/** Makes a sheet the active one of its spreadsheet (setActiveSheet(sheet, restoreSelection?)). */
export function activateSheet(sheet: Sheet, args: IArguments, method: string, book?: BookData): Sheet {
  const data = sheetState(sheet);
  const ok = (args.length === 1 || (args.length === 2 && typeof args[1] === 'boolean')) && !!data && (!book || book.sheets.includes(data));
  checkSignature(ok, args, method);
  liveSheet(data!).book.active = data!;
  return makeSheet(data!);
}

class FakeSpreadsheet {
  getId(): string {
    return on(this, 'getId', arguments, (b) => b.id);
  }

  getName(): string {
    return on(this, 'getName', arguments, (b) => b.name);
  }

  getUrl(): string {
    return on(this, 'getUrl', arguments, (b) => `https://docs.google.com/spreadsheets/d/${b.id}/edit`);
  }

  getSpreadsheetTimeZone(): string {
    return on(this, 'getSpreadsheetTimeZone', arguments, (b) => b.timeZone);
  }

  setSpreadsheetTimeZone(timezone: string): void {
    const args = arguments;
    on(this, 'setSpreadsheetTimeZone', args, (b) => {
      checkSignature(typeof timezone === 'string', args, 'SpreadsheetApp.Spreadsheet.setSpreadsheetTimeZone');
      // What Sheets does with an ID it does not know is not known: a test should not pass on a guess.
      if (!isKnownZone(timezone)) throw new TypeError(`sheetorm/testing: setSpreadsheetTimeZone(${JSON.stringify(timezone)}) names no known time zone; what Sheets does then is not simulated.`);
      b.timeZone = timezone;
    });
  }

  getSpreadsheetLocale(): string {
    return on(this, 'getSpreadsheetLocale', arguments, (b) => b.locale);
  }

  getSheetByName(name: string): Sheet | null {
    const args = arguments;
    return on(this, 'getSheetByName', args, (b) => {
      checkSignature(typeof name === 'string', args, 'SpreadsheetApp.Spreadsheet.getSheetByName');
      const sheet = sheetExact(b, name);
      return sheet ? makeSheet(sheet) : null;
    });
  }

  getSheetById(id: number): Sheet | null {
    const args = arguments;
    return on(this, 'getSheetById', args, (b) => {
      checkSignature(args.length === 1 && isInteger(id), args, 'SpreadsheetApp.Spreadsheet.getSheetById');
      const sheet = b.sheets.find((candidate) => candidate.id === id);
      return sheet ? makeSheet(sheet) : null;
    });
  }

  getSheets(): Sheet[] {
    return on(this, 'getSheets', arguments, (b) => b.sheets.map(makeSheet));
  }

  getNumSheets(): number {
    return on(this, 'getNumSheets', arguments, (b) => b.sheets.length);
  }

  getActiveSheet(): Sheet {
    return on(this, 'getActiveSheet', arguments, (b) => makeSheet(b.active));
  }

  setActiveSheet(sheet: Sheet, restoreSelection?: boolean): Sheet {
    const args = arguments;
    return on(this, 'setActiveSheet', args, (b) => activateSheet(sheet, args, 'SpreadsheetApp.Spreadsheet.setActiveSheet', b));
  }

  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    const args = arguments;
    return on(this, 'getRange', args, (b) => {
      checkSignature(typeof a1Notation === 'string', args, 'SpreadsheetApp.Spreadsheet.getRange');
      return rangeFromA1(b.active, a1Notation);
    });
  }

  insertSheet(..._overloads: unknown[]): Sheet {
    const args = arguments;
    return on(this, 'insertSheet', args, (b) => {
      const { name, index, options } = insertArgs(args);
      const template = options.template && sheetState(options.template);
      if (template) liveSheet(template);
      const at = index === undefined ? b.sheets.length : Math.min(Math.max(index, 0), b.sheets.length);
      const sheet = addSheet(b, name ?? defaultSheetName(b), template?.maxRows, template?.maxCols, at);
      if (template) copyCells(template, sheet);
      b.active = sheet;
      return makeSheet(sheet);
    });
  }

  deleteSheet(sheet: Sheet): void {
    const args = arguments;
    on(this, 'deleteSheet', args, (b) => {
      const data = sheetState(sheet);
      checkSignature(args.length === 1 && !!data && b.sheets.includes(data), args, 'SpreadsheetApp.Spreadsheet.deleteSheet');
      if (b.sheets.length === 1) throw exception(MSG.deleteAllSheets);
      b.sheets.splice(b.sheets.indexOf(data!), 1);
      data!.deleted = true;
      if (b.active === data) b.active = b.sheets[0];
    });
  }
}

/** The fake Spreadsheet class, for the compile-time API check. */
export type { FakeSpreadsheet };
