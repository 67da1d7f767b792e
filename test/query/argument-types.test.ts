/** Wrong argument types are refused with a ValidationError naming the argument. */
import { configure, Model, ValidationError } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
}

test('query update() with something other than an object of attributes is a ValidationError (src/query/QueryBuilder.ts update)', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  // Actual: TypeError "Cannot convert undefined or null to object" (Object.keys(null)).
  expect(() => Post.query().update(null as never)).toThrow(ValidationError);
  // Actual: ColumnNotFoundError 'Post: sheet "Posts" … has no column "0"' (the string's indexes taken as columns).
  expect(() => Post.query().update('title' as never)).toThrow(ValidationError);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});

test('configure() refuses a spreadsheetId or spreadsheet of the wrong type (src/config.ts validateOptions)', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  // Actual: accepted; the next Post.all() throws ServiceError
  // "SpreadsheetApp.openById failed: The parameters (number) don't match the method signature for SpreadsheetApp.openById."
  expect(() => configure({ spreadsheetId: 5 as never })).toThrow(ValidationError);
  // Actual: accepted; the next Post.all() throws ServiceError "… failed: spreadsheet.getSheetByName is not a function".
  expect(() => configure({ spreadsheet: 'CRM' as never })).toThrow(ValidationError);
});

test("Eloquent's column lists (all(['id']), get([...]), find(1, [...])) are refused, not ignored with every column returned", () => {
  seedSheets({ Posts: [['id', 'title', 'secret'], [1, 'a', 'x']], Tags: [['id'], [1]], PostTag: [['post_id', 'tag_id'], [1, 1]] });
  class Tag extends Model {
    static _table = 'Tags';
  }
  class Tagged extends Model {
    static _table = 'Posts';
    tags() {
      return this.manyToMany(Tag, 'PostTag');
    }
  }
  const columns = ['id', 'title'];
  const calls: Array<[string, () => unknown]> = [
    ['Post.all()', () => (Post.all as any)(columns)],
    ['Post.first()', () => (Post.first as any)(columns)],
    ['Post.firstOrFail()', () => (Post.firstOrFail as any)(columns)],
    ['Post.find()', () => (Post.find as any)(1, columns)],
    ['Post.findOrFail()', () => (Post.findOrFail as any)(1, columns)],
    ['Post.get()', () => (Post.query() as any).get(columns)],
    ['Post.first()', () => (Post.query() as any).first(columns)],
    ['Post.find()', () => (Post.query() as any).find(1, columns)],
    ['Tagged.tags.get()', () => (Tagged.findOrFail(1).related('tags').query() as any).get(columns)],
    ['Post.select()', () => Post.select('id', 'title')],
    ['Post.select()', () => Post.query().where('id', 1).select(...columns)],
    ['Tagged.tags.select()', () => Tagged.with('tags', (q) => q.select('id')).get()],
  ];
  for (const [call, run] of calls) {
    expect(run).toThrow(new ValidationError(`${call}: sheetorm reads whole rows and takes no list of columns; pick them from the results instead: serialize({ fields: ['id', 'name'] }), or pluck('name') for one column.`));
  }
  expect(Post.find(1)!.serialize({ fields: columns })).toEqual({ id: 1, title: 'a' });
  expect(() => (Post.query() as any).get('title')).toThrow(/takes no list of columns/);
  // Only a list (or a name) is refused: what Array's map passes, or an undefined, is not one.
  expect([1, 2].map(Post.find, Post).map((post) => post && post.$primaryKeyValue)).toEqual([1, null]);
  expect([1].map(Post.findOrFail.bind(Post))[0].$primaryKeyValue).toBe(1);
  expect((Post.find as any)(1, undefined).id).toBe(1);
  expect((Post.query() as any).get(undefined).length).toBe(1);
});
