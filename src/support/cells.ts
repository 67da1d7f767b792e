/**
 * Converting model values to what `setValues` must receive.
 * Caveat: Sheets parses written strings as typed input ('00123' → 123, 'TRUE' → true, '=…' → formula).
 * A leading apostrophe makes Sheets keep the rest as text (and is not part of the stored value), so
 * every string Sheets could read as something else is written with one.
 */
import { ValidationError } from '../errors';
import { CellValue, describeValue, isDate } from './values';

/** Sheets' limit on the characters of one cell. */
export const MAX_CELL_CHARS = 50000;

const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;

/** Whether Sheets could parse `text` as a number, date, boolean, formula or error. */
export function needsTextGuard(text: string): boolean {
  if (text === '') return false;
  // A first character of = ' + - @ # (a formula, an apostrophe, a sign, a mention, an error).
  const first = text.charCodeAt(0);
  if (first === 61 || first === 39 || first === 43 || first === 45 || first === 64 || first === 35) return true;
  // Any digit (numbers, dates, times, currencies, percentages); a loop is cheaper than a regex here.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  // Sheets trims typed input, so padding of any length around TRUE/FALSE still reads as a boolean.
  return BOOLEAN_LIKE.test(text);
}

/** Where a value is going, for error messages. */
export interface CellTarget {
  describe(): string;
}

/** Whether a cell holds the value as it is: empty, a boolean, a finite number or a short enough string. */
export function isPlainCell(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'boolean') return true;
  if (typeof value === 'string') return value.length < MAX_CELL_CHARS || (value.length === MAX_CELL_CHARS && !needsTextGuard(value));
  return typeof value === 'number' && isFinite(value);
}

/** Throws a ValidationError naming the cell unless a cell can hold the value. */
export function validateCell(value: unknown, target: CellTarget): void {
  if (!isPlainCell(value)) toCell(value, target);
}

/** A value a table holds (validated when it was stored) as `setValues` must receive it. */
export function sheetCell(value: CellValue): string | number | boolean | Date {
  if (value === null) return '';
  return typeof value === 'string' && needsTextGuard(value) ? `'${value}` : value;
}

/** The value to hand to `setValues` for a model value, or a ValidationError naming the cell. */
export function toCell(value: unknown, target: CellTarget): string | number | boolean | Date {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const guarded = needsTextGuard(value);
    if (value.length > MAX_CELL_CHARS || (guarded && value.length === MAX_CELL_CHARS)) {
      // The apostrophe that keeps text from being parsed counts towards the limit.
      const why = value.length > MAX_CELL_CHARS ? '' : `, with the apostrophe that keeps it text (Sheets could parse it otherwise),`;
      throw new ValidationError(
        `${target.describe()}: a value of ${value.length} characters${why} is over Sheets' limit of ${MAX_CELL_CHARS} per cell; shorten it or split it over several columns.`,
      );
    }
    return guarded ? `'${value}` : value;
  }
  if (typeof value === 'number') {
    if (!isFinite(value)) throw new ValidationError(`${target.describe()}: ${value} cannot be stored in a cell; store a finite number or null.`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (isDate(value)) {
    if (isNaN(value.getTime())) throw new ValidationError(`${target.describe()}: an invalid Date cannot be stored; check how it was built.`);
    // The service copies what it is given, so the caller's Date is handed over as it is.
    return value;
  }
  if (Array.isArray(value)) {
    // A form submission's e.namedValues gives each answer as a list.
    throw new ValidationError(
      `${target.describe()}: a list (${describeValue(value)}) cannot be stored in a cell; store one of its items (list[0]: a form's e.namedValues gives each answer as a list) or join them into text (list.join(', ')), or JSON.stringify it.`,
    );
  }
  throw new ValidationError(
    `${target.describe()}: ${describeValue(value)} (${typeof value}) cannot be stored in a cell; use a string, number, boolean, Date or null (JSON.stringify objects first).`,
  );
}
