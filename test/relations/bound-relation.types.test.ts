/**
 * Type tests for Eloquent's relation calls (`post.tags().attach(...)`): `npm run typecheck`
 * compiles this file, each `@ts-expect-error` must be an error, and the runtime part checks the
 * same calls work.
 */
import { Model, Collection } from '../../src';
import type { HasManyQueryBuilder, ManyToMany, ManyToManyQueryBuilder, QueryBuilder, SyncResult } from '../../src';
import { cleanup, seedSheets, sheetRows } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
  declare name: string;
  posts() {
    return this.hasMany(Post, 'user_id');
  }
  latest() {
    return this.hasOne(Post, 'user_id');
  }
}
class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare user_id: number | null;
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
  author() {
    return this.belongsTo(User, 'user_id');
  }
  addTags(ids: number[]): void {
    this.tags().attach(ids);
  }
}

/** A helper over any query, as users write them. */
function named<M extends Model>(query: QueryBuilder<M>, name: string): QueryBuilder<M> {
  return query.where('name', name);
}

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_value?: T) => undefined;

beforeEach(() =>
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1], [2, 'Second', '']],
    Tags: [['id', 'name'], [1, 'js'], [2, 'news'], [3, 'tips']],
    PostTag: [['post_id', 'tag_id'], [1, 1]],
  }),
);
afterEach(cleanup);

it('types a many-to-many relation called on a model as its writer and its query', () => {
  const post = Post.findOrFail(1);
  post.tags().attach([2, 3]);
  const synced = post.tags().sync([1, 2]);
  assertType<Equals<typeof synced, SyncResult>>();
  const query = post.tags().where('name', '!=', 'tips');
  assertType<Equals<typeof query, ManyToManyQueryBuilder<Tag>>>();
  const names: string[] = query.orderBy('name').pluck('name').all();
  const pivoted = post.tags().pivotColumns(['tag_id']);
  assertType<Equals<typeof pivoted, ManyToManyQueryBuilder<Tag>>>();
  const first = post.tags().wherePivot('tag_id', 2).first();
  assertType<Equals<typeof first, Tag | null>>();
  post.addTags([3]);
  const viaQuery = named(post.tags().query(), 'tips').first();
  assertType<Equals<typeof viaQuery, Tag | null>>();
  expect(viaQuery?.id).toBe(3);
  post.tags().detach([3]);
  const all = post.tags().get();
  assertType<Equals<typeof all, Collection<Tag>>>();
  expect([names, first?.name, all.count()]).toEqual([['js', 'news'], 'news', 2]);
  expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id'], [1, 1], [1, 2]]);
  // The definition's own members keep their types; $getRelation gives the definition alone.
  const kind: 'manyToMany' = post.tags().type;
  const definition = Post.$getRelation('tags');
  assertType<Equals<typeof definition.pivotColumns, string[]>>();
  expect([kind, definition.type]).toEqual(['manyToMany', 'manyToMany']);
  const asDefinition: ManyToMany<Post & Model, Tag> = definition;
  expect(asDefinition.relationName).toBe('tags');
  // @ts-expect-error only the query's methods are forwarded, not its fields
  expect(post.tags().conditions).toBeUndefined();
  // @ts-expect-error associate is belongsTo's
  expect(() => post.tags().associate(new User())).toThrow(TypeError);
});

it('types hasMany, hasOne and belongsTo relations called on a model', () => {
  const user = User.findOrFail(2);
  const created = user.posts().create({ title: 'Third' });
  assertType<Equals<typeof created, Post>>();
  const posts = user.posts().where('title', 'Third');
  assertType<Equals<typeof posts, HasManyQueryBuilder<Post>>>();
  const latest = user.latest().first();
  assertType<Equals<typeof latest, Post | null>>();
  const latestQuery = user.latest().query();
  assertType<Equals<typeof latestQuery, QueryBuilder<Post>>>();
  // @ts-expect-error 'titel' is not an attribute of Post
  expect(() => user.posts().create({ titel: 'typo' })).toThrow(/no column "titel"/);

  const post = Post.findOrFail(2);
  const associated: Post = post.author().associate(user);
  const author = post.author().first();
  assertType<Equals<typeof author, User | null>>();
  expect([posts.count(), latest?.title, author?.name, associated.user_id]).toEqual([1, 'Third', 'Bob', 2]);
  expect(sheetRows('Posts')).toEqual([['id', 'title', 'user_id'], [1, 'First', 1], [2, 'Second', 2], [3, 'Third', 2]]);
});
