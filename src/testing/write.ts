/** Turning what a script passes to setValues/setValue/appendRow into cell content. */
import { exception, MSG } from './errors';
import { CHARACTER_LIMIT } from './grid';
import { Content, isDate, parseTyped } from './parse';

/**
 * Content for a written value; strings are read as typed input unless the cell is plain text ("@").
 * `now`, the kit's clock, dates "1/2" in the current year.
 */
export function toContent(input: unknown, format: string | undefined, timeZone: string, now?: number): Content {
  if (input === null || input === undefined || input === '') return {};
  // Sheets holds no NaN or infinity: the cell shows the error #NUM!.
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : { value: '#NUM!' };
  if (typeof input === 'boolean') return { value: input };
  if (isDate(input)) {
    // What Sheets makes of an Invalid Date is unknown; a test should not pass on a guess.
    if (Number.isNaN(input.getTime())) throw new TypeError('sheetorm/testing: an Invalid Date was written to a cell; what Sheets stores for it is not simulated.');
    return { value: new Date(input.getTime()) };
  }
  // Apps Script hands a list in a cell to Sheets as a Java array, which stores its identity text.
  if (Object.prototype.toString.call(input) === '[object Array]') return { value: javaArrayText() };
  const text = String(input);
  if (text.length > CHARACTER_LIMIT) throw exception(MSG.tooManyCharacters);
  if (typeof input !== 'string') return { value: text };
  return format === '@' ? { value: text } : parseTyped(text, timeZone, now);
}

let arraysWritten = 0;

/** What a cell shows for a list written into it: `[Ljava.lang.Object;@` and a hash, new each time. */
function javaArrayText(): string {
  arraysWritten += 1;
  const hash = (Math.imul(arraysWritten, 0x9e3779b1) >>> 0).toString(16);
  return `[Ljava.lang.Object;@${hash}`;
}

/** Content for setFormula: a formula when it starts with "=", nothing for "" (clears the cell). */
export function formulaContent(formula: unknown, format: string | undefined, timeZone: string, now?: number): Content {
  const text = formula === null || formula === undefined ? '' : String(formula);
  if (text.length > CHARACTER_LIMIT) throw exception(MSG.tooManyCharacters);
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  // Sheets is reported to add the "=" itself; a test should not pass on a guess either way.
  if (text !== '' && text !== '=') throw new TypeError(`sheetorm/testing: setFormula(${JSON.stringify(text)}) has no leading "="; what Sheets stores for it is not simulated. Write "=${text}", or use setValue for a value.`);
  return toContent(text, format, timeZone, now);
}

/** Content for a seeded cell: kept exactly as given, except that "=..." strings are formulas. */
export function seedContent(input: unknown): Content {
  if (input === null || input === undefined || input === '') return {};
  if (typeof input === 'string' && input.startsWith('=') && input.length > 1) return { formula: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  return typeof input === 'number' || typeof input === 'boolean' ? { value: input } : { value: String(input) };
}
