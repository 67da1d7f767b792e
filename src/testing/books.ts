/** Creating spreadsheets and sheets, seeded from plain rows. */
import { exception, MSG } from './errors';
import { checkCellLimit, CHARACTER_LIMIT, sheetNamed, writeContent } from './grid';
import type { BookData, SheetData, World } from './model';
import { seedContent } from './write';

/** Rows of a new blank sheet. */
export const DEFAULT_ROWS = 1000;
/** Columns of a new blank sheet. */
export const DEFAULT_COLUMNS = 26;

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random id shaped like a real spreadsheet id (44 characters). */
export function spreadsheetId(): string {
  let id = '1';
  while (id.length < 44) id += ID_CHARS[Math.floor(Math.random() * ID_CHARS.length)];
  return id;
}

function sheetId(book: BookData): number {
  if (book.sheets.length === 0) return 0;
  let id: number;
  do id = 1 + Math.floor(Math.random() * 2147483646);
  while (book.sheets.some((sheet) => sheet.id === id));
  return id;
}

/** Sheets refuses sheet names over 100 characters. */
export function checkSheetNameLength(name: string): void {
  if (name.length > 100) throw exception(MSG.sheetNameTooLong);
}

/** Adds a sheet to a book (at `index`, default last), checking its name and the cell limit. */
export function addSheet(book: BookData, name: string, rows = DEFAULT_ROWS, cols = DEFAULT_COLUMNS, index = book.sheets.length): SheetData {
  checkSheetNameLength(name);
  if (sheetNamed(book, name)) throw exception(MSG.sheetExists(name));
  checkCellLimit(book, rows * cols);
  const sheet: SheetData = { id: sheetId(book), name, maxRows: rows, maxCols: cols, frozenRows: 0, rows: [], book, deleted: false };
  book.sheets.splice(index, 0, sheet);
  return sheet;
}

/** The first free default name: Sheet1, Sheet2, ... */
export function defaultSheetName(book: BookData): string {
  for (let n = book.sheets.length + 1; ; n++) if (!sheetNamed(book, `Sheet${n}`)) return `Sheet${n}`;
}

/** Adds a sheet holding `rows` as given ("=..." strings become formulas). */
export function seedSheet(book: BookData, name: string, rows: unknown[][]): SheetData {
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw new TypeError(`Seed of sheet "${name}" must be an array of row arrays`);
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const sheet = addSheet(book, name, Math.max(DEFAULT_ROWS, rows.length), Math.max(DEFAULT_COLUMNS, width));
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const content = seedContent(value);
      const text = content.formula ?? content.value;
      if (typeof text === 'string' && text.length > CHARACTER_LIMIT) throw exception(MSG.tooManyCharacters);
      writeContent(sheet, r + 1, c + 1, content);
    }),
  );
  return sheet;
}

/** Creates a spreadsheet in the world, seeded with sheets (one blank "Sheet1" when none). */
export function createBook(world: World, seed: Record<string, unknown[][]> | undefined, name: string, id = spreadsheetId()): BookData {
  if (world.books.has(id)) throw new Error(`A spreadsheet with id "${id}" already exists in this environment`);
  const book = { id, name, timeZone: world.timeZone, locale: 'en_US', sheets: [], world } as unknown as BookData;
  const entries = Object.entries(seed ?? {});
  if (entries.length === 0) addSheet(book, 'Sheet1');
  for (const [sheetName, rows] of entries) seedSheet(book, sheetName, rows);
  book.active = book.sheets[0];
  world.books.set(id, book);
  return book;
}
