/**
 * Taking the configured lock for a write; it is released after `SpreadsheetApp.flush()`. A Lock
 * object the caller passed in and already holds is used as is and left held (`hasLock()` is per
 * Lock object, so this is only knowable for the caller's own object).
 */
import { getConfig, LockSetting } from '../config';
import { LockTimeoutError, ServiceError, SheetORMError, WriteError } from '../errors';
import { failureOf, messageOf, once, retried } from './service';

type Lock = GoogleAppsScript.Lock.Lock;

/** A lock taken (or reused) for one unit of work. */
export interface HeldLock {
  /**
   * Flushes pending writes (when there were any) and releases the lock if it was taken here. After a
   * failure (`failed`), a flush error is dropped: the error being thrown already says what was written;
   * after a complete write it is a WriteError saying the changes most likely went through.
   */
  release(wrote: boolean, failed?: boolean): void;
}

/** Takes the configured lock or throws LockTimeoutError. */
export function acquireLock(purpose: string): HeldLock {
  const { lock: setting, lockTimeoutMs } = getConfig();
  const unlocked: HeldLock = { release: (wrote, failed) => flushAfter(purpose, wrote, failed) };
  const lock = beforeWriting(() => resolveLock(setting));
  if (!lock) return unlocked;
  // A caller's Lock double may lack hasLock: it is then taken as not held.
  const held = typeof setting === 'object' && typeof (lock as Partial<typeof lock>).hasLock === 'function';
  if (held && beforeWriting(() => retried('Lock.hasLock', () => lock.hasLock()))) return unlocked;
  if (!beforeWriting(() => once('Lock.tryLock', () => tookLock(lock, lockTimeoutMs)))) {
    throw new LockTimeoutError(
      `${purpose}: could not obtain the ${describeSetting(setting)} lock within ${lockTimeoutMs} ms (another execution is writing). Nothing was written; try again, or raise configure({ lockTimeoutMs }).`,
    );
  }
  return {
    release(wrote, failed) {
      let flushError: unknown = null;
      try {
        flushAfter(purpose, wrote, failed);
      } catch (error) {
        flushError = error;
      }
      try {
        once('Lock.releaseLock', () => lock.releaseLock());
      } catch (error) {
        if (flushError) throw flushError;
        // The error on its way out says what was written; Apps Script releases the lock when the script ends.
        if (failed) return;
        // After a complete write a plain service error would invite a retry, which writes twice.
        if (wrote) {
          throw new WriteError(
            `${purpose}: the changes were written and flushed, but releasing the lock failed afterwards (${failureOf(error).replace(/\.$/, '')}); Apps Script releases it when the script ends. Do not retry the write: it went through.`,
          );
        }
        throw error;
      }
      if (flushError) throw flushError;
    },
  };
}

/** `tryLock`; a lock that says it timed out by throwing (waitLock's way, a wrapper's) did not take. */
function tookLock(lock: Lock, timeoutMs: number): boolean {
  try {
    return lock.tryLock(timeoutMs);
  } catch (error) {
    if (/^(Exception: )?Lock timeout/i.test(messageOf(error))) return false;
    // The call may have taken the lock before failing: release it (no effect on a lock not held),
    // or every other execution's write would wait for this one to end.
    try {
      lock.releaseLock();
    } catch {
      // The failure being reported is tryLock's.
    }
    throw error;
  }
}

/** Runs a lock call that comes before any write, saying so when it fails. */
function beforeWriting<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ServiceError) throw new ServiceError(`${error.message} Nothing was written.`, error.cause);
    throw error;
  }
}

let kept: { service: object; setting: LockSetting; lock: Lock } | null = null;

function resolveLock(setting: LockSetting): Lock | null {
  if (setting === false) return null;
  if (typeof setting === 'object') return setting;
  if (typeof LockService === 'undefined') {
    throw new SheetORMError('LockService is not defined: run inside Apps Script, install sheetorm/testing, or configure({ lock: false }).');
  }
  // One Lock object serves every write of an execution (taken and released each time): a call saved per write.
  if (kept && kept.service === LockService && kept.setting === setting) return kept.lock;
  const lock = retried(`LockService.get${setting === 'document' ? 'Document' : 'Script'}Lock`, () => {
    if (setting === 'document') return LockService.getDocumentLock();
    return LockService.getScriptLock();
  });
  if (lock) kept = { service: LockService, setting, lock };
  if (!lock) {
    throw new SheetORMError(`LockService.getDocumentLock() returned null: this script is not bound to a document. Use configure({ lock: 'script' }).`);
  }
  return lock;
}

function describeSetting(setting: LockSetting): string {
  return typeof setting === 'string' ? setting : 'given';
}

function flushAfter(purpose: string, wrote: boolean, failed = false): void {
  if (!wrote) return;
  try {
    retried('SpreadsheetApp.flush', () => SpreadsheetApp.flush());
  } catch (error) {
    // After a failure, the write error on its way out already lists what reached the sheet.
    if (failed) return;
    throw new WriteError(
      `${purpose}: every change was sent to the sheet, but SpreadsheetApp.flush() failed afterwards (${failureOf(error).replace(/\.$/, '')}). ` +
        'The changes were most likely applied and the models count as saved: read the sheet again before retrying, as a blind retry can write them twice.',
    );
  }
}
