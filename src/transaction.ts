/** `SheetORM.transaction(fn)`: buffered writes applied together under one lock, or not at all. */
import { runWrite, session as readSession } from './storage/UnitOfWork';
import { ValidationError } from './errors';

/** A value a synchronous function returns: an async one's Promise is refused when compiling, as it is at run time. */
export type Sync<T> = T extends PromiseLike<unknown> ? never : T;

/**
 * Runs `fn` holding the lock; its writes are kept in memory (queries inside see them) and written
 * when `fn` returns. If `fn` throws, nothing is written and the error propagates. Returns `fn`'s value.
 */
export function transaction<T>(fn: () => Sync<T>): T {
  requireSyncFunction(fn, 'transaction');
  return runWrite(
    'SheetORM.transaction',
    () => {
      const value = fn();
      // Writes after an `await` would land later, outside the transaction: refused, and rolled back.
      if (isThenable(value)) throw new ValidationError(`SheetORM.transaction(fn): fn returned a Promise. ${SYNC_ONLY} Nothing was written.`);
      return value;
    },
    true,
  );
}

/**
 * Runs `fn` with each sheet read at most once and reused by later queries in fn. Writes still take
 * the lock; a reused sheet is re-checked under it (header and keys) and read again if it changed.
 */
export function session<T>(fn: () => Sync<T>): T {
  requireSyncFunction(fn, 'session');
  return readSession(fn);
}

const SYNC_ONLY = 'sheetorm runs synchronously, as Apps Script does: write fn as a plain function, without async or await.';

function requireSyncFunction(fn: unknown, method: string): void {
  if (typeof fn !== 'function') throw new ValidationError(`SheetORM.${method}(fn): fn must be a function.`);
  // By tag, not instanceof: a library's caller makes its functions in another realm.
  const tag = Object.prototype.toString.call(fn);
  if (tag === '[object AsyncFunction]' || tag === '[object AsyncGeneratorFunction]') {
    throw new ValidationError(`SheetORM.${method}(fn): fn is an async function. ${SYNC_ONLY}`);
  }
}

function isThenable(value: unknown): boolean {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}
