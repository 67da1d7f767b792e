/** A sheet the script deletes (and makes again) between operations: its kept handle no longer works. */
import { Model, ServiceError, SheetNotFoundError, transaction } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
}

/** What a nightly rebuild does: deletes the sheet and makes a new one of the same name. */
function rebuildPosts(rows: unknown[][]): void {
  const book = gas().active;
  book.deleteSheet(book.getSheetByName('Posts')!);
  const sheet = book.insertSheet('Posts');
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
}

beforeEach(() => {
  seedSheets({ Posts: [['id', 'title'], [1, 'Old']], Other: [['x']] });
});

test('a query after the sheet was made again reads the new sheet', () => {
  expect(Post.all().map((post) => post.title)).toEqual(['Old']);
  rebuildPosts([['id', 'title'], [7, 'New']]);
  gas().calls.reset();

  expect(Post.all().map((post) => [post.id, post.title])).toEqual([[7, 'New']]);
  // The kept handle fails once, then the sheet is opened by name again and read.
  expect(gas().calls.count('Spreadsheet.getSheetByName')).toBe(1);
  expect(gas().calls.count('Range.getValues')).toBe(1);
});

test('a create after the sheet was made again writes into the new sheet', () => {
  Post.all();
  rebuildPosts([['id', 'title'], [7, 'New']]);

  Post.create({ title: 'Added' });
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [7, 'New'], [8, 'Added']]);
});

test('a transaction whose sheet was made again meanwhile writes each change to its row in the new sheet', () => {
  transaction(() => {
    const post = Post.find(1)!;
    rebuildPosts([['id', 'title'], [5, 'Other'], [1, 'Old']]); // someone rebuilt it, row 1 moved down
    post.title = 'Changed';
    post.save();
  });
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [5, 'Other'], [1, 'Changed']]);
});

test('a transaction on a big sheet (checked by its key column) made again meanwhile writes to the new sheet', () => {
  const rows: unknown[][] = [['id', 'title']];
  for (let id = 1; id <= 30000; id++) rows.push([id, `Post ${id}`]);
  seedSheets({ Posts: rows, Other: [['x']] });
  transaction(() => {
    const post = Post.find(2)!;
    rebuildPosts(([['id', 'title'], [0, 'Inserted']] as unknown[][]).concat(rows.slice(1)));
    post.title = 'Changed';
    post.save();
  });
  expect(sheetRows('Posts').slice(0, 4)).toEqual([['id', 'title'], [0, 'Inserted'], [1, 'Post 1'], [2, 'Changed']]);
});

test('a sheet deleted for good is a SheetNotFoundError naming it', () => {
  Post.all();
  const book = gas().active;
  book.deleteSheet(book.getSheetByName('Posts')!);

  expect(() => Post.all()).toThrow(SheetNotFoundError);
  expect(() => Post.all()).toThrow(/has no sheet "Posts"/);
});

test('a missing sheet is a SheetNotFoundError even when the sheets cannot be listed for the message', () => {
  const book = gas().active;
  book.deleteSheet(book.getSheetByName('Posts')!);
  gas().beforeCall((call) => {
    if (call.method === 'Spreadsheet.getSheets') throw new Error('Service Spreadsheets failed while accessing document');
  });

  expect(() => Post.all()).toThrow(SheetNotFoundError);
  expect(() => Post.all()).toThrow(/has no sheet "Posts"\. Create it/);
});

test('a failing read of a kept handle whose sheet is still there is not tried again', () => {
  Post.all();
  let failures = 1;
  gas().beforeCall((call) => {
    if (call.method === 'Range.getValues' && failures-- > 0) throw new Error('You do not have permission to access the requested document.');
  });
  gas().calls.reset();

  expect(() => Post.all()).toThrow(ServiceError);
  expect(gas().calls.count('Range.getValues')).toBe(1);
});

test('a read failing on every call reports the read, not the look-up that followed it', () => {
  Post.all();
  gas().beforeCall((call) => {
    if (/Range\.getValues|getSheetByName|getSheetId/.test(call.method)) throw new Error('Service Spreadsheets timed out while accessing document.');
  });
  gas().calls.reset();

  expect(() => Post.all()).toThrow(/"Posts" getDataRange\(\)\.getValues\(\) failed after \d+ attempts/);
  // One look-up, not retried: the read's own retries are what the failure is about.
  expect(gas().calls.count('Spreadsheet.getSheetByName')).toBe(1);
});

describe('with the Sheets advanced service (sheets read in one batch hold lazy handles)', () => {
  class Tagged extends Post {
    tags() {
      return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
    }
  }
  class Tag extends Model {
    static _table = 'Tags';
  }

  beforeEach(() => {
    seedSheets({ Posts: [['id', 'title'], [1, 'Old']], Tags: [['id', 'name']], PostTag: [['post_id', 'tag_id']] }, { sheetsApi: true });
  });

  test('a transaction whose sheet was made again meanwhile writes to its row in the new sheet', () => {
    Post.all();
    transaction(() => {
      const post = Tagged.query().with('tags').first()!;
      rebuildPosts([['id', 'title'], [5, 'Other'], [1, 'Old']]);
      post.title = 'Changed';
      post.save();
    });
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [5, 'Other'], [1, 'Changed']]);
  });

  test('a sheet deleted for good is a SheetNotFoundError in a transaction too', () => {
    Post.all();
    expect(() =>
      transaction(() => {
        const post = Tagged.query().with('tags').first()!;
        const book = gas().active;
        book.deleteSheet(book.getSheetByName('Posts')!);
        post.title = 'Changed';
        post.save();
      }),
    ).toThrow(SheetNotFoundError);
  });
});
