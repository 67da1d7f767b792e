/** Eloquent's `$collection->load(...)`: relations loaded onto every model of a Collection, one read per sheet. */
import { Collection, Model, RelationNotFoundError, SheetORMError, transaction, ValidationError } from '../../src';
import { gas, seedSheets } from '../support/seed';

class User extends Model {
  static override _table = 'Users';
  declare id: number;
  declare name: string;
  posts() {
    return this.hasMany(() => Post);
  }
}

class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare title: string;
  tags() {
    return this.manyToMany(() => Tag, 'PostTag', 'post_id', 'tag_id');
  }
  author() {
    return this.belongsTo(User, 'user_id');
  }
}

class Tag extends Model {
  static override _table = 'Tags';
  declare id: number;
  declare name: string;
}

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_value?: T) => undefined;

/** `count` posts; post i belongs to user (i % 3) + 1 and is tagged with tags (i % 4) + 1 and ((i + 1) % 4) + 1. */
function seedBlog(count: number, sheetsApi = false) {
  const posts: unknown[][] = [['id', 'user_id', 'title']];
  const pivot: unknown[][] = [['post_id', 'tag_id']];
  for (let i = 1; i <= count; i++) {
    posts.push([i, (i % 3) + 1, `Post ${i}`]);
    pivot.push([i, (i % 4) + 1], [i, ((i + 1) % 4) + 1]);
  }
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob'], [3, 'Cy']],
    Posts: posts,
    Tags: [['id', 'name'], [1, 'JavaScript'], [2, 'Tutorial'], [3, 'News'], [4, 'Misc']],
    PostTag: pivot,
  }, { sheetsApi });
}

const tagNames = (post: Model) => (post as unknown as { tags: Collection<Tag> }).tags.pluck('name').all();
const json = (items: Iterable<Model>) => Array.from(items, (item) => item.toJSON());

describe('Collection.load', () => {
  it('loads a relation onto every model with one read per sheet, none of the parents', () => {
    seedBlog(3);
    const posts = Post.all();
    gas().calls.reset();
    expect(posts.load('tags')).toBe(posts);
    expect([gas().calls.reads('Posts'), gas().calls.reads('PostTag'), gas().calls.reads('Tags')]).toEqual([0, 1, 1]);
    expect(gas().calls.reads()).toBe(2);
    expect(posts.map(tagNames).all()).toEqual([
      ['Tutorial', 'News'],
      ['News', 'Misc'],
      ['Misc', 'JavaScript'],
    ]);
  });

  it('reads each sheet once however many models there are', () => {
    seedBlog(300);
    const posts = Post.all();
    gas().calls.reset();
    posts.load('tags', 'author');
    expect(gas().calls.count('Range.getValues')).toBe(3);
    for (const sheet of ['PostTag', 'Tags', 'Users']) expect(gas().calls.reads(sheet)).toBe(1);
    expect(posts.every((post) => tagNames(post).length === 2)).toBe(true);
  });

  it('with the Sheets advanced service, reads the sheets of every path in one batch, as the model\'s load() does', () => {
    seedBlog(5, true);
    const users = User.all();
    gas().calls.reset();
    users.load('posts.tags', 'posts.author');
    // Values, then the serial numbers of sheets whose text may show dates ('Post 1').
    expect(gas().calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(2);
    expect(gas().calls.reads()).toBe(0);
    expect(json(users)).toEqual(json(User.with('posts.tags', 'posts.author').get()));
  });

  it("gives each model what the model's own load() gives it", () => {
    seedBlog(6);
    const posts = Post.all().load('tags', 'author');
    const one = Post.all().map((post) => post.load('tags', 'author'));
    expect(json(posts)).toEqual(json(one));
    expect(json(posts)).toEqual(json(Post.with('tags', 'author').get()));
  });

  it('loads dot paths level by level, one read per sheet', () => {
    seedBlog(6);
    const users = User.all();
    gas().calls.reset();
    users.load('posts.tags');
    expect(gas().calls.reads('Users')).toBe(0);
    for (const sheet of ['Posts', 'PostTag', 'Tags']) expect(gas().calls.reads(sheet)).toBe(1);
    expect(json(users)).toEqual(json(User.with('posts.tags').get()));
    expect(json(users)).toEqual(json(User.all().map((user) => user.load('posts.tags'))));
  });

  it('constrains a relation by a callback, an object of callbacks or Lucid\'s loader', () => {
    seedBlog(4);
    const posts = Post.all();
    gas().calls.reset();
    posts.load('tags', (q) => q.where('name', 'News'));
    expect(posts.map(tagNames).all()).toEqual([['News'], ['News'], [], []]);
    expect(gas().calls.reads()).toBe(2);
    posts.load({ tags: (q) => q.where('name', 'Misc'), author: null });
    expect(posts.map(tagNames).all()).toEqual([[], ['Misc'], ['Misc'], []]);
    gas().calls.reset();
    const loaded = posts.load((loader) => loader.load('tags', (q) => q.orderBy('name')).preload('author'));
    expect(gas().calls.reads()).toBe(3);
    expect(loaded.map((post) => [tagNames(post), post.author!.name]).all()).toEqual([
      [['News', 'Tutorial'], 'Bob'],
      [['Misc', 'News'], 'Cy'],
      [['JavaScript', 'Misc'], 'Ann'],
      [['JavaScript', 'Tutorial'], 'Bob'],
    ]);
    const users = User.all().load('posts.tags', (q) => q.where('name', 'JavaScript'));
    expect(users.map((user) => user.posts.map(tagNames).all()).all()).toEqual([[['JavaScript']], [[], ['JavaScript']], [[]]]);
  });

  it('types the loaded relations of its models', () => {
    seedBlog(2);
    const posts = Post.all().load('tags', 'author');
    assertType<Equals<(typeof posts)[number]['tags'], Collection<Tag>>>();
    assertType<Equals<(typeof posts)[number]['author'], User | null>>();
    const chained = Post.all().load((loader) => loader.load('tags'));
    assertType<Equals<(typeof chained)[number]['tags'], Collection<Tag>>>();
    const constrained = Post.all().load('tags', (q) => q.wherePivot('tag_id', 2));
    expect([posts[0].tags.length, posts[0].author!.name, chained[1].tags.length, constrained.map((post) => post.tags.length).all()]).toEqual([2, 'Bob', 2, [1, 0]]);
    // @ts-expect-error 'tgs' is not a relation of Post
    expect(() => Post.all().load('tgs')).toThrow(RelationNotFoundError);
  });

  it('does nothing, reading nothing, on an empty collection', () => {
    seedBlog(2);
    const none = Post.query().where('id', 99).get();
    gas().calls.reset();
    expect(none.load('tags')).toBe(none);
    const empty = new Collection<Post>([]);
    expect(empty.load('tags', (q) => q.where('name', 'News'))).toBe(empty);
    // With no model there is no class to look the names up on (as Eloquent).
    expect(empty.load('nope' as never)).toBe(empty);
    expect(gas().calls.all()).toEqual([]);
  });

  it('refuses plain values, copies of models and mixed classes before reading, saying what to pass', () => {
    seedBlog(2);
    const post = Post.findOrFail(1);
    const user = User.findOrFail(1);
    gas().calls.reset();
    const refusals: Array<[Collection<unknown>, string]> = [
      [new Collection([1, 2]), "Collection.load(): expected a collection of models, got 1 at index 0; load relations onto the models a query returns (Post.all().load('tags')), or use with('tags') in the query."],
      [new Collection<unknown>([post, { ...post }]), 'Collection.load(): expected a collection of models, got an object at index 1;'],
      [new Collection<unknown>([post, null]), 'got null at index 1;'],
      [new Collection<Model>([post, post, user]), "Collection.load(): expected models of one class, got a Post at index 0 and a User at index 2; load relations onto each class's models apart."],
    ];
    for (const [items, message] of refusals) {
      expect(() => items.load('tags')).toThrow(message);
      expect(() => items.load('tags')).toThrow(ValidationError);
      expect(() => items.load('tags')).toThrow(SheetORMError);
    }
    expect(() => Post.all().load('nope' as never)).toThrow(RelationNotFoundError);
    gas().calls.reset();
    expect(() => new Collection([post]).load(1 as never)).toThrow('Post.load(): expected relation names, got 1.');
    expect(gas().calls.reads()).toBe(0);
  });

  it('refuses plain values where no model class was ever loaded too', () => {
    jest.isolateModules(() => {
      const { Collection: Bare } = require('../../src/collection/Collection') as { Collection: typeof Collection };
      expect(() => new Bare([1]).load('tags')).toThrow('Collection.load(): expected a collection of models, got 1 at index 0;');
      const empty = new Bare([]);
      expect(empty.load('tags')).toBe(empty);
    });
  });

  it('loads onto a model listed twice, and onto new models, as their own load() does', () => {
    seedBlog(3);
    const post = Post.findOrFail(2);
    const draft = new Post().merge({ id: 9, user_id: 1 });
    new Collection([post, post, draft]).load('tags', 'author');
    expect(tagNames(post)).toEqual(['News', 'Misc']);
    expect([tagNames(draft), draft.author!.name]).toEqual([[], 'Ann']);
  });

  it('puts back what every model had loaded when a transaction rolls back', () => {
    seedBlog(3);
    const posts = Post.all().load('tags', (q) => q.where('name', 'News'));
    expect(() =>
      transaction(() => {
        posts.load('tags', 'author');
        expect(posts.map(tagNames).all()).toEqual([['Tutorial', 'News'], ['News', 'Misc'], ['Misc', 'JavaScript']]);
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(posts.map(tagNames).all()).toEqual([['News'], ['News'], []]);
    expect(posts.every((post) => typeof (post as unknown as { author: unknown }).author === 'function')).toBe(true);
  });
});

describe('Collection.loadCount', () => {
  it("counts relations onto every model, reading only the relations' sheets, once each", () => {
    seedCountSheets();
    const posts = CountedPost.all();
    gas().calls.reset();
    expect(posts.loadCount('tags', 'comments')).toBe(posts);
    expect(posts.map((post) => [post.id, post.$extras.tags_count, post.$extras.comments_count]).all()).toEqual([
      [1, 2, 1],
      [2, 0, 0],
      [3, 1, 2],
    ]);
    expect(gas().calls.reads('Posts')).toBe(0);
    expect(gas().calls.reads('PostTag')).toBe(1);
    expect(gas().calls.reads('Tags')).toBe(1);
    expect(gas().calls.reads('Comments')).toBe(1);
  });

  it('takes a constraint and an alias, and reads nothing for an empty collection', () => {
    seedCountSheets();
    const posts = CountedPost.all();
    posts.loadCount('comments', (q) => q.where('approved', true).as('approved'));
    expect(posts.map((post) => post.$extras.approved).all()).toEqual([1, 0, 1]);
    gas().calls.reset();
    expect(new Collection<CountedPost>().loadCount('tags').length).toBe(0);
    expect(gas().calls.all()).toEqual([]);
  });

  it('refuses plain values, naming loadCount', () => {
    seedCountSheets();
    expect(() => Collection.wrap([1, 2]).loadCount('tags')).toThrow(/Collection.loadCount\(\): expected a collection of models/);
  });
});

class CountedTag extends Model {
  static _table = 'Tags';
}

class Comment extends Model {
  static _table = 'Comments';
}

class CountedPost extends Model {
  static _table = 'Posts';
  declare id: number;
  tags() {
    return this.manyToMany(CountedTag, 'PostTag', 'post_id', 'tag_id');
  }
  comments() {
    return this.hasMany(Comment, 'post_id');
  }
}

function seedCountSheets() {
  seedSheets({
    Posts: [['id'], [1], [2], [3]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [3, 2]],
    Comments: [['id', 'post_id', 'approved'], [1, 1, true], [2, 3, true], [3, 3, false]],
  });
}
