/**
 * Where Apps Script allows fewer calls: a custom function (=MYFUNCTION() in a cell) may only read its
 * own spreadsheet, and a simple trigger (onEdit) may use no service that needs authorisation. A call
 * refused there did nothing, so sheetorm says so, and reads or writes another way where one is allowed.
 */
import { Model, ServiceError, WriteError, configure } from '../../src';
import { createAppsScript } from '../../src/testing';
import { resetConfig } from '../../src/config';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
}
class Post extends Model {
  static _table = 'Posts';
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}

const seed = () => ({
  Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']],
  Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
  PostTag: [['post_id', 'tag_id'], [1, 1], [3, 2]],
});

/** Refuses, as Apps Script does in a custom function, every call that is not a read of the own spreadsheet. */
function asCustomFunction(env = gas()) {
  return env.beforeCall((call) => {
    const name = call.method.slice(call.method.lastIndexOf('.') + 1);
    if (call.method === 'SpreadsheetApp.openById' || !/^(get|is|has)/.test(name)) {
      if (/^(LockService|Lock|Utilities|SpreadsheetApp\.flush)/.test(call.method)) return;
      throw new Error(`You do not have permission to call ${call.method.replace(/^\w+\./, call.method.startsWith('SpreadsheetApp.') ? 'SpreadsheetApp.' : '')}. Required permissions: https://www.googleapis.com/auth/spreadsheets`);
    }
  });
}

describe('in a custom function', () => {
  beforeEach(() => seedSheets(seed()));

  it('reads work and take no lock', () => {
    asCustomFunction();
    expect(Post.with('tags').orderBy('id').get().map((post) => post.tags.length)).toEqual([1, 0, 1]);
    expect(gas().calls.count('Lock.tryLock')).toBe(0);
  });

  it('a refused create writes nothing and says where it may run, not that running it again is safe', () => {
    asCustomFunction();
    expect(() => Post.create({ title: 'd' })).toThrow(WriteError);
    expect(() => Post.create({ title: 'd' })).toThrow(/Custom functions \(=MYFUNCTION\(\) in a cell\) may only read.*menu item, a button or an installable trigger/);
    expect(() => Post.create({ title: 'd' })).not.toThrow(/running it again is safe/);
    expect(sheetRows('Posts')).toEqual(seed().Posts);
  });

  it('a refused deletion is reported as not written, never as perhaps written', () => {
    asCustomFunction();
    let error: unknown;
    try {
      Post.findOrFail(2).delete();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toMatch(/failed \(.*deleteRows\(3, 1\) failed: You do not have permission to call deleteRows.*\)\. Nothing was written: .* Custom functions/);
    expect((error as Error).message).not.toMatch(/Perhaps written/);
    expect(sheetRows('Posts')).toEqual(seed().Posts);
  });

  it('configure({ spreadsheetId }) naming the own spreadsheet reads it, as openById is refused there', () => {
    const id = gas().active.getId();
    configure({ spreadsheetId: id });
    asCustomFunction();
    expect(Post.pluck('title').all()).toEqual(['a', 'b', 'c']);
    expect(gas().calls.count('SpreadsheetApp.openById')).toBe(1);
  });

  it('another spreadsheet cannot be opened there: the error says why, not to check the id', () => {
    gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'other']] }, { id: 'sheet-2', name: 'Other' });
    configure({ spreadsheetId: 'sheet-2' });
    asCustomFunction();
    expect(() => Post.all()).toThrow(ServiceError);
    expect(() => Post.all()).toThrow(/^Post: could not open the spreadsheet with id "sheet-2" .*You do not have permission to call SpreadsheetApp\.openById.*simple triggers \(onOpen, onEdit\) cannot open other spreadsheets/);
    expect(() => Post.all()).not.toThrow(/Check the id/);
  });

  it("a whereIn given a range's rows of cells says to flatten them", () => {
    const range = [[1], [3]];
    expect(() => Post.whereIn('id', range).get()).toThrow("Post.whereIn('id', [...]): the item at index 0 is a list ([1]); a range's values (getValues(), a custom function's argument) are rows of cells: flatten them first, values.flat().");
    expect(Post.whereIn('id', range.flat()).pluck('title').all()).toEqual(['a', 'c']);
    // A Map's [key, value] pairs are no range's rows: it is asked for its keys or values.
    const byId = new Map([[1, 'a'], [3, 'c']]);
    expect(() => Post.whereIn('id', byId as never).get()).toThrow("Post.whereIn('id', …): expected a list of values, got a Map; pass its keys or its values: [...map.keys()] or [...map.values()].");
    expect(Post.whereIn('id', [...byId.keys()]).count()).toBe(2);
  });
});

describe('in a simple trigger, with the Sheets advanced service on', () => {
  it('writes and reads the API refuses go through SpreadsheetApp, and the API is not asked again', () => {
    const env = createAppsScript({ sheetsApi: true, sheets: seed() });
    const uninstall = env.install();
    resetConfig();
    try {
      env.beforeCall((call) => {
        if (call.method.startsWith('Sheets.')) throw new Error(`You do not have permission to call ${call.method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`);
      });
      expect(Post.query().whereIn('id', [1, 3]).update({ title: 'x' })).toBe(2);
      expect(env.sheetValues('Posts')).toEqual([['id', 'title'], [1, 'x'], [2, 'b'], [3, 'x']]);
      const refused = env.calls.count('Sheets.Spreadsheets.Values.batchUpdate');
      expect(refused).toBe(1);
      Post.with('tags').get();
      Post.with('tags').get();
      expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(0);
      expect(Post.query().whereIn('id', [1, 3]).update({ title: 'y' })).toBe(2);
      expect(env.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(refused);
    } finally {
      uninstall();
      resetConfig();
    }
  });
});
