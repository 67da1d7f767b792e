/**
 * The fake LockService. Locks are held by simulated executions: the script lock is one mutex per
 * environment, the document lock one per spreadsheet, the user lock one per execution's user
 * (the execution name). Waiting cannot happen in a single thread, so a lock held by another
 * execution makes tryLock spend its whole timeout on the fake clock and fail.
 */
import { invoke } from './calls';
import { checkSignature, exception, MSG } from './errors';
import { currentExecution, Mutex, World } from './model';

/** Which mutex a Lock object stands for, and whether this object acquired it (hasLock is per object). */
interface LockState {
  world: World;
  key: string;
  acquired: boolean;
}

const locks = new WeakMap<object, LockState>();
const services = new WeakMap<object, World>();

function mutex(world: World, key: string): Mutex {
  let found = world.mutexes.get(key);
  if (!found) world.mutexes.set(key, (found = {}));
  return found;
}

/** Releases every lock `execution` holds (its script has ended). */
export function releaseAll(world: World, execution: string): void {
  world.mutexes.forEach((m) => {
    if (m.holder === execution) m.holder = undefined;
  });
}

/** Creates the LockService object of a world. */
export function makeLockService(world: World): GoogleAppsScript.Lock.LockService {
  const service = new FakeLockService();
  services.set(service, world);
  return service;
}

function newLock(world: World, key: string): GoogleAppsScript.Lock.Lock {
  const lock = new FakeLock();
  locks.set(lock, { world, key, acquired: false });
  return lock;
}

function onService<T>(fake: object, method: string, args: IArguments, body: (world: World) => T): T {
  const world = services.get(fake)!;
  return invoke(world, `LockService.${method}`, {}, args, () => body(world));
}

class FakeLockService implements GoogleAppsScript.Lock.LockService {
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return onService(this, 'getScriptLock', arguments, (w) => newLock(w, 'script'));
  }

  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return onService(this, 'getDocumentLock', arguments, (w) => newLock(w, `document:${w.active.id}`));
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    return onService(this, 'getUserLock', arguments, (w) => newLock(w, `user:${currentExecution(w)}`));
  }
}

function onLock<T>(fake: object, method: string, args: IArguments, body: (m: Mutex, me: string, state: LockState) => T): T {
  const state = locks.get(fake)!;
  return invoke(state.world, `Lock.${method}`, {}, args, () => body(mutex(state.world, state.key), currentExecution(state.world), state));
}

function acquire(m: Mutex, me: string, state: LockState, timeout: unknown, args: IArguments, method: string): boolean {
  checkSignature(args.length === 1 && typeof timeout === 'number', args, `LockService.Lock.${method}`);
  // Apps Script gives up at once on a negative timeout, even when the lock is free.
  if ((timeout as number) < 0) return false;
  if (m.holder === undefined || m.holder === me) {
    m.holder = me;
    state.acquired = true;
    return true;
  }
  state.world.now += Math.max(0, timeout as number);
  return false;
}

class FakeLock implements GoogleAppsScript.Lock.Lock {
  tryLock(timeoutInMillis: number): boolean {
    const args = arguments;
    return onLock(this, 'tryLock', args, (m, me, state) => acquire(m, me, state, timeoutInMillis, args, 'tryLock'));
  }

  waitLock(timeoutInMillis: number): void {
    const args = arguments;
    onLock(this, 'waitLock', args, (m, me, state) => {
      if (!acquire(m, me, state, timeoutInMillis, args, 'waitLock')) throw exception(MSG.lockTimeout);
    });
  }

  hasLock(): boolean {
    return onLock(this, 'hasLock', arguments, (m, me, state) => state.acquired && m.holder === me);
  }

  releaseLock(): void {
    onLock(this, 'releaseLock', arguments, (m, me, state) => {
      // No effect unless this object acquired the lock (another object's hold stays).
      if (!state.acquired) return;
      state.acquired = false;
      if (m.holder === me) m.holder = undefined;
    });
  }
}

/** The fake classes, for the compile-time API check. */
export type { FakeLock, FakeLockService };
