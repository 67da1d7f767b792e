import { createAppsScript } from '../../src/testing';

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

describe('locks across simulated executions', () => {
  it('makes another execution fail to take a held script lock', () => {
    const env = createAppsScript();
    env.run('A', () => {
      expect(env.LockService.getScriptLock().tryLock(1000)).toBe(true);
      env.run('B', () => {
        const lock = env.LockService.getScriptLock();
        expect(lock.tryLock(5000)).toBe(false);
        expect(lock.hasLock()).toBe(false);
        expect(() => lock.waitLock(5000)).toThrow(TIMEOUT);
      });
    });
  });

  it('spends the timeout on the fake clock while failing', () => {
    const env = createAppsScript();
    env.run('A', () => {
      env.LockService.getScriptLock().waitLock(10);
      const before = env.clock.now();
      env.run('B', () => env.LockService.getScriptLock().tryLock(3000));
      expect(env.clock.now() - before).toBe(3000);
    });
  });

  it('releases the locks of an execution when its outermost run ends', () => {
    const env = createAppsScript();
    env.run('A', () => {
      env.run('A', () => env.LockService.getScriptLock().waitLock(10));
      // Still inside A's outer run: the lock is still held.
      env.run('B', () => expect(env.LockService.getScriptLock().tryLock(0)).toBe(false));
    });
    env.run('B', () => expect(env.LockService.getScriptLock().tryLock(0)).toBe(true));
  });

  it('releases the locks when the run throws', () => {
    const env = createAppsScript();
    expect(() =>
      env.run('A', () => {
        env.LockService.getScriptLock().waitLock(10);
        throw new Error('script failed');
      }),
    ).toThrow('script failed');
    env.run('B', () => expect(env.LockService.getScriptLock().tryLock(0)).toBe(true));
  });

  it('lets the holding execution take the lock again', () => {
    const env = createAppsScript();
    env.run('A', () => {
      const first = env.LockService.getScriptLock();
      first.waitLock(10);
      const second = env.LockService.getScriptLock();
      expect(second.hasLock()).toBe(false);
      expect(second.tryLock(10)).toBe(true);
      expect(first.hasLock()).toBe(true);
    });
  });

  it('hands the lock over after releaseLock', () => {
    const env = createAppsScript();
    env.run('A', () => {
      const lock = env.LockService.getScriptLock();
      lock.waitLock(10);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
      env.run('B', () => expect(env.LockService.getScriptLock().tryLock(0)).toBe(true));
    });
  });

  it('ignores releaseLock on a lock object that never acquired the lock', () => {
    const env = createAppsScript();
    env.run('A', () => {
      const mine = env.LockService.getScriptLock();
      mine.waitLock(10);
      env.LockService.getScriptLock().releaseLock();
      expect(mine.hasLock()).toBe(true);
      env.run('B', () => expect(env.LockService.getScriptLock().tryLock(0)).toBe(false));
    });
  });

  it('lets a hook release the lock while another execution waits', () => {
    const env = createAppsScript();
    let holder: GoogleAppsScript.Lock.Lock | undefined;
    env.run('A', () => {
      holder = env.LockService.getScriptLock();
      holder.waitLock(10);
    });
    // A's run ended, so its lock is gone; take it again at top level as "main".
    holder = env.LockService.getScriptLock();
    holder.waitLock(10);
    env.beforeCall((call) => {
      if (call.method === 'Lock.tryLock' && call.execution === 'B') env.run('main', () => holder!.releaseLock());
    });
    env.run('B', () => expect(env.LockService.getScriptLock().tryLock(1000)).toBe(true));
  });

  it('keeps one document lock per spreadsheet and one user lock per user', () => {
    const env = createAppsScript();
    env.run('A', () => {
      env.LockService.getDocumentLock().waitLock(10);
      env.LockService.getUserLock().waitLock(10);
      env.run('B', () => {
        expect(env.LockService.getDocumentLock().tryLock(0)).toBe(false);
        expect(env.LockService.getUserLock().tryLock(0)).toBe(true);
        expect(env.LockService.getScriptLock().tryLock(0)).toBe(true);
      });
    });
  });

  it('gives up at once on a negative timeout, even when the lock is free', () => {
    const env = createAppsScript();
    const lock = env.LockService.getScriptLock();
    expect(lock.tryLock(-100)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(-1)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.tryLock(0)).toBe(true);
  });

  it('refuses a missing timeout', () => {
    const env = createAppsScript();
    const lock = env.LockService.getScriptLock() as unknown as { tryLock(): boolean };
    expect(() => lock.tryLock()).toThrow("The parameters () don't match the method signature for LockService.Lock.tryLock.");
  });

  it('tracks the current execution, "main" by default', () => {
    const env = createAppsScript();
    expect(env.currentExecution()).toBe('main');
    env.run('A', () => {
      expect(env.currentExecution()).toBe('A');
      env.run('B', () => expect(env.currentExecution()).toBe('B'));
      expect(env.currentExecution()).toBe('A');
    });
  });
});
