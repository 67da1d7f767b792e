import { Model, ValidationError } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare uses: number;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare views: number | null;
  declare likes: number;
  tags() {
    return this.manyToMany(Tag, 'PostTag');
  }
}

const seed = () =>
  seedSheets({
    Posts: [
      ['id', 'views', 'likes', 'total'],
      [1, 5, 1, '=B2+C2'],
      [2, '', 0, '=B3+C3'],
      [3, 9, 2, '=B4+C4'],
    ],
    Tags: [['id', 'uses'], [1, 0], [2, 4]],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [3, 1]],
  });

describe('query increment / decrement', () => {
  it('adds to the matching rows, an empty cell counting as 0, under one lock and one read', () => {
    seed();
    gas().calls.reset();
    expect(Post.query().increment('views')).toBe(3);
    expect(sheetRows('Posts').map((row) => row[1])).toEqual(['views', 6, 1, 10]);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    // Only the views column is written: the formulas beside it stay formulas.
    expect(gas().sheetFormulas('Posts').slice(1).map((row) => row[3])).toEqual(['=B2+C2', '=B3+C3', '=B4+C4']);
  });

  it('takes an amount, a where-clause, several columns at once, and decrements', () => {
    seed();
    expect(Post.where('id', '>', 1).increment('views', 10)).toBe(2);
    expect(Post.where('id', 1).increment({ views: 2, likes: 3 })).toBe(1);
    expect(Post.where('id', 3).decrement('likes', 2)).toBe(1);
    expect(Post.where('id', 1).decrement({ likes: 1 })).toBe(1);
    expect(sheetRows('Posts').slice(1).map((row) => row.slice(0, 3))).toEqual([[1, 7, 3], [2, 10, 0], [3, 19, 0]]);
  });

  it('counts what another execution wrote after this one read: the cells are read under the lock', () => {
    seed();
    let done = false;
    const unsubscribe = gas().beforeCall((call) => {
      if (!done && call.method === 'Lock.tryLock') {
        done = true;
        gas().run('B', () => SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange(2, 2).setValue(100));
      }
    });
    const post = Post.findOrFail(1);
    Post.where('id', 1).increment('views');
    unsubscribe();
    expect(done).toBe(true);
    expect(post.views).toBe(5);
    expect(sheetRows('Posts')[1][1]).toBe(101);
  });

  it('refuses text in a cell it would add to, before writing any row', () => {
    seed();
    gas().active.getSheetByName('Posts')!.getRange(4, 2).setValue('n/a');
    gas().calls.reset();
    expect(() => Post.query().increment('views')).toThrow(/row 4 of .*"n\/a".*not a number/);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('Posts')[1][1]).toBe(5);
  });

  it('refuses a key column, a missing column, and amounts that are not finite numbers', () => {
    seed();
    expect(() => Post.query().increment('id')).toThrow(/key of Post/);
    expect(() => Post.query().increment('nope')).toThrow(/no column "nope"/);
    expect(() => Post.query().increment('views', 'two')).toThrow(ValidationError);
    expect(() => Post.query().increment('views', 1, 'x' as never)).toThrow(/extra columns must be an object/);
    expect(() => Post.query().increment('views', NaN)).toThrow(/finite number/);
    expect(() => Post.query().increment({})).toThrow(/at least one column/);
    expect(gas().calls.writes()).toBe(0);
  });

  it('adds to the related rows of a many-to-many query once each, even a row attached twice', () => {
    seed();
    gas().active.getSheetByName('PostTag')!.appendRow([1, 1]);
    expect(Post.findOrFail(1).related('tags').query().increment('uses')).toBe(2);
    expect(sheetRows('Tags').slice(1)).toEqual([[1, 1], [2, 5]]);
    expect(sheetRows('PostTag')).toHaveLength(5);
  });

  it('writes nothing for an amount of 0, so formulas in that column stay formulas', () => {
    seed();
    gas().calls.reset();
    expect(Post.query().increment({ views: 1, total: 0 })).toBe(3);
    expect(gas().sheetFormulas('Posts').slice(1).map((row) => row[3])).toEqual(['=B2+C2', '=B3+C3', '=B4+C4']);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    gas().calls.reset();
    expect(Post.query().increment('views', 0)).toBe(3);
    expect(gas().calls.writes()).toBe(0);
  });

  it("sets Eloquent's extra columns in the same write, only where they change", () => {
    seed();
    gas().calls.reset();
    expect(Post.where('id', '<', 3).increment('views', 1, { likes: 0 })).toBe(2);
    // Row 2: views and likes (1 → 0); row 3: views only, its likes already hold 0.
    const writes = gas().calls.all().filter((call) => call.method === 'Sheet.getRange').map((call) => call.args);
    expect(writes).toEqual([[2, 2, 1, 2], [3, 2, 1, 1]]);
    expect(sheetRows('Posts').slice(1).map((row) => row.slice(0, 3))).toEqual([[1, 6, 0], [2, 1, 0], [3, 9, 2]]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(Post.where('id', 3).decrement({ views: 2 }, { likes: 7 })).toBe(1);
    expect(sheetRows('Posts')[3].slice(0, 3)).toEqual([3, 7, 7]);
  });

  it('takes numeric text as the amount (a doGet parameter) and sheet-qualified column names', () => {
    seed();
    expect(Post.where('id', 1).increment('Posts.views', '2.5')).toBe(1);
    expect(sheetRows('Posts')[1][1]).toBe(7.5);
  });

  it('leaves every cell as it was when an extra column is refused', () => {
    seed();
    expect(() => Post.query().increment('views', 1, { nope: 1 })).toThrow(/no column "nope"/);
    expect(() => Post.where('id', 2).increment('views', 1, { id: 9 })).toThrow('Post.increment(): the extra columns cannot change the key "id"; save() a new key instead. Nothing was written.');
    expect(() => Post.where('id', 2).increment('views', 1, { views: 100 })).toThrow(/"views" is both counted and among the extra columns/);
    expect(sheetRows('Posts').slice(1).map((row) => row.slice(0, 2))).toEqual([[1, 5], [2, ''], [3, 9]]);
  });
});
