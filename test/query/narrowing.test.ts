/** Queries by one value in a session or transaction look the rows up in a Map of that column rather than scanning the sheet each time. */
import { Model, session, transaction } from '../../src';
import { RowGroups } from '../../src/storage/RowGroups';
import { Table } from '../../src/storage/Table';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
}
class Comment extends Model {
  static _table = 'Comments';
  declare id: number;
  post() {
    return this.belongsTo(Post);
  }
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare status: string;
  declare code: unknown;
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
  comments() {
    return this.hasMany(Comment);
  }
}

const seed = (posts = 50) =>
  seedSheets({
    Posts: [['id', 'status', 'code'], ...Array.from({ length: posts }, (_, i) => [i + 1, i % 2 ? 'draft' : 'published', i])],
    Tags: [['id'], [1]],
    PostTag: [['post_id', 'tag_id'], [3, 1]],
    Comments: [['id', 'post_id'], ...Array.from({ length: 3 * posts }, (_, i) => [i + 1, (i % posts) + 1])],
  });

afterEach(() => jest.restoreAllMocks());

/** How often the live rows were scanned, and how often a column was grouped. */
function countWork(): { scans: () => number; groupings: () => number } {
  const values = jest.spyOn(Table.prototype, 'liveValues');
  const rows = jest.spyOn(Table.prototype, 'rows');
  const build = jest.spyOn(RowGroups.prototype as unknown as { build: () => unknown }, 'build');
  return { scans: () => values.mock.calls.length + rows.mock.calls.length, groupings: () => build.mock.calls.length };
}

const ids = (list: Iterable<{ id: number }>) => Array.from(list, (model) => model.id);

it('in a session, where(column, value) in a loop scans the sheet once and groups the column once', () => {
  seed();
  const work = countWork();
  gas().calls.reset();
  const found = session(() => [7, 12, 30, '41', 99].map((id) => Post.where('id', id).first()?.status ?? null));
  expect(found).toEqual(['published', 'draft', 'draft', 'published', null]);
  expect(gas().calls.reads('Posts')).toBe(1);
  expect(work.scans()).toBe(1);
  expect(work.groupings()).toBe(1);
});

it('in a session, the clauses of a find() with clauses narrow it too (they are AND-ed beside the key)', () => {
  seed();
  const work = countWork();
  const found = session(() => [3, 4, 5, 6].map((id) => Post.query().where('status', 'draft').find(id)?.id ?? null));
  expect(found).toEqual([null, 4, null, 6]);
  expect(work.scans()).toBe(1);
  expect(work.groupings()).toBe(1);
});

it('in a session, a relation query or load() per parent looks the related rows up by the parent key', () => {
  seed();
  const posts = Post.query().whereIn('id', [1, 2, 3, 4, 5]).get();
  const work = countWork();
  gas().calls.reset();
  const found = session(() => posts.map((post) => [ids(post.related('comments').query().get()), ids(post.load('comments').comments)]));
  expect(gas().calls.reads('Comments')).toBe(1);
  expect(found[1]).toEqual([[2, 52, 102], [2, 52, 102]]);
  expect(found.map(([queried, loaded]) => queried.length + loaded.length)).toEqual([6, 6, 6, 6, 6]);
  expect(work.scans()).toBe(1);
  expect(work.groupings()).toBe(1);
});

it('in a session, a many-to-many query, load() or count() per parent looks the pivot rows up by the parent key', () => {
  seedSheets({
    Posts: [['id'], ...Array.from({ length: 20 }, (_, i) => [i + 1])],
    Tags: [['id'], [1], [2], [3]],
    PostTag: [['post_id', 'tag_id'], ...Array.from({ length: 60 }, (_, i) => [(i % 20) + 1, (i % 3) + 1])],
    Comments: [['id', 'post_id'], ...Array.from({ length: 40 }, (_, i) => [i + 1, (i % 20) + 1])],
  });
  const posts = Post.all();
  const work = countWork();
  gas().calls.reset();
  const found = session(() =>
    posts.map((post) => [ids(post.related('tags').query().get()), ids(post.load('tags').tags), post.related('tags').query().count(), post.related('comments').query().count()]),
  );
  expect(found[4]).toEqual([[2, 1, 3], [2, 1, 3], 3, 2]);
  expect(['PostTag', 'Tags', 'Comments'].map((sheet) => gas().calls.reads(sheet))).toEqual([1, 1, 1]);
  expect(found.every(([queried, loaded, tags, comments]) => (queried as number[]).length === 3 && (loaded as number[]).length === 3 && tags === 3 && comments === 2)).toBe(true);
  // Once per sheet: the pivot rows and the comments, each grouped by parent key.
  expect(work.scans()).toBe(2);
  expect(work.groupings()).toBe(2);
});

it('in a session, loadCount() per model looks its related rows up by its key, for every kind of relation and with a constraint', () => {
  seedSheets({
    Posts: [['id', 'status'], ...Array.from({ length: 20 }, (_, i) => [i + 1, i % 2 ? 'draft' : 'published'])],
    Tags: [['id'], [1], [2], [3]],
    PostTag: [['post_id', 'tag_id'], ...Array.from({ length: 60 }, (_, i) => [(i % 20) + 1, (i % 3) + 1]), ['', 1]],
    Comments: [['id', 'post_id'], ...Array.from({ length: 40 }, (_, i) => [i + 1, (i % 20) + 1]), [41, 99], [42, '']],
  });
  const posts = Post.all();
  const comments = Comment.all();
  const work = countWork();
  gas().calls.reset();
  const counted = session(() => {
    posts.each((post) => post.loadCount('tags', 'comments').loadCount('comments', (q) => q.where('id', '>', 20).orWhere('id', 1).as('late')));
    comments.each((comment) => comment.loadCount('post'));
    return [posts.map((post) => [post.$extras.tags_count, post.$extras.comments_count, post.$extras.late]).all(), comments.map((comment) => comment.$extras.post_count).all()];
  });
  const scanned = work.scans();

  // Post 1 has comments 1 and 21: both late (21 > 20, and 1 by the OR, which stays inside its group).
  expect(counted[0][0]).toEqual([3, 2, 2]);
  expect(counted[0].slice(1)).toEqual(Array.from({ length: 19 }, () => [3, 2, 1]));
  expect(counted[1]).toEqual([...Array(40).fill(1), 0, 0]);
  // The same counts as counting every parent, as Collection.loadCount does.
  const all = Post.all().loadCount('tags', 'comments');
  expect(all.map((post) => [post.$extras.tags_count, post.$extras.comments_count]).all()).toEqual(counted[0].map(([tags, comments]) => [tags, comments]));
  expect(['PostTag', 'Tags', 'Comments', 'Posts'].map((sheet) => gas().calls.reads(sheet))).toEqual([2, 2, 2, 2]);
  // In the session: one scan and one grouping per column looked up (pivot post_id, comments'
  // post_id, posts' id), where counting every parent would scan on each of the 122 counts.
  expect(scanned).toBe(3);
  expect(work.groupings()).toBe(3);
});

it('outside a session each query scans its own read, and groups nothing', () => {
  seed();
  const work = countWork();
  expect([Post.where('id', 7).first()!.status, Post.where('id', 8).first()!.status]).toEqual(['published', 'draft']);
  expect(work.groupings()).toBe(0);
});

it('a looked-up query gives what a scan gives, for every kind of cell and value', () => {
  const cells: unknown[] = [5, '5', '05', ' 5', '5.0', 5.5, 'abc', 'ABC', ' abc', true, 'TRUE', false, 0, null, new Date(Date.UTC(2024, 0, 15)), '2024-01-15', -0];
  const sheet = () => seedSheets({ Posts: [['id', 'status', 'code'], ...cells.map((code, i) => [i + 1, 'x', code])], Tags: [['id']], PostTag: [['post_id', 'tag_id']] });
  const asked: unknown[] = [5, '5', '05', '5.0', 5.5, 'abc', 'ABC', true, 'TRUE', false, 0, -0, null, '', new Date(Date.UTC(2024, 0, 15)), '2024-01-15', 'none'];
  const queries: Array<[string, () => Iterable<Post>]> = asked.flatMap((value): Array<[string, () => Iterable<Post>]> => [
    [`where ${String(value)}`, () => Post.where('code', value).get()],
    [`== ${String(value)}`, () => Post.where('code', '==', value).get()],
    [`whereIn ${String(value)}`, () => Post.query().whereIn('code', [value]).get()],
    [`whereIn twice ${String(value)}`, () => Post.query().whereIn('code', [value, value]).get()],
    [`and ${String(value)}`, () => Post.where('status', 'x').where('code', value).orderBy('id', 'desc').get()],
  ]);
  sheet();
  const scanned = queries.map(([name, run]) => [name, ids(run())]);
  sheet();
  const work = countWork();
  // Each query twice: the second one of a column is answered from its groups.
  const looked = session(() => queries.map(([name, run]) => (run(), [name, ids(run())])));
  expect(looked).toEqual(scanned);
  expect(work.groupings()).toBeGreaterThan(0);
  expect(scanned.find(([name]) => name === 'where 5')![1]).toEqual([1, 2, 4, 5]);
});

it('gives the scan\'s answers with OR, NOT, groups and whereHas beside the equality', () => {
  seed(10);
  const run = () => [
    ids(Post.where('id', 3).orWhere('id', 4).get()),
    ids(Post.query().where('id', 3).whereNot('status', 'draft').get()),
    ids(Post.query().whereNot('id', 3).where('status', 'draft').get()),
    ids(Post.query().where('status', 'published').whereHas('tags').get()),
    ids(Post.query().where((q) => q.where('id', 5).orWhere('id', 6)).get()),
    ids(Post.query().where((q) => q.whereHas('tags').orWhere('id', 4)).where('status', 'draft').get()),
    ids(Post.query().whereIn('id', [2, 3, '4']).where('status', 'draft').get()),
  ];
  const scanned = run();
  expect(scanned).toEqual([[3, 4], [3], [2, 4, 6, 8, 10], [3], [5, 6], [4], [2, 4]]);
  expect(session(() => (run(), run()))).toEqual(scanned);
});

it('in a transaction, looks up the rows as the writes before it left them', () => {
  seed(10);
  const seen = transaction(() => {
    for (const id of [2, 4, 6]) Post.where('id', id).delete();
    Post.create({ id: 11, status: 'draft', code: 'new' });
    const drafts = ids(Post.where('status', 'draft').get());
    const post = Post.where('id', 3).first()!;
    post.status = 'published';
    post.save();
    try {
      Post.createMany([{ id: 12, status: 'draft' }, { id: 1, status: 'draft' }]);
    } catch {
      // The duplicate key takes the whole createMany back.
    }
    return {
      deleted: [2, 4, 6].map((id) => Post.where('id', id).first()),
      created: Post.where('id', 11).first()!.code,
      drafts,
      draftsNow: ids(Post.where('status', 'draft').get()),
      published: ids(Post.where('status', 'published').get()),
      withdrawn: Post.where('id', 12).first(),
    };
  });
  expect(seen).toEqual({ deleted: [null, null, null], created: 'new', drafts: [8, 10, 11], draftsNow: [8, 10, 11], published: [1, 3, 5, 7, 9], withdrawn: null });
  expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 1, 3, 5, 7, 8, 9, 10, 11]);
});

it('where(key, value).delete() in a transaction loop scans the sheet at most twice', () => {
  seed(200);
  const work = countWork();
  transaction(() => {
    for (let id = 10; id <= 100; id += 10) Post.where('id', id).delete();
  });
  expect(work.scans()).toBeLessThanOrEqual(2);
  expect(sheetRows('Posts')).toHaveLength(191);
});
