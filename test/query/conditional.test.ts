import { Collection, Model, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare status: string;
  declare created_at: Date;
  declare published_at: Date | null;
}

const day = (d: number) => new Date(Date.UTC(2025, 0, d));

const seed = () =>
  seedSheets({
    Posts: [
      ['id', 'status', 'created_at', 'published_at'],
      [1, 'live', day(3), day(20)],
      [2, 'draft', day(1), ''],
      [3, 'live', day(9), day(10)],
    ],
  });

const ids = (posts: Collection<Post>) => posts.map((post) => post.id);

describe('when / if / unless', () => {
  it('adds the clauses only when the condition holds, passing its value (a doGet filter)', () => {
    seed();
    const filtered = (status: string | undefined) => Post.query().when(status, (q, value) => q.where('status', value)).get();
    expect(ids(filtered('draft'))).toEqual([2]);
    expect(ids(filtered(undefined))).toEqual([1, 2, 3]);
    expect(ids(filtered(''))).toEqual([1, 2, 3]);
  });

  it('runs the otherwise callback when the condition fails; unless inverts; if is Lucid\'s spelling', () => {
    seed();
    const live = (q: { where(column: string, value: unknown): unknown }) => q.where('status', 'live');
    const draft = (q: { where(column: string, value: unknown): unknown }) => q.where('status', 'draft');
    expect(ids(Post.query().when(false, live, draft).get())).toEqual([2]);
    expect(ids(Post.query().unless(false, live, draft).get())).toEqual([1, 3]);
    expect(ids(Post.query().unless(true, live, draft).get())).toEqual([2]);
    expect(ids(Post.query().if(true, live).get())).toEqual([1, 3]);
    expect(ids(Post.when(0, live).get())).toEqual([1, 2, 3]);
  });

  it('calls a function condition with the query first', () => {
    seed();
    const seen: unknown[] = [];
    const query = Post.query();
    query.when(
      (q) => {
        seen.push(q);
        return 'live';
      },
      (q, value) => q.where('status', value),
    );
    expect(seen).toEqual([query]);
    expect(ids(query.get())).toEqual([1, 3]);
  });

  it('works inside where-groups', () => {
    seed();
    expect(ids(Post.where((q) => q.where('id', 1).orWhere((g) => g.when(true, (h) => h.where('id', 2)))).get())).toEqual([1, 2]);
  });

  it('refuses a callback that is not a function', () => {
    seed();
    expect(() => Post.query().when(true, 'status' as never)).toThrow(ValidationError);
    expect(() => Post.query().unless(true, () => undefined, 42 as never)).toThrow(/otherwise must be a function/);
    expect(gas().calls.reads('Posts')).toBe(0);
  });
});

describe('latest / oldest / doesntExist', () => {
  it('orders by created_at, or the column given', () => {
    seed();
    expect(ids(Post.latest().get())).toEqual([3, 1, 2]);
    expect(ids(Post.oldest().get())).toEqual([2, 1, 3]);
    expect(ids(Post.query().latest('published_at').get())).toEqual([1, 3, 2]);
    expect(ids(Post.query().oldest('id').limit(1).get())).toEqual([1]);
  });

  it('doesntExist is the opposite of exists', () => {
    seed();
    expect(Post.where('status', 'gone').doesntExist()).toBe(true);
    expect(Post.where('status', 'live').doesntExist()).toBe(false);
  });
});
