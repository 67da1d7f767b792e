/**
 * When a write takes the lock: a single write takes it just before its first read (so one that
 * turns out to change nothing takes none), a transaction for as long as its function runs.
 */
import { configure, LockTimeoutError, Model, transaction } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  comments() {
    return this.hasMany(Comment);
  }
}
class Comment extends Model {
  static _table = 'Comments';
  declare id: number;
  declare post_id: number | null;
  post() {
    return this.belongsTo(Post);
  }
}

function seed() {
  seedSheets({
    Posts: [['id', 'title'], [1, 'One'], [2, 'Two']],
    Comments: [['id', 'post_id', 'body'], [1, 1, 'first'], [2, null, 'loose']],
  });
}

describe('the write lock', () => {
  it('is not taken by a related write that changes nothing', () => {
    seed();
    const post = Post.find(1)!;
    const other = Post.find(2)!;
    const [first, loose] = [Comment.find(1)!, Comment.find(2)!];
    gas().calls.reset();
    post.related('comments').save(first);
    post.related('comments').saveMany([first]);
    first.related('post').associate(post);
    loose.related('post').dissociate();
    expect(gas().calls.all().map((call) => call.method)).toEqual([]);
    // One that does change something still locks before it reads.
    other.related('comments').save(first);
    const order = gas().calls.all().map((call) => call.method);
    expect(order.filter((method) => method === 'Lock.tryLock')).toHaveLength(1);
    expect(order.indexOf('Lock.tryLock')).toBeLessThan(order.indexOf('Range.getValues'));
    expect(order[order.length - 1]).toBe('Lock.releaseLock');
    expect(sheetRows('Comments')[1]).toEqual([1, 2, 'first']);
  });

  it('refused at the first read leaves the models as they were and writes nothing', () => {
    seed();
    configure({ lockTimeoutMs: 50 });
    const [post, comment] = gas().run('B', () => [Post.find(2)!, Comment.find(1)!] as const);
    gas().run('A', () => {
      LockService.getScriptLock().tryLock(1000);
      gas().run('B', () => {
        expect(() => post.related('comments').save(comment)).toThrow(LockTimeoutError);
        expect(() => post.related('comments').save(comment)).toThrow(/^Post\.comments\.save: could not obtain the script lock/);
      });
    });
    expect(comment.post_id).toBe(1);
    expect(comment.$isDirty).toBe(false);
    expect(sheetRows('Comments')[1]).toEqual([1, 1, 'first']);
  });

  it('given as a Lock that throws "Lock timeout" (waitLock\'s way), is a LockTimeoutError and nothing is written', () => {
    seed();
    const refusing = {
      hasLock: () => false,
      tryLock: () => {
        throw new Error('Lock timeout: another process was holding the lock for too long.');
      },
      waitLock: () => undefined,
      releaseLock: () => undefined,
    };
    configure({ lock: refusing as unknown as GoogleAppsScript.Lock.Lock });
    gas().calls.reset();
    expect(() => Post.create({ id: 3 })).toThrow(LockTimeoutError);
    expect(() => Post.create({ id: 3 })).toThrow(/^Post\.create: could not obtain the given lock/);
    expect(gas().calls.writes()).toBe(0);
    // Any other failure of tryLock is not a timeout.
    refusing.tryLock = () => {
      throw new Error('Service error');
    };
    expect(() => Post.create({ id: 3 })).not.toThrow(LockTimeoutError);
    expect(sheetRows('Posts')).toHaveLength(3);
  });

  it("refused for truncate() names truncate, not the delete it runs", () => {
    seed();
    configure({ lockTimeoutMs: 50 });
    gas().run('A', () => {
      LockService.getScriptLock().tryLock(1000);
      gas().run('B', () => expect(() => Post.truncate()).toThrow(/^Post\.truncate: could not obtain the script lock/));
    });
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'One'], [2, 'Two']]);
  });

  it('is held by a transaction while its function runs, even one that reads nothing', () => {
    seed();
    gas().calls.reset();
    transaction(() => {
      expect(gas().calls.count('Lock.tryLock')).toBe(1);
    });
    expect(gas().calls.count('Lock.releaseLock')).toBe(1);
  });
});
