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
  ).toThrow(/Written: sheet "Posts" in spreadsheet "[^"]+": appended rows 3–3\. Not written: sheet "Tags" .*append rows 3–3\.$/);
  // Row 3 now holds post 1: it is kept, and so is the new post, one row down.
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [99, 'typed by a person'], [1, 'a'], [2, 'New']]);
  expect(sheetRows('Tags')).toEqual([['id', 'name'], [1, 'js']]);
});

it('takes back changed cells whose rows still hold what was written or what they held, text guards and Dates included', () => {
  const day = new Date(Date.UTC(2024, 0, 2));
  const rows = [['id', 'title', 'code', 'at'], [1, 'a', '007', day], [2, 'b', 'x', ''], [3, 'c', "'=1", day]];
  seedSheets({ Posts: rows });
  let setValues = 0;
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && ++setValues === 3) throw timeout();
  });
  expect(() =>
    transaction(() => {
      Post.findOrFail(1).merge({ code: 'TRUE', at: new Date(0) }).save();
      Post.findOrFail(3).merge({ title: "'quoted", code: 'plain' }).save();
      Post.findOrFail(2).merge({ at: day }).save();
    }),
  ).toThrow(/Nothing was written: what was written before the failure was taken back/);
  expect(sheetRows('Posts')).toEqual(rows);
  expect(gas().calls.count('Range.setValues')).toBe(3 + 2);
});

it('leaves changed cells whose rows hold other data now, and reports them as written', () => {
  seedSheets({ Posts: [['id', 'title', 'body'], [1, 'a', 'x'], [2, 'b', 'y']] });
  let setValues = 0;
  gas().beforeCall((call) => {
    // The title of post 1 lands; while the body of post 2 fails, a person inserts a row at the top.
    if (call.method === 'Range.setValues' && ++setValues === 2) {
      sheet('Posts').insertRowBefore(2);
      sheet('Posts').getRange(2, 1, 1, 3).setValues([[99, 'typed', 'by a person']]);
      throw timeout();
    }
  });
  expect(() =>
    transaction(() => {
      Post.findOrFail(1).merge({ title: 'A' }).save();
      Post.findOrFail(2).merge({ body: 'Y' }).save();
    }),
  ).toThrow(/Written: sheet "Posts" in spreadsheet "[^"]+": updated 1×1 cells at row 2 \(title\)\. Perhaps written \(the call that failed may have gone through\): sheet "Posts" .*update 1×1 cells at row 3 \(body\)\.$/);
  expect(sheetRows('Posts')).toEqual([['id', 'title', 'body'], [99, 'typed', 'by a person'], [1, 'A', 'x'], [2, 'b', 'y']]);
});

it("leaves changed cells whose row moved even when another row there shows the same value: it checks the row's key", () => {
  seedSheets({ Posts: [['id', 'status', 'views', 'title'], [1, 'open', 1, 'a'], [2, 'done', 2, 'b'], [3, 'open', 3, 'c']] });
  const post = Post.findOrFail(3).merge({ status: 'done', title: 'T' });
  let setValues = 0;
  gas().beforeCall((call) => {
    // The status lands; while the title fails, a person inserts a row at the top: post 2, which
    // already says done, is now where post 3's status was written.
    if (call.method === 'Range.setValues' && ++setValues === 2) {
      sheet('Posts').insertRowBefore(2);
      sheet('Posts').getRange(2, 1, 1, 4).setValues([[99, 'open', 0, 'typed by a person']]);
      throw timeout();
    }
  });
  expect(() => post.save()).toThrow(/Written: sheet "Posts" in spreadsheet "[^"]+": updated 1×1 cells at row 4 \(status\)\./);
  expect(sheetRows('Posts')).toEqual([['id', 'status', 'views', 'title'], [99, 'open', 0, 'typed by a person'], [1, 'open', 1, 'a'], [2, 'done', 2, 'b'], [3, 'done', 3, 'c']]);
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
  ).toThrow(/Nothing was written: what was written before the failure was taken back/);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});
