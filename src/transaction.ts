/** `SheetORM.transaction(fn)`: buffered writes applied together under one lock, or not at all. */
import { runWrite, session as readSession } from './storage/UnitOfWork';
import { ValidationError } from './errors';

/**
 * Runs `fn` holding the lock; its writes are kept in memory (queries inside see them) and written
 * when `fn` returns. If `fn` throws, nothing is written and the error propagates. Returns `fn`'s value.
 */
export function transaction<T>(fn: () => T): T {
  if (typeof fn !== 'function') throw new ValidationError('SheetORM.transaction(fn): fn must be a function.');
  return runWrite('SheetORM.transaction', () => fn(), true);
}

/**
 * Runs `fn` with each sheet read at most once and reused by later queries in fn. Writes still take
 * the lock; a reused sheet is re-checked under it (header and keys) and read again if it changed.
 */
export function session<T>(fn: () => T): T {
  if (typeof fn !== 'function') throw new ValidationError('SheetORM.session(fn): fn must be a function.');
  return readSession(fn);
}
