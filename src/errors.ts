/** Base class of every error sheetorm throws; the message says what to fix. */
export class SheetORMError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetORMError';
  }
}

/** A model's sheet does not exist in its spreadsheet. */
export class SheetNotFoundError extends SheetORMError {
  constructor(message: string) {
    super(message);
    this.name = 'SheetNotFoundError';
  }
}

/** A column named by a model, query or relation is not in the sheet's header row. */
export class ColumnNotFoundError extends SheetORMError {
  /** The column looked for, when known. */
  readonly column?: string;
  /** The message without whose lookup it was (`sheet "Posts" ... has no column "user_id" ...`), when known. */
  readonly detail?: string;

  constructor(message: string, column?: string, detail?: string) {
    super(message);
    this.name = 'ColumnNotFoundError';
    if (column !== undefined) this.column = column;
    if (detail !== undefined) this.detail = detail;
  }
}

/** A relation name is not defined on the model. */
export class RelationNotFoundError extends SheetORMError {
  /** The error a relation method threw while its definition was read, if that is why. */
  readonly cause?: unknown;

  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = 'RelationNotFoundError';
    if (cause !== undefined) this.cause = cause;
  }
}

/** `findOrFail`/`firstOrFail` found nothing, or a row to update is gone. */
export class ModelNotFoundError extends SheetORMError {
  constructor(message: string) {
    super(message);
    this.name = 'ModelNotFoundError';
  }
}

/** A primary key value that already exists in the sheet. */
export class DuplicateKeyError extends SheetORMError {
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateKeyError';
  }
}

/** Input sheetorm refuses before writing anything: bad values, operators, arguments or headers. */
export class ValidationError extends SheetORMError {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The configured lock was not obtained within `lockTimeoutMs`. */
export class LockTimeoutError extends SheetORMError {
  constructor(message: string) {
    super(message);
    this.name = 'LockTimeoutError';
  }
}

/** A write call failed part-way (calls that address rows are sent once, never retried); the message says what was and was not written. */
export class WriteError extends SheetORMError {
  /**
   * When every change was written and only the flush or the lock's release after it failed: what
   * the call would have returned (the saved models), since they count as saved. Otherwise undefined.
   */
  result?: unknown;

  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

/** An Apps Script service call failed (after retries, when the failure was transient). */
export class ServiceError extends SheetORMError {
  /** The error Apps Script threw. */
  readonly cause: unknown;

  constructor(message: string, cause: unknown) {
    super(message);
    this.name = 'ServiceError';
    this.cause = cause;
  }
}
