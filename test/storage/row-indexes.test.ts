/** A table's key indexes and key facts follow inserts and deletions instead of being rebuilt by each. */
import { RowIndexes } from '../../src/storage/RowIndexes';
import { DuplicateKeyError, Model, transaction } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
}

const posts = (count: number) => [['id', 'title'], ...Array.from({ length: count }, (_, i) => [i + 1, `Post ${i + 1}`])];

afterEach(() => jest.restoreAllMocks());

describe('deleting models one by one in a transaction', () => {
  it('keeps the key index: the sheet is indexed once, not once per deletion', () => {
    seedSheets({ Posts: posts(2000) });
    const doomed = Post.query().where('id', '<=', 300).get().filter((post) => post.id % 3 === 0);
    const get = RowIndexes.prototype.get;
    let builds = 0;
    jest.spyOn(RowIndexes.prototype, 'get').mockImplementation(function (this: RowIndexes, columns) {
      if (!(this as unknown as { indexes: Map<string, unknown> }).indexes.has(columns.join(','))) builds++;
      return get.call(this, columns);
    });
    transaction(() => doomed.forEach((post) => post.delete()));
    // One index of the sheet, then each deletion takes its row out (rather than 100 scans of 2,000 rows).
    expect(builds).toBe(1);
    expect(sheetRows('Posts')).toHaveLength(2001 - doomed.length);
    expect(sheetRows('Posts').some((row) => typeof row[0] === 'number' && row[0] <= 300 && row[0] % 3 === 0)).toBe(false);
  });

  it('frees a deleted key for a create, and finds the one row left of a key typed twice', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [2, 'b again'], [3, 'c']] });
    transaction(() => {
      Post.find(1)!.delete();
      Post.create({ id: 1, title: 'new a' });
      Post.query().where('title', 'b').delete();
      const left = Post.find(2)!;
      left.title = 'the only b';
      left.save();
      expect(() => Post.create({ id: 3, title: 'dup' })).toThrow(DuplicateKeyError);
    });
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [2, 'the only b'], [3, 'c'], [1, 'new a']]);
  });

  it('gives a create after the largest key was deleted max + 1 of the keys left, as a fresh read would', () => {
    seedSheets({ Posts: posts(5) });
    transaction(() => {
      Post.create({ title: 'six' });
      Post.find(6)!.delete();
      Post.find(5)!.delete();
      Post.find(2)!.delete();
      Post.create({ title: 'next' });
    });
    expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 1, 3, 4, 5]);
    expect(sheetRows('Posts')[4]).toEqual([5, 'next']);
  });
});
