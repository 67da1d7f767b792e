/** Reading hasMany relations: Users/Posts with default, custom and object-form keys. */
import { Collection, ColumnNotFoundError, Model } from '../../src';
import { seedSheets, gas } from '../support/seed';

class User extends Model {
  static override _table = 'Users';
  declare id: number;
  declare email: string;
  declare name: string;
  posts() {
    return this.hasMany(Post);
  }
  /** Custom keys: Posts.author_email holds Users.email. */
  authored() {
    return this.hasMany(Post, 'author_email', 'email');
  }
  /** Lucid's options object, with a serialisation name. */
  articles() {
    return this.hasMany(Post, { foreignKey: 'author_email', localKey: 'email', serializeAs: 'writing' });
  }
}

class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare user_id: number;
  declare title: string;
}

/** A loaded relation with its type (once loaded, the property replaces the relation method). */
function loaded<T>(model: Model, name: string): T {
  return (model as unknown as Record<string, T>)[name];
}
const postsOf = (user: Model, name = 'posts') => loaded<Collection<Post>>(user, name);

function seedUsers() {
  seedSheets({
    Users: [['id', 'email', 'name'], [1, 'ann@x.org', 'Ann'], ['2', 'bob@x.org', 'Bob'], [3, 'cy@x.org', 'Cy']],
    Posts: [
      ['id', 'user_id', 'author_email', 'title', 'published'],
      [1, 1, 'bob@x.org', 'Hello', true],
      [2, '2', 'ann@x.org', 'Again', false],
      [3, 1, 'ann@x.org', 'Third', true],
      [4, '', '', 'Anonymous', true],
    ],
  });
}

test('each user gets a Collection of its posts in sheet order; none gives an empty Collection', () => {
  seedUsers();
  const users = User.with('posts').get();
  expect(users.map((user) => [user.name, postsOf(user).pluck('title').all()]).all()).toEqual([
    ['Ann', ['Hello', 'Third']],
    ['Bob', ['Again']],
    ['Cy', []],
  ]);
  expect(postsOf(users.last()!)).toBeInstanceOf(Collection);
  expect(postsOf(users.last()!).length).toBe(0);
});

test('the default foreign key is user_id, matched whether stored as 1 or "1"', () => {
  seedUsers();
  const relation = User.$getRelation('posts') as any;
  relation.boot();
  expect([relation.foreignKey, relation.localKey]).toEqual(['user_id', 'id']);
  const bob = User.with('posts').get().get(1)!;
  expect(bob.id).toBe('2');
  expect(postsOf(bob).pluck('id').all()).toEqual([2]);
});

test('custom foreign and local keys, positional or as an options object', () => {
  seedUsers();
  const users = User.with('authored', 'articles').get();
  expect(users.map((user) => postsOf(user, 'authored').pluck('title').all()).all()).toEqual([['Again', 'Third'], ['Hello'], []]);
  expect(users.map((user) => postsOf(user, 'articles').pluck('title').all()).all()).toEqual([['Again', 'Third'], ['Hello'], []]);
});

test('toJSON() includes loaded posts, under serializeAs when set', () => {
  seedUsers();
  const bob = User.with('posts', 'articles').where('id', '2').first()!;
  expect(bob.toJSON()).toEqual({
    id: '2',
    email: 'bob@x.org',
    name: 'Bob',
    posts: [{ id: 2, user_id: '2', author_email: 'ann@x.org', title: 'Again', published: false }],
    writing: [{ id: 1, user_id: 1, author_email: 'bob@x.org', title: 'Hello', published: true }],
  });
});

test('a constrained load keeps only the matching posts', () => {
  seedUsers();
  const users = User.with('posts', (q) => q.where('published', true).orderBy('id', 'desc')).get();
  expect(users.map((user) => postsOf(user).pluck('id').all()).all()).toEqual([[3, 1], [], []]);
});

test('withCount, has and whereHas count posts per user; posts without a user count for nobody', () => {
  seedSheets({
    Users: [['id', 'email', 'name'], [1, 'ann@x.org', 'Ann'], ['', 'nobody@x.org', 'No id']],
    Posts: [['id', 'user_id', 'author_email', 'title', 'published'], [1, 1, '', 'Hello', true], [2, '', '', 'Orphan', true]],
  });
  expect(User.withCount('posts').get().map((user) => user.$extras.posts_count).all()).toEqual([1, 0]);
  expect(User.has('posts').pluck('name').all()).toEqual(['Ann']);
  expect(User.whereHas('posts', (q) => q.where('title', 'Orphan')).pluck('name').all()).toEqual([]);
  expect(User.with('posts').get().map((user) => postsOf(user).length).all()).toEqual([1, 0]);
});

test('user.related("posts").query() queries one user\'s posts', () => {
  seedUsers();
  const ann = User.find(1)!;
  expect(ann.related('posts').query().get().pluck('title').all()).toEqual(['Hello', 'Third']);
  expect(ann.related('posts').query().where('published', false).count()).toBe(0);
  expect(ann.related('authored').query().first()!.title).toBe('Again');
});

test("a relation query's errors name the relation, inside where(q => ...) groups and for key updates too", () => {
  seedUsers();
  const ann = User.find(1)!;
  expect(() => ann.related('posts').query().where((q) => q.where('title', 'is' as never, 'x')).get()).toThrow(/^User\.posts\.where\('title', …\)/);
  expect(() => User.with('posts', (q) => q.where((g) => g.where('title', undefined))).get()).toThrow(/^User\.posts\.where\('title', undefined\)/);
  expect(() => ann.related('posts').query().update({ id: 99 })).toThrow(/^User\.posts\.update\(\): setting the key on 2 rows/);
});

test('loading reads Users and Posts once each', () => {
  seedUsers();
  User.with('posts').get();
  expect(gas().calls.count('Range.getValues')).toBe(2);
  expect([gas().calls.reads('Users'), gas().calls.reads('Posts')]).toEqual([1, 1]);
});

test('a related sheet without the foreign key column is a ColumnNotFoundError naming User.posts', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann']],
    Posts: [['id', 'userId', 'title'], [1, 1, 'Hello']],
  });
  expect(() => User.with('posts').get()).toThrow(ColumnNotFoundError);
  expect(() => User.with('posts').get()).toThrow(/^User\.posts: sheet "Posts".*no column "user_id".*id, userId, title/);
});

test('a parent sheet without the local key column is a ColumnNotFoundError naming User.authored', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann']],
    Posts: [['id', 'user_id', 'author_email', 'title'], [1, 1, 'ann@x.org', 'Hello']],
  });
  expect(() => User.with('authored').get()).toThrow(ColumnNotFoundError);
  expect(() => User.with('authored').get()).toThrow(/^User\.authored: sheet "Users" in spreadsheet "Test Spreadsheet" has no column "email"/);
});
