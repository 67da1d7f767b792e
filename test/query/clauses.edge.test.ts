/** Query clauses at their edges: groups that start with or, negated ors, aliases, qualified names, paging and count defaults. */
import { Model, transaction } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
  declare name: string;
}
class Comment extends Model {
  static _table = 'Comments';
  declare id: number;
  declare post_id: number;
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string | undefined;
  declare status: string | null;
  declare views: number | null;
  declare published: Date | null;
  declare user_id: unknown;
  comments() {
    return this.hasMany(Comment);
  }
  author() {
    return this.belongsTo(User, 'user_id');
  }
}

const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const ids = (query: { get(): { pluck(c: string): { all(): unknown[] } } }) => query.get().pluck('id').all();

beforeEach(() =>
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    Posts: [
      ['id', 'title', 'status', 'views', 'published', 'user_id'],
      [1, 'Alpha', 'draft', 10, day(1), ''],
      [2, 'beta', 'live', '', day(5), ''],
      [3, 'Gamma', 'archived', 30, day(9), ''],
    ],
    Comments: [['id', 'post_id'], [1, 3], [2, 3], [3, 1]],
  }),
);

describe('query conditions', () => {
  it('a group that starts with orWhere filters (and an update/delete through it touches only its rows)', () => {
    expect(ids(Post.where((q) => q.orWhere('status', 'live').orWhere('status', 'draft')))).toEqual([1, 2]);
    expect(ids(Post.query().orWhere('status', 'live'))).toEqual([2]);
    expect(Post.where((q) => q.orWhere('status', 'live')).delete()).toBe(1);
    expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 1, 3]);
  });

  it('orWhereNotIn is OR-ed and negated', () => {
    expect(ids(Post.where('id', 3).orWhereNotIn('status', ['live']))).toEqual([1, 3]);
  });

  it('andWhereILike ignores case', () => {
    expect(ids(Post.where('id', '>', 0).andWhereILike('title', 'a%'))).toEqual([1]);
  });

  it('a column qualified with the sheet name in another case (Lucid style posts.title) is the column', () => {
    expect(ids(Post.where('posts.title', 'Alpha'))).toEqual([1]);
    expect(ids(Post.query().orderBy('POSTS.id', 'desc'))).toEqual([3, 2, 1]);
  });

  it('whereIn keeps the list as given; changing the array afterwards does not change the query', () => {
    const wanted = [1];
    const query = Post.whereIn('id', wanted);
    wanted.push(2);
    expect(ids(query)).toEqual([1]);
  });
});

describe('paging defaults', () => {
  beforeEach(() => seedSheets({ Posts: [['id'], ...Array.from({ length: 25 }, (_, i) => [i + 1])] }));

  it('query forPage(page) has 20 rows per page', () => {
    expect(ids(Post.query().forPage(2))).toEqual([21, 22, 23, 24, 25]);
  });

});

describe('orderBy and counts', () => {
  it('count()/paginate() accept an orderBy on a count named with as() in its callback', () => {
    const query = Post.query().withCount('comments', (q) => q.as('total')).orderBy('total', 'desc');
    expect(query.count()).toBe(3);
    const page = Post.query().withCount('comments', (q) => q.as('total')).orderBy('total', 'desc').paginate(1, 2);
    expect(page.all().map((p) => p.id)).toEqual([3, 1]);
  });

  it('an object item of an orderBy list sorts ascending unless it says otherwise', () => {
    expect(ids(Post.query().orderBy([{ column: 'id' }], 'desc'))).toEqual([1, 2, 3]);
  });

  it('groupOrderBy takes the direction in any case', () => {
    const post = Post.query().with('comments', (q) => q.groupLimit(1).groupOrderBy('id', 'DESC')).where('id', 3).firstOrFail();
    expect(post.comments.pluck('id').all()).toEqual([2]);
  });
});
