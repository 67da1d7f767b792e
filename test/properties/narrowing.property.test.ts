/**
 * Random reads and writes in a session or transaction: every query by one value that a Map look-up
 * may answer gives what the same query gives through a scan (a top-level orWhere that matches no
 * row keeps it from the look-up).
 */
import fc from 'fast-check';
import { Model, session, transaction } from '../../src';
import { seedSheets } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare status: unknown;
  declare code: unknown;
}

const VALUES: unknown[] = [1, '1', 2, ' 2', 'a', 'A', null, true, 'TRUE', 0, 1.5];
const COLUMNS = ['id', 'status', 'code'] as const;
const value = fc.constantFrom(...VALUES);
const column = fc.constantFrom(...COLUMNS);
const id = fc.integer({ min: 1, max: 14 });

type Step =
  | { kind: 'where' | 'first'; column: string; value: unknown }
  | { kind: 'whereIn'; column: string; values: unknown[] }
  | { kind: 'create'; status: unknown; code: unknown }
  | { kind: 'delete'; id: number }
  | { kind: 'update'; column: string; value: unknown; set: 'status' | 'code'; to: unknown }
  | { kind: 'save'; id: number; to: unknown }
  | { kind: 'fail'; code: unknown };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom('where' as const, 'first' as const), column, value }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('whereIn' as const), column, values: fc.array(value, { minLength: 1, maxLength: 3 }) }), weight: 2 },
  fc.record({ kind: fc.constant('create' as const), status: value, code: value }),
  fc.record({ kind: fc.constant('delete' as const), id }),
  fc.record({ kind: fc.constant('update' as const), column, value, set: fc.constantFrom('status' as const, 'code' as const), to: value }),
  fc.record({ kind: fc.constant('save' as const), id, to: value }),
  fc.record({ kind: fc.constant('fail' as const), code: value }),
);

const ids = (list: Iterable<Post>) => Array.from(list, (post) => post.id);
const none = '\u0000no such id';

/** Runs a step; for a query, returns what the look-up gave and what the scan gave. */
function run(s: Step): [unknown, unknown] | null {
  switch (s.kind) {
    case 'where':
      return [ids(Post.where(s.column, s.value).get()), ids(Post.where(s.column, s.value).orWhere('id', none).get())];
    case 'whereIn':
      return [ids(Post.query().whereIn(s.column, s.values).get()), ids(Post.query().whereIn(s.column, s.values).orWhere('id', none).get())];
    case 'first':
      return [Post.where(s.column, s.value).first()?.id ?? null, Post.where(s.column, s.value).orWhere('id', none).first()?.id ?? null];
    case 'create':
      Post.create({ status: s.status, code: s.code });
      return null;
    case 'delete':
      Post.where('id', s.id).delete();
      return null;
    case 'update':
      Post.where(s.column, s.value).update({ [s.set]: s.to });
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

it('a query answered from a column look-up equals the scan, after any inserts, deletions, updates and take-backs', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 10 }), fc.array(step, { minLength: 5, maxLength: 40, size: 'medium' }), fc.boolean(), (rows, steps, inTransaction) => {
      seedSheets({ Posts: [['id', 'status', 'code'], ...rows.map(([status, code], i) => [i + 1, status, code])] });
      const answers = (inTransaction ? transaction : session)(() => steps.map(run).filter((answer) => answer !== null));
      for (const [looked, scanned] of answers as Array<[unknown, unknown]>) expect(looked).toEqual(scanned);
    }),
    { numRuns: process.env.SOAK ? 2000 : 150 },
  );
});
