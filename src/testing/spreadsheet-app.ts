/** The fake SpreadsheetApp: the active spreadsheet and sheet, openById, openByUrl, create and flush. */
import { createBook, DEFAULT_COLUMNS, DEFAULT_ROWS } from './books';
import { invoke } from './calls';
import { checkSignature, exception, isInteger, MSG } from './errors';
import type { World } from './model';
import { makeSheet } from './sheet';
import { activateSheet, makeSpreadsheet } from './spreadsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const worlds = new WeakMap<object, World>();

/** Creates the SpreadsheetApp object of a world. */
export function makeSpreadsheetApp(world: World): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const app = new FakeSpreadsheetApp();
  worlds.set(app, world);
  return app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

function on<T>(fake: object, method: string, args: IArguments, body: (world: World) => T): T {
  const world = worlds.get(fake)!;
  return invoke(world, `SpreadsheetApp.${method}`, {}, args, () => body(world));
}

class FakeSpreadsheetApp {
  getActiveSpreadsheet(): Spreadsheet {
    return on(this, 'getActiveSpreadsheet', arguments, (w) => makeSpreadsheet(w.active));
  }

  getActive(): Spreadsheet {
    return on(this, 'getActive', arguments, (w) => makeSpreadsheet(w.active));
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return on(this, 'getActiveSheet', arguments, (w) => makeSheet(w.active.active));
  }

  openById(id: string): Spreadsheet {
    const args = arguments;
    return on(this, 'openById', args, (w) => {
      checkSignature(typeof id === 'string', args, 'SpreadsheetApp.openById');
      const book = w.books.get(id);
      if (!book) throw exception(MSG.openById);
      return makeSpreadsheet(book);
    });
  }

  openByUrl(url: string): Spreadsheet {
    const args = arguments;
    return on(this, 'openByUrl', args, (w) => {
      checkSignature(args.length === 1 && typeof url === 'string', args, 'SpreadsheetApp.openByUrl');
      // Apps Script opens by the id after "/d/"; the rest of the URL does not matter.
      const id = /\/d\/([^/?#]+)/.exec(url)?.[1];
      const book = id === undefined ? undefined : w.books.get(id);
      if (!book) throw exception(MSG.openByUrl);
      return makeSpreadsheet(book);
    });
  }

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, restoreSelection?: boolean): GoogleAppsScript.Spreadsheet.Sheet {
    const args = arguments;
    return on(this, 'setActiveSheet', args, () => activateSheet(sheet, args, 'SpreadsheetApp.setActiveSheet'));
  }

  create(name: string, rows?: number, columns?: number): Spreadsheet {
    const args = arguments;
    return on(this, 'create', args, (w) => {
      const sized = args.length === 3 && isInteger(rows) && isInteger(columns) && rows > 0 && columns > 0;
      checkSignature(typeof name === 'string' && (args.length === 1 || sized), args, 'SpreadsheetApp.create');
      const book = createBook(w, undefined, name);
      const sheet = book.sheets[0];
      sheet.maxRows = rows ?? DEFAULT_ROWS;
      sheet.maxCols = columns ?? DEFAULT_COLUMNS;
      return makeSpreadsheet(book);
    });
  }

  flush(): void {
    on(this, 'flush', arguments, () => undefined);
  }
}

/** The fake SpreadsheetApp class, for the compile-time API check. */
export type { FakeSpreadsheetApp };
