/**
 * Type tests for relations a `with()`/`preload()`/`load()` callback loads itself
 * (`User.with('posts', (q) => q.with('tags'))`): `npm run typecheck` compiles this file.
 * The runtime part checks the same calls load what the types say.
 */
import { Model, Collection } from '../../src';
import { seedSheets } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
  declare name: string;
  posts() {
    return this.hasMany(Post, 'user_id');
  }
}
class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
  posts() {
    return this.manyToMany(() => Post, 'PostTag', 'tag_id', 'post_id');
  }
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare user_id: number;
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
  author() {
    return this.belongsTo(() => User, 'user_id');
  }
}

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_value?: T) => undefined;

beforeEach(() => {
  seedSheets({
    Users: [['id', 'name'], [1, 'ann']],
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1], [2, 'Second', 1]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 1]],
  });
});

it('types the relations a with() callback loads, for each kind of relation', () => {
  const user = User.with('posts', (q) => q.with('tags').where('id', 1)).firstOrFail();
  const tags = user.posts.first()!.tags;
  assertType<Equals<typeof tags, Collection<Tag>>>();
  expect(tags.pluck('name').all()).toEqual(['js', 'ts']);

  const post = Post.query().with('tags', (q) => q.wherePivot('tag_id', 1).with('posts')).firstOrFail();
  const tagPosts = post.tags.first()!.posts;
  assertType<Equals<typeof tagPosts, Collection<Post>>>();
  expect(tagPosts.pluck('id').all()).toEqual([1, 2]);

  const authored = Post.with('author', (q) => q.with('posts')).firstOrFail();
  const authorPosts = authored.author!.posts;
  assertType<Equals<typeof authorPosts, Collection<Post>>>();
  expect(authorPosts.count()).toBe(2);
});

it('types them through dot paths and nested callbacks', () => {
  const user = User.with('posts.tags', (q) => q.with('posts')).firstOrFail();
  const deep = user.posts.first()!.tags.first()!.posts;
  assertType<Equals<typeof deep, Collection<Post>>>();
  expect(deep.pluck('id').all()).toEqual([1, 2]);

  const nested = User.with('posts', (q) => q.with('tags', (t) => t.with('posts'))).firstOrFail();
  const nestedPosts = nested.posts.first()!.tags.first()!.posts;
  assertType<Equals<typeof nestedPosts, Collection<Post>>>();
  expect(nestedPosts.count()).toBe(2);
});

it('types them on preload(), a model load() and a Collection load()', () => {
  const preloaded = User.preload('posts', (q) => q.preload('tags')).firstOrFail();
  const preloadedTags = preloaded.posts.first()!.tags;
  assertType<Equals<typeof preloadedTags, Collection<Tag>>>();

  const loaded = User.findOrFail(1).load('posts', (q) => q.with('tags'));
  const loadedTags: Collection<Tag> = loaded.posts.first()!.tags;

  const users = User.all().load('posts', (q) => q.with('author'));
  const author: User | null = users.first()!.posts.first()!.author;
  expect([preloadedTags.count(), loadedTags.count(), author!.name]).toEqual([2, 2, 'ann']);
});

it('keeps the plain types when the callback returns no query', () => {
  const user = User.with('posts', (q) => {
    q.with('tags');
  }).firstOrFail();
  const posts = user.posts;
  assertType<Equals<typeof posts, Collection<Post>>>();
  // @ts-expect-error a query given in a statement loads `tags`, but only a returned one types it
  const notTyped: Collection<Tag> = posts.first()!.tags;
  expect(notTyped).toBeInstanceOf(Collection);

  const plain = Post.preload('tags').firstOrFail();
  assertType<Equals<typeof plain.tags, Collection<Tag>>>();
  expect(plain.tags.count()).toBe(2);
});
