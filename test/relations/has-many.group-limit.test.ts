/** hasMany `groupLimit(n)` / `groupOrderBy(col, dir)`, as Lucid's: n related rows per parent in a preload. */
import { Collection, ColumnNotFoundError, Model, ValidationError } from '../../src';
import { gas, seedSheets } from '../support/seed';

class User extends Model {
  static override _table = 'Users';
  declare id: number;
  declare name: string;
  posts() {
    return this.hasMany(Post);
  }
}

class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare user_id: number;
  declare title: string;
  declare views: number;
}

beforeEach(() =>
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob'], [3, 'Cy']],
    Posts: [
      ['id', 'user_id', 'title', 'views'],
      [1, 1, 'a1', 30],
      [2, 2, 'b1', 5],
      [3, 1, 'a2', 10],
      [4, 1, 'a3', 20],
      [5, 2, 'b2', 50],
      [6, 1, 'a4', 40],
    ],
  }),
);

function titles(users: Collection<{ name: string; posts: Collection<Post> }>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const user of users) result[user.name] = user.posts.pluck('title').all() as string[];
  return result;
}

test('a preload keeps n posts per user, ordered by groupOrderBy, in one read per sheet', () => {
  gas().calls.reset();
  const users = User.preload('posts', (q) => q.groupLimit(2).groupOrderBy('views', 'desc')).get();
  expect(titles(users)).toEqual({ Ann: ['a4', 'a1'], Bob: ['b2', 'b1'], Cy: [] });
  expect(gas().calls.reads('Posts')).toBe(1);
  expect(gas().calls.reads('Users')).toBe(1);
});

test("without groupOrderBy a preload keeps each user's highest post ids", () => {
  expect(titles(User.with('posts', (q) => q.groupLimit(1)).get())).toEqual({ Ann: ['a4'], Bob: ['b2'], Cy: [] });
});

test('where-conditions apply before the limit; a qualified column works', () => {
  const users = User.preload('posts', (q) => q.where('views', '<', 35).groupLimit(2).groupOrderBy('Posts.views', 'asc')).get();
  expect(titles(users)).toEqual({ Ann: ['a2', 'a3'], Bob: ['b1'], Cy: [] });
});

test("on one user's query it is a plain limit and order", () => {
  const ann = User.findOrFail(1);
  expect(ann.related('posts').query().groupLimit(2).groupOrderBy('views', 'asc').get().pluck('title').all()).toEqual(['a2', 'a3']);
  // Without groupOrderBy: the rows a preload keeps for this user, the highest keys.
  expect(ann.related('posts').query().groupLimit(3).get().pluck('title').all()).toEqual(['a4', 'a3', 'a2']);
  expect(titles(User.query().where('id', 1).preload('posts', (q) => q.groupLimit(3)).get())).toEqual({ Ann: ['a4', 'a3', 'a2'] });
  // With an orderBy, the same rows come in its order, in both.
  expect(ann.related('posts').query().orderBy('title').groupLimit(2).pluck('title').all()).toEqual(['a3', 'a4']);
  expect(titles(User.query().where('id', 1).preload('posts', (q) => q.orderBy('title').groupLimit(2)).get())).toEqual({ Ann: ['a3', 'a4'] });
});

test("on one user's query, offset and limit page through the rows groupLimit keeps, in reads, exists() and update()", () => {
  const posts = () => User.findOrFail(1).related('posts').query();
  expect(posts().groupLimit(2).limit(1).pluck('id').all()).toEqual([6]);
  expect(posts().groupLimit(2).offset(1).pluck('id').all()).toEqual([4]);
  expect(posts().groupLimit(1).offset(1).get().all()).toEqual([]);
  expect(posts().groupLimit(1).offset(1).exists()).toBe(false);
  expect(posts().groupLimit(2).offset(1).exists()).toBe(true);
  expect(posts().groupLimit('2' as never).pluck('id').all()).toEqual([6, 4]);
  expect(posts().groupLimit(2).offset(1).update({ views: 0 })).toBe(1);
  expect(Post.query().where('views', 0).pluck('id').all()).toEqual([4]);
});

test('bad arguments are ValidationErrors naming the relation', () => {
  expect(() => User.with('posts', (q) => q.groupLimit(-1)).get()).toThrow(/User\.posts\.groupLimit\(-1\)/);
  expect(() => User.with('posts', (q) => q.groupLimit('2.5' as never)).get()).toThrow(/User\.posts\.groupLimit\("2\.5"\): expected a whole number/);
  expect(() => User.with('posts', (q) => q.groupOrderBy('views', 'up' as never)).get()).toThrow(ValidationError);
  expect(() => User.with('posts', (q) => q.groupOrderBy(5 as never)).get()).toThrow(ValidationError);
  expect(() => User.with('posts', (q) => q.groupOrderBy('nope')).get()).toThrow(ColumnNotFoundError);
});

test('orderBy decides the order of the result; on one parent it applies before the limit', () => {
  const ann = User.findOrFail(1);
  expect(ann.related('posts').query().groupLimit(2).orderBy('id', 'desc').get().pluck('title').all()).toEqual(['a4', 'a3']);
  const users = User.preload('posts', (q) => q.groupLimit(2).groupOrderBy('views', 'desc').orderBy('title', 'asc')).get();
  expect(titles(users)).toEqual({ Ann: ['a1', 'a4'], Bob: ['b1', 'b2'], Cy: [] });
});
