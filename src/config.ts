/** Global settings, changed with `configure()`. */
import { ValidationError } from './errors';
import { describeValue } from './support/values';
import { enabledSheetsService, SHEETS_SERVICE_MISSING } from './support/sheetsService';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Lock = GoogleAppsScript.Lock.Lock;

/** Which lock guards writes: a Lock the calling script passes in, a LockService kind, or none. */
export type LockSetting = Lock | 'script' | 'document' | false;

/** Options of `configure()`. */
export interface SheetORMOptions {
  /** The spreadsheet models use unless they pin their own (default: the active one; null goes back to it). */
  spreadsheet?: Spreadsheet | null;
  /** Opened with `SpreadsheetApp.openById` when no `spreadsheet` is given (null: back to the active one). */
  spreadsheetId?: string | null;
  /** Default `'script'`. A library should be given the caller's own lock. */
  lock?: LockSetting;
  /** How long a write waits for the lock (default 10,000 ms). */
  lockTimeoutMs?: number;
  /** Log each service call and its duration with `Logger.log` (`console.log` outside Apps Script). */
  debug?: boolean;
  /** Read with the Sheets advanced service when it is enabled (default, or null: detected). */
  sheetsApi?: boolean | null;
  /** Retries of a failed idempotent service call (default 3). */
  retries?: number;
}

/** The settings in force. */
export interface SheetORMConfig {
  spreadsheet: Spreadsheet | null;
  spreadsheetId: string | null;
  lock: LockSetting;
  lockTimeoutMs: number;
  debug: boolean;
  sheetsApi: boolean | null;
  retries: number;
}

const defaults = (): SheetORMConfig => ({
  spreadsheet: null,
  spreadsheetId: null,
  lock: 'script',
  lockTimeoutMs: 10000,
  debug: false,
  sheetsApi: null,
  retries: 3,
});

let current: SheetORMConfig = defaults();
let generation = 0;

/** Changes global settings; unspecified options keep their value. Returns the settings in force. */
export function configure(options: SheetORMOptions = {}): SheetORMConfig {
  validateOptions(options);
  current = { ...current, ...withoutUndefined(options) } as SheetORMConfig;
  if (options.spreadsheet) current.spreadsheetId = null;
  if (options.spreadsheetId && !options.spreadsheet) current.spreadsheet = null;
  // null for either, without the other, goes back to the active spreadsheet.
  if ((options.spreadsheet === null && !options.spreadsheetId) || (options.spreadsheetId === null && !options.spreadsheet)) {
    current.spreadsheet = null;
    current.spreadsheetId = null;
  }
  generation++;
  return { ...current };
}

/** Restores the defaults (for tests that switch between stand-ins). */
export function resetConfig(): void {
  current = defaults();
  generation++;
}

/** The settings in force. */
export function getConfig(): Readonly<SheetORMConfig> {
  return current;
}

/** Changes each time settings change, so caches of spreadsheets and sheets can be dropped. */
export function configGeneration(): number {
  return generation;
}

function withoutUndefined(options: SheetORMOptions): Partial<SheetORMConfig> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) result[key] = value;
  }
  return result as Partial<SheetORMConfig>;
}

function validateOptions(options: SheetORMOptions): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ValidationError(`configure(): expected an object of options such as { spreadsheetId: '…', lock: 'script' }, got ${describeValue(options)}.`);
  }
  const known = ['spreadsheet', 'spreadsheetId', 'lock', 'lockTimeoutMs', 'debug', 'sheetsApi', 'retries'];
  for (const key of Object.keys(options)) {
    if (known.indexOf(key) < 0) throw new ValidationError(`configure(): unknown option "${key}" (options: ${known.join(', ')}).`);
  }
  const { lock, lockTimeoutMs, retries, spreadsheet, spreadsheetId } = options;
  if (spreadsheetId !== undefined && spreadsheetId !== null && (typeof spreadsheetId !== 'string' || !spreadsheetId.trim())) {
    throw new ValidationError(`configure(): spreadsheetId must be the id string from the spreadsheet's URL, not ${describeValue(spreadsheetId)}.`);
  }
  if (spreadsheet !== undefined && spreadsheet !== null && (typeof spreadsheet !== 'object' || typeof spreadsheet.getSheetByName !== 'function')) {
    throw new ValidationError('configure(): spreadsheet must be a Spreadsheet (e.g. SpreadsheetApp.openById(id)), or null for the active one; to give an id, use spreadsheetId.');
  }
  if (spreadsheet && spreadsheetId) {
    throw new ValidationError(
      `configure(): give spreadsheet or spreadsheetId, not both: the spreadsheet object would be used and the id "${spreadsheetId}" ignored.`,
    );
  }
  if ((lock as unknown) === 'user') {
    throw new ValidationError(
      "configure(): lock 'user' is not offered: a user lock keeps out only the same user's executions, so two users' creates could take the same key. Use 'script' (default) or 'document'.",
    );
  }
  if (lock !== undefined && lock !== false && lock !== 'script' && lock !== 'document') {
    const isLock = lock !== null && typeof lock === 'object' && typeof (lock as Lock).tryLock === 'function';
    if (!isLock) throw new ValidationError(`configure(): lock must be a Lock (e.g. LockService.getScriptLock()), 'script', 'document' or false.`);
  }
  // Lock.tryLock takes a whole number of milliseconds.
  if (lockTimeoutMs !== undefined && !(Number.isSafeInteger(lockTimeoutMs) && (lockTimeoutMs as number) >= 0)) {
    throw new ValidationError(`configure(): lockTimeoutMs must be a whole number of milliseconds ≥ 0, not ${describeValue(lockTimeoutMs)}.`);
  }
  for (const flag of ['debug', 'sheetsApi'] as const) {
    const value = options[flag];
    // null is sheetsApi's default (detect the service); configure() hands its settings back with it.
    if (value !== undefined && value !== null && typeof value !== 'boolean') {
      throw new ValidationError(`configure(): ${flag} must be true or false${flag === 'sheetsApi' ? ' (or null: detect the service)' : ''}, not ${describeValue(value)}.`);
    }
  }
  // Said now, not at the first read of several sheets or the first write.
  if (options.sheetsApi === true && !enabledSheetsService()) throw new ValidationError(`configure({ sheetsApi: true }): ${SHEETS_SERVICE_MISSING}`);
  if (retries !== undefined && !(Number.isSafeInteger(retries) && (retries as number) >= 0)) {
    throw new ValidationError(`configure(): retries must be a whole number ≥ 0, not ${describeValue(retries)}.`);
  }
}
