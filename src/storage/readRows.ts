/** Turning the rows a sheet read hands over into table rows: blanks, width, rows that are no records. */
import type { CellValue } from '../support/values';

/** Whether a row holds anything but empty cells. */
export function hasContent(row: readonly unknown[]): boolean {
  return row.some((cell) => cell !== '' && cell !== null && cell !== undefined);
}

/** How many columns the data rows (below the header) use. */
export function dataWidth(values: unknown[][]): number {
  let width = 0;
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c] !== '' && row[c] !== null && row[c] !== undefined) {
        width = c + 1;
        break;
      }
    }
  }
  return width;
}

/**
 * Converts a row as the service handed it over in place ('' → null, cut or padded to `width`);
 * returns whether the row is empty. A function of its own: sheets hand over rows of different
 * element kinds (numbers only, mixed), and a small function re-optimises at once where a long loop
 * would run unoptimised for the rest of a big sheet.
 */
export function blanksToNull(cells: CellValue[], width: number): boolean {
  if (cells.length !== width) cells.length = width;
  let empty = true;
  for (let c = 0; c < width; c++) {
    const cell = cells[c];
    if (cell === '' || cell === undefined) cells[c] = null;
    else if (cell !== null) empty = false;
  }
  return empty;
}

/**
 * What a checkbox column or a formula filled down past the data leaves: a row of nothing but empty
 * cells, unticked checkboxes (false), spaces, zeros, formula errors (`=C4/D4` shows #DIV/0!, a
 * VLOOKUP of an empty cell #N/A) and, with an empty key, TRUE (a flag `=E2<5` shows it on empty
 * rows). It is no record, so queries neither list nor change it. Where the key columns are known, a
 * row whose key cell holds 0 (or an error, or TRUE) stays a record (0 is a key like any other);
 * `keys` is null for a sheet without them.
 */
export function isPlaceholder(cells: readonly CellValue[], keys: readonly number[] | null): boolean {
  let shown = false;
  let ticked = false;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell === null || cell === false || isSpaces(cell)) continue;
    if (cell === true) ticked = true;
    else if (cell !== 0 && !isFormulaError(cell)) return false;
    shown = true;
  }
  // TRUE alone is a record's only value on a sheet without key columns (a settings row).
  if (keys === null) return !ticked;
  return !shown || keys.every((index) => cells[index] === null || isSpaces(cells[index]));
}

/** The values Sheets shows for a formula that fails, as getValues hands them over. */
const FORMULA_ERRORS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!']);

function isFormulaError(cell: CellValue): boolean {
  return typeof cell === 'string' && cell.charCodeAt(0) === 35 && FORMULA_ERRORS.has(cell);
}

function isSpaces(cell: CellValue): boolean {
  return typeof cell === 'string' && cell.trim() === '';
}
