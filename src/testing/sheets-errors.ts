/**
 * Errors of the Sheets advanced service as Apps Script throws them: a `GoogleJsonResponseException`
 * whose message is "API call to sheets.<method> failed with error: <the API's message>" and whose
 * `details` carry the HTTP code and the API's message. Sources are listed in docs/testing.md.
 */

/**
 * What the Sheets API answers. Messages up to `deleteNonFrozen` were seen in real error reports
 * (docs/testing.md lists them); the rest follow a real message's pattern or another fake's
 * observation and are marked where the wording is not confirmed.
 */
export const API_MSG = {
  notFound: 'Requested entity was not found.',
  unableToParse: (range: string) => `Unable to parse range: ${range}`,
  exceedsGrid: (range: string, maxRows: number, maxCols: number) =>
    `Range (${range}) exceeds grid limits. Max rows: ${maxRows}, max columns: ${maxCols}`,
  writingRow: (range: string, row: number) => `Requested writing within range [${range}], but tried writing to row [${row}]`,
  writingColumn: (range: string, column: string) => `Requested writing within range [${range}], but tried writing to column [${column}]`,
  inputOptionRequired: "'valueInputOption' is required but not specified",
  noRequests: 'Must specify at least one request.',
  tooManyCharacters: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  deleteMissing: (kind: 'row' | 'column', index: number, count: number) =>
    `Cannot delete a ${kind} that doesn't exist. Tried to delete ${kind} index ${index} but there are only ${count} ${kind}s.`,
  deleteEveryRow: "You can't delete all the rows on the sheet.",
  deleteNonFrozen: 'Sorry, it is not possible to delete all non-frozen rows.',
  // Google's standard wording for a bad enum value and an unknown field.
  badEnum: (field: string, type: string, value: unknown) =>
    `Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${type}), ${JSON.stringify(String(value))}`,
  unknownParameter: (name: string) =>
    `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`,
  unknownRequestField: (name: string, index: number) =>
    `Invalid JSON payload received. Unknown name "${name}" at 'requests[${index}]': Cannot find field.`,
  // Seen as "No sheet with id: 0" for updateSheetProperties; the grid wording is unconfirmed.
  noGrid: (id: unknown) => `No grid with id: ${id}`,
  // The column variant of "all the rows", and the insertDimension limits, as another fake observed them.
  deleteEveryColumn: "You can't delete all the columns on the sheet.",
  insertAtEnd: (size: number) => `range.startIndex must be less than the grid size (${size}) if inheritFromBefore is false.`,
  insertPastEnd: (size: number) => `range.startIndex is larger than current grid size (${size})`,
  // Unconfirmed wording.
  badDimensionRange: 'Invalid dimension range: startIndex must be less than endIndex.',
};

/** The shape Apps Script gives a failed advanced-service call. */
export interface SheetsApiError extends Error {
  details: { code: number; message: string; errors: Array<{ message: string; domain: string; reason: string }> };
}

/**
 * An error as a failed Sheets advanced-service call throws it. `method` is the REST method
 * ("spreadsheets.values.get", "spreadsheets.batchUpdate", ...), `code` the HTTP status.
 * Tests can throw one from a beforeCall hook, e.g. a 429 "Quota exceeded for quota metric ...".
 */
export function sheetsApiError(method: string, code: number, message: string): SheetsApiError {
  const error = new Error(`API call to sheets.${method} failed with error: ${message}`) as SheetsApiError;
  error.name = 'GoogleJsonResponseException';
  const reason = code === 404 ? 'notFound' : code === 429 ? 'rateLimitExceeded' : 'badRequest';
  error.details = { code, message, errors: [{ message, domain: 'global', reason }] };
  return error;
}

/** A 400 from the API, thrown by the request currently being served. */
export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** A 404 from the API. */
export class NotFound extends Error {
  constructor() {
    super(API_MSG.notFound);
  }
}

/** Runs a request body, turning the API's refusals into the exception Apps Script throws. */
export function serve<T>(method: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof NotFound) throw sheetsApiError(method, 404, error.message);
    if (error instanceof BadRequest) throw sheetsApiError(method, 400, error.message);
    throw error;
  }
}

/** A misuse of the kit or of the advanced service that the kit cannot answer faithfully. */
export function kitError(message: string): TypeError {
  return new TypeError(`sheetorm/testing (Sheets advanced service): ${message}`);
}
