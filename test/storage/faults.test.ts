import { Model, WriteError, ServiceError, configure, transaction } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
}
class Tag extends Model {
  static _table = 'Tags';
}
/** Posts with their tags, for reads of several sheets at once. */
class Tagged extends Model {
  static _table = 'Posts';
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}

const timeout = () => new Error(`Service Spreadsheets timed out while accessing document with id ${gas().active.getId()}.`);

/** Makes the next `times` calls of `method` fail with `error`. */
function failNext(method: string, times: number, error: () => Error = timeout) {
  let left = times;
  return gas().beforeCall((call) => {
    if (call.method === method && left > 0) {
      left--;
      throw error();
    }
  });
}

describe('transient service failures', () => {
  it('retries a read with backoff and succeeds', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    failNext('Range.getValues', 2);
    const started = gas().clock.now();
    expect(Post.all().count()).toBe(1);
    expect(gas().calls.count('Range.getValues')).toBe(3);
    expect(gas().calls.count('Utilities.sleep')).toBe(2);
    expect(gas().clock.now() - started).toBeGreaterThanOrEqual(250 + 500);
  });

  it.each([
    ['Too many simultaneous invocations: Spreadsheets'],
    ['API call to sheets.spreadsheets.values.batchGet failed with error: The service is currently unavailable.'],
  ])('retries a read that failed with "%s"', (message) => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    failNext('Range.getValues', 1, () => new Error(message));
    expect(Post.all().count()).toBe(1);
    expect(gas().calls.count('Range.getValues')).toBe(2);
  });

  it('gives up after the configured retries with the service error', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    configure({ retries: 1 });
    failNext('Range.getValues', 5, () => new Error('Service invoked too many times for one day: spreadsheets.'));
    expect(() => Post.all()).toThrow(ServiceError);
    expect(() => Post.all()).toThrow(/"Posts" getDataRange\(\)\.getValues\(\) failed after 2 attempts: Service invoked too many times/);
    expect(gas().calls.count('Range.getValues')).toBe(4);
  });

  it('does not retry errors that are not transient', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    failNext('Range.getValues', 1, () => new Error('You do not have permission to access the requested document.'));
    expect(() => Post.all()).toThrow(/"Posts" getDataRange\(\)\.getValues\(\) failed: You do not have permission/);
    expect(gas().calls.count('Range.getValues')).toBe(1);
  });

  it('names who asked first and says what to do, by the kind of failure', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    configure({ retries: 0 });
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(ServiceError);
        return (error as Error).message;
      }
      throw new Error('expected a ServiceError');
    };
    const stop = failNext('Range.getValues', 1);
    expect(message(() => Post.all())).toMatch(/^Post: "Posts" getDataRange\(\)\.getValues\(\) failed: Service Spreadsheets timed out[^]*\. This is usually a passing fault of Google's services: try again in a moment, or raise configure\(\{ retries \}\)\.$/);
    stop();
    failNext('Range.getValues', 1, () => new Error('You do not have permission to access the requested document'));
    expect(message(() => Post.find(1))).toMatch(/^Post: .*You do not have permission to access the requested document\. Share the spreadsheet with the account the script runs as/);
    failNext('Range.getValues', 1, () => new Error('Service invoked too many times for one day: spreadsheets.'));
    expect(message(() => Post.create({ title: 'b' }))).toMatch(/^Post\.create: "Posts" getDataRange\(\)\.getValues\(\) failed: .*A quota of Google's services is used up/);
    failNext('Lock.tryLock', 1, () => new Error('Unexpected error while getting the method or property tryLock on object LockService.Lock.'));
    expect(message(() => Post.create({ title: 'b' }))).toMatch(/^Post\.create: Lock\.tryLock failed: Unexpected error .*\. Apps Script's own error is in error\.cause\. Nothing was written\.$/);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
  });

  it('inside a transaction names the operation that read; on the Sheets API path, after the batch read failed, the model whose getValues failed', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']], Tags: [['id', 'name']], PostTag: [['post_id', 'tag_id']] });
    configure({ retries: 0 });
    failNext('Range.getValues', 1, () => new Error('You do not have permission to access the requested document.'));
    expect(() => transaction(() => Post.create({ title: 'b' }))).toThrow(/^Post\.create: "Posts" getDataRange\(\)\.getValues\(\) failed: You do not have permission/);
    seedSheets({ Posts: [['id', 'title'], [1, 'a']], Tags: [['id', 'name']], PostTag: [['post_id', 'tag_id']] }, { sheetsApi: true });
    configure({ retries: 0 });
    const denied = () => new Error('You do not have permission to access the requested document.');
    failNext('Sheets.Spreadsheets.Values.batchGet', 1, denied);
    failNext('Range.getValues', 1, denied);
    expect(() => Tagged.with('tags').get()).toThrow(/^Tagged: "Posts" getDataRange\(\)\.getValues\(\) failed: You do not have permission.* Share the spreadsheet/);
    expect(gas().calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
  });

  it('sends setValues once (a retry after a pause could reach rows that moved) and says nothing was written', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    failNext('Range.setValues', 1);
    expect(() => Post.create({ title: 'b' })).toThrow(WriteError);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
    Post.create({ title: 'b' });
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b']]);
  });

  it('never repeats a row deletion; reports what was and was not written', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']] });
    failNext('Sheet.deleteRows', 1);
    let error: unknown;
    try {
      Post.query().whereIn('id', [2, 4]).delete();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toMatch(/writing to sheet "Posts".*timed out.*Written: nothing\. Perhaps written \(the call that failed may have gone through\): .*delete rows 5–5\. Not written: .*delete rows 3–3\.$/);
    expect((error as Error).message).not.toMatch(/try again in a moment/);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(1);
  });

  it('a failure after a RangeList write takes the ranges back; a failed RangeList write leaves nothing', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']] });
    configure({ retries: 0 });
    const third = Post.find(3)!;
    // Each failure happens once: the take-back's own calls go through.
    let failing: string | null = 'Range.setValues';
    gas().beforeCall((call) => {
      if (call.method !== failing) return;
      failing = null;
      throw timeout();
    });
    const edit = () =>
      transaction(() => {
        Post.query().whereIn('id', [1, 5]).update({ title: 'x' });
        third.merge({ title: 'z' }).save();
      });
    expect(edit).toThrow(/Nothing was written: what was written before the failure was taken back/);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']]);
    expect(gas().calls.count('RangeList.setValue')).toBe(1);
    failing = 'RangeList.setValue';
    third.merge({ title: 'c' });
    expect(edit).toThrow(/Nothing was written/);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']]);
  });

  it('a failure after some writes takes them back, so the sheet is as before', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']] });
    configure({ retries: 0 });
    let setValuesCalls = 0;
    gas().beforeCall((call) => {
      if (call.method === 'Range.setValues' && ++setValuesCalls === 2) throw timeout();
    });
    const [first, third] = [Post.find(1)!, Post.find(3)!];
    expect(() =>
      transaction(() => {
        first.merge({ title: 'x' }).save();
        third.merge({ title: 'y' }).save();
      }),
    ).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']]);
  });

  it("a transaction's take-back restores what a cell held at the commit, not at the transaction's read (a person's edit meanwhile stays)", () => {
    seedSheets({ Posts: [['id', 'title', 'note'], [1, 'a', null], [2, 'b', null]] });
    configure({ retries: 0 });
    let setValuesCalls = 0;
    gas().beforeCall((call) => {
      if (call.method === 'Range.setValues' && ++setValuesCalls === 2) throw timeout();
    });
    expect(() =>
      transaction(() => {
        Post.query().where('id', 1).update({ note: 'from tx' });
        // A person types into that cell after the transaction read the sheet.
        gas().active.getSheetByName('Posts')!.getRange(2, 3).setValue('typed by Ann');
        Post.findOrFail(2).merge({ title: 'B' }).save();
      }),
    ).toThrow(/Nothing was written/);
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'note'], [1, 'a', 'typed by Ann'], [2, 'b', '']]);
  });
});
