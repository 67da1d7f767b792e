import { Model, configure } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';
import { freshLibrary } from '../support/library';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
}

const rows = (n: number) => [['id', 'title'], ...Array.from({ length: n }, (_, i) => [i + 1, `Post ${i + 1}`])];

describe('two executions sharing one spreadsheet', () => {
  it("B's deletions and insertions between A's read and A's save do not misplace A's write", () => {
    seedSheets({ Posts: rows(5) });
    const post = gas().run('A', () => Post.find(4)!);
    gas().run('B', () => {
      Post.query().whereIn('id', [1, 2]).delete();
      Post.create({ title: 'by B' });
      const sheet = gas().active.getSheetByName('Posts')!;
      sheet.insertRowsBefore(2, 1);
      sheet.getRange(2, 1, 1, 2).setValues([[99, 'inserted by a person']]);
    });
    gas().run('A', () => {
      post.title = 'edited by A';
      post.save();
    });
    const after = sheetRows('Posts');
    expect(after.find((r) => r[0] === 4)).toEqual([4, 'edited by A']);
    expect(after.filter((r) => r[1] === 'edited by A')).toHaveLength(1);
    expect(after).toContainEqual([99, 'inserted by a person']);
  });

  it('a lock-free deletion between A\'s read and A\'s lock (the docs\' example) does not misplace the save', () => {
    seedSheets({ Posts: rows(4) });
    let done = false;
    const unsubscribe = gas().beforeCall((call) => {
      if (!done && call.execution === 'A' && call.method === 'Lock.tryLock') {
        done = true;
        gas().run('B', () => SpreadsheetApp.getActive().getSheetByName('Posts')!.deleteRow(2));
      }
    });
    gas().run('A', () => Post.find(3)!.merge({ title: 'Edited' }).save());
    unsubscribe();
    expect(done).toBe(true);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [2, 'Post 2'], [3, 'Edited'], [4, 'Post 4']]);
  });

  it("A deletes exactly its own row after B moved it", () => {
    seedSheets({ Posts: rows(5) });
    const post = gas().run('A', () => Post.find(3)!);
    gas().run('B', () => Post.query().where('id', '<', 3).delete());
    gas().run('A', () => post.delete());
    expect(sheetRows('Posts').map((r) => r[0])).toEqual(['id', 4, 5]);
  });

  it("A's createMany interleaved with B's create gives unique keys and loses no row", () => {
    seedSheets({ Posts: rows(2) });
    // Execution B has its own copy of the library, as a separate Apps Script execution would.
    const libB = freshLibrary();
    class PostB extends libB.Model {
      static _table = 'Posts';
    }
    let bTried = false;
    // B tries to create while A, holding the lock, is between its read and its write.
    const unsubscribe = gas().beforeCall((call) => {
      if (call.execution === 'A' && call.method === 'Range.setValues' && !bTried) {
        bTried = true;
        gas().run('B', () => {
          expect(() => PostB.create({ title: 'B while A holds the lock' })).toThrow(libB.LockTimeoutError);
        });
      }
    });
    gas().run('A', () => Post.createMany([{ title: 'A1' }, { title: 'A2' }]));
    unsubscribe();
    expect(bTried).toBe(true);
    gas().run('B', () => PostB.create({ title: 'B after A' }));
    const ids = sheetRows('Posts').slice(1).map((r) => r[0]);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a create racing between two executions without interleaved lock still yields distinct keys', () => {
    seedSheets({ Posts: rows(1) });
    gas().run('A', () => Post.create({ title: 'A' }));
    gas().run('B', () => Post.create({ title: 'B' }));
    expect(sheetRows('Posts').map((r) => r[0])).toEqual(['id', 1, 2, 3]);
  });

  it('reports a lock it could not get within lockTimeoutMs and writes nothing', () => {
    seedSheets({ Posts: rows(1) });
    configure({ lockTimeoutMs: 250 });
    gas().run('A', () => {
      LockService.getScriptLock().tryLock(1000);
      gas().run('B', () => {
        expect(() => Post.create({ title: 'B' })).toThrow(/^Post\.create: could not obtain the script lock within 250 ms/);
      });
    });
    expect(sheetRows('Posts')).toHaveLength(2);
  });

  it('uses a Lock passed in by the caller and leaves it held', () => {
    seedSheets({ Posts: rows(1) });
    const lock = LockService.getScriptLock();
    lock.waitLock(1000);
    configure({ lock });
    Post.create({ title: 'with my lock' });
    expect(lock.hasLock()).toBe(true);
    expect(gas().calls.count('Lock.releaseLock')).toBe(0);
    lock.releaseLock();
  });

  it('takes a Lock passed in that is not held yet, and releases it after the write', () => {
    seedSheets({ Posts: rows(1) });
    const lock = LockService.getScriptLock();
    configure({ lock });
    gas().calls.reset();
    Post.create({ title: 'x' });
    const order = gas().calls.all().map((call) => call.method);
    expect(order.filter((method) => method === 'Lock.tryLock')).toHaveLength(1);
    expect(order.indexOf('Lock.tryLock')).toBeLessThan(order.indexOf('Range.getValues'));
    expect(order[order.length - 1]).toBe('Lock.releaseLock');
    expect(lock.hasLock()).toBe(false);
  });

  it('can write without a lock when configured so', () => {
    seedSheets({ Posts: rows(1) });
    configure({ lock: false });
    Post.create({ title: 'x' });
    expect(gas().calls.count('LockService.getScriptLock')).toBe(0);
    expect(gas().calls.count('SpreadsheetApp.flush')).toBe(1);
  });

  it('takes the document lock when configured', () => {
    seedSheets({ Posts: rows(1) });
    configure({ lock: 'document' });
    Post.create({ title: 'x' });
    expect(gas().calls.count('LockService.getDocumentLock')).toBe(1);
  });

  it("refuses the user lock, which would let two users' creates take the same key", () => {
    expect(() => configure({ lock: 'user' as never })).toThrow(/lock 'user' is not offered.*'script'/);
  });
});
