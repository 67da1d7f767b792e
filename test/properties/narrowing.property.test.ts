/**
 * Random reads and writes in a session or transaction: every query that a look-up by one value may
 * answer (where, whereIn, first, count, the queries and loads of hasMany, belongsTo and many-to-many)
 * gives what the same query gives when the table is made to scan instead; one model's loadCount
 * gives what counting every parent gives.
 */
import fc from 'fast-check';
import { Model, session, transaction } from '../../src';
import { Table } from '../../src/storage/Table';
import { seedSheets } from '../support/seed';

class Comment extends Model {
  static _table = 'Comments';
  declare id: number;
  declare post_id: unknown;
  declare post_code: unknown;
  post() {
    return this.belongsTo(Post, 'post_id');
  }
}
class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare status: unknown;
  declare code: unknown;
  comments() {
    return this.hasMany(Comment, 'post_id');
  }
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
  /** Keyed by text as often as not: `'a'`, `'a '` and `' a'` are one key. */
  coded() {
    return this.hasMany(Comment, 'post_code', 'code');
  }
}

const VALUES: unknown[] = [1, '1', 2, ' 2', 'a', 'a ', 'A', null, true, 'TRUE', 0, 1.5];
const PARENTS: unknown[] = [1, '1', 2, ' 2 ', '3', 3, null, 'x', ' a', 'A'];
const COLUMNS = ['id', 'status', 'code'] as const;
const value = fc.constantFrom(...VALUES);
const column = fc.constantFrom(...COLUMNS);
const id = fc.integer({ min: 1, max: 14 });
const relation = fc.constantFrom('comments' as const, 'coded' as const);

type Step =
  | { kind: 'where' | 'first'; column: string; value: unknown }
  | { kind: 'whereIn'; column: string; values: unknown[] }
  | { kind: 'comments' | 'load'; id: number; relation: 'comments' | 'coded' }
  | { kind: 'with'; relation: 'comments' | 'coded' | 'tags' }
  | { kind: 'owner'; id: number }
  | { kind: 'loadCount'; id: number }
  | { kind: 'tags'; id: number; read: 'query' | 'load' | 'count' }
  | { kind: 'attach' | 'detach'; id: number; tag: number }
  | { kind: 'create'; status: unknown; code: unknown }
  | { kind: 'comment'; parent: unknown }
  | { kind: 'delete'; id: number }
  | { kind: 'update'; column: string; value: unknown; set: 'status' | 'code'; to: unknown }
  | { kind: 'repoint'; id: number; parent: unknown }
  | { kind: 'save'; id: number; to: unknown }
  | { kind: 'fail'; code: unknown };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom('where' as const, 'first' as const), column, value }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('whereIn' as const), column, values: fc.array(value, { minLength: 1, maxLength: 3 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('comments' as const, 'load' as const), id, relation }), weight: 3 },
  fc.record({ kind: fc.constant('with' as const), relation: fc.constantFrom('comments' as const, 'coded' as const, 'tags' as const) }),
  fc.record({ kind: fc.constant('owner' as const), id }),
  fc.record({ kind: fc.constant('loadCount' as const), id }),
  { arbitrary: fc.record({ kind: fc.constant('tags' as const), id, read: fc.constantFrom('query' as const, 'load' as const, 'count' as const) }), weight: 2 },
  fc.record({ kind: fc.constantFrom('attach' as const, 'detach' as const), id, tag: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('create' as const), status: value, code: value }),
  fc.record({ kind: fc.constant('comment' as const), parent: fc.constantFrom(...PARENTS) }),
  fc.record({ kind: fc.constant('delete' as const), id }),
  fc.record({ kind: fc.constant('update' as const), column, value, set: fc.constantFrom('status' as const, 'code' as const), to: value }),
  fc.record({ kind: fc.constant('repoint' as const), id, parent: fc.constantFrom(...PARENTS) }),
  fc.record({ kind: fc.constant('save' as const), id, to: value }),
  fc.record({ kind: fc.constant('fail' as const), code: value }),
);

const ids = (list: Iterable<{ id: number }>) => Array.from(list, (model) => model.id);

/** What `read` gives with look-ups, and what it gives when every table scans. */
function bothWays(read: () => unknown): [unknown, unknown] {
  const looked = read();
  const scan = jest.spyOn(Table.prototype, 'rowsHolding').mockReturnValue(null);
  try {
    return [looked, read()];
  } finally {
    scan.mockRestore();
  }
}

/** The post, if there is one whose key for the relation has a value (a blank one is an error). */
function parent(id: number, relation: 'comments' | 'coded'): Post | null {
  const post = Post.find(id);
  return post && (relation === 'comments' || post.code !== null) ? post : null;
}

function run(s: Step): [unknown, unknown] | null {
  switch (s.kind) {
    case 'where':
      return bothWays(() => ids(Post.where(s.column, s.value).get()));
    case 'whereIn':
      return bothWays(() => ids(Post.query().whereIn(s.column, s.values).get()));
    case 'first':
      return bothWays(() => Post.where(s.column, s.value).first()?.id ?? null);
    case 'comments': {
      const post = parent(s.id, s.relation);
      return post && bothWays(() => ids(post.related(s.relation).query().get()));
    }
    case 'load': {
      const post = parent(s.id, s.relation);
      return post && bothWays(() => ids(post.load(s.relation)[s.relation]));
    }
    case 'tags': {
      const post = Post.find(s.id);
      if (!post) return null;
      if (s.read === 'count') return bothWays(() => [post.related('tags').query().count(), post.related('comments').query().count()]);
      return bothWays(() => ids(s.read === 'load' ? post.load('tags').tags : post.related('tags').query().get()));
    }
    case 'loadCount': {
      // One model's counts (looked up by its key) against the counts of every parent.
      const post = Post.find(s.id);
      const comment = Comment.find(s.id);
      const one = [post && { ...post.loadCount('tags', 'comments', 'coded').$extras }, comment && { ...comment.loadCount('post').$extras }];
      const all = [Post.all().loadCount('tags', 'comments', 'coded'), Comment.all().loadCount('post')] as const;
      const every = [post && { ...all[0].find((other) => other.id === post.id)!.$extras }, comment && { ...all[1].find((other) => other.id === comment.id)!.$extras }];
      return [one, every];
    }
    case 'attach':
    case 'detach': {
      const post = Post.find(s.id);
      if (post) post.related('tags')[s.kind]([s.tag]);
      return null;
    }
    case 'with':
      return bothWays(() => Post.query().with(s.relation).get().map((post) => ids(post[s.relation])));
    case 'owner': {
      const comment = Comment.find(s.id);
      return comment && comment.post_id !== null ? bothWays(() => comment.load('post').post?.id ?? null) : null;
    }
    case 'create':
      Post.create({ status: s.status, code: s.code });
      return null;
    case 'comment':
      Comment.create({ post_id: s.parent, post_code: s.parent });
      return null;
    case 'delete':
      Post.where('id', s.id).delete();
      Comment.where('id', s.id).delete();
      return null;
    case 'update':
      Post.where(s.column, s.value).update({ [s.set]: s.to });
      return null;
    case 'repoint':
      Comment.where('id', s.id).update({ post_id: s.parent, post_code: s.parent });
      return null;
    case 'save': {
      const post = Post.where('id', s.id).first();
      if (post) {
        post.code = s.to;
        post.save();
      }
      return null;
    }
    case 'fail':
      try {
        // The second row's key is taken: the whole createMany is taken back.
        Post.createMany([{ status: 'new', code: s.code }, { id: 1 }]);
      } catch {
        // expected while row 1 exists
      }
      return null;
  }
}

it('a query answered from a look-up equals the scan, after any inserts, deletions, updates and take-backs', () => {
  const rows = fc.array(fc.tuple(value, value, fc.constantFrom(...PARENTS)), { minLength: 1, maxLength: 10 });
  fc.assert(
    fc.property(rows, fc.array(step, { minLength: 5, maxLength: 40, size: 'medium' }), fc.boolean(), (seed, steps, inTransaction) => {
      seedSheets({
        Posts: [['id', 'status', 'code'], ...seed.map(([status, code], i) => [i + 1, status, code])],
        Comments: [['id', 'post_id', 'post_code'], ...seed.map(([, , parent], i) => [i + 1, parent, parent])],
        Tags: [['id'], [1], [2], [3]],
        PostTag: [['post_id', 'tag_id'], ...seed.map(([, , parent], i) => [parent, (i % 3) + 1])],
      });
      const answers = (inTransaction ? transaction : session)(() => steps.map(run).filter((answer) => answer !== null));
      for (const [looked, scanned] of answers as Array<[unknown, unknown]>) expect(looked).toEqual(scanned);
    }),
    { numRuns: process.env.SOAK ? 2000 : 150 },
  );
});
