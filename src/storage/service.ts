/**
 * Every SpreadsheetApp/LockService call goes through here: transient failures are retried with
 * bounded exponential backoff (only where repeating the call is safe), and `debug` logs each call.
 */
import { getConfig } from '../config';
import { ServiceError, SheetORMError } from '../errors';

const TRANSIENT = [
  /timed out/i,
  /too many times/i,
  /service error/i,
  /internal error/i,
  /try again/i,
  /service unavailable/i,
  /currently unavailable/i,
  /too many simultaneous invocations/i,
  /backend error/i,
  /rate limit/i,
  /server error/i,
  /failed while accessing/i,
  /quota exceeded/i,
];

// The Sheets API's per-minute quotas refill over a minute: wait longer before trying again.
// Its 429 reads "Quota exceeded for quota metric ..." or "Resource has been exhausted (e.g. check quota)."
const QUOTA = /quota exceeded|rate limit|resource has been exhausted|RESOURCE_EXHAUSTED/i;

// What Apps Script says where the context allows no such call: a custom function writing or opening
// another spreadsheet, a simple trigger using a service that needs authorisation.
const NOT_ALLOWED = /You do not have permission to call|Authorization is required to perform that action|does not have permission to perform that action/i;

/** Whether a call was refused as not allowed where the script runs: it did nothing. */
export function isNotAllowed(error: unknown): boolean {
  return !(error instanceof SheetORMError) && NOT_ALLOWED.test(messageOf(error));
}

/** Whether a write call was refused before doing anything: not allowed where the script runs, quota, protected cells. */
export function isRefusal(error: unknown): boolean {
  return isNotAllowed(error) || isQuotaRefusal(error) || (!(error instanceof SheetORMError) && /You do not have permission|trying to edit a protected cell/i.test(messageOf(error)));
}

/** Whether a call was refused for quota: nothing was done, so even a one-shot change may be sent again. */
export function isQuotaRefusal(error: unknown): boolean {
  return !(error instanceof SheetORMError) && (QUOTA.test(messageOf(error)) || httpStatusOf(error) === 429);
}

/** The HTTP status an advanced service's error carries (`details.code`), if any. */
function httpStatusOf(error: unknown): number | null {
  const details = error !== null && typeof error === 'object' ? (error as { details?: { code?: unknown } }).details : undefined;
  return details && typeof details.code === 'number' ? details.code : null;
}

/** Whether an error is one of the passing faults Google's services throw. */
export function isTransient(error: unknown): boolean {
  if (error instanceof SheetORMError) return false;
  const message = messageOf(error);
  return TRANSIENT.some((pattern) => pattern.test(message)) || isQuotaRefusal(error);
}

/**
 * Runs a call that is safe to repeat (reads, opening, flush), retrying passing faults
 * (or only the faults `canRetry` accepts).
 */
export function retried<T>(label: string, fn: () => T, canRetry: (error: unknown) => boolean = isTransient, logged = true): T {
  const { retries } = getConfig();
  for (let attempt = 0; ; attempt++) {
    try {
      return logged ? timed(label, fn) : fn();
    } catch (error) {
      if (attempt >= retries || !canRetry(error)) throw asServiceError(label, error, attempt + 1, true);
      pause(attempt, isQuotaRefusal(error));
    }
  }
}

/** Runs a call that must not be repeated (writes addressed by row number, row insertions and deletions). */
export function once<T>(label: string, fn: () => T): T {
  try {
    return timed(label, fn);
  } catch (error) {
    throw asServiceError(label, error, 1, false);
  }
}

/** `Utilities.getUuid()`, retried like any call but not logged per call (a batch makes thousands). */
export function newUuid(): string {
  return retried('Utilities.getUuid', () => Utilities.getUuid(), isTransient, false);
}

let asker: string | null = null;

/** Runs `fn` with `who` (`Post.create`, `Tag`) named first in the ServiceErrors its calls throw. */
export function askedBy<T>(who: string, fn: () => T): T {
  const outer = asker;
  asker = who;
  try {
    return fn();
  } finally {
    asker = outer;
  }
}

/** The failed call and Apps Script's words, without who asked or advice, for messages that embed a ServiceError. */
const failures = new WeakMap<object, string>();

function asServiceError(label: string, error: unknown, attempts: number, repeatable: boolean): unknown {
  if (error instanceof SheetORMError) return error;
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const said = messageOf(error).trim();
  const failure = `${label} failed${tries}: ${said}`;
  const who = asker ? `${asker}: ` : '';
  const stop = /[.!?]$/.test(said) ? '' : '.';
  const wrapped = new ServiceError(`${who}${failure}${stop} ${adviceFor(said, isTransient(error), repeatable)}`, error);
  failures.set(wrapped, failure);
  return wrapped;
}

/** What failed, for a message that embeds it: a ServiceError's call and cause, else the error's message. */
export function failureOf(error: unknown): string {
  return (typeof error === 'object' && error !== null && failures.get(error)) || messageOf(error);
}

/** Who asked for the calls running now (`Post.create`), if anyone said. */
export function whoAsked(): string | null {
  return asker;
}

/** What to do about a failure of a call that is not repeated, from what Apps Script said. */
export function adviceOn(error: unknown): string {
  return adviceFor(messageOf(error).trim(), isTransient(error), false);
}

/** What to do about a failed call, from what Apps Script said. */
function adviceFor(said: string, transient: boolean, repeatable: boolean): string {
  if (QUOTA.test(said) || /too many times/i.test(said)) {
    return 'A quota of Google\'s services is used up: make fewer calls (read with one query and with(...), write many rows with createMany or in a transaction) or wait for it to refill, then try again.';
  }
  if (transient) return `This is usually a passing fault of Google's services: try again in a moment${repeatable ? ', or raise configure({ retries })' : ''}.`;
  if (NOT_ALLOWED.test(said)) {
    return 'Custom functions (=MYFUNCTION() in a cell) may only read their own spreadsheet, and simple triggers (onOpen, onEdit) cannot open other spreadsheets or use services that need authorisation: run this from a menu item, a button or an installable trigger. Nothing was done by this call.';
  }
  if (/permission|access denied|not authori[sz]ed|authorization is required/i.test(said)) {
    return 'Share the spreadsheet with the account the script runs as (and authorise the script), or check the id given to configure({ spreadsheetId }) or _spreadsheetId.';
  }
  if (/protected/i.test(said)) return 'The cells are protected: give this account edit rights to them, or remove the protection.';
  if (/not found|does not exist|deleted/i.test(said)) return 'Check that the spreadsheet and the sheet still exist and that configure({ spreadsheetId }) or _spreadsheetId names the right spreadsheet.';
  return 'Apps Script\'s own error is in error.cause.';
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String((error as Error).message) : String(error);
}

function timed<T>(label: string, fn: () => T): T {
  if (!getConfig().debug) return fn();
  const started = Date.now();
  try {
    return fn();
  } finally {
    log(`[sheetorm] ${label} ${Date.now() - started} ms`);
  }
}

/** Writes a line to the Apps Script log (or the console outside Apps Script). */
export function log(line: string): void {
  if (typeof Logger !== 'undefined' && Logger && typeof Logger.log === 'function') Logger.log(line);
  else if (typeof console !== 'undefined') console.log(line);
}

function pause(attempt: number, quota: boolean): void {
  const ms = quota ? Math.min(40000, 10000 * Math.pow(2, attempt)) : Math.min(8000, 250 * Math.pow(2, attempt)) + Math.floor(Math.random() * 100);
  if (typeof Utilities !== 'undefined' && Utilities && typeof Utilities.sleep === 'function') Utilities.sleep(ms);
}
