/** A1 notation: parsing ("Sheet!A1:B2", "A:A", "2:3", "A2:C") and printing. */

/** A parsed A1 reference; a missing row or column bound means "to the edge of the sheet". */
export interface A1Ref {
  sheet?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

/** Concrete 1-based coordinates of a rectangle. */
export interface Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

const PART = /^(\$?([A-Za-z]{1,3}))?(\$?(\d+))?$/;

/** The column number of letters like "A" or "AB". */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index;
}

/** The letters of a column number (1 → "A", 28 → "AB"). */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "A1" for one cell, "A1:B2" for a larger box. */
export function a1Of(box: Box): string {
  const start = columnLetters(box.col) + box.row;
  if (box.numRows === 1 && box.numCols === 1) return start;
  return `${start}:${columnLetters(box.col + box.numCols - 1)}${box.row + box.numRows - 1}`;
}

/** A sheet name as it must appear before "!" (quoted when it is not a plain word). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitSheet(text: string): { sheet?: string; ref: string } | null {
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
    return match ? { sheet: match[1].replace(/''/g, "'"), ref: match[2] } : null;
  }
  const bang = text.lastIndexOf('!');
  return bang === -1 ? { ref: text } : { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}

function part(text: string): { col?: number; row?: number } | null {
  const match = PART.exec(text);
  if (!match || (!match[2] && !match[4])) return null;
  return { col: match[2] ? columnIndex(match[2]) : undefined, row: match[4] ? Number(match[4]) : undefined };
}

function ordered(a: number | undefined, b: number | undefined): [number | undefined, number | undefined] {
  return a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
}

/** An R1C1 reference ("R1C1", "R2C1:R5C3"), which getRange also takes, in A1; other text unchanged. */
function fromR1C1(ref: string): string {
  const match = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(ref);
  if (!match) return ref;
  const cell = (row: string, col: string) => `${columnLetters(Number(col))}${row}`;
  return match[3] === undefined ? cell(match[1], match[2]) : `${cell(match[1], match[2])}:${cell(match[3], match[4])}`;
}

/** Parses A1 (or R1C1) notation; null when the text is not a range Sheets would accept. */
export function parseA1(text: string): A1Ref | null {
  const split = splitSheet(text.trim());
  if (!split || split.sheet === '') return null;
  const [left, right, extra] = fromR1C1(split.ref).split(':');
  if (extra !== undefined) return null;
  const start = part(left);
  if (!start) return null;
  if (right === undefined) {
    if (start.row === undefined || start.col === undefined || start.row < 1) return null;
    return { sheet: split.sheet, startRow: start.row, startCol: start.col, endRow: start.row, endCol: start.col };
  }
  const end = part(right);
  if (!end) return null;
  const wholeColumns = start.row === undefined && end.row === undefined && start.col !== undefined && end.col !== undefined;
  const wholeRows = start.col === undefined && end.col === undefined && start.row !== undefined && end.row !== undefined;
  const fromCell = start.row !== undefined && start.col !== undefined;
  if (!wholeColumns && !wholeRows && !fromCell) return null;
  if (start.row === 0 || end.row === 0) return null;
  const [startRow, endRow] = ordered(start.row, end.row ?? (fromCell && end.col !== undefined ? undefined : start.row));
  const [startCol, endCol] = ordered(start.col, end.col ?? (fromCell && end.row !== undefined ? undefined : start.col));
  return { sheet: split.sheet, startRow, startCol, endRow, endCol };
}

/** Resolves open bounds against a sheet's size. */
export function boxOf(ref: A1Ref, maxRows: number, maxCols: number): Box {
  const row = ref.startRow ?? 1;
  const col = ref.startCol ?? 1;
  return { row, col, numRows: (ref.endRow ?? maxRows) - row + 1, numCols: (ref.endCol ?? maxCols) - col + 1 };
}
