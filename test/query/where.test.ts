import { runInNewContext } from 'node:vm';
import { Model, ValidationError, ColumnNotFoundError, ModelNotFoundError } from '../../src';
import { seedSheets, gas, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare views: number | null;
}

const day = (d: number) => new Date(Date.UTC(2024, 0, d));

beforeEach(() =>
  seedSheets({
    Posts: [
      ['id', 'title', 'views', 'status', 'published'],
      [1, 'Alpha', 150, 'draft', day(1)],
      [2, 'beta', 50, 'live', day(5)],
      [3, 'Gamma', '', 'live', day(9)],
      [4, 'Delta 100%', 300, '', ''],
      [5, 'epsilon', 100, 'archived', day(20)],
    ],
  }),
);

const ids = (query: { get(): { pluck(c: string): { all(): unknown[] } } }) => query.get().pluck('id').all();

describe('where operators', () => {
  it.each([
    ['=', 100, [5]],
    ['!=', 100, [1, 2, 3, 4]],
    ['<>', 100, [1, 2, 3, 4]],
    ['>', 100, [1, 4]],
    ['>=', 100, [1, 4, 5]],
    ['<', 100, [2]],
    ['<=', 100, [2, 5]],
  ])('views %s %p', (op, value, expected) => {
    expect(ids(Post.where('views', op as '=', value))).toEqual(expected);
  });

  it('like is case-sensitive with % and _, ilike is not', () => {
    expect(ids(Post.where('title', 'like', '%a'))).toEqual([1, 2, 3]);
    expect(ids(Post.where('title', 'like', 'A%'))).toEqual([1]);
    expect(ids(Post.where('title', 'ilike', 'a%'))).toEqual([1]);
    expect(ids(Post.where('title', 'ilike', '%E%'))).toEqual([2, 4, 5]);
    expect(ids(Post.where('title', 'like', '_eta'))).toEqual([2]);
    expect(ids(Post.where('title', 'like', '%100\\%'))).toEqual([4]);
  });

  it('where(col, value) means equality; numbers match numeric text', () => {
    expect(ids(Post.where('status', 'live'))).toEqual([2, 3]);
    expect(ids(Post.where('views', '150'))).toEqual([1]);
  });

  it('compares Dates by time', () => {
    expect(ids(Post.where('published', '>', day(5)))).toEqual([3, 5]);
    expect(ids(Post.where('published', day(9)))).toEqual([3]);
    expect(ids(Post.whereBetween('published', [day(2), day(10)]))).toEqual([2, 3]);
  });

  it('where({...}) ANDs its pairs', () => {
    expect(ids(Post.where({ status: 'live', views: 50 }))).toEqual([2]);
  });

  it('null means an empty cell', () => {
    expect(ids(Post.whereNull('views'))).toEqual([3]);
    expect(ids(Post.whereNotNull('status').whereNotNull('views'))).toEqual([1, 2, 5]);
    expect(ids(Post.where('status', null))).toEqual([4]);
    expect(ids(Post.where('status', '!=', null))).toEqual([1, 2, 3, 5]);
  });

  it('whereIn / whereNotIn / whereBetween / whereNotBetween', () => {
    expect(ids(Post.whereIn('id', [5, '2', 99]))).toEqual([2, 5]);
    expect(ids(Post.whereIn('id', []))).toEqual([]);
    // A Set is a list too, as Collection.whereIn takes it; a string is not.
    expect(ids(Post.whereIn('id', new Set([5, 2])))).toEqual([2, 5]);
    expect(ids(Post.query().whereNotIn('id', new Set([1, 2, 3])))).toEqual([4, 5]);
    expect(() => Post.whereIn('id', '12' as never)).toThrow(/expected an array of values, got "12"/);
    expect(ids(Post.whereNotIn('status', ['live', 'draft']))).toEqual([4, 5]);
    expect(ids(Post.query().whereNotIn('id', []))).toEqual([1, 2, 3, 4, 5]);
    expect(ids(Post.whereBetween('views', [50, 150]))).toEqual([1, 2, 5]);
    expect(ids(Post.query().whereNotBetween('views', [50, 150]))).toEqual([3, 4]);
  });
});

describe('boolean logic', () => {
  it('AND binds tighter than OR', () => {
    // status = live OR (views > 100 AND status = draft)
    expect(ids(Post.where('status', 'live').orWhere('views', '>', 100).where('status', 'draft'))).toEqual([1, 2, 3]);
  });

  it('groups with a callback', () => {
    const query = Post.where('views', '>=', 100).where((q) => q.where('status', 'draft').orWhere('status', 'archived'));
    expect(ids(query)).toEqual([1, 5]);
  });

  it('whereNot negates a clause or a group; orWhereNot', () => {
    expect(ids(Post.whereNot('status', 'live'))).toEqual([1, 4, 5]);
    expect(ids(Post.whereNot((q) => q.where('status', 'live').orWhere('views', '>', 200)))).toEqual([1, 5]);
    // An empty cell is not < 200, so NOT (views < 200) keeps it (sheet semantics, not SQL's NULL).
    expect(ids(Post.where('id', 1).orWhereNot('views', '<', 200))).toEqual([1, 3, 4]);
  });

  it('an empty group adds no condition (a callback that adds nothing, an empty object)', () => {
    expect(ids(Post.where('status', 'live').orWhere(() => undefined))).toEqual([2, 3]);
    expect(ids(Post.where('status', 'live').orWhere({}))).toEqual([2, 3]);
    expect(ids(Post.where('status', 'live').whereNot(() => undefined))).toEqual([2, 3]);
    expect(ids(Post.where('status', 'live').where((q) => q.where(() => undefined)))).toEqual([2, 3]);
    expect(ids(Post.whereNot({}))).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses a row predicate (Pinia's where(row => …)) before a delete or update could take every row", () => {
    const rowsBefore = sheetRows('Posts');
    gas().calls.reset();
    const predicate = (row: unknown) => (row as { views: number }).views > 100;
    expect(() => Post.query().where(predicate as never).delete()).toThrow(ValidationError);
    expect(() => Post.query().where(predicate as never).update({ views: 0 })).toThrow(
      /Post\.where\(callback\): the callback is given a query builder .* it read "views"/,
    );
    expect(() => Post.where('id', 1).orWhere(predicate as never)).toThrow(/Post\.orWhere\(callback\)/);
    expect(() => Post.query().whereNot((row: unknown) => !(row as { status: string }).status as never)).toThrow(/read "status"/);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('Posts')).toEqual(rowsBefore);
    // Lucid's conditional groups read only the builder's own names, and may add nothing.
    const search = '';
    expect(ids(Post.where('status', 'live').orWhere((q) => search && q.where('title', search)))).toEqual([2, 3]);
    expect(ids(Post.where((q) => q.where('id', 1).orWhere((inner) => inner.whereNull('views'))))).toEqual([1, 3]);
  });

  it('orWhereIn, orWhereNull, orWhereBetween', () => {
    expect(ids(Post.where('id', 1).orWhereIn('id', [2]).orWhereNull('views').orWhereBetween('views', [299, 301]))).toEqual([1, 2, 3, 4]);
  });
});

describe('ordering and slicing', () => {
  it('orders by several keys, stable, empty cells last in both directions', () => {
    expect(ids(Post.orderBy('views'))).toEqual([2, 5, 1, 4, 3]);
    expect(ids(Post.orderBy('views', 'desc'))).toEqual([4, 1, 5, 2, 3]);
    expect(ids(Post.orderBy('status').orderBy('id', 'desc'))).toEqual([5, 1, 3, 2, 4]);
  });

  it('limit, offset and forPage', () => {
    expect(ids(Post.orderBy('id').limit(2))).toEqual([1, 2]);
    expect(ids(Post.orderBy('id').offset(3))).toEqual([4, 5]);
    expect(ids(Post.query().forPage(2, 2))).toEqual([3, 4]);
    expect(ids(Post.query().forPage(3, 2))).toEqual([5]);
    // Every row on one page of unlimited size; the next page is empty.
    expect(ids(Post.query().forPage(1, Infinity))).toEqual([1, 2, 3, 4, 5]);
    expect(ids(Post.query().forPage(2, Infinity))).toEqual([]);
  });

  it("paging takes whole numbers as text too, as a doGet's e.parameter hands them over", () => {
    expect(ids(Post.query().forPage('2', '2'))).toEqual([3, 4]);
    expect(ids(Post.orderBy('id').limit('2').offset(' 1 '))).toEqual([2, 3]);
    expect(() => Post.query().limit('2.5')).toThrow(/expected a whole number/);
    expect(() => Post.query().forPage('-1', '2')).toThrow(ValidationError);
    expect(() => Post.query().limit('')).toThrow(ValidationError);
  });

  it('the example from the issue', () => {
    const titles = Post.where('views', '>', 100).orderBy('views', 'desc').limit(10).get().pluck('title').all();
    expect(titles).toEqual(['Delta 100%', 'Alpha']);
  });
});

describe('terminal methods', () => {
  it('first, firstOrFail, count, exists, pluck', () => {
    expect(Post.where('status', 'live').first()!.id).toBe(2);
    expect(Post.where('status', 'gone').first()).toBeNull();
    expect(() => Post.where('status', 'gone').firstOrFail()).toThrow(/no row of sheet "Posts" in spreadsheet "Test Spreadsheet" matches/);
    expect(Post.where('status', 'live').limit(1).count()).toBe(2);
    expect(Post.where('status', 'live').exists()).toBe(true);
    expect(Post.where('views', '>', 1000).exists()).toBe(false);
    expect(Post.query().orderBy('id', 'desc').pluck('title').all()).toEqual(['epsilon', 'Delta 100%', 'Gamma', 'beta', 'Alpha']);
  });

  it('find, findOrFail and findBy match keys stored as numbers or text', () => {
    expect(Post.find('3')!.title).toBe('Gamma');
    expect(Post.find(3)!.title).toBe('Gamma');
    expect(Post.find(42)).toBeNull();
    expect(() => Post.findOrFail(42)).toThrow(/Post with id 42 not found in sheet "Posts" in spreadsheet "Test Spreadsheet"/);
    expect(Post.findBy('title', 'beta')!.id).toBe(2);
    expect(Post.first()!.id).toBe(1);
    expect(Post.all().count()).toBe(5);
  });

  it("findBy and findByOrFail take an object of column values, as Lucid's do", () => {
    expect(Post.findBy({ status: 'live', views: 50 })!.title).toBe('beta');
    expect(Post.findBy({ title: 'Gamma' })!.id).toBe(3);
    expect(Post.findBy({ status: 'live', title: 'Alpha' })).toBeNull();
    expect(Post.findByOrFail({ id: '5' }).title).toBe('epsilon');
    expect(() => Post.findByOrFail({ status: 'gone' })).toThrow('Post: no row of sheet "Posts" in spreadsheet "Test Spreadsheet" has status = "gone".');
    expect(() => Post.findByOrFail('title', 'zz')).toThrow(ModelNotFoundError);
    expect(() => Post.findByOrFail({ status: 'live', views: 7 })).toThrow('has status = "live" and views = 7.');
    expect(() => (Post as any).findBy('title')).toThrow(new ValidationError('Post.findBy(): pass a column and a value, or an object of column values, got only the column "title".'));
    expect(() => Post.findByOrFail(['title'] as never, 'x')).toThrow(/Post\.findByOrFail\(\): pass a column and a value, or an object of column values, got/);
    expect(() => Post.findBy('title', undefined)).toThrow(new ValidationError(`Post.findBy('title', undefined): the value of "title" is undefined; pass a value, or null to find an empty cell.`));
    expect(() => Post.findByOrFail({ status: 'live', views: undefined })).toThrow(/^Post\.findByOrFail\(\{ views: undefined \}\): the value of "views" is undefined/);
    class Forwarding extends Post {
      static override findBy(column: any, value?: unknown): any {
        return super.findBy(column, value);
      }
    }
    expect(Forwarding.findBy({ title: 'beta' })!.id).toBe(2);
    expect((Post as any).findBy({ title: 'beta' }, undefined).id).toBe(2);
    expect(gas().calls.count('Range.getValues')).toBe(9);
  });

  it("pluck(column, key) keys the values by another column's text (Eloquent's pluck('title', 'id'))", () => {
    expect(Post.where('status', 'live').pluck('title', 'id')).toEqual({ 2: 'beta', 3: 'Gamma' });
    expect(Post.query().orderBy('id', 'desc').pluck('views', 'status')).toEqual({ archived: 100, '': 300, live: 50, draft: 150 });
    seedSheets({ Posts: [['id', 'title', 'views', 'status', 'published'], [1, '__proto__', 1, '', ''], [2, 'b', 2, '', '']] });
    const byTitle = Post.query().pluck('id', 'title');
    expect(Object.keys(byTitle)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(byTitle)).toBe(Object.prototype);
  });

  it('find on a query with orWhere finds that key only, and leaves the query as it was', () => {
    // draft OR views > 200 matches 1 and 4; post 2 matches neither.
    const query = Post.where('status', 'draft').orWhere('views', '>', 200);
    expect(query.find(2)).toBeNull();
    expect(query.find(4)!.id).toBe(4);
    expect(() => query.findOrFail(2)).toThrow(/Post with id 2 not found/);
    expect(ids(query)).toEqual([1, 4]);
  });

  it("Lucid's and-/or- spellings of between and like", () => {
    expect(ids(Post.query().where('status', 'live').andWhereBetween('views', [40, 60]))).toEqual([2]);
    expect(ids(Post.query().where('status', 'live').andWhereNotBetween('views', [40, 60]))).toEqual([3]);
    expect(ids(Post.query().whereLike('title', 'A%').orWhereLike('title', 'b%'))).toEqual([1, 2]);
    expect(ids(Post.query().whereILike('title', 'a%').orWhereILike('title', 'E%'))).toEqual([1, 5]);
    expect(ids(Post.query().where('status', 'live').andWhereLike('title', '%a'))).toEqual([2, 3]);
    expect(ids(Post.query().where('status', 'live').andWhereILike('title', 'G%'))).toEqual([3]);
  });

  it("whereLike takes Laravel's third argument: false ignores case; anything but a boolean is refused", () => {
    expect(ids(Post.query().whereLike('title', 'a%'))).toEqual([]);
    expect(ids(Post.query().whereLike('title', 'a%', false))).toEqual([1]);
    expect(ids(Post.query().whereLike('title', 'x%').orWhereLike('title', 'e%', false))).toEqual([5]);
    expect(() => Post.query().whereLike('title', 'a%', 'no' as never)).toThrow("Post.whereLike(column, pattern, caseSensitive): caseSensitive is true or false, got \"no\".");
  });

  it('Model.firstOrFail and orderBy with a list of column names', () => {
    expect(Post.firstOrFail().id).toBe(1);
    expect(ids(Post.query().orderBy(['status', { column: 'id', order: 'desc' }]))).toEqual([5, 1, 3, 2, 4]);
    expect(() => Post.query().orderBy([5 as never])).toThrow(/each item is a column or \{ column, order\?, nulls\? \}, got 5/);
    seedSheets({ Posts: [['id', 'title', 'views', 'status', 'published']] });
    expect(() => Post.firstOrFail()).toThrow(/no row of sheet "Posts"/);
  });

  it('clone() copies a query that then changes apart from it', () => {
    const live = Post.where('status', 'live').orderBy('id', 'desc').limit(5);
    const copy = live.clone().where('views', '>', 10);
    expect(ids(copy)).toEqual([2]);
    expect(ids(live)).toEqual([3, 2]);
    expect(ids(live.clone().limit(1))).toEqual([3]);
    expect(live.clone().count()).toBe(2);
    expect(ids(live)).toEqual([3, 2]);
  });

  it('reads the sheet exactly once per query', () => {
    gas().calls.reset();
    Post.where('views', '>', 1).orWhereIn('id', [1]).orderBy('id').get();
    Post.where('id', 2).count();
    Post.all();
    Post.find(1);
    expect(gas().calls.reads('Posts')).toBe(4);
    expect(gas().calls.writes()).toBe(0);
  });
});

describe('bad input is refused with a clear error', () => {
  it('unknown operators and columns', () => {
    expect(() => Post.where('views', '=~' as '=', 1)).toThrow(ValidationError);
    expect(() => Post.where('views', '=~' as '=', 1)).toThrow(/Unknown operator "=~".*valid operators/);
    expect(() => Post.where('nope', 1).get()).toThrow(ColumnNotFoundError);
    expect(() => Post.where('Title', 1).get()).toThrow(/did you mean "title"/);
    expect(() => Post.orderBy('id', 'sideways' as 'asc')).toThrow(/'asc' or 'desc'/);
    // Every way to run the query checks its order, count and exists too.
    expect(() => Post.orderBy('tilte').count()).toThrow(/has no column "tilte" \(columns: id, title/);
    expect(() => Post.orderBy('tilte').exists()).toThrow(ColumnNotFoundError);
  });

  it('pluck() needs a column name', () => {
    expect(() => Post.query().pluck(undefined as never)).toThrow('Post.pluck(): the column must be a non-empty string, not undefined.');
    expect(() => Post.query().pluck('title', 5 as never)).toThrow(ValidationError);
  });

  it('find(null) and find(\'\') find nothing, as in Lucid (no record has a blank key); findOrFail says not found', () => {
    seedSheets({ Posts: [['id', 'title'], ['', 'no key yet'], [1, 'a']] });
    expect(Post.find(null)).toBeNull();
    expect(Post.find('')).toBeNull();
    expect(Post.query().where('title', 'a').find(null)).toBeNull();
    expect(() => Post.findOrFail(null)).toThrow(ModelNotFoundError);
    expect(() => Post.findOrFail(null)).toThrow('Post with id null not found in sheet "Posts"');
    class Member extends Model {
      static _table = 'Posts';
      static _primaryKey = ['id', 'title'];
    }
    expect([Member.find(null), Member.find([1, null]), Member.find({ id: 1, title: '' })]).toEqual([null, null, null]);
  });

  it("findMany(ids) lists the models with those keys, highest first (Lucid's findMany); one read", () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']] });
    gas().calls.reset();
    expect(Post.findMany([1, '3', 9]).map((post) => post.title)).toEqual(['c', 'a']);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(Post.findMany([]).length).toBe(0);
    expect(() => Post.findMany(2 as never)).toThrow(ValidationError);
    class Member extends Model {
      static _table = 'Posts';
      static _primaryKey = ['id', 'title'];
    }
    expect(Post.findManyBy('title', ['c', 'a']).map((post) => post.id)).toEqual([1, 3]);
    expect(() => Member.findMany([1])).toThrow('Member.findMany(): Member has a composite key (id, title); use find([...]) for each, or whereIn on its columns.');
  });

  it("findManyBy takes Lucid's forms: a column and a value, or an object of column values; a list or Set is whereIn; one read", () => {
    seedSheets({ Posts: [['id', 'user_id', 'status'], [1, 1, 'p'], [2, 2, 'p'], [3, 1, 'd']] });
    gas().calls.reset();
    expect(Post.findManyBy('user_id', 1).map((post) => post.id)).toEqual([1, 3]);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(Post.findManyBy({ user_id: 1, status: 'p' }).map((post) => post.id)).toEqual([1]);
    expect(Post.findManyBy('status', new Set(['d', 'x'])).map((post) => post.id)).toEqual([3]);
    expect(Post.findManyBy('user_id', null).length).toBe(0);
    expect(() => Post.findManyBy('user_id', undefined)).toThrow('Post.findManyBy(\'user_id\', undefined): the value of "user_id" is undefined; pass a value, or null to find an empty cell.');
    expect(() => Post.findManyBy(7 as never)).toThrow(/^Post\.findManyBy\(\): pass a column and a value, or an object of column values/);
    // A Set made in a script's own realm, as a library's caller passes it.
    expect(Post.findManyBy('user_id', runInNewContext('new Set([2])') as Set<number>).map((post) => post.id)).toEqual([2]);
    // A list of dates made there is a list of values, not of rows.
    expect(() => Post.findBy('user_id', runInNewContext('[new Date(0)]') as never)).toThrow(/a list \(.*\) is no single value to look for/);
  });

  it('find refuses what a key cell cannot hold, as where does, instead of finding nothing', () => {
    for (const id of [NaN, Infinity, () => 1, Symbol('x'), BigInt(1), new Date('x'), {}, Object.create(null)]) {
      expect(() => Post.find(id)).toThrow(ValidationError);
      expect(() => Post.findOrFail(id)).toThrow(/^Post\.find\(.*\): expected a value for id/);
    }
    expect(gas().calls.count()).toBe(0);
  });

  it('an object without toString (Object.create(null)) as a key to write is a ValidationError, not a TypeError', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    const bare = Object.create(null);
    expect(() => Post.create({ id: bare, title: 'x' })).toThrow(ValidationError);
    expect(() => Post.createMany([{ id: bare, title: 'x' }])).toThrow(ValidationError);
    const post = Post.findOrFail(1);
    post.id = bare;
    expect(() => post.save()).toThrow(/^Post\.id .*cannot be stored in a cell/);
    expect(() => Post.create({ title: new Error('x') as never })).toThrow(/^Post\.title .*: an Error \(object\) cannot be stored in a cell/);
    expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a']]);
  });

  it('wrong argument types', () => {
    expect(() => Post.find(undefined)).toThrow(ValidationError);
    expect(() => Post.where('id', {})).toThrow(/cannot compare with an object/);
    expect(() => Post.where('id', [1, 2])).toThrow(/whereIn/);
    expect(() => Post.where('id', undefined)).toThrow(/undefined/);
    expect(() => Post.whereIn('id', 5 as never)).toThrow(/expected an array/);
    expect(() => Post.whereIn('id', [1, undefined])).toThrow("Post.whereIn('id', [...]): the item at index 1 is undefined; leave missing values out");
    expect(() => Post.whereIn('id', [1, , 2])).toThrow("Post.whereIn('id', [...]): the item at index 1 is undefined");
    expect(() => Post.query().limit(-1)).toThrow(ValidationError);
    expect(() => Post.where('created_at', '>', new Date('not a date'))).toThrow(/the Date is invalid/);
    expect(() => Post.query().whereIn('created_at', [new Date(NaN)])).toThrow(/the Date is invalid/);
    expect(() => Post.whereBetween('id', [1] as never)).toThrow(/\[low, high\]/);
  });
});

describe('codes that look like numbers', () => {
  class Customer extends Model {
    static _table = 'Customers';
    declare id: number;
    declare zip: string;
  }
  const seedZips = () =>
    seedSheets({ Customers: [['id', 'zip'], [1, '00123'], [2, '123'], [3, '0123'], [4, 123]] });

  it('match only themselves in where, whereIn and find-like lookups; plain number text still matches numbers', () => {
    seedZips();
    expect(ids(Customer.where('zip', '00123'))).toEqual([1]);
    expect(ids(Customer.whereIn('zip', ['0123']))).toEqual([3]);
    expect(ids(Customer.where('zip', '123'))).toEqual([2, 4]);
    expect(ids(Customer.whereNot('zip', '00123'))).toEqual([2, 3, 4]);
    expect(Customer.all().unique('zip').pluck('id').all()).toEqual([1, 2, 3]);
  });

  it('number text with spaces around it means the number, as it does in keys', () => {
    seedSheets({ Customers: [['id', 'zip'], [1, ' 123'], [2, '123 '], [3, 123], [4, ' 0123 ']] });
    expect(ids(Customer.where('zip', 123))).toEqual([1, 2, 3]);
    expect(ids(Customer.where('zip', ' 123 '))).toEqual([1, 2, 3]);
    expect(ids(Customer.where('zip', '0123'))).toEqual([]);
    expect(ids(Customer.where('id', ' 2'))).toEqual([2]);
    expect(Customer.find(' 2')!.id).toBe(2);
  });

  it('delete and firstOrCreate touch only the exact code', () => {
    seedZips();
    expect(Customer.where('zip', '00123').delete()).toBe(1);
    expect(gas().sheetValues('Customers').map((row) => row[1])).toEqual(['zip', '123', '0123', 123]);
    const created = Customer.firstOrCreate({ zip: '000123' });
    expect(created.id).toBe(5);
    expect(gas().sheetValues('Customers')[4]).toEqual([5, '000123']);
  });
});
