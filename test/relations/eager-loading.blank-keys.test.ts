/**
 * Eager loads for parents that hold no key to look up (an empty foreign key, an unsaved model):
 * nothing can match, so the related sheets are not read and each parent gets its empty result.
 */
import { Collection, ColumnNotFoundError, Model } from '../../src';
import { gas, seedSheets } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number | null;
  declare user_id: number | null;
  author() {
    return this.belongsTo(User, 'user_id');
  }
  comments() {
    return this.hasMany(Comment);
  }
  tags() {
    return this.manyToMany(Tag, 'PostTag');
  }
}

class Comment extends Model {
  static _table = 'Comments';
}

class Tag extends Model {
  static _table = 'Tags';
}

function seed() {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ada']],
    Posts: [['id', 'user_id', 'title'], [1, null, 'Orphan'], [2, null, 'Also orphan'], [3, 1, 'By Ada']],
    Comments: [['id', 'post_id'], [1, 1]],
    Tags: [['id', 'name'], [1, 'news']],
    PostTag: [['post_id', 'tag_id'], [1, 1]],
  });
}

const loaded = (model: Model, name: string) => (model as unknown as Record<string, unknown>)[name];

describe('eager loads for parents without keys', () => {
  it('belongsTo: every foreign key empty reads no related sheet and loads null', () => {
    seed();
    gas().calls.reset();
    const posts = Post.where('user_id', null).with('author').get();
    expect(posts.length).toBe(2);
    expect(posts.all().map((post) => loaded(post, 'author'))).toEqual([null, null]);
    expect(gas().calls.reads('Users')).toBe(0);
    expect(gas().calls.reads('Posts')).toBe(1);
  });

  it('belongsTo: one key among empty ones still reads the related sheet once', () => {
    seed();
    gas().calls.reset();
    const posts = Post.query().with('author').get();
    expect(posts.all().map((post) => (loaded(post, 'author') as User | null)?.id ?? null)).toEqual([null, null, 1]);
    expect(gas().calls.reads('Users')).toBe(1);
  });

  it('hasMany and manyToMany: unsaved parents read no related sheet and get empty Collections', () => {
    seed();
    const drafts = new Collection([new Post(), new Post()]);
    gas().calls.reset();
    drafts.load('comments', 'tags');
    for (const draft of drafts) {
      expect(loaded(draft, 'comments')).toBeInstanceOf(Collection);
      expect((loaded(draft, 'comments') as Collection<Comment>).length).toBe(0);
      expect((loaded(draft, 'tags') as Collection<Tag>).length).toBe(0);
    }
    expect(gas().calls.all()).toEqual([]);
  });

  it('manyToMany: the pivot sheet is read first, and the related sheet only when it pairs a parent', () => {
    seed();
    const [untagged, tagged] = [Post.find(2)!, Post.find(1)!];
    gas().calls.reset();
    untagged.load('tags');
    expect((loaded(untagged, 'tags') as Collection<Tag>).length).toBe(0);
    expect(gas().calls.reads('PostTag')).toBe(1);
    expect(gas().calls.reads('Tags')).toBe(0);
    gas().calls.reset();
    tagged.load('tags');
    expect((loaded(tagged, 'tags') as Collection<Tag>).pluck('name').all()).toEqual(['news']);
    expect([gas().calls.reads('PostTag'), gas().calls.reads('Tags')]).toEqual([1, 1]);
    gas().calls.reset();
    const posts = Post.query().with('tags').get();
    expect(posts.all().map((post) => (loaded(post, 'tags') as Collection<Tag>).length)).toEqual([1, 0, 0]);
    expect([gas().calls.reads('Posts'), gas().calls.reads('PostTag'), gas().calls.reads('Tags')]).toEqual([1, 1, 1]);
  });

  it('the constraint callback still runs, and its mistakes are reported, when nothing can match', () => {
    seed();
    const orphans = () => Post.where('user_id', null);
    expect(() => orphans().preload('author', (q) => q.where('id', '??' as never, 1)).get()).toThrow(/Unknown operator "\?\?"/);
    expect(() => Post.find(2)!.load('tags', (q) => q.where('id', '??' as never, 1))).toThrow(/Unknown operator "\?\?"/);
    expect(() => new Collection([new Post()]).load('comments', (q) => q.where('id', '??' as never, 1))).toThrow(/Unknown operator "\?\?"/);
  });

  it('manyToMany: a pivot column asked for that the pivot sheet lacks is an error even when it pairs no parent', () => {
    seed();
    expect(() => Post.find(2)!.load('tags', (q) => q.pivotColumns(['role']))).toThrow(ColumnNotFoundError);
  });

  it('manyToMany: a pivot sheet without the related key column is an error even when it has no rows', () => {
    seedSheets({ Posts: [['id', 'user_id', 'title'], [1, null, 'A']], Tags: [['id'], [1]], PostTag: [['post_id', 'tagid']] });
    expect(() => Post.with('tags').get()).toThrow('Post.tags: sheet "PostTag" in spreadsheet "Test Spreadsheet" has no column "tag_id"');
    expect(gas().calls.reads('Tags')).toBe(0);
  });

  it("a relation's eagerLoad takes one model as well as a list", () => {
    seed();
    const post = Post.find(1)!;
    expect(Post.$getRelation('comments').eagerLoad(post as never)).toHaveLength(1);
    expect((loaded(post, 'comments') as Collection<Comment>).length).toBe(1);
  });

  it('a parent sheet without the key column is still an error', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'No user column']], Users: [['id'], [1]] });
    expect(() => Post.query().with('author').get()).toThrow(ColumnNotFoundError);
  });
});
