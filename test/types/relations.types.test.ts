/**
 * Type tests: `npm run typecheck` compiles this file; each `@ts-expect-error` must be an error.
 * The runtime part checks the same calls work.
 */
import { Model, Collection } from '../../src';
import type { BelongsToClient, HasManyClient, HasManyQueryBuilder, ManyToManyClient, ManyToManyQueryBuilder, QueryBuilder, SyncResult } from '../../src';
import { seedSheets } from '../support/seed';
import type { ThisTypedMember } from '../../src/relations/types';

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

it('types loaded relations per kind', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'ann']],
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1]],
    Tags: [['id', 'name'], [1, 'js']],
    PostTag: [['post_id', 'tag_id'], [1, 1]],
  });
  const post = Post.with('tags', 'author').firstOrFail();
  assertType<Equals<typeof post.tags, Collection<Tag>>>();
  assertType<Equals<typeof post.author, User | null>>();
  const title: string = post.title;
  const names: string[] = post.tags.pluck('name').all();
  expect([title, names, post.author?.name]).toEqual(['First', ['js'], 'ann']);

  const users = User.with('posts.tags').get();
  const firstUserPosts = users.first()!.posts;
  const firstPostTags = firstUserPosts.first()!.tags;
  assertType<Equals<typeof firstPostTags, Collection<Tag>>>();
  const title2: string = firstUserPosts.first()!.title;
  expect(firstUserPosts.count()).toBe(1);
  expect([title2, firstPostTags.pluck('name').all()]).toEqual(['First', ['js']]);
  const author = Post.with('author.posts').firstOrFail().author!;
  const authorPosts = author.posts;
  assertType<Equals<typeof authorPosts, Collection<Post>>>();
  expect(authorPosts.count()).toBe(1);
  // A parameter names what it reads, at every level (README), and takes models with more loaded.
  const titles = (user: { name: string; posts: Collection<{ title: string; tags: Collection<Tag> }> }) => user.posts.map((p) => `${user.name}: ${p.title} (${p.tags.count()})`).all();
  expect(titles(User.with('posts.tags', 'posts.author').firstOrFail())).toEqual(['ann: First (1)']);
  const named = (post: { title: string; tags: Collection<Tag> }) => post.title;
  expect(named(Post.with('tags', 'author').firstOrFail())).toBe('First');

  const loaded = Post.findOrFail(1).load('author');
  assertType<Equals<typeof loaded.author, User | null>>();
  expect(loaded.author!.id).toBe(1);
  const chained = Post.findOrFail(1).load((loader) => loader.load('author').preload('tags'));
  assertType<Equals<typeof chained.author, User | null>>();
  assertType<Equals<typeof chained.tags, Collection<Tag>>>();
  expect([chained.author!.id, chained.tags.pluck('name').all()]).toEqual([1, ['js']]);
  const statements = Post.findOrFail(1).load((loader) => {
    loader.load('author');
  });
  // Paths given in statements are loaded but not typed: only a returned chain names them.
  assertType<Equals<typeof statements, Post>>();

  // A loaded model's own methods hand it back with what it has loaded, and load() adds to it.
  const loadedPost = Post.with('tags').firstOrFail();
  const afterSave: Collection<Tag> = loadedPost.merge({ title: 'First' }).save().tags;
  const afterLoad = loadedPost.load('author');
  assertType<Equals<typeof afterLoad.tags, Collection<Tag>>>();
  assertType<Equals<typeof afterLoad.author, User | null>>();
  // ...and keeps the model's own overrides of Model's other members.
  class Shown extends Post {
    override toJSON(): { title: string } {
      return { title: this.title };
    }
    override delete(soft = false): void {
      if (!soft) super.delete();
    }
  }
  const shown: { title: string } = Shown.with('tags').firstOrFail().toJSON();
  const remove: (soft?: boolean) => void = Shown.findOrFail(1).load('tags').delete;
  expect(typeof remove).toBe('function');
  expect(shown).toEqual({ title: 'First' });
  const twice = Post.findOrFail(1).load('tags').load('author');
  assertType<Equals<typeof twice.tags, Collection<Tag>>>();
  expect([afterSave.count(), afterLoad.author!.id, twice.tags.count()]).toEqual([1, 1, 1]);

  // @ts-expect-error 'tgs' is not a relation of Post
  expect(() => Post.with('tgs')).toThrow(/no relation "tgs"/);
  // @ts-expect-error 'title' is an attribute, not a relation
  expect(() => Post.query().with('title')).toThrow(/no relation "title"/);
  // @ts-expect-error 'tgs' is not a relation of Post
  expect(() => Post.has('tgs')).toThrow(/no relation "tgs"/);
  // @ts-expect-error 'tgs' is not a relation of Post
  expect(() => Post.query().whereHas('tgs', (q) => q.where('name', 'js'))).toThrow(/no relation "tgs"/);
  // @ts-expect-error 'athor' is not a relation of Post
  expect(() => Post.query().orDoesntHave('athor')).toThrow(/no relation "athor"/);
  expect(Post.whereHas('tags', (q) => q.wherePivot('tag_id', 1)).has('author.posts').count()).toBe(1);
  // A query that already loads a relation still names it in has/whereHas/withCount, with its query type.
  const loadedQuery = Post.with('tags')
    .whereHas('tags', (q) => {
      assertType<Equals<typeof q, ManyToManyQueryBuilder<Tag>>>();
      q.wherePivot('tag_id', 1);
    })
    .has('tags')
    .withCount('tags as total', (q) => {
      assertType<Equals<typeof q, ManyToManyQueryBuilder<Tag>>>();
    })
    .with('author', (q) => {
      assertType<Equals<typeof q, QueryBuilder<User>>>();
    });
  expect(loadedQuery.firstOrFail().$extras.total).toBe(1);
  // withSum and kin check the relation name; withAggregate's query names its aggregate after where() too.
  // @ts-expect-error 'tgs' is not a relation of Post
  expect(() => Post.withSum('tgs', 'id')).toThrow(/no relation "tgs"/);
  const summed = Post.withAggregate('tags', (q) => q.wherePivot('tag_id', 1).sum('id').as('tagIds')).firstOrFail();
  expect(summed.$extras.tagIds).toBe(1);
  // @ts-expect-error a query outside withAggregate computes: sum() gives a number
  expect(() => Post.query().sum('id').as('x')).toThrow(TypeError);
  // Loading a relation again with a deeper path types the deeper one.
  const deeper = Post.with('author').with('author.posts').firstOrFail();
  const deeperPosts: Collection<{ title: string }> = deeper.author!.posts;
  expect(deeperPosts.pluck('title').all()).toEqual(['First']);
  // ...and without one keeps what was loaded.
  const kept = Post.with('author.posts').with('author').firstOrFail();
  expect(kept.author!.posts.length).toBe(1);
  // A loaded model still names its relations in related().
  const client = Post.with('tags').firstOrFail().related('tags');
  assertType<Equals<typeof client, ManyToManyClient<Post, Tag>>>();

  const created = Post.create({ title: 'typed', user_id: 1 });
  assertType<Equals<typeof created, Post>>();
  // @ts-expect-error 'titel' is not an attribute of Post
  expect(() => Post.create({ titel: 'typo' })).toThrow(/no column "titel"/);
  // @ts-expect-error title is a string
  expect(() => Post.create({ title: 42 })).not.toThrow();
});

it('types names given after a constraint callback', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'ann']],
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2]],
  });
  const post = Post.with('tags', (q) => q.where('name', 'ts'), 'author').firstOrFail();
  assertType<Equals<typeof post.author, User | null>>();
  assertType<Equals<typeof post.tags, Collection<Tag>>>();
  expect([post.tags.pluck('name').all(), post.author!.name]).toEqual([['ts'], 'ann']);
  const both = Post.with(['tags', 'author']).firstOrFail();
  assertType<Equals<typeof both.author, User | null>>();
  // @ts-expect-error 'autor' is not a relation
  expect(() => Post.with('tags', (q) => q, 'autor')).toThrow(/autor/);
  const mapped = Post.with({ tags: (q) => q.where('name', 'js'), author: null }).firstOrFail();
  assertType<Equals<typeof mapped.tags, Collection<Tag>>>();
  assertType<Equals<typeof mapped.author, User | null>>();
  expect(mapped.tags.pluck('name').all()).toEqual(['js']);
  expect(() => Post.with({ autor: null })).toThrow(/autor/);
});

it('types related(name) by the relation it names', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'ann']],
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1]],
  });
  const post = Post.findOrFail(1);
  const tags = post.related('tags');
  assertType<Equals<typeof tags, ManyToManyClient<Post, Tag>>>();
  const result = tags.sync([2]);
  assertType<Equals<typeof result, SyncResult>>();
  expect(result).toEqual({ attached: [2], detached: [1], updated: [] });
  const author = post.related('author');
  assertType<Equals<typeof author, BelongsToClient<Post, User>>>();
  const posts = User.findOrFail(1).related('posts');
  assertType<Equals<typeof posts, HasManyClient<User, Post>>>();
  const firstPost = posts.query().first();
  assertType<Equals<typeof firstPost, Post | null>>();
  const authorFound = author.query().first();
  assertType<Equals<typeof authorFound, User | null>>();
  expect([posts.query().count(), firstPost!.title, authorFound!.name]).toEqual([1, 'First', 'ann']);
  // @ts-expect-error 'tagz' is not a relation of Post
  expect(() => post.related('tagz')).toThrow(/no relation "tagz"/);
});

it('types $getRelation(name) by the kind of relation it names', () => {
  const tags = Post.$getRelation('tags');
  tags.boot();
  const pivot: [string, string, string, string[]] = [tags.pivotTable, tags.pivotForeignKey, tags.pivotRelatedForeignKey, tags.pivotColumns];
  expect(pivot).toEqual(['PostTag', 'post_id', 'tag_id', []]);
  expect(tags.getPivotPair(new Post({ id: 4 }))).toEqual(['post_id', 4]);
  const author = User.$getRelation('posts');
  const kind: 'hasMany' = author.type;
  expect(kind).toBe('hasMany');
  // A name only known at run time gives a relation of any kind, told apart by its type.
  const name: string = 'author';
  const relation = Post.$getRelation(name);
  expect(relation.type).toBe('belongsTo');
  const keys = (name: string) => {
    const found = Post.$getRelation(name);
    found.boot();
    return found.type === 'manyToMany' ? [found.pivotTable, found.relatedKey] : [found.type, found.localKey];
  };
  expect(keys('tags')).toEqual(['PostTag', 'id']);
  expect(keys('author')[0]).toBe('belongsTo');
});

it('types the query a relation callback gets by the relation it constrains', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'ann']],
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1], [2, 'Second', 1]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id', 'active'], [1, 1, true], [1, 2, false]],
  });
  const seen: string[] = [];
  const posts = Post.with('tags', (q) => {
    assertType<Equals<typeof q, ManyToManyQueryBuilder<Tag>>>();
    q.wherePivot('active', true);
  })
    .with('author', (q) => {
      assertType<Equals<typeof q, QueryBuilder<User>>>();
      seen.push('author');
    })
    .get();
  expect(posts.first()!.tags.pluck('name').all()).toEqual(['js']);
  const users = User.preload('posts', (q) => {
    assertType<Equals<typeof q, HasManyQueryBuilder<Post>>>();
    q.groupLimit(1);
  }).get();
  expect(users.first()!.posts.count()).toBe(1);
  User.with('posts.tags', (q) => {
    assertType<Equals<typeof q, ManyToManyQueryBuilder<Tag>>>();
    seen.push('posts.tags');
  }).get();
  const post = Post.findOrFail(1).load('tags', (q) => {
    assertType<Equals<typeof q, ManyToManyQueryBuilder<Tag>>>();
    q.whereNotPivot('active', true);
  });
  assertType<Equals<typeof post.tags, Collection<Tag>>>();
  expect(post.tags.pluck('name').all()).toEqual(['ts']);
  // @ts-expect-error a belongsTo query has no pivot filters
  expect(() => Post.with('author', (q) => q.wherePivot('active', true)).get()).toThrow();
  expect(seen).toEqual(['author', 'posts.tags']);
  const tagged = Post.whereHas('tags', (q) => {
    assertType<Equals<typeof q, ManyToManyQueryBuilder<Tag>>>();
    q.wherePivot('active', false);
  }).pluck('title');
  expect(tagged).toEqual(['First']);
  const counted = User.query()
    .withCount('posts', (q) => {
      assertType<Equals<typeof q, HasManyQueryBuilder<Post>>>();
      q.where('title', 'Second');
    })
    .firstOrFail();
  expect(counted.$extras.posts_count).toBe(1);
  // An alias keeps the relation's query type.
  const aliased = User.query()
    .withCount('posts as total', (q) => {
      assertType<Equals<typeof q, HasManyQueryBuilder<Post>>>();
    })
    .firstOrFail();
  expect(aliased.$extras.total).toBe(2);
  // A name that may be one of several gives the callback any query, so a loop over names compiles.
  for (const name of ['tags', 'author'] as const) {
    Post.with(name, (q) => {
      assertType<Equals<typeof q, any>>();
      q.where('id', '>', 0);
    });
    expect(Post.whereHas(name, (q) => q.where('id', 1)).count()).toBe(name === 'tags' ? 1 : 2);
  }
});

it('checks the attributes a relation client creates', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'ann']],
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2]],
  });
  const ann = User.findOrFail(1);
  const post = Post.findOrFail(1);
  // @ts-expect-error 'titel' is no attribute of Post
  expect(() => ann.related('posts').create({ titel: 'x' })).toThrow(/titel/);
  // @ts-expect-error 'nmae' is no attribute of Tag
  expect(() => post.related('tags').createMany([{ nmae: 'x' }])).toThrow(/nmae/);
  // merge and fill take any record: models' own methods and generic helpers pass theirs on.
  const touch = <M extends Model>(model: M) => model.merge({ title: 'Touched' });
  expect(touch(post).title).toBe('Touched');
  // Only a dot path's first segment is checked (spelling out every path slows the type checker).
  expect(() => Post.with('author.psts').get()).toThrow(/psts/);
  const deep = Post.with('author.posts.tags').firstOrFail();
  expect(deep.author!.posts.first()!.tags.pluck('name').all()).toEqual(['js', 'ts']);
  // A query's update checks names and values as create does; qualified names pass.
  // @ts-expect-error 'titel' is no attribute of Post
  expect(() => Post.query().update({ titel: 'x' })).toThrow(/titel/);
  // @ts-expect-error title holds a string
  expect(() => Post.where('id', 0).update({ title: { no: 1 } })).toThrow(/title/);
  expect(post.related('tags').query().update({ 'Tags.name': 'js' })).toBe(2);
});

it('types Array helpers that flatten or change a Collection in place', () => {
  seedSheets({
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1], [2, 'Second', 1]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 2]],
  });
  const posts = Post.with('tags').get();
  const tags = posts.flatMap((p) => p.tags);
  assertType<Equals<typeof tags, Collection<Tag>>>();
  const flat = posts.map((p) => p.tags).flat();
  assertType<Equals<typeof flat, Tag[]>>();
  expect([tags.map((tag) => tag.name), flat.length]).toEqual([['js', 'ts', 'ts'], 3]);
  const last = posts.pop();
  const removed = posts.splice(0, 1);
  expect([last?.title, removed.map((p) => p.title), posts.length]).toEqual(['Second', ['First'], 0]);
});

// The members WithLoaded takes from Model are exactly those whose type follows `this` (a subclass sees them differently).
declare const PROBE: unique symbol;
interface Probe extends Model {
  readonly [PROBE]: true;
}
type ComputedThisTyped = { [K in keyof Model]-?: Equals<Probe[K], Model[K]> extends true ? never : K }[keyof Model];
assertType<Equals<ComputedThisTyped, ThisTypedMember>>();

it('relation writers take models with relations loaded, and attach/sync take ids or models of the related class', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'ann'], [2, 'bob']],
    Posts: [['id', 'title', 'user_id'], [1, 'First', 1], [2, 'Second', '']],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1]],
  });
  const loadedUser = User.with('posts').findOrFail(2);
  const post = Post.findOrFail(2);
  const associated: Post = post.related('author').associate(loadedUser);
  const loadedPost = Post.with('tags').findOrFail(2);
  const saved = User.findOrFail(1).related('posts').save(loadedPost);
  assertType<Equals<typeof saved, typeof loadedPost>>();
  const savedMany = User.findOrFail(2).related('posts').saveMany(Post.with('tags', 'author').get());
  expect([associated.user_id, saved.user_id, savedMany.map((p) => [p.user_id, p.tags.length])]).toEqual([2, 1, [[2, 1], [2, 0]]]);

  const tags = Post.findOrFail(2).related('tags');
  tags.attach(Tag.query().get());
  expect(tags.sync(new Map([[1, { }]]))).toEqual({ attached: [], detached: [2], updated: [] });
  expect(tags.detach([Tag.findOrFail(1), 2])).toBe(1);
  expect(tags.toggle({ 1: {} })).toEqual({ attached: [1], detached: [] });
  // @ts-expect-error a Post is not a Tag
  expect(() => tags.attach(new Post())).toThrow(/expected a Tag/);
  // @ts-expect-error ids are numbers, strings, Dates or models
  expect(() => tags.sync([true])).toThrow(/not a related id/);
  // @ts-expect-error a Tag is not a User
  expect(() => post.related('author').associate(Tag.findOrFail(1))).toThrow(/expected a User/);
});

it("types onQuery's query per relation kind, in each options form", () => {
  class Lead extends Model {
    static _table = 'Users';
    declare id: number;
    declare name: string;
  }
  class Project extends Model {
    static _table = 'Projects';
    declare id: number;
    members() {
      return this.manyToMany(Lead, {
        pivotTable: 'project_user',
        onQuery: (query) => {
          assertType<Equals<typeof query, ManyToManyQueryBuilder<Lead>>>();
          query.wherePivot('role', 'lead');
          // @ts-expect-error a misspelt method is caught (never run)
          void (() => query.wherePivott('role', 'lead'));
        },
      });
    }
    owner() {
      return this.belongsTo(Lead, { foreignKey: 'user_id', onQuery: (query) => assertType<Equals<typeof query, QueryBuilder<Lead>>>() });
    }
    tasks() {
      return this.hasMany(Lead, { onQuery: (query) => query.groupLimit(2) && assertType<Equals<typeof query, HasManyQueryBuilder<Lead>>>() });
    }
    static fields() {
      return { id: this.attr(null), leads: this.belongsToMany(Lead, { pivotTable: 'project_user', onQuery: (query) => query.whereNotNullPivot('role') }) };
    }
  }
  seedSheets({ Projects: [['id', 'user_id'], [1, 1]], Users: [['id', 'name', 'project_id'], [1, 'Ann', 1]], project_user: [['project_id', 'user_id', 'role'], [1, 1, 'lead']] });
  expect(Project.findOrFail(1).related('members').query().count()).toBe(1);
});
