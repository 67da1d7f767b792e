/** Eager loading: with/preload, dot paths, constraints, load(), first(); one bulk read per sheet. */
import { Collection, Model, RelationNotFoundError, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

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
  posts() {
    return this.manyToMany(Post, 'PostTag', 'tag_id', 'post_id');
  }
}

/** A loaded relation with its type (once loaded, the property replaces the relation method). */
function loaded<T>(model: Model, name: string): T {
  return (model as unknown as Record<string, T>)[name];
}
const tagsOf = (post: Model) => loaded<Collection<Tag>>(post, 'tags');
const postsOf = (model: Model) => loaded<Collection<Post>>(model, 'posts');
const authorOf = (post: Model) => loaded<User | null>(post, 'author');
const names = (tags: Collection<Tag>) => tags.pluck('name').all();
/** A relation name the types do not know (as from plain JavaScript or a string built at run time). */
const unchecked = (name: string) => name as never;

/** `count` posts; post i belongs to user (i % 3) + 1 and is tagged with tags (i % 4) + 1 and ((i + 1) % 4) + 1. */
function seedBlog(count: number) {
  const posts: unknown[][] = [['id', 'user_id', 'title']];
  const pivot: unknown[][] = [['post_id', 'tag_id']];
  for (let i = 1; i <= count; i++) {
    posts.push([i, (i % 3) + 1, `Post ${i}`]);
    pivot.push([i, (i % 4) + 1], [String(i), String(((i + 1) % 4) + 1)]);
  }
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob'], [3, 'Cy'], [4, 'Dee']],
    Posts: posts,
    Tags: [['id', 'name', 'popularity'], [1, 'JavaScript', 300], [2, 'Tutorial', 50], [3, 'News', 120], [4, 'Misc', 5]],
    PostTag: pivot,
  });
}

/** The tags seedBlog gives post i, in pivot order. */
function expectedTags(i: number): string[] {
  const all = ['JavaScript', 'Tutorial', 'News', 'Misc'];
  return [all[i % 4], all[(i + 1) % 4]];
}

describe('read counts', () => {
  test.each([10, 10000])('Post.with("tags").get() reads exactly 3 ranges at %i posts', (count) => {
    seedBlog(count);
    const posts = Post.with('tags').get();
    expect(gas().calls.count('Range.getValues')).toBe(3);
    expect(gas().calls.reads()).toBe(3);
    expect([gas().calls.reads('Posts'), gas().calls.reads('PostTag'), gas().calls.reads('Tags')]).toEqual([1, 1, 1]);
    expect(posts.length).toBe(count);
    for (const i of [1, 2, count - 1, count]) expect(names(tagsOf(posts.get(i - 1)!))).toEqual(expectedTags(i));
  });

  test('with("tags", "author") reads 4 ranges', () => {
    seedBlog(10);
    const posts = Post.with('tags', 'author').get();
    expect(gas().calls.count('Range.getValues')).toBe(4);
    expect(authorOf(posts.get(4)!)!.name).toBe('Cy');
    expect(names(tagsOf(posts.get(4)!))).toEqual(expectedTags(5));
  });

  test('nested with("posts.tags") reads each sheet once', () => {
    seedBlog(12);
    const users = User.with('posts.tags').get();
    expect(gas().calls.count('Range.getValues')).toBe(4);
    for (const sheet of ['Users', 'Posts', 'PostTag', 'Tags']) expect(gas().calls.reads(sheet)).toBe(1);
    const bob = users.get(1)!;
    expect(postsOf(bob).pluck('id').all()).toEqual([1, 4, 7, 10]);
    expect(names(tagsOf(postsOf(bob).get(1)!))).toEqual(expectedTags(4));
    expect(postsOf(users.last()!).isEmpty()).toBe(true);
  });

  test('a path that comes back to a sheet already read does not read it again: with("tags.posts")', () => {
    seedBlog(8);
    const post = Post.with('tags.posts').first()!;
    expect(gas().calls.count('Range.getValues')).toBe(3);
    const news = tagsOf(post).last()!;
    expect(news.name).toBe('News');
    expect(postsOf(news).pluck('id').all()).toEqual([1, 2, 5, 6]);
  });

  test('nothing to load below an empty level reads nothing more', () => {
    seedSheets({
      Users: [['id', 'name'], [1, 'Ann']],
      Posts: [['id', 'user_id', 'title']],
      Tags: [['id', 'name']],
      PostTag: [['post_id', 'tag_id']],
    });
    const users = User.with('posts.tags').get();
    expect(postsOf(users.first()!).length).toBe(0);
    expect(gas().calls.count('Range.getValues')).toBe(2);
  });
});

describe('forms of with()', () => {
  test('first() loads relations for the first row only', () => {
    seedBlog(10);
    const post = Post.with('tags').first()!;
    expect(post.id).toBe(1);
    expect(names(tagsOf(post))).toEqual(expectedTags(1));
    expect(gas().calls.count('Range.getValues')).toBe(3);
  });

  test('names as an array, repeated names and overlapping paths load once', () => {
    seedBlog(6);
    const users = User.query().with(['posts', 'posts.tags']).with('posts').get();
    expect(names(tagsOf(postsOf(users.first()!).first()!))).toEqual(expectedTags(3));
    expect(gas().calls.count('Range.getValues')).toBe(4);
  });

  test('with(name, callback) constrains that relation', () => {
    seedBlog(4);
    const posts = Post.with('tags', (q) => q.where('popularity', '>', 100)).get();
    expect(posts.map((post) => names(tagsOf(post))).all()).toEqual([['News'], ['News'], ['JavaScript'], ['JavaScript']]);
  });

  test('a callback after a dot path constrains the last segment only', () => {
    seedBlog(6);
    const users = User.with('posts.tags', (q) => q.where('name', 'JavaScript')).get();
    const ann = users.first()!;
    expect(postsOf(ann).pluck('id').all()).toEqual([3, 6]);
    expect(postsOf(ann).map((post) => names(tagsOf(post))).all()).toEqual([['JavaScript'], []]);
  });

  test('a relation named again loads as the last call says; a dot path through it keeps its callback', () => {
    seedBlog(4);
    const javascript = (q: any) => q.where('name', 'JavaScript');
    const again = Post.query().preload('tags', javascript).preload('tags').where('id', 1).first()!;
    expect(names(tagsOf(again))).toEqual(expectedTags(1));
    const replaced = Post.with('tags', javascript).with('tags', (q) => q.where('name', 'News')).where('id', 2).first()!;
    expect(names(tagsOf(replaced))).toEqual(['News']);
    const users = User.with('posts', (q) => q.where('id', 3)).with('posts.tags').get();
    expect(postsOf(users.first()!).pluck('id').all()).toEqual([3]);
  });

  test('each name keeps its own callback: with("tags", cb, "author")', () => {
    seedBlog(4);
    const posts = Post.with('tags', (q) => q.where('name', 'Tutorial'), unchecked('author')).get();
    expect(posts.map((post) => [names(tagsOf(post)), authorOf(post)!.name]).all()).toEqual([
      [['Tutorial'], 'Bob'],
      [[], 'Cy'],
      [[], 'Ann'],
      [['Tutorial'], 'Bob'],
    ]);
  });

  test('query().preload(name, callback) is with(name, callback)', () => {
    seedBlog(4);
    const posts = Post.query().preload('tags', (q) => q.orderBy('name')).preload('author').where('id', '<=', 2).get();
    expect(posts.map((post) => [names(tagsOf(post)), authorOf(post)!.name]).all()).toEqual([
      [['News', 'Tutorial'], 'Bob'],
      [['Misc', 'News'], 'Cy'],
    ]);
    expect(Post.preload('tags').first()!.toJSON().tags).toHaveLength(2);
  });

  test('load() on an instance: names, dot paths and callbacks', () => {
    seedBlog(6);
    const post = Post.find(2)!;
    gas().calls.reset();
    expect(post.load('tags', 'author')).toBe(post);
    expect(names(tagsOf(post))).toEqual(expectedTags(2));
    expect(authorOf(post)!.name).toBe('Cy');
    expect(gas().calls.count('Range.getValues')).toBe(3);

    const user = User.find(1)!;
    user.load('posts.tags', (q) => q.where('name', 'JavaScript'));
    expect(postsOf(user).map((post) => names(tagsOf(post))).all()).toEqual([['JavaScript'], []]);
    post.preload('tags', (q) => q.where('name', 'News'));
    expect(names(tagsOf(post))).toEqual(['News']);
  });

  test("load() takes Lucid's loader callback, reading each sheet once", () => {
    seedBlog(6);
    const post = Post.find(2)!;
    gas().calls.reset();
    expect(post.load((loader) => loader.load('tags', (q) => q.where('name', 'News')).preload('author'))).toBe(post);
    expect(names(tagsOf(post))).toEqual(['News']);
    expect(authorOf(post)!.name).toBe('Cy');
    expect(gas().calls.count('Range.getValues')).toBe(3);
    expect(() => post.load((loader) => loader.load(unchecked('nope')))).toThrow(RelationNotFoundError);
    // A constraint given without a name, and a loader kept past its callback, say what to do.
    expect(() => post.load(((q: any) => q.where('name', 'News')) as never)).toThrow(
      "Post.load(): a callback before any relation name receives Lucid's loader (loader.load('tags')), which has no where();",
    );
    // The callback's own errors pass through as they are.
    const broken = (): string[] => (undefined as unknown as { names: string[] }).names;
    expect(() => post.load((loader) => broken().forEach((name) => loader.load(unchecked(name))))).toThrow(TypeError);
    let kept: { load(name: string): unknown } | null = null;
    post.load((loader) => (kept = loader));
    expect(() => kept!.load('tags')).toThrow('the loader is used after its callback returned');
  });

  test('parents with equal keys (1 and "1") each get a list of their own', () => {
    seedSheets({
      Users: [['id', 'name'], [1, 'Ann'], ['1', 'Ann again']],
      Posts: [['id', 'user_id', 'title'], [1, 1, 'P1'], ['1', '1', 'P1 again']],
      Tags: [['id', 'name'], [1, 'JavaScript']],
      PostTag: [['post_id', 'tag_id'], [1, 1]],
    });
    const users = User.with('posts').get();
    const posts = Post.with('tags').get();
    const assigned = Post.all();
    Post.$getRelation('tags').setRelatedForMany(assigned, assigned[0].related('tags').query().get());
    for (const [a, b] of [users.all(), posts.all(), assigned.all()].map((list) => [list[0], list[1]])) {
      const first = loaded<Collection<Model>>(a, a instanceof User ? 'posts' : 'tags');
      const second = loaded<Collection<Model>>(b, b instanceof User ? 'posts' : 'tags');
      expect(second).not.toBe(first);
      expect(second.all()).toEqual(first.all());
      first.push(first[0]);
      expect(second.length).toBe(first.length - 1);
    }
  });

  test('loading again replaces the loaded relation', () => {
    seedBlog(2);
    const post = Post.with('tags').first()!;
    post.load('tags', (q) => q.where('name', 'nothing'));
    expect(tagsOf(post).length).toBe(0);
    expect(post.toJSON().tags).toEqual([]);
  });

  test('a callback before any name is a ValidationError', () => {
    seedBlog(2);
    expect(() => Post.with(((q: unknown) => q) as any)).toThrow(ValidationError);
  });

  test("an object maps names to callbacks (Eloquent's with(['tags' => fn])), in with() and load(), one read per sheet", () => {
    seedBlog(4);
    gas().calls.reset();
    const posts = Post.with({ tags: (q) => q.where('name', 'Tutorial'), author: null }).get();
    expect(posts.map((post) => [names(tagsOf(post)), authorOf(post)!.name]).all()).toEqual([
      [['Tutorial'], 'Bob'],
      [[], 'Cy'],
      [[], 'Ann'],
      [['Tutorial'], 'Bob'],
    ]);
    expect(gas().calls.count('Range.getValues')).toBe(4);
    const user = User.find(1)!;
    user.load({ 'posts.tags': (q) => q.where('name', 'JavaScript') });
    expect(postsOf(user).map((post) => names(tagsOf(post))).all()).toEqual([['JavaScript']]);
  });

  test('a callback left out (undefined or null, as code passing one only when it has one does) loads the relation whole', () => {
    seedBlog(2);
    const filter: ((q: any) => unknown) | undefined = undefined;
    expect(tagsOf(Post.with('tags', filter).findOrFail(1)).length).toBe(2);
    const post = Post.findOrFail(1);
    post.load('tags', null as never);
    expect(tagsOf(post).length).toBe(2);
    expect(() => Post.with(undefined as never)).toThrow('Post.with(): expected relation names, got undefined.');
  });

  test('bad with()/load() arguments name the method called', () => {
    seedBlog(2);
    const post = Post.find(1)!;
    expect(() => post.load(1 as never)).toThrow('Post.load(): expected relation names, got 1.');
    expect(() => Post.with({ tags: 'yes' } as never)).toThrow(/^Post\.with\(\): the value for "tags" must be a callback constraining it/);
    expect(() => post.load({ nope: null } as never)).toThrow(RelationNotFoundError);
  });
});

describe('withCount and has arguments', () => {
  test('withCount takes several names or an array (Eloquent), with one read per sheet', () => {
    seedBlog(3);
    gas().calls.reset();
    const posts = Post.withCount('tags', 'author').get();
    expect(posts.map((post) => [post.$extras.tags_count, post.$extras.author_count]).all()).toEqual([[2, 1], [2, 1], [2, 1]]);
    expect(gas().calls.reads()).toBe(4);
    expect(Post.withCount(['tags as total', 'author']).first()!.$extras).toEqual({ total: 2, author_count: 1 });
    expect(Post.withCount('tags', (q: any) => q.where('name', 'News')).get().map((post) => post.$extras.tags_count).all()).toEqual([1, 1, 0]);
  });

  test('bad withCount/has/whereHas arguments are ValidationErrors that say what to pass', () => {
    seedBlog(2);
    expect(() => Post.withCount()).toThrow("Post.withCount(): expected relation names, such as withCount('tags'), got none.");
    expect(() => Post.withCount('tags', 'author', ((q: unknown) => q) as never)).toThrow(/a callback goes right after one relation name/);
    expect(() => Post.withCount([1] as never)).toThrow(/expected a relation name such as 'tags'/);
    expect(() => User.withCount('posts.tags' as never)).toThrow(ValidationError);
    expect(() => User.withCount('posts.tags' as never)).toThrow("User.withCount('posts.tags'): a count takes a relation of User, not a dot path; count on the loaded ones instead: with('posts', q => q.withCount('tags')).");
    expect(() => Post.has(undefined as never)).toThrow(ValidationError);
    expect(() => Post.whereHas(((q: unknown) => q) as never)).toThrow(/^Post\.whereHas\(\): expected a relation name such as 'tags'/);
    expect(() => Post.whereHas('tags', 'News' as never)).toThrow(/the second argument is a callback/);
    expect(() => Post.has('tags', '>=', 1.5)).toThrow(/whole number/);
    expect(gas().calls.reads()).toBe(0);
  });
});

describe('unknown relations', () => {
  test('with("nope") is a RelationNotFoundError naming Post.nope, before any sheet is read', () => {
    seedBlog(2);
    expect(() => Post.with(unchecked('nope'))).toThrow(RelationNotFoundError);
    expect(() => Post.with(unchecked('nope'))).toThrow(/Post\.nope/);
    expect(() => Post.query().where('id', 1).with('tags', unchecked('nope'))).toThrow(/Post\.nope/);
    expect(() => Post.withCount(unchecked('nope'))).toThrow(/Post\.nope/);
    expect(() => Post.has(unchecked('nope'))).toThrow(/Post\.nope/);
    expect(gas().calls.reads()).toBe(0);
  });

  test('an unknown segment of a dot path names the model it was looked up on', () => {
    seedBlog(2);
    expect(() => Post.with(unchecked('tags.nope'))).toThrow(/Tag\.nope/);
    expect(() => User.with(unchecked('posts.author.nope'))).toThrow(/User\.nope/);
    expect(gas().calls.reads()).toBe(0);
  });

  test('the message lists the relations that exist', () => {
    seedBlog(2);
    expect(() => Post.with(unchecked('tag'))).toThrow(/tags, author/);
  });

  test('load("nope") and related("nope") fail without reading', () => {
    seedBlog(2);
    const post = Post.find(1)!;
    gas().calls.reset();
    expect(() => post.load(unchecked('nope'))).toThrow(RelationNotFoundError);
    expect(() => post.related('nope' as never)).toThrow(/Post\.nope/);
    expect(gas().calls.reads()).toBe(0);
  });

  test('model methods are not relations', () => {
    seedBlog(2);
    expect(() => Post.with(unchecked('save'))).toThrow(RelationNotFoundError);
    expect(() => Post.with(unchecked('toJSON'))).toThrow(/Post\.toJSON/);
  });

  test("a user's own method named as a relation is refused without writing, whatever it does", () => {
    seedBlog(2);
    class Draft extends Model {
      static _table = 'Posts';
      declare title: string;
      archive() {
        this.title = 'archived';
        return this.save();
      }
      shout() {
        return this.title.toUpperCase();
      }
    }
    gas().calls.reset();
    expect(() => Draft.withCount('archive')).toThrow(/Draft\.archive.*is not a relation method \(it tried to write to the sheet; nothing was written\)/);
    expect(() => Draft.with('shout')).toThrow(RelationNotFoundError);
    expect(() => Draft.with('shout')).toThrow(/calling Draft\.prototype\.shout\(\) to read the relation it returns threw TypeError: .*toUpperCase.* \(the error is in error\.cause\)/);
    let error: unknown;
    try {
      Draft.with('shout');
    } catch (thrown) {
      error = thrown;
    }
    expect((error as RelationNotFoundError).cause).toBeInstanceOf(TypeError);
    expect(gas().calls.writes()).toBe(0);
  });
});
