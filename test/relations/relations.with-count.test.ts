/** `withCount(rel)` → `$extras.<rel>_count` for every relation kind, in one read per sheet. */
import { ColumnNotFoundError, Model, RelationNotFoundError, session } from '../../src';
import { seedSheets, gas } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
  declare name: string;
  posts() {
    return this.hasMany(Post);
  }
  profile() {
    return this.hasOne(Profile);
  }
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  author() {
    return this.belongsTo(User, 'user_id');
  }
  tags() {
    return this.manyToMany(Tag);
  }
}

class Profile extends Model {
  static _table = 'Profiles';
}

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
  posts() {
    return this.manyToMany(Post);
  }
}

beforeEach(() => {
  seedSheets({
    Users: [['id', 'name'], [1, 'virk'], [2, 'romain'], [3, 'nikk'], [4, 'tom']],
    Posts: [
      ['id', 'user_id', 'title', 'published'],
      [1, 1, 'a', true],
      [2, 1, 'b', false],
      [3, 1, 'c', true],
      [4, 2, 'd', true],
      [5, null, 'e', true], // no author
      [6, 99, 'f', false], // an author that does not exist
    ],
    Profiles: [['id', 'user_id'], [1, 1], [2, 3]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts'], [3, 'go']],
    post_tag: [
      ['post_id', 'tag_id', 'weight'],
      [1, 1, 5],
      [1, 2, 1],
      [2, 1, 3],
      [3, 42, 9], // tag 42 does not exist: not counted
      [4, 3, 2],
      [4, 1, 1],
      [4, 2, 7],
      [6, 1, 0],
    ],
  });
  gas().calls.reset();
});

function extras(models: { all(): Model[] }, key: string): unknown[] {
  return models.all().map((model) => model.$extras[key]);
}

describe('hasMany', () => {
  test('withCount(rel) sets $extras.<rel>_count, 0 for parents without rows, in one read per sheet', () => {
    const users = User.withCount('posts').get();
    expect(extras(users, 'posts_count')).toEqual([3, 1, 0, 0]);
    expect(gas().calls.reads('Users')).toBe(1);
    expect(gas().calls.reads('Posts')).toBe(1);
  });

  test('a callback constrains what is counted', () => {
    expect(extras(User.withCount('posts', (q) => q.where('published', true)).get(), 'posts_count')).toEqual([2, 1, 0, 0]);
  });

  test("an object maps names to callbacks (Eloquent's withCount(['posts' => fn])), for withCount and loadCount alike", () => {
    const users = User.withCount({ posts: (q) => q.where('published', true), 'profile as profiles': null }).get();
    expect(users.all().map((u) => [u.$extras.posts_count, u.$extras.profiles])).toEqual([
      [2, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(gas().calls.reads('Posts')).toBe(1);
    const loaded = User.all().loadCount({ posts: (q: any) => q.where('published', false) });
    expect(extras(loaded, 'posts_count')).toEqual([1, 0, 0, 0]);
    expect(User.findOrFail(1).loadCount({ posts: undefined }).$extras.posts_count).toBe(3);
    expect(() => User.withCount({ posts: 'yes' } as never)).toThrow(/^User\.withCount\(\): the value for "posts" must be a callback constraining the count/);
  });

  test('a callback left out (undefined or null) counts everything', () => {
    expect(extras(User.withCount('posts', undefined).get(), 'posts_count')).toEqual([3, 1, 0, 0]);
    expect(extras(User.withCount('posts', null as never).get(), 'posts_count')).toEqual([3, 1, 0, 0]);
  });

  test("'posts as total' names the extra", () => {
    const users = User.withCount('posts as total').get();
    expect(extras(users, 'total')).toEqual([3, 1, 0, 0]);
    expect(users.first()!.$extras).not.toHaveProperty('posts_count');
  });

  test("Lucid's q.as('name') in the callback names the extra too", () => {
    const users = User.withCount('posts', (q) => q.where('published', true).as('publishedPosts')).get();
    expect(extras(users, 'publishedPosts')).toEqual([2, 1, 0, 0]);
    expect(users.first()!.$extras).not.toHaveProperty('posts_count');
    expect(() => User.withCount('posts', (q) => q.as('')).get()).toThrow(/User\.posts.*\.as\(\): expected a name for the count/);
  });

  test('the same relation counted twice under two names', () => {
    const users = User.withCount('posts').withCount('posts as published', (q) => q.where('published', true)).get();
    expect(users.all().map((u) => [u.$extras.posts_count, u.$extras.published])).toEqual([
      [3, 2],
      [1, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(gas().calls.reads('Posts')).toBe(1);
  });

  test('counts are not affected by the parent query’s where, limit or first()', () => {
    expect(extras(User.query().where('id', '>=', 2).withCount('posts').get(), 'posts_count')).toEqual([1, 0, 0]);
    expect(User.query().withCount('posts').orderBy('id', 'desc').limit(1).get().first()!.$extras.posts_count).toBe(0);
    expect(User.query().withCount('posts').where('name', 'virk').first()!.$extras.posts_count).toBe(3);
  });
});

describe('ordering by a count', () => {
  test("orderBy('<rel>_count') orders by the count before limit, counting once, as Lucid orders by the alias", () => {
    const top = Post.withCount('tags').orderBy('tags_count', 'desc').orderBy('id').limit(3).get();
    expect(top.all().map((post) => [post.id, post.$extras.tags_count])).toEqual([
      [4, 3],
      [1, 2],
      [2, 1],
    ]);
    expect(gas().calls.reads('post_tag')).toBe(1);
    expect(gas().calls.reads('Tags')).toBe(1);
  });

  test('count() and exists() ordered by a count read only the main sheet, and still refuse an unknown column', () => {
    gas().calls.reset();
    expect(Post.withCount('tags').orderBy('tags_count', 'desc').count()).toBeGreaterThan(0);
    expect(Post.withCount('tags').orderBy('tags_count', 'desc').forPage(1, 2).exists()).toBe(true);
    expect(gas().calls.count('Range.getValues')).toBe(2);
    expect(() => Post.withCount('tags').orderBy('nope').count()).toThrow('has no column "nope"');
    const related = Tag.findOrFail(1).related('posts').query();
    gas().calls.reset();
    expect(related.withCount('tags').orderBy('tags_count').count()).toBe(4);
    expect(gas().calls.reads('Tags')).toBe(0);
    expect(() => Tag.findOrFail(1).related('posts').query().groupOrderBy('nope').count()).toThrow('no column "nope"');
  });

  test("a count named with as() or 'rel as name' orders by that name; a sheet column of the name wins", () => {
    const named = User.withCount('posts', (q) => q.where('published', true).as('live')).orderBy('live', 'desc').orderBy('id').get();
    expect(named.all().map((user) => [user.id, user.$extras.live])).toEqual([
      [1, 2],
      [2, 1],
      [3, 0],
      [4, 0],
    ]);
    expect(User.withCount('posts as name').orderBy('name').get().all().map((user) => user.id)).toEqual([3, 2, 4, 1]);
    expect(() => User.withCount('posts').orderBy('post_count').get()).toThrow(/no column "post_count"/);
  });
});

describe('ordering by a count, again', () => {
  test('a builder run again counts afresh: writes between its runs show (in a session too)', () => {
    const [before, after, counted] = session(() => {
      const query = Post.query().whereIn('id', [1, 2, 5]).withCount('tags').orderBy('tags_count', 'desc').orderBy('id');
      const first = query.pluck('id').all();
      Post.findOrFail(5).related('tags').attach([1, 2, 3]);
      const again = query.get();
      return [first, again.all().map((post) => [post.id, post.$extras.tags_count]), query.count()];
    });
    expect(before).toEqual([1, 2, 5]);
    expect(after).toEqual([
      [5, 3],
      [1, 2],
      [2, 1],
    ]);
    expect(counted).toBe(3);
  });
});

describe('ordering by a count in many-to-many queries', () => {
  test("related('posts').query() and a preload callback order by the related model's count, and groupOrderBy too", () => {
    const byCount = Tag.findOrFail(1).related('posts').query().withCount('tags').orderBy('tags_count', 'desc').orderBy('id').get();
    expect(byCount.all().map((post) => [post.id, post.$extras.tags_count])).toEqual([
      [4, 3],
      [1, 2],
      [2, 1],
      [6, 1],
    ]);
    const tags = Post.with('tags', (q) => q.withCount('posts').orderBy('posts_count', 'desc').orderBy('id')).findOrFail(4) as unknown as { tags: Tag[] };
    expect(tags.tags.map((tag) => [tag.id, tag.$extras.posts_count])).toEqual([
      [1, 4],
      [2, 2],
      [3, 1],
    ]);
    const top = Post.with('tags', (q) => q.withCount('posts').groupOrderBy('posts_count', 'asc').groupLimit(1)).findOrFail(4) as unknown as { tags: Tag[] };
    expect(top.tags.map((tag) => tag.id)).toEqual([3]);
  });
});

describe("a count sub-query's limit", () => {
  test('does not change what withCount, has and whereHas count, for every relation kind (as a correlated SQL count)', () => {
    expect(extras(User.withCount('posts', (q) => q.orderBy('id', 'desc').limit(1)).get(), 'posts_count')).toEqual([3, 1, 0, 0]);
    expect(User.query().whereHas('posts', (q) => q.limit(1), '>=', 2).pluck('id').all()).toEqual([1]);
    expect(User.query().whereHas('posts', (q) => q.orderBy('id').offset(5)).pluck('id').all()).toEqual([1, 2]);
    expect(Post.query().whereHas('author', (q) => q.limit(1)).pluck('id').all()).toEqual([1, 2, 3, 4]);
    expect(extras(Post.withCount('tags', (q) => q.limit(1)).get(), 'tags_count')).toEqual([2, 1, 0, 3, 0, 1]);
  });
});

describe("a count sub-query's order", () => {
  test('naming a column the sheet lacks is a ColumnNotFoundError, as in every other query, for every relation kind', () => {
    const refused = [
      () => User.withCount('posts', (q) => q.orderBy('nope')).get(),
      () => User.query().whereHas('posts', (q) => q.orderBy('nope')).get(),
      () => User.query().has('profile').whereHas('profile', (q) => q.orderBy('nope')).get(),
      () => Post.query().whereHas('author', (q) => q.orderBy('nope')).get(),
      () => Post.withCount('tags', (q) => q.orderBy('nope')).get(),
      () => Post.query().whereHas('tags', (q) => q.groupOrderBy('Tags.nope', 'asc')).get(),
      () => User.findOrFail(1).related('posts').query().groupOrderBy('nope').count(),
    ];
    for (const run of refused) expect(run).toThrow(ColumnNotFoundError);
    expect(extras(User.withCount('posts', (q) => q.orderBy('title')).get(), 'posts_count')).toEqual([3, 1, 0, 0]);
  });
});

describe('hasOne', () => {
  test('counts 0 or 1', () => {
    expect(extras(User.withCount('profile').get(), 'profile_count')).toEqual([1, 0, 1, 0]);
    expect(gas().calls.reads('Profiles')).toBe(1);
  });
});

describe('belongsTo', () => {
  test('counts 1 when the row pointed at exists, else 0', () => {
    expect(extras(Post.withCount('author').get(), 'author_count')).toEqual([1, 1, 1, 1, 0, 0]);
    expect(extras(Post.withCount('author', (q) => q.where('name', 'virk')).get(), 'author_count')).toEqual([1, 1, 1, 0, 0, 0]);
    expect(gas().calls.reads('Posts')).toBe(2);
    expect(gas().calls.reads('Users')).toBe(2);
  });
});

describe('manyToMany', () => {
  test('counts linked related rows (dangling pivot rows excluded), in one read per sheet', () => {
    const posts = Post.withCount('tags').get();
    expect(extras(posts, 'tags_count')).toEqual([2, 1, 0, 3, 0, 1]);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(gas().calls.reads('post_tag')).toBe(1);
    expect(gas().calls.reads('Tags')).toBe(1);
  });

  test("'tags as total', or q.as('total')", () => {
    expect(extras(Post.withCount('tags as total').get(), 'total')).toEqual([2, 1, 0, 3, 0, 1]);
    expect(extras(Post.withCount('tags', (q) => q.as('total')).get(), 'total')).toEqual([2, 1, 0, 3, 0, 1]);
  });

  test('"__proto__" cannot name a count (it would set the prototype of $extras)', () => {
    expect(() => Post.withCount('tags as __proto__')).toThrow(`Post.withCount('tags as __proto__'): "__proto__" cannot name a count; choose another name, such as 'total'.`);
    expect(() => Post.withCount('tags', (q) => q.as('__proto__')).get()).toThrow(/as\('__proto__'\): "__proto__" cannot name a count/);
  });

  test('a callback may constrain related and pivot columns', () => {
    expect(extras(Post.withCount('tags', (q) => q.whereIn('name', ['js', 'ts'])).get(), 'tags_count')).toEqual([2, 1, 0, 2, 0, 1]);
    expect(extras(Post.withCount('tags', (q) => q.wherePivot('weight', '>', 1)).get(), 'tags_count')).toEqual([1, 1, 0, 2, 0, 0]);
  });

  test('from the other side of the pivot', () => {
    expect(extras(Tag.withCount('posts').get(), 'posts_count')).toEqual([4, 2, 1]);
  });
});

test('several relations at once, with preloads: still one read per sheet', () => {
  const posts = Post.withCount('tags').withCount('author').preload('tags').get();
  expect(posts.all().map((p) => [p.$extras.tags_count, p.$extras.author_count, (p as any).tags.length])).toEqual([
    [2, 1, 2],
    [1, 1, 1],
    [0, 1, 0],
    [3, 1, 3],
    [0, 0, 0],
    [1, 0, 1],
  ]);
  for (const sheet of ['Posts', 'post_tag', 'Tags', 'Users']) expect(gas().calls.reads(sheet)).toBe(1);
});

test('inside a preload and on a relation query', () => {
  const users = User.preload('posts', (q) => q.withCount('tags')).get().all() as any[];
  expect(users.map((u) => u.posts.all().map((p: Post) => p.$extras.tags_count))).toEqual([[2, 1, 0], [3], [], []]);
  for (const sheet of ['Users', 'Posts', 'post_tag', 'Tags']) expect(gas().calls.reads(sheet)).toBe(1);

  const virkPosts = User.findOrFail(1).related('posts').query().withCount('tags').get();
  expect(extras(virkPosts, 'tags_count')).toEqual([2, 1, 0]);
  const jsPosts = Tag.findOrFail(1).related('posts').query().withCount('tags').get();
  expect(extras(jsPosts, 'tags_count')).toEqual([2, 1, 3, 1]);
});

test('an unknown relation is a RelationNotFoundError', () => {
  expect(() => User.withCount('comments' as never)).toThrow(RelationNotFoundError);
  expect(() => User.withCount('comments as total' as never)).toThrow(/comments/);
});
