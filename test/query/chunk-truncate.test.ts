import { Model, ValidationError } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  tags() {
    return this.manyToMany(Tag, 'PostTag');
  }
}

const seed = (posts = 7) =>
  seedSheets({
    Posts: [['id', 'title'], ...Array.from({ length: posts }, (_, i) => [i + 1, `Post ${i + 1}`])],
    Tags: [['id'], [1]],
    PostTag: [['post_id', 'tag_id'], [1, 1], [7, 1]],
  });

describe('chunk(size, callback)', () => {
  it('hands the models over size at a time with the page number, after one read per sheet', () => {
    seed();
    gas().calls.reset();
    const seen: Array<[number, number[], number[]]> = [];
    const done = Post.query().with('tags').orderBy('id', 'desc').chunk(3, (posts, page) => {
      seen.push([page, posts.map((post) => post.id).all(), posts.map((post) => post.tags.length).all()]);
    });
    expect(done).toBe(true);
    expect(seen).toEqual([
      [1, [7, 6, 5], [1, 0, 0]],
      [2, [4, 3, 2], [0, 0, 0]],
      [3, [1], [1]],
    ]);
    expect(['Posts', 'PostTag', 'Tags'].map((name) => gas().calls.reads(name))).toEqual([1, 1, 1]);
  });

  it('stops when the callback returns false, and hands nothing over for no rows', () => {
    seed();
    const pages: number[] = [];
    expect(Post.chunk('2', (_, page) => pages.push(page) < 2)).toBe(false);
    expect(pages).toEqual([1, 2]);
    expect(Post.where('id', 99).chunk(2, () => pages.push(0))).toBe(true);
    expect(pages).toEqual([1, 2]);
  });

  it('refuses a size under 1 and a callback that is no function, before reading', () => {
    seed();
    expect(() => Post.chunk(0, () => undefined)).toThrow(ValidationError);
    expect(() => Post.chunk(-1, () => undefined)).toThrow('Post.chunk(): size must be a whole number ≥ 1, not -1.');
    expect(() => Post.chunk(2, 'x' as never)).toThrow(/chunk\(size, callback\)/);
    expect(gas().calls.reads('Posts')).toBe(0);
  });
});

describe('truncate()', () => {
  it('deletes every row but the header in one deleteRows, even with the header frozen', () => {
    seed();
    // A grid cut to its rows: Sheets refuses to delete every row below the frozen ones.
    const sheet = gas().active.getSheetByName('Posts')!;
    sheet.deleteRows(9, sheet.getMaxRows() - 8);
    sheet.setFrozenRows(1);
    gas().calls.reset();
    expect(Post.truncate()).toBe(7);
    expect(sheetRows('Posts')).toEqual([['id', 'title']]);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(1);
    expect(Post.create({ title: 'again' }).id).toBe(1);
  });
});
