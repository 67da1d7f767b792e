/**
 * Cell formatting a Range can set and read back: font weight and background colour, kept per cell
 * (moving with the cell when rows are sorted, inserted or deleted, and cleared by clear()).
 *
 * Colours are the CSS notation the reference names ('#ffffff' or 'white'): '#rrggbb', '#rgb' and
 * the sixteen basic CSS keywords, read back as lowercase '#rrggbb'. Other CSS colours, and what
 * Sheets does with a string that is no colour, are not simulated: the kit refuses them.
 */
import { checkSignature } from './errors';
import { cellAt, cellFor } from './grid';
import type { SheetData } from './model';
import { checkMatrix, each, on, RangeState, topLeft } from './range-state';

type Range = GoogleAppsScript.Spreadsheet.Range;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

/** What a cell nobody formatted reports. */
const DEFAULT_BACKGROUND = '#ffffff';

const CSS_KEYWORDS: Record<string, string> = {
  black: '#000000', silver: '#c0c0c0', gray: '#808080', white: '#ffffff', maroon: '#800000', red: '#ff0000',
  purple: '#800080', fuchsia: '#ff00ff', green: '#008000', lime: '#00ff00', olive: '#808000', yellow: '#ffff00',
  navy: '#000080', blue: '#0000ff', teal: '#008080', aqua: '#00ffff',
};

/** A colour in CSS notation as lowercase '#rrggbb'; throws for what the kit does not simulate. */
function hexColor(color: string): string {
  const text = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${text[1]}${text[1]}${text[2]}${text[2]}${text[3]}${text[3]}`;
  if (CSS_KEYWORDS[text]) return CSS_KEYWORDS[text];
  throw new TypeError(`sheetorm/testing: the colour "${color}" is not simulated; use '#rrggbb', '#rgb' or a basic CSS name such as 'white'.`);
}

function checkWeight(weight: string): void {
  if (weight !== 'bold' && weight !== 'normal') {
    throw new TypeError(`sheetorm/testing: the font weight "${weight}" is not simulated; the reference allows 'bold', 'normal' or null.`);
  }
}

// What the setters take as a value: text (a colour or weight) or null to reset.
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';

function writeBackground(sheet: SheetData, row: number, col: number, color: string | null): void {
  if (color === null) delete cellFor(sheet, row, col).background;
  else cellFor(sheet, row, col).background = color;
}

function writeWeight(sheet: SheetData, row: number, col: number, weight: string | null): void {
  if (weight === 'bold') cellFor(sheet, row, col).bold = true;
  else delete cellFor(sheet, row, col).bold;
}

const readBackground = (sheet: SheetData, row: number, col: number) => cellAt(sheet, row, col)?.background ?? DEFAULT_BACKGROUND;
const readWeight = (sheet: SheetData, row: number, col: number): FontWeight => (cellAt(sheet, row, col)?.bold ? 'bold' : 'normal');

/** Converts a matrix first, so that one refused entry formats nothing. */
function writeMatrix<T>(state: RangeState, rows: unknown[][], convert: (value: string) => T, write: (sheet: SheetData, row: number, col: number, value: T | null) => void): void {
  const values = rows.map((line) => line.map((value) => (value === null || value === undefined ? null : convert(value as string))));
  each(state, (r, c) => write(state.sheet, r, c, values[r - state.row][c - state.col]));
}

/** The formatting methods of the fake Range (its base class). */
export class FakeRangeFormat {
  getBackground(): string {
    return on(this, 'getBackground', arguments, (s) => topLeft(s, readBackground));
  }

  getBackgrounds(): string[][] {
    return on(this, 'getBackgrounds', arguments, (s) => each(s, (r, c) => readBackground(s.sheet, r, c)));
  }

  setBackground(color: string | null): Range {
    const args = arguments;
    return on(this, 'setBackground', args, (s) => {
      checkSignature(args.length === 1 && isTextOrNull(color ?? null), args, 'SpreadsheetApp.Range.setBackground');
      const hex = color === null || color === undefined ? null : hexColor(color);
      each(s, (r, c) => writeBackground(s.sheet, r, c, hex));
      return this as unknown as Range;
    });
  }

  setBackgrounds(color: Array<Array<string | null>>): Range {
    const args = arguments;
    return on(this, 'setBackgrounds', args, (s) => {
      const rows = checkMatrix(s, color, args, 'SpreadsheetApp.Range.setBackgrounds', (v) => v === undefined || isTextOrNull(v));
      writeMatrix(s, rows, hexColor, writeBackground);
      return this as unknown as Range;
    });
  }

  getFontWeight(): FontWeight {
    return on(this, 'getFontWeight', arguments, (s) => topLeft(s, readWeight));
  }

  getFontWeights(): FontWeight[][] {
    return on(this, 'getFontWeights', arguments, (s) => each(s, (r, c) => readWeight(s.sheet, r, c)));
  }

  setFontWeight(fontWeight: FontWeight | null): Range {
    const args = arguments;
    return on(this, 'setFontWeight', args, (s) => {
      checkSignature(args.length === 1 && isTextOrNull(fontWeight ?? null), args, 'SpreadsheetApp.Range.setFontWeight');
      if (fontWeight !== null && fontWeight !== undefined) checkWeight(fontWeight);
      each(s, (r, c) => writeWeight(s.sheet, r, c, fontWeight ?? null));
      return this as unknown as Range;
    });
  }

  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): Range {
    const args = arguments;
    return on(this, 'setFontWeights', args, (s) => {
      const rows = checkMatrix(s, fontWeights, args, 'SpreadsheetApp.Range.setFontWeights', (v) => v === undefined || isTextOrNull(v));
      writeMatrix(s, rows, (weight) => (checkWeight(weight), weight), writeWeight);
      return this as unknown as Range;
    });
  }
}
