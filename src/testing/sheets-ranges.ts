/**
 * Ranges as the Sheets API reads and writes them: "Posts", "'Post Tags'", "Posts!A1:C10", "A:C",
 * "B3" (a bare reference is on the first sheet, even when a sheet has that name: "tab01" is the
 * cell TAB1). Sheet names match ignoring case; ranges come back as "Posts!A1:C10" with the sheet's
 * real name, quoted only when it has to be ("'Post Tags'!A1", "'2024'!A1", "'A1'!A1").
 */
import { a1Of, A1Ref, Box, columnLetters, parseA1 } from './a1';
import type { BookData, SheetData } from './model';
import { API_MSG, BadRequest } from './sheets-errors';
import { sheetNamed } from './grid';

/** A range named in a request, resolved to its sheet. Missing bounds run to the grid's edge. */
export interface ApiRange {
  sheet: SheetData;
  ref: A1Ref;
  /** The request named only a sheet. */
  wholeSheet: boolean;
  /** The request named one cell ("B3"), which a write treats as where its data starts. */
  single: boolean;
}

/** A sheet name as the API writes it before "!". */
export function apiSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Posts!A1:C10" for a box of a sheet ("Posts!B3" for one cell). */
export function apiA1(sheet: SheetData, box: Box): string {
  return `${apiSheetName(sheet.name)}!${a1Of(box)}`;
}

function refText(ref: A1Ref, single: boolean): string {
  const part = (col?: number, row?: number) => (col === undefined ? '' : columnLetters(col)) + (row === undefined ? '' : String(row));
  const start = part(ref.startCol, ref.startRow);
  return single ? start : `${start}:${part(ref.endCol, ref.endRow)}`;
}

function splitSheet(text: string): { name?: string; ref?: string } | null {
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')+)'(?:!(.*))?$/.exec(text);
    return match ? { name: match[1].replace(/''/g, "'"), ref: match[2] } : null;
  }
  const bang = text.lastIndexOf('!');
  return bang === -1 ? { ref: text } : { name: text.slice(0, bang), ref: text.slice(bang + 1) };
}

/** Resolves a range of a request; throws the API's "Unable to parse range" when it cannot. */
export function parseApiRange(book: BookData, text: unknown): ApiRange {
  const fail = () => new BadRequest(API_MSG.unableToParse(String(text)));
  if (typeof text !== 'string' || text === '') throw fail();
  const split = splitSheet(text);
  if (!split) throw fail();
  const bare = split.name === undefined ? parseA1(split.ref!) : null;
  if (split.name === undefined && !bare) {
    // Not a reference: the whole of the sheet with that name.
    const sheet = sheetNamed(book, text);
    if (!sheet) throw fail();
    return { sheet, ref: {}, wholeSheet: true, single: false };
  }
  const sheet = split.name === undefined ? book.sheets[0] : sheetNamed(book, split.name);
  if (!sheet) throw fail();
  if (split.ref === undefined || split.ref === '') {
    if (split.ref === '') throw fail();
    return { sheet, ref: {}, wholeSheet: true, single: false };
  }
  const ref = bare ?? parseA1(split.ref);
  if (!ref || ref.sheet !== undefined) throw fail();
  return { sheet, ref, wholeSheet: false, single: !split.ref.includes(':') };
}

/** The range as the request named it, in the API's notation (for its error messages). */
export function requestedText(range: ApiRange): string {
  return `${apiSheetName(range.sheet.name)}!${range.wholeSheet ? a1Of(fullBox(range)) : refText(range.ref, range.single)}`;
}

/** The range with missing bounds run to the grid's edge (ends past the grid are kept). */
export function fullBox(range: ApiRange): Box {
  const { ref, sheet } = range;
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  return { row, col, numRows: (ref.endRow ?? sheet.maxRows) - row + 1, numCols: (ref.endCol ?? sheet.maxCols) - col + 1 };
}

function checkStart(range: ApiRange): void {
  const { sheet, ref } = range;
  if ((ref.startRow ?? 1) > sheet.maxRows || (ref.startCol ?? 1) > sheet.maxCols) {
    throw new BadRequest(API_MSG.exceedsGrid(requestedText(range), sheet.maxRows, sheet.maxCols));
  }
}

/** The box a read covers: a start outside the grid is refused, an end past it is cut to the grid. */
export function readBox(range: ApiRange): Box {
  checkStart(range);
  const box = fullBox(range);
  return { ...box, numRows: Math.min(box.numRows, range.sheet.maxRows - box.row + 1), numCols: Math.min(box.numCols, range.sheet.maxCols - box.col + 1) };
}

/** Where a write starts and the explicit ends its data must stay within. */
export interface WriteTarget {
  sheet: SheetData;
  row: number;
  col: number;
  endRow?: number;
  endCol?: number;
  /** The range in the API's notation, for "Requested writing within range [...]". */
  text: string;
}

/**
 * The target of a write. The range must lie in the grid; a single cell, a sheet name or an open
 * end only says where the data starts, and the grid grows to fit data running past its edge.
 */
export function writeTarget(range: ApiRange): WriteTarget {
  checkStart(range);
  const { sheet, ref } = range;
  const open = range.single || range.wholeSheet;
  const endRow = open ? undefined : ref.endRow;
  const endCol = open ? undefined : ref.endCol;
  if ((endRow ?? 0) > sheet.maxRows || (endCol ?? 0) > sheet.maxCols) {
    throw new BadRequest(API_MSG.exceedsGrid(requestedText(range), sheet.maxRows, sheet.maxCols));
  }
  return { sheet, row: ref.startRow ?? 1, col: ref.startCol ?? 1, endRow, endCol, text: apiA1(sheet, fullBox(range)) };
}

/** The sheet a range names, for the call log; undefined when it names none that exists. */
export function sheetOfRange(book: BookData | undefined, text: unknown): string | undefined {
  if (!book) return undefined;
  try {
    return parseApiRange(book, text).sheet.name;
  } catch {
    return undefined;
  }
}
