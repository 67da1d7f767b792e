/** Relation existence: has, orHas, whereHas, orWhereHas, doesntHave, whereDoesntHave, … for every kind. */
import { Model, RelationNotFoundError, ValidationError } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

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
  declare published: string | null;
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

// virk: posts a, b, c (c's only pivot row points at a missing tag); romain: d; nikk, tom: none.
beforeEach(() => {
  seedSheets({
    Users: [['id', 'name'], [1, 'virk'], [2, 'romain'], [3, 'nikk'], [4, 'tom']],
    Posts: [
      ['id', 'user_id', 'title', 'published'],
      [1, 1, 'a', true],
      [2, 1, 'b', false],
      [3, 1, 'c', true],
      [4, 2, 'd', true],
      [5, null, 'e', true],
      [6, 99, 'f', false],
    ],
    Profiles: [['id', 'user_id', 'bio'], [1, 1, 'writes'], [2, 3, 'reads']],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts'], [3, 'go']],
    post_tag: [
      ['post_id', 'tag_id', 'weight'],
      [1, 1, 5],
      [1, 2, 1],
      [2, 1, 3],
      [3, 42, 9],
      [4, 3, 2],
      [4, 1, 1],
      [4, 2, 7],
      [6, 1, 0],
    ],
  });
  gas().calls.reset();
});

const names = (users: { all(): User[] }) => users.all().map((u) => u.name);
const titles = (posts: { all(): Post[] }) => posts.all().map((p) => p.title);
const tagNames = (tags: { all(): Tag[] }) => tags.all().map((t) => t.name);

function expectOneReadOf(...sheets: string[]): void {
  for (const sheet of sheets) expect([sheet, gas().calls.reads(sheet)]).toEqual([sheet, 1]);
}

describe('hasMany', () => {
  test('has(rel), in one read per sheet', () => {
    expect(names(User.has('posts').get())).toEqual(['virk', 'romain']);
    expectOneReadOf('Users', 'Posts');
  });

  test('has(rel, op, count)', () => {
    expect(names(User.has('posts', '>=', 2).get())).toEqual(['virk']);
    expect(names(User.has('posts', '=', 1).get())).toEqual(['romain']);
    expect(names(User.has('posts', '>', 3).get())).toEqual([]);
    expect(names(User.has('posts', '<', 2).get())).toEqual(['romain', 'nikk', 'tom']);
    expect(names(User.has('posts', '!=', 0).get())).toEqual(['virk', 'romain']);
  });

  test("a null callback constrains nothing, as Eloquent's whereHas(relation, null, '>=', 2); a wrong one is named by its method", () => {
    expect(names(User.whereHas('posts', null, '>=', 2).get())).toEqual(['virk']);
    expect(names(User.query().where('name', 'tom').orWhereHas('posts', null, '=', 1).get())).toEqual(['romain', 'tom']);
    expect(names(User.whereDoesntHave('posts', null).get())).toEqual(['nikk', 'tom']);
    expect(() => User.query().whereDoesntHave('posts', 'x' as never)).toThrow(/^User\.whereDoesntHave\('posts', \.\.\.\): the second argument is a callback/);
    expect(() => User.query().orWhereHas('posts', undefined, '>=', -1)).toThrow(/^User\.orWhereHas\('posts', \.\.\.\): the count must be/);
    expect(() => User.query().orWhereHas(null as never)).toThrow("User.orWhereHas(): expected a relation name such as 'tags' or a path such as 'posts.tags', got null.");
    expect(() => User.query().andWhereDoesntHave('posts.' as never)).toThrow(/^User\.andWhereDoesntHave\(\): expected a relation name .* got "posts\."\.$/);
  });

  test("the count may be digits as text (a doGet's e.parameter), but nothing else", () => {
    expect(names(User.has('posts', '>=', '2').get())).toEqual(['virk']);
    expect(names(User.whereHas('posts', undefined, '<', ' 1 ').get())).toEqual(['nikk', 'tom']);
    expect(() => User.has('posts', '>=', '1.5')).toThrow(/the count must be a whole number of 0 or more, got "1.5"/);
  });

  test('whereHas(rel, q => …) with and without a count', () => {
    expect(names(User.whereHas('posts', (q) => q.where('published', false)).get())).toEqual(['virk']);
    expectOneReadOf('Users', 'Posts');
    expect(names(User.whereHas('posts', (q) => q.where('published', true)).get())).toEqual(['virk', 'romain']);
    expect(names(User.whereHas('posts', (q) => q.where('published', true), '>=', 2).get())).toEqual(['virk']);
  });

  test('doesntHave and whereDoesntHave', () => {
    expect(names(User.doesntHave('posts').get())).toEqual(['nikk', 'tom']);
    expect(names(User.whereDoesntHave('posts', (q) => q.where('published', false)).get())).toEqual(['romain', 'nikk', 'tom']);
  });

  test('orHas, orWhereHas, orDoesntHave, orWhereDoesntHave', () => {
    expect(names(User.where('name', 'tom').orHas('posts', '>=', 2).get())).toEqual(['virk', 'tom']);
    expect(names(User.where('name', 'nikk').orWhereHas('posts', (q) => q.where('title', 'd')).get())).toEqual(['romain', 'nikk']);
    expect(names(User.where('name', 'virk').orDoesntHave('posts').get())).toEqual(['virk', 'nikk', 'tom']);
    expect(names(User.where('name', 'tom').orWhereDoesntHave('posts', (q) => q.where('title', 'like', '%')).get())).toEqual(['nikk', 'tom']);
  });

  test("Lucid's and- spellings: andHas, andWhereHas, andDoesntHave, andWhereDoesntHave", () => {
    expect(names(User.where('id', '>', 1).andHas('posts').get())).toEqual(['romain']);
    expect(names(User.where('id', '<', 3).andWhereHas('posts', (q) => q.where('published', false)).get())).toEqual(['virk']);
    expect(names(User.where('id', '>', 2).andDoesntHave('posts').get())).toEqual(['nikk', 'tom']);
    expect(names(User.where('id', '<', 4).andWhereDoesntHave('posts', (q) => q.where('published', false)).get())).toEqual(['romain', 'nikk']);
  });

  test('a clone keeps its own has conditions, preloads and counts', () => {
    type Loaded = { posts: { all(): Post[] } };
    const query = User.has('posts').withCount('posts');
    query.with('posts');
    const deeper = query.clone().with('posts.tags').where('name', 'virk');
    const [virk] = deeper.get().all();
    expect(virk.$extras.posts_count).toBe(3);
    expect((virk as unknown as Loaded).posts.all().map((post) => typeof post.tags)).toEqual(['object', 'object', 'object']);
    const plain = query.get().all();
    expect(plain.map((user) => [user.name, user.$extras.posts_count])).toEqual([
      ['virk', 3],
      ['romain', 1],
    ]);
    // The clone's nested path did not reach the original's preload of posts.
    expect((plain[0] as unknown as Loaded).posts.all().map((post) => typeof post.tags)).toEqual(['function', 'function', 'function']);
  });

  test('and/or precedence and groups', () => {
    // has OR (tom AND id > 10): virk, romain; (has OR tom) AND id > 10 would be nobody
    expect(names(User.has('posts').orWhere('name', 'tom').where('id', '>', 10).get())).toEqual(['virk', 'romain']);
    // (has OR tom) AND id > 1
    expect(names(User.query().where((q) => q.has('posts').orWhere('name', 'tom')).where('id', '>', 1).get())).toEqual(['romain', 'tom']);
    // id < 2 OR (has posts AND no post is published = false)
    expect(names(User.where('id', '<', 2).orHas('posts').whereDoesntHave('posts', (q) => q.where('published', false)).get())).toEqual(['virk', 'romain']);
  });

  test('count() and exists() honour has', () => {
    expect(User.has('posts').count()).toBe(2);
    expect(User.has('posts', '>', 5).exists()).toBe(false);
    expect(User.doesntHave('posts').where('name', 'tom').exists()).toBe(true);
  });
});

describe('hasOne', () => {
  test('has, whereHas, doesntHave, whereDoesntHave', () => {
    expect(names(User.has('profile').get())).toEqual(['virk', 'nikk']);
    expectOneReadOf('Users', 'Profiles');
    expect(names(User.whereHas('profile', (q) => q.where('bio', 'reads')).get())).toEqual(['nikk']);
    expect(names(User.doesntHave('profile').get())).toEqual(['romain', 'tom']);
    expect(names(User.whereDoesntHave('profile', (q) => q.where('bio', 'reads')).get())).toEqual(['virk', 'romain', 'tom']);
  });
});

describe('belongsTo', () => {
  test('has: the foreign key points at an existing row', () => {
    expect(titles(Post.has('author').get())).toEqual(['a', 'b', 'c', 'd']);
    expectOneReadOf('Posts', 'Users');
  });

  test('whereHas, doesntHave, whereDoesntHave, orWhereHas', () => {
    expect(titles(Post.whereHas('author', (q) => q.where('name', 'virk')).get())).toEqual(['a', 'b', 'c']);
    expect(titles(Post.doesntHave('author').get())).toEqual(['e', 'f']);
    expect(titles(Post.whereDoesntHave('author', (q) => q.where('name', 'virk')).get())).toEqual(['d', 'e', 'f']);
    expect(titles(Post.where('title', 'f').orWhereHas('author', (q) => q.where('name', 'romain')).get())).toEqual(['d', 'f']);
  });
});

describe('manyToMany', () => {
  test('has counts linked rows only, in one read per sheet', () => {
    expect(titles(Post.has('tags').get())).toEqual(['a', 'b', 'd', 'f']);
    expectOneReadOf('Posts', 'post_tag', 'Tags');
    expect(titles(Post.has('tags', '>=', 2).get())).toEqual(['a', 'd']);
    expect(titles(Post.doesntHave('tags').get())).toEqual(['c', 'e']);
  });

  test('whereHas on related and pivot columns', () => {
    expect(titles(Post.whereHas('tags', (q) => q.where('name', 'go')).get())).toEqual(['d']);
    expect(titles(Post.whereHas('tags', (q) => q.wherePivot('weight', '>=', 5)).get())).toEqual(['a', 'd']);
    expect(titles(Post.whereHas('tags', (q) => q.whereIn('name', ['js', 'ts']), '>=', 2).get())).toEqual(['a', 'd']);
    expect(titles(Post.whereDoesntHave('tags', (q) => q.where('name', 'js')).get())).toEqual(['c', 'e']);
    expect(titles(Post.where('id', 5).orWhereHas('tags', (q) => q.where('name', 'go')).get())).toEqual(['d', 'e']);
  });

  test('from the other side, and has inside a pivot query', () => {
    expect(tagNames(Tag.has('posts', '>=', 2).get())).toEqual(['js', 'ts']);
    expectOneReadOf('Tags', 'post_tag', 'Posts');
    // posts with a tag that has at least 3 posts (js: a, b, d, f)
    gas().calls.reset();
    expect(titles(Post.whereHas('tags', (q) => q.has('posts', '>=', 3)).get())).toEqual(['a', 'b', 'd', 'f']);
    expectOneReadOf('Posts', 'post_tag', 'Tags');
    // romain's post d is tagged go, which only d has
    expect(tagNames(User.findOrFail(2).related('posts').query().first()!.related('tags').query().has('posts', '=', 1).get())).toEqual(['go']);
  });
});

describe('reading only what a query needs', () => {
  test('a has/whereHas that no row reaches reads no related sheet, wherever it stands in the query', () => {
    expect(titles(Post.where('id', 999).has('tags').get())).toEqual([]);
    expect(titles(Post.whereHas('tags', (q) => q.where('name', 'js')).where('title', 'zzz').get())).toEqual([]);
    expect(Post.where('id', 999).has('author').count()).toBe(0);
    expect(gas().calls.reads('post_tag')).toBe(0);
    expect(gas().calls.reads('Tags')).toBe(0);
    expect(gas().calls.reads('Users')).toBe(0);
  });

  test('the cheap tests go first only within their AND run: an OR-ed has still sees every row', () => {
    expect(titles(Post.where('id', 999).orHas('tags', '>=', 3).get())).toEqual(['d']);
    expectOneReadOf('Posts', 'post_tag', 'Tags');
    gas().calls.reset();
    // c's only pivot row points at a missing tag.
    expect(titles(Post.has('tags').where('published', true).get())).toEqual(['a', 'd']);
    expectOneReadOf('Posts', 'post_tag', 'Tags');
  });
});

describe('nested: has(posts.tags)', () => {
  test('has and has with a count apply to the last level', () => {
    expect(names(User.has('posts.tags').get())).toEqual(['virk', 'romain']);
    expectOneReadOf('Users', 'Posts', 'post_tag', 'Tags');
    // a post with at least 3 tags: only romain's d
    expect(names(User.has('posts.tags', '>=', 3).get())).toEqual(['romain']);
  });

  test('whereHas constrains the last level', () => {
    expect(names(User.whereHas('posts.tags', (q) => q.where('name', 'go')).get())).toEqual(['romain']);
    expect(names(User.whereHas('posts.tags', (q) => q.where('name', 'js')).get())).toEqual(['virk', 'romain']);
  });

  test('three levels: users with a post tagged with a tag that is on ≥ 2 posts', () => {
    expect(names(User.has('posts.tags.posts', '>=', 2).get())).toEqual(['virk', 'romain']);
    expect(names(User.has('posts.tags.posts', '>=', 4).get())).toEqual(['virk', 'romain']);
    expect(names(User.has('posts.tags.posts', '>=', 5).get())).toEqual([]);
  });

  test('through belongsTo, reading a sheet used at two levels once', () => {
    // posts whose author has an unpublished post: virk's a, b, c
    expect(titles(Post.whereHas('author.posts', (q) => q.where('published', false)).get())).toEqual(['a', 'b', 'c']);
    expectOneReadOf('Posts', 'Users');
    gas().calls.reset();
    expect(titles(Post.has('author.profile').get())).toEqual(['a', 'b', 'c']);
    expectOneReadOf('Posts', 'Users', 'Profiles');
  });

  test('doesntHave is the negation of has (Eloquent: no post has a tag)', () => {
    expect(names(User.doesntHave('posts.tags').get())).toEqual(['nikk', 'tom']);
    expectOneReadOf('Users', 'Posts', 'post_tag', 'Tags');
  });

  test('whereDoesntHave is the negation of whereHas', () => {
    expect(names(User.whereDoesntHave('posts.tags', (q) => q.where('name', 'go')).get())).toEqual(['virk', 'nikk', 'tom']);
    expect(names(User.where('name', 'romain').orDoesntHave('posts.tags').get())).toEqual(['romain', 'nikk', 'tom']);
  });
});

describe('in writes', () => {
  test('doesntHave in delete() and whereHas in update(): one read per sheet under the lock', () => {
    expect(User.doesntHave('posts').delete()).toBe(2);
    expect(sheetRows('Users').map((row) => row[1])).toEqual(['name', 'virk', 'romain']);
    expectOneReadOf('Users', 'Posts');
    gas().calls.reset();
    expect(Post.whereHas('tags', (q) => q.where('name', 'go')).orDoesntHave('tags').update({ published: 'checked' })).toBe(3);
    expect(sheetRows('Posts').map((row) => row[3])).toEqual(['published', true, false, 'checked', 'checked', 'checked', false]);
    expectOneReadOf('Posts', 'post_tag', 'Tags');
  });
});

describe('custom keys', () => {
  class Article extends Model {
    static _table = 'Articles';
    declare slug: string;
    labels() {
      return this.manyToMany(Label, 'ArticleLabel', 'article_slug', 'label_code', 'slug', 'code');
    }
    notes() {
      return this.hasMany(Note, 'article_slug', 'slug');
    }
  }
  class Label extends Model {
    static _table = 'Labels';
  }
  class Note extends Model {
    static _table = 'Notes';
    article() {
      return this.belongsTo(Article, 'article_slug', 'slug');
    }
  }

  test('has, whereHas and withCount match on the configured keys', () => {
    seedSheets({
      Articles: [['id', 'slug'], [1, 'hello'], [2, 'bye'], [3, 'none']],
      Labels: [['id', 'code', 'name'], [1, 'js', 'JS'], [2, 'ts', 'TS']],
      ArticleLabel: [['article_slug', 'label_code', 'role'], ['hello', 'js', 'main'], ['hello', 'ts', 'side'], ['bye', 'ts', 'main']],
      Notes: [['id', 'article_slug'], [1, 'bye'], [2, 'bye'], [3, 'gone']],
    });
    const slugs = (list: { all(): Model[] }) => list.all().map((m) => (m as Article).slug);
    expect(slugs(Article.has('labels', '>=', 2).get())).toEqual(['hello']);
    expect(slugs(Article.whereHas('labels', (q) => q.wherePivot('role', 'main').where('name', 'TS')).get())).toEqual(['bye']);
    expect(slugs(Article.doesntHave('labels').get())).toEqual(['none']);
    expect(slugs(Article.has('notes').get())).toEqual(['bye']);
    expect(Article.withCount('labels').withCount('notes').get().all().map((a) => [a.$extras.labels_count, a.$extras.notes_count])).toEqual([
      [2, 0],
      [1, 2],
      [0, 0],
    ]);
    expect(Note.doesntHave('article').get().all().map((n) => n.$primaryKeyValue)).toEqual([3]);
  });
});

describe('errors', () => {
  test('unknown relations and operators are rejected when the clause is added', () => {
    expect(() => User.has('comments' as never)).toThrow(RelationNotFoundError);
    expect(() => User.has('posts.comments')).toThrow(RelationNotFoundError);
    expect(() => User.has('posts', '=>' as any, 1)).toThrow(ValidationError);
    expect(() => User.has('posts.tags', '=>' as any, 1)).toThrow(ValidationError);
  });
});
