/** Writes by row number are sent once, and an append is taken back only from rows that still hold its keys. */
import { Model, WriteError, transaction } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare title: string;
}
class Tag extends Model {
  static _table = 'Tags';
}

const timeout = () => new Error(`Service Spreadsheets timed out while accessing document with id ${gas().active.getId()}.`);
const sheet = (name: string) => gas().active.getSheetByName(name)!;

it('sends a failed update once: a retry after a pause could reach rows a person moved meanwhile', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']] });
  const post = Post.findOrFail(2);
  let failed = false;
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && !failed) {
      failed = true;
      // The call is slow to fail: a person inserts a row meanwhile.
      sheet('Posts').insertRowBefore(2);
      sheet('Posts').getRange(2, 1, 1, 2).setValues([[99, 'typed by a person']]);
      throw timeout();
    }
  });
  post.title = 'B';
  expect(() => post.save()).toThrow(WriteError);
  expect(() => post.save()).not.toThrow();
  expect(gas().calls.count('Utilities.sleep')).toBe(0);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [99, 'typed by a person'], [1, 'a'], [2, 'B'], [3, 'c']]);
});

it('does not take an append back from rows that hold other data now, and reports it as written', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']], Tags: [['id', 'name'], [1, 'js']] });
  let setValues = 0;
  gas().beforeCall((call) => {
    // Posts is appended first; the Tags append fails while a person inserts a row at the top of Posts.
    if (call.method === 'Range.setValues' && ++setValues === 2) {
      sheet('Posts').insertRowBefore(2);
      sheet('Posts').getRange(2, 1, 1, 2).setValues([[99, 'typed by a person']]);
      throw timeout();
    }
  });
  const post = new Post();
  post.title = 'New';
  expect(() =>
    transaction(() => {
      post.save();
      Tag.create({ name: 'y' });
    }),
  ).toThrow(/Written: sheet "Posts" in spreadsheet "[^"]+": appended rows 3–3\. Not written \(at most\): sheet "Tags" .*append rows 3–3\.$/);
  // Row 3 now holds post 1: it is kept, and so is the new post, one row down.
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [99, 'typed by a person'], [1, 'a'], [2, 'New']]);
  expect(sheetRows('Tags')).toEqual([['id', 'name'], [1, 'js']]);
});

it('takes an append back from rows that still hold its keys', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']], Tags: [['id', 'name'], [1, 'js']] });
  let setValues = 0;
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && ++setValues === 2) throw timeout();
  });
  expect(() =>
    transaction(() => {
      Post.create({ title: "'00123" });
      Tag.create({ name: 'y' });
    }),
  ).toThrow(/Nothing was written: the rows appended before the failure were cleared again/);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});
