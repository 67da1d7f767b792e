/**
 * A relation method called on a model (`post.tags()`), written as an Eloquent user writes it in
 * plain JavaScript: the writer's and the query's methods act for that model through the definition
 * the method built (its keys and onQuery), and the definition's own members stay.
 */
const { Model, Relation, SheetORMError } = require('../../src');
const { seedSheets, gas, sheetRows, cleanup } = require('../support/seed');

let mailed = 0;

class Post extends Model {
  notifyAuthor() {
    mailed++;
    return 'sent';
  }
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
  author() {
    return this.belongsTo(User, 'user_id');
  }
  // The same relation under a second name: each acts as itself.
  writer() {
    return this.belongsTo(User, 'user_id');
  }
  // Built by a helper function rather than in the method itself.
  labels() {
    return tagsOf(this);
  }
  // Not a relation method: it builds one on the spot and uses it.
  tagWith(ids) {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id').attach(ids);
  }
  // Further out on the call stack: never run to find a name.
  notifyAndTag(ids) {
    this.notifyAuthor();
    return this.tagWith(ids);
  }
}
Post._table = 'Posts';

function tagsOf(post) {
  return post.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
}

class Tag extends Model {}
Tag._table = 'Tags';

class User extends Model {
  posts() {
    return this.hasMany(Post, 'user_id');
  }
  latestPost() {
    return this.hasOne(Post, 'user_id');
  }
  // Same keys as posts(), narrowed by onQuery.
  drafts() {
    return this.hasMany(Post, { foreignKey: 'user_id', onQuery: (query) => query.where('draft', true) });
  }
}
User._table = 'Users';

function seed() {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    Posts: [['id', 'title', 'user_id', 'draft'], [1, 'One', 1, false], [2, 'Two', 1, true], [3, 'Three', '', false]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'gas'], [3, 'orm']],
    PostTag: [['post_id', 'tag_id', 'weight'], [1, 1, 5], [1, 2, 7], [2, 3, 1]],
  });
}

beforeEach(() => {
  seed();
  mailed = 0;
});
afterEach(cleanup);

describe('many-to-many', () => {
  test('attach, detach and sync write the pivot as related() does', () => {
    const post = Post.find(1);
    post.tags().attach([3]);
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'weight'], [1, 1, 5], [1, 2, 7], [2, 3, 1], [1, 3, '']]);
    expect(post.tags().sync([2])).toEqual({ attached: [], detached: [1, 3], updated: [] });
    expect(sheetRows('PostTag').slice(1)).toEqual([[1, 2, 7], [2, 3, 1]]);
  });

  test('query methods read this post\'s tags, with the calls of related().query()', () => {
    const post = Post.find(1);
    post.related('tags').query().get();
    gas().calls.reset();
    post.related('tags').query().where('name', 'gas').get();
    const viaRelated = gas().calls.byMethod();
    gas().calls.reset();
    expect(post.tags().where('name', 'gas').get().pluck('name')).toEqual(['gas']);
    expect(gas().calls.byMethod()).toEqual(viaRelated);
    expect(viaRelated).toEqual({ 'Sheet.getDataRange': 2, 'Range.getValues': 2 });
    expect(post.tags().count()).toBe(2);
    expect(post.tags().pivotColumns(['weight']).orderBy('id', 'desc').first().pivot).toEqual({ post_id: 1, tag_id: 2, weight: 7 });
  });

  test('one query per call: conditions added in statements apply to get()', () => {
    const tags = Post.find(1).tags();
    tags.where('name', 'js');
    expect(tags.get().pluck('id')).toEqual([1]);
  });

  test('the definition\'s own members stay', () => {
    const tags = Post.find(1).tags();
    expect(tags).toBeInstanceOf(Relation);
    expect(tags.type).toBe('manyToMany');
    expect(tags.relatedModel()).toBe(Tag);
  });
});

describe('hasMany, hasOne and belongsTo', () => {
  test('create sets the foreign key; queries are scoped to the parent', () => {
    const ann = User.find(1);
    const made = ann.posts().create({ title: 'Four' });
    expect(made.user_id).toBe(1);
    expect(ann.posts().orderBy('id').pluck('title')).toEqual(['One', 'Two', 'Four']);
    expect(ann.latestPost().orderBy('id', 'desc').first().title).toBe('Four');
    expect(User.find(2).posts().exists()).toBe(false);
  });

  test('associate and dissociate write the foreign key cell', () => {
    const post = Post.find(3);
    post.author().associate(User.find(2));
    expect(sheetRows('Posts')[3]).toEqual([3, 'Three', 2, false]);
    // Nothing is loaded onto post.author: the method stays callable.
    expect(post.author().first().name).toBe('Bob');
    post.writer().dissociate();
    expect(sheetRows('Posts')[3]).toEqual([3, 'Three', '', false]);
    expect(Object.keys(post.toJSON())).toEqual(['id', 'title', 'user_id', 'draft']);
  });
});

describe('the definition the method built', () => {
  test('its onQuery applies: two relations with the same keys stay apart', () => {
    const ann = User.find(1);
    expect(ann.drafts().pluck('title')).toEqual(['Two']);
    ann.drafts().delete();
    expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 1, 3]);
    expect(ann.posts().pluck('title')).toEqual(['One']);
  });

  test('a relation built on the spot acts with its own keys', () => {
    const ann = User.find(1);
    expect(ann.hasMany(Post, 'user_id').count()).toBe(2);
    expect(ann.hasMany(Post, { foreignKey: 'user_id', onQuery: (query) => query.where('title', 'One') }).pluck('id')).toEqual([1]);
  });

  test('no other method runs', () => {
    Post.find(1).tags().get();
    Post.find(1).author().first();
    expect(mailed).toBe(0);
  });

  test('looking at it reads nothing and never fails, even for a model not yet saved', () => {
    const tags = new Post({ title: 'Draft' }).tags();
    gas().calls.reset();
    expect(tags.then).toBeUndefined();
    expect(JSON.parse(JSON.stringify(tags)).type).toBe('manyToMany');
    expect('attach' in tags && 'where' in tags && !('nonsense' in tags)).toBe(true);
    expect(gas().calls.count()).toBe(0);
    expect(() => tags.attach([1])).toThrow(/save it before using its relations/);
  });

  test('reading definitions (eager loads) is unchanged', () => {
    const posts = Post.with('tags', 'author').orderBy('id').get();
    expect(posts.map((post) => post.tags.length)).toEqual([2, 1, 0]);
    expect(posts.first().author.name).toBe('Ann');
  });
});

describe('its name, in messages and relationName', () => {
  test('is the method that built it', () => {
    const post = Post.find(1);
    expect(() => post.tags().attach([{}])).toThrow(/^Post\.tags\.attach\(\): /);
    expect(() => post.tags().where('nope', 1).get()).toThrow(/^Post\.tags: sheet "Tags" .* has no column "nope"/);
    expect(() => post.tags().wherePivot('nope', 1).get()).toThrow(/^Post\.tags: sheet "PostTag" .* has no column "nope"/);
    expect(() => post.author().associate(5)).toThrow(/^Post\.author\.associate\(\): expected a User model, got 5/);
    expect(post.tags().relationName).toBe('tags');
    expect(User.find(1).drafts().relationName).toBe('drafts');
  });

  test('two methods defining the same relation each give their own', () => {
    const post = Post.find(1);
    expect(() => post.writer().associate(5)).toThrow(/^Post\.writer\.associate\(\)/);
    expect(post.writer().relationName).toBe('writer');
    expect(post.author().relationName).toBe('author');
  });

  test('a relation method may build it through a helper function', () => {
    expect(() => Post.find(1).labels().attach([{}])).toThrow(/^Post\.labels\.attach\(\)/);
  });

  test('a relation built on the spot has none; finding names runs no unrelated method', () => {
    const ann = User.find(1);
    expect(() => ann.hasMany(Post, 'user_id').where('nope', 1).get()).toThrow(/^User\.\(relation\): /);
    expect(() => Post.find(1).tagWith([{}])).toThrow(/^Post\.\(relation\)\.attach\(\)/);
    expect(mailed).toBe(0);
    expect(() => Post.find(1).notifyAndTag([{}])).toThrow(/^Post\.\(relation\)\.attach\(\)/);
    expect(ann.hasMany(Post, 'user_id').relationName).toBe('');
    // Only the real call notified: the method further out was not run to find a name.
    expect(mailed).toBe(1);
  });

  test('nothing else changes: associate through the method still loads nothing', () => {
    const post = Post.find(3);
    post.author().associate(User.find(2));
    expect(typeof post.author).toBe('function');
    expect(Post.$getRelation('tags').relationName).toBe('tags');
  });
});
