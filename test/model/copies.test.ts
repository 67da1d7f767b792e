import { Collection, Model, ValidationError, transaction } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
}

class Comment extends Model {
  static _table = 'Comments';
  declare id: number;
  declare post_id: number;
  declare approved: boolean;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare views: number;
  tags() {
    return this.manyToMany(Tag, 'PostTag');
  }
  comments() {
    return this.hasMany(Comment);
  }
}

const seed = () =>
  seedSheets({
    Posts: [['id', 'title', 'views'], [1, 'First', 3], [2, 'Second', 0]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 2]],
    Comments: [['id', 'post_id', 'approved'], [1, 1, true], [2, 1, false], [3, 2, true]],
  });

describe('fresh()', () => {
  it('reads a new copy of the row, leaving the model as it is', () => {
    seed();
    const post = Post.findOrFail(1);
    post.title = 'edited';
    gas().active.getSheetByName('Posts')!.getRange(2, 3).setValue(9);
    const copy = post.fresh();
    expect(copy).not.toBe(post);
    expect(copy!.toJSON()).toEqual({ id: 1, title: 'First', views: 9 });
    expect([post.title, post.views]).toEqual(['edited', 3]);
  });

  it('loads the relations named, and finds the row by the key it was read with', () => {
    seed();
    const post = Post.findOrFail(1);
    post.id = 7;
    const copy = post.fresh('tags')!;
    expect(copy.id).toBe(1);
    expect(copy.tags).toBeInstanceOf(Collection);
    expect(copy.tags.map((tag) => tag.name)).toEqual(['js', 'ts']);
  });

  it('is null for a model without a row, or whose row is gone', () => {
    seed();
    expect(new Post({ title: 'x' }).fresh()).toBeNull();
    const post = Post.findOrFail(2);
    Post.where('id', 2).delete();
    expect(post.fresh()).toBeNull();
  });
});

describe('replicate()', () => {
  it('makes a new, unsaved model with the attributes but not the key, which saves as a new row', () => {
    seed();
    const post = Post.findOrFail(1);
    const copy = post.replicate();
    expect(copy).toBeInstanceOf(Post);
    expect(copy.$isPersisted).toBe(false);
    expect(copy.toJSON()).toEqual({ title: 'First', views: 3 });
    copy.title = 'Copy';
    copy.save();
    expect(copy.id).toBe(3);
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'views'], [1, 'First', 3], [2, 'Second', 0], [3, 'Copy', 3]]);
    expect(post.title).toBe('First');
  });

  it('leaves out the attributes named in `except` (a list or one name), and refuses anything else', () => {
    seed();
    expect(Post.findOrFail(1).replicate(['views']).toJSON()).toEqual({ title: 'First' });
    expect(Post.findOrFail(1).replicate('title').toJSON()).toEqual({ views: 3 });
    expect(() => Post.findOrFail(1).replicate(new Set(['views']) as never)).toThrow(/replicate\(except\): expected a list of attribute names/);
    expect(() => Post.findOrFail(1).replicate({ views: 1 } as never)).toThrow(ValidationError);
  });

  it('gives the copy its own Dates: changing one leaves the original clean', () => {
    seedSheets({ Posts: [['id', 'title', 'views', 'due'], [1, 'First', 3, new Date(Date.UTC(2024, 2, 4))]] });
    const post = Post.findOrFail(1) as Post & { due: Date };
    const copy = post.replicate() as Post & { due: Date };
    copy.due.setUTCFullYear(2030);
    expect(post.due.getUTCFullYear()).toBe(2024);
    expect(post.$isDirty).toBe(false);
  });
});

describe('loadCount()', () => {
  it("counts relations into $extras, reading only the relations' sheets", () => {
    seed();
    const post = Post.findOrFail(1);
    gas().calls.reset();
    expect(post.loadCount('tags', 'comments')).toBe(post);
    expect(post.$extras).toEqual({ tags_count: 2, comments_count: 2 });
    expect(gas().calls.reads('Posts')).toBe(0);
    expect(gas().calls.reads('PostTag')).toBe(1);
    expect(gas().calls.reads('Tags')).toBe(1);
    expect(gas().calls.reads('Comments')).toBe(1);
  });

  it('puts the counts back when the transaction around them rolls back (the rows counted were never written)', () => {
    seed();
    const post = Post.findOrFail(1);
    post.loadCount('tags');
    expect(() =>
      transaction(() => {
        Comment.create({ post_id: 1, approved: true });
        post.loadCount('comments', 'tags as total');
        expect(post.$extras).toEqual({ tags_count: 2, comments_count: 3, total: 2 });
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(post.$extras).toEqual({ tags_count: 2 });
  });

  it('takes a constraint and an alias', () => {
    seed();
    const post = Post.findOrFail(1);
    post.loadCount('comments', (q) => q.where('approved', true).as('approved'));
    post.loadCount('tags as total');
    expect(post.$extras).toEqual({ approved: 1, total: 2 });
  });
});
