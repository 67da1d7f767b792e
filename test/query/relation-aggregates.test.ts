/** withSum/withAvg/withMin/withMax/withExists (Eloquent), withAggregate (Lucid) and their load… forms. */
import { Collection, ColumnNotFoundError, Model, RelationNotFoundError, transaction, ValidationError } from '../../src';
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
  declare user_id: number | null;
  declare likes: number | string | null;
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
}

const may1 = new Date(2026, 4, 1);
const june9 = new Date(2026, 5, 9);

const fixture = {
  Users: [['id', 'name', 'age'], [1, 'virk', 30], [2, 'romain', 41], [3, 'nikk', null]],
  Posts: [
    ['id', 'user_id', 'likes', 'published', 'at'],
    [1, 1, 10, true, may1],
    [2, 1, '5', false, june9], // numeric text counts as its number, as in sum()
    [3, 1, 'TBD', true, null], // other text is no number
    [4, 2, null, true, june9],
    [5, null, 100, true, may1], // no author
  ],
  Profiles: [['id', 'user_id', 'score'], [1, 1, 7], [2, 3, 2]],
  Tags: [['id', 'rank'], [1, 3], [2, 8], [3, 1]],
  post_tag: [
    ['post_id', 'tag_id', 'weight'],
    [1, 1, 5],
    [1, 2, 1],
    [2, 1, 3],
    [4, 3, 2],
  ],
};

beforeEach(() => {
  seedSheets(fixture);
  gas().calls.reset();
});

function extras(models: ArrayLike<Model>, key: string): unknown[] {
  return Array.from(models, (model) => model.$extras[key]);
}

describe('withSum, withAvg, withMin, withMax on hasMany', () => {
  test('set $extras.<rel>_<fn>_<column> per parent, null for a parent with no numbers (as SQL), in one read per sheet', () => {
    const users = User.withSum('posts', 'likes').withAvg('posts', 'likes').withMin('posts', 'likes').withMax('posts', 'likes').get();
    expect(extras(users, 'posts_sum_likes')).toEqual([15, null, null]);
    expect(extras(users, 'posts_avg_likes')).toEqual([7.5, null, null]);
    expect(extras(users, 'posts_min_likes')).toEqual([5, null, null]);
    expect(extras(users, 'posts_max_likes')).toEqual([10, null, null]);
    expect(gas().calls.reads('Users')).toBe(1);
    expect(gas().calls.reads('Posts')).toBe(1);
    // Each also starts a query from the model.
    expect(extras(User.withAvg('posts', 'likes').get(), 'posts_avg_likes')).toEqual([7.5, null, null]);
    expect(extras(User.withMax('posts', 'likes').get(), 'posts_max_likes')).toEqual([10, null, null]);
  });

  test("'posts as total' names the extra, and an object maps relations to callbacks constraining the rows", () => {
    const users = User.withSum('posts as total', 'likes').withSum({ posts: (q) => q.where('published', true) }, 'likes').get();
    expect(extras(users, 'total')).toEqual([15, null, null]);
    expect(extras(users, 'posts_sum_likes')).toEqual([10, null, null]);
    expect(users[0].$extras).not.toHaveProperty('posts_sum_likes_total');
  });

  test('min and max of a Date column give Dates, each model its own copy', () => {
    const users = User.withMin('posts', 'at').withMax('posts', 'at').get();
    expect(extras(users, 'posts_min_at')).toEqual([may1, june9, null]);
    expect(extras(users, 'posts_max_at')).toEqual([june9, june9, null]);
    (users[0].$extras.posts_max_at as Date).setFullYear(1999);
    expect(users[1].$extras.posts_max_at).toEqual(june9);
  });

  test('ordering by an aggregate orders by its value, blanks last', () => {
    const users = User.withSum('posts', 'likes').withSum('posts as published', 'likes').orderBy('posts_sum_likes', 'desc').get();
    expect(users.map((u) => u.id)).toEqual([1, 2, 3]);
    expect(User.withMax('posts', 'at').orderBy('posts_max_at').orderBy('id', 'desc').get().map((u) => u.id)).toEqual([2, 1, 3]);
    expect(gas().calls.reads('Posts')).toBe(2);
  });

  test('a parent query with where and limit keeps each parent its own aggregate', () => {
    expect(User.query().where('id', '>', 1).withSum('posts', 'likes').first()!.$extras.posts_sum_likes).toBeNull();
    expect(User.query().withSum('posts', 'likes').where('name', 'virk').first()!.$extras.posts_sum_likes).toBe(15);
  });
});

describe('other relation kinds', () => {
  test('hasOne and belongsTo aggregate their rows', () => {
    expect(extras(User.withMax('profile', 'score').get(), 'profile_max_score')).toEqual([7, null, 2]);
    const posts = Post.withSum('author', 'age').withExists('author').get();
    expect(extras(posts, 'author_sum_age')).toEqual([30, 30, 30, 41, null]);
    expect(extras(posts, 'author_exists')).toEqual([true, true, true, true, false]);
  });

  test('a belongsTo key typed on two owner rows counts both, as SQL counts them, in withCount and withAggregate alike', () => {
    seedSheets({ ...fixture, Users: [['id', 'name', 'age'], [1, 'virk', 30], ['1', 'virk again', 5]] });
    const post = Post.withCount('author').withAggregate('author', (q) => q.count().as('owners')).withSum('author', 'age').findOrFail(1);
    expect([post.$extras.author_count, post.$extras.owners, post.$extras.author_sum_age]).toEqual([2, 2, 35]);
  });

  test('manyToMany aggregates a related column, or a pivot column named bare or with its sheet', () => {
    const posts = Post.withSum('tags', 'rank').withMax('tags', 'weight').withAvg('tags as w', 'post_tag.weight').get();
    expect(extras(posts, 'tags_sum_rank')).toEqual([11, 3, null, 1, null]);
    expect(extras(posts, 'tags_max_weight')).toEqual([5, 3, null, 2, null]);
    expect(extras(posts, 'w')).toEqual([3, 3, null, 2, null]);
    expect(gas().calls.reads('post_tag')).toBe(1);
    expect(gas().calls.reads('Tags')).toBe(1);
  });
});

describe('withExists', () => {
  test('sets $extras.<rel>_exists to true or false, constrained by a callback or renamed', () => {
    const users = User.withExists('posts').withExists('posts as hasPublished', (q) => q.where('published', false)).get();
    expect(extras(users, 'posts_exists')).toEqual([true, true, false]);
    expect(extras(users, 'hasPublished')).toEqual([true, false, false]);
    expect(extras(User.withExists({ profile: null }).get(), 'profile_exists')).toEqual([true, false, true]);
  });
});

describe("Lucid's withAggregate", () => {
  test('the callback names the aggregate and its name, after constraining the rows', () => {
    const users = User.withAggregate('posts', (q) => q.where('published', true).sum('likes').as('publishedLikes')).get();
    expect(extras(users, 'publishedLikes')).toEqual([10, null, null]);
    expect(gas().calls.reads('Posts')).toBe(1);
  });

  test("without as() the name is Eloquent's; count() counts rows, count(column) the rows holding a value", () => {
    const users = User.withAggregate('posts', (q) => q.max('likes'))
      .withAggregate('posts', (q) => q.count('*').as('rows'))
      .withAggregate('posts', (q) => q.count('at').as('dated'))
      .get();
    expect(extras(users, 'posts_max_likes')).toEqual([10, null, null]);
    expect(extras(users, 'rows')).toEqual([3, 1, 0]);
    expect(extras(users, 'dated')).toEqual([2, 1, 0]);
  });

  test('on a manyToMany relation, with a pivot filter', () => {
    const posts = Post.withAggregate('tags', (q) => q.wherePivot('weight', '>', 1).min('rank').as('bestRank')).get();
    expect(extras(posts, 'bestRank')).toEqual([3, 3, null, 1, null]);
  });

  test('a callback that asks for no aggregate, or for two, is refused before reading the related sheet', () => {
    expect(() => User.withAggregate('posts', (q) => q.where('published', true)).get()).toThrow(
      "User.withAggregate('posts', …): the callback asked for no aggregate; call one on its query, such as q => q.sum('likes').as('total') (sum, avg, min, max or count).",
    );
    expect(() => User.withAggregate('posts', (q) => q.sum('likes').avg('likes')).get()).toThrow(/avg\(\): a withAggregate callback computes one aggregate, and it already asked for sum\(\)/);
    expect(() => User.withAggregate('posts', undefined as never)).toThrow(ValidationError);
    expect(gas().calls.reads('Posts')).toBe(0);
  });

  test('exists() tested in the callback is no aggregate of its own', () => {
    const users = User.withAggregate('posts', (q) => (q.exists() ? q.sum('likes').as('total') : q.sum('likes').as('total'))).get();
    expect(extras(users, 'total')).toEqual([15, null, null]);
    expect(() => User.withAggregate('posts', (q) => void q.exists()).get()).toThrow(/the callback asked for no aggregate/);
  });

  test('outside withAggregate, sum and count still compute', () => {
    expect(User.findOrFail(1).related('posts').query().sum('likes')).toBe(15);
    expect(User.withCount('posts', (q) => q.where('likes', '>', 1)).get()[0].$extras.posts_count).toBe(2);
  });
});

describe('load… forms on a model and a Collection', () => {
  test('loadSum/loadAvg/loadMin/loadMax/loadExists/loadAggregate set the same extras, reading only the relation sheets', () => {
    const users = User.all();
    gas().calls.reset();
    users.loadSum('posts', 'likes').loadExists('profile').loadAggregate('posts', (q: any) => q.avg('likes').as('mean'));
    expect(extras(users, 'posts_sum_likes')).toEqual([15, null, null]);
    expect(extras(users, 'profile_exists')).toEqual([true, false, true]);
    expect(extras(users, 'mean')).toEqual([7.5, null, null]);
    expect(gas().calls.reads('Users')).toBe(0);
    const user = User.findOrFail(1).loadMin('posts', 'likes').loadMax({ posts: (q) => q.where('published', true) }, 'likes').loadAvg('posts', 'likes');
    expect([user.$extras.posts_min_likes, user.$extras.posts_max_likes, user.$extras.posts_avg_likes]).toEqual([5, 10, 7.5]);
    expect(User.findOrFail(3).loadExists('posts').loadSum('posts', 'likes').$extras).toMatchObject({ posts_exists: false, posts_sum_likes: null });
  });

  test('a transaction that throws takes the loaded aggregates back', () => {
    const user = User.findOrFail(1);
    expect(() =>
      transaction(() => {
        Post.create({ user_id: 1, likes: 1 });
        user.loadSum('posts', 'likes');
        expect(user.$extras.posts_sum_likes).toBe(16);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(user.$extras).not.toHaveProperty('posts_sum_likes');
  });

  test('a Collection of other things is refused, naming the query form', () => {
    expect(() => new Collection([{ id: 1 }]).loadSum('posts', 'likes')).toThrow(/Collection\.loadSum\(\): expected a collection of models.*or use withSum\(…\) in the query/);
  });
});

describe('errors', () => {
  test('a missing column, relation or column argument says what to fix', () => {
    expect(() => User.withSum('posts', 'nope').get()).toThrow(ColumnNotFoundError);
    expect(() => User.withSum('nope' as never, 'likes')).toThrow(RelationNotFoundError);
    expect(() => User.withSum('posts', '' as never)).toThrow("User.withSum(): the column must be a non-empty string, not \"\".");
    expect(() => User.withMax('posts.tags' as never, 'rank')).toThrow(
      "User.withMax('posts.tags'): an aggregate takes a relation of User, not a dot path; aggregate on the loaded ones instead: with('posts', q => q.withMax('tags', …)).",
    );
    expect(() => User.withSum('posts as __proto__', 'likes')).toThrow(/"__proto__" cannot name a result/);
    // A callback or a name after the column would be dropped: refused, saying where they go.
    expect(() => (User as any).withSum('posts', 'likes', (q: any) => q.where('published', true))).toThrow(
      "User.withSum(): it takes a relation and a column, and got 3 arguments; constrain the rows with withSum({ posts: q => q.where(…) }, 'likes'), or name the result with 'posts as total'.",
    );
    expect(() => (User.findOrFail(1) as any).loadMax('posts', 'likes', 'top')).toThrow(/withMax\(\): it takes a relation and a column, and got 3 arguments/);
    expect(() => (User.all() as any).loadAvg('posts', 'likes', 'top')).toThrow(/withAvg\(\): it takes a relation and a column/);
    expect(() => (User as any).withMax('posts as m', 'likes', 'x')).toThrow(/constrain the rows with withMax\(\{ 'posts as m': q => q\.where\(…\) \}, 'likes'\)\.$/);
  });
});

test('the Sheets API path gives the same aggregates, reading every sheet in one batchGet', () => {
  const read = () => User.withSum('posts', 'likes').withExists('profile').withAggregate('posts', (q) => q.min('at').as('first')).get().map((u) => ({ ...u.$extras }));
  const plain = read();
  seedSheets(fixture, { sheetsApi: true });
  gas().calls.reset();
  expect(read()).toEqual(plain);
  // Every sheet in the first batchGet; Posts holds dates, so it is read again as serial numbers (docs/performance.md).
  const batches = gas().calls.all().filter((call) => call.method === 'Sheets.Spreadsheets.Values.batchGet');
  expect(batches.map((call) => (call.args[1] as { ranges: string[] }).ranges)).toEqual([["'Users'", "'Posts'", "'Profiles'"], ["'Posts'"]]);
  expect(gas().calls.count('Range.getValues')).toBe(0);
});
