/**
 * The messages real Apps Script throws, word for word. Sources are listed in docs/testing.md;
 * every message here was seen in a real error report, not guessed.
 */

/** An error shaped like the ones Apps Script throws (`name` is "Exception"). */
export function exception(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Word-for-word Apps Script messages. */
export const MSG = {
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  rowsAtLeastOne: 'The number of rows in the range must be at least 1.',
  columnsAtLeastOne: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  cellOutOfRange: 'Cell reference out of range',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllSheets: "You can't remove all the sheets in a document.",
  freezeAllRows: "You can't freeze all visible rows on the sheet.",
  tooManyCharacters: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  openById: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
  // The openById message with this method's name; the same wording is assumed, not seen.
  openByUrl: 'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
  lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
  cacheKeyTooLarge: 'Argument too large: key',
  cacheValueTooLarge: 'Argument too large: value',
  propertyQuota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  sheetNameTooLong: 'The sheet name cannot be greater than 100 characters',
  // The kit's own wording: calls on a deleted sheet fail in Apps Script, and the exact text is unconfirmed.
  sheetDeleted: (name: string) => `The sheet "${name}" has been deleted.`,
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  signature: (types: string, method: string) =>
    `The parameters (${types}) don't match the method signature for ${method}.`,
};

/** The Apps Script type name of an argument, as shown in "parameters (...)" messages. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return arrayTypeName(value);
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'string') return 'String';
  return 'Object';
}

/** `number[]` for a list of numbers, `String[][]` for a grid of strings; `Object[]` when mixed or empty. */
function arrayTypeName(list: unknown[]): string {
  const names = new Set(list.map(typeName));
  const only = names.size === 1 ? (names.values().next().value as string) : 'Object';
  return `${only === 'null' ? 'Object' : only}[]`;
}

/** Throws the "parameters don't match" error unless `ok`. */
export function checkSignature(ok: boolean, args: ArrayLike<unknown>, method: string): void {
  if (!ok) throw exception(MSG.signature(Array.prototype.map.call(args, typeName).join(','), method));
}

/** True for a whole number, which is what Apps Script's `Integer` parameters accept. */
export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
