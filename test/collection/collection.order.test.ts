import { ValidationError } from '../../src/errors';
import { Collection } from '../../src/collection/Collection';
import { foreignDate, ids, posts } from './fixtures';

describe('Collection.sortBy / sortByDesc', () => {
  const collection = new Collection(posts());

  it('sorts ascending, stable, nulls last, and leaves the original alone', () => {
    expect(ids(collection.sortBy('views'))).toEqual([4, 1, 3, 2]);
    expect(ids(collection)).toEqual([1, 2, 3, 4]);
    expect(ids(collection.sortBy('author.name'))).toEqual([1, 4, 2, 3]);
  });

  it('sorts descending, stable for ties, nulls still last', () => {
    expect(ids(collection.sortByDesc('views'))).toEqual([1, 3, 4, 2]);
    expect(ids(collection.sortByDesc('createdAt'))).toEqual([4, 1, 3, 2]);
  });

  it('sorts numbers numerically, numeric strings with them, strings by locale', () => {
    expect(new Collection([10, 9, '100', 1.5, '-2']).sortBy().all()).toEqual(['-2', 1.5, 9, 10, '100']);
    expect(new Collection(['b', 'B', 'a', 'é', 'f']).sortBy().all()).toEqual(['a', 'b', 'B', 'é', 'f']);
    expect(new Collection([null, 'x', 2, undefined, NaN, 1]).sortBy().all()).toEqual([1, 2, 'x', null, undefined, NaN]);
  });

  it('sorts Dates by time across realms', () => {
    const dates = [foreignDate('2024-01-01'), new Date('2023-01-01'), foreignDate('2025-01-01')];
    expect(new Collection(dates).sortBy().all()).toEqual([dates[1], dates[0], dates[2]]);
    expect(new Collection(dates).sortByDesc().all()).toEqual([dates[2], dates[0], dates[1]]);
  });

  it('accepts a key function and keeps many ties in order', () => {
    const rows = Array.from({ length: 50 }, (_, id) => ({ id, group: id % 3 }));
    const sorted = new Collection(rows).sortBy((row) => row.group);
    expect(ids(sorted)).toEqual([...rows.filter((r) => r.group === 0), ...rows.filter((r) => r.group === 1), ...rows.filter((r) => r.group === 2)].map((r) => r.id));
    expect(ids(new Collection(rows).sortByDesc((row) => row.group)).slice(0, 3)).toEqual([2, 5, 8]);
    expect(new Collection([]).sortBy('x').all()).toEqual([]);
  });
});

describe('Collection.sortBy / sortByDesc with a list of keys', () => {
  const people = () =>
    new Collection([
      { id: 1, last: 'Lee', first: 'Bo', age: 30 },
      { id: 2, last: 'Kim', first: 'Al', age: 40 },
      { id: 3, last: 'Lee', first: 'Al', age: 20 },
      { id: 4, last: 'Kim', first: 'Al', age: 50 },
      { id: 5, last: null, first: 'Cy', age: 10 },
    ]);

  it('sorts by each key in turn, a pair giving its own direction (Laravel)', () => {
    expect(ids(people().sortBy(['last', 'first']))).toEqual([2, 4, 3, 1, 5]);
    expect(ids(people().sortBy([['last', 'asc'], ['age', 'desc']]))).toEqual([4, 2, 1, 3, 5]);
    expect(ids(people().sortBy(['first', (person) => -person.age]))).toEqual([4, 2, 3, 1, 5]);
    expect(() => people().sortBy(['first', , 'age'] as never)).toThrow('Collection.sortBy([...]): the key at index 1 is undefined; name a column, dot path, index or function.');
  });

  it('sortByDesc turns every key of the list descending; blanks stay last', () => {
    expect(ids(people().sortByDesc(['last', 'age']))).toEqual([1, 3, 4, 2, 5]);
  });

  it('sortBy and groupBy take an index for items that are arrays, and refuse a key that is no column, index or function', () => {
    const rows = new Collection([[2, 'b'], [1, 'a'], [2, 'a']]);
    expect(rows.sortBy(0).all()).toEqual([[1, 'a'], [2, 'b'], [2, 'a']]);
    expect(Object.keys(rows.groupBy(1))).toEqual(['b', 'a']);
    expect(() => people().sortBy(true as never)).toThrow(/Collection\.sortBy: each key is a column, a dot path, an index or a function, got true/);
    expect(() => people().groupBy({} as never)).toThrow(/Collection\.groupBy: each key is a column/);
    expect(() => people().groupBy(undefined as never)).toThrow('Collection.groupBy: name the key to group by (a column, dot path, index or function).');
    expect(() => people().sortBy(-1)).toThrow(/got -1/);
  });

  it('keyBy and pluck need the key or column, as in Laravel, rather than collapsing every item into one entry', () => {
    expect(() => people().keyBy(undefined as never)).toThrow('Collection.keyBy: name the key (a column, dot path, index or function).');
    expect(() => people().keyBy({} as never)).toThrow(/Collection\.keyBy: each key is a column/);
    expect(() => (people() as any).pluck()).toThrow('Collection.pluck: name the column to pluck (a column, dot path, index or function).');
    expect(Object.keys(new Collection([[1, 'a'], [2, 'b']]).keyBy(1))).toEqual(['a', 'b']);
    expect(() => people().pluck({} as never)).toThrow(/Collection\.pluck: each key is a column/);
    expect(() => people().pluck('name', {} as never)).toThrow(/Collection\.pluck: each key is a column/);
    expect(people().pluck('name', null as never)).toEqual(people().pluck('name'));
  });

  it('refuses a pair without a direction or a key that is no column or function', () => {
    expect(() => people().sortBy([['last', 'up' as 'asc']])).toThrow(ValidationError);
    expect(() => people().sortBy([['last', 'up' as 'asc']])).toThrow(/a pair is \[column, 'asc' \| 'desc'\]/);
    expect(() => people().sortBy([null as never])).toThrow(/each key is a column, a dot path, an index or a function, got null/);
  });
});

describe('Collection.groupBy', () => {
  it('nests groups for a list of keys (Laravel)', () => {
    const groups = new Collection([
      { id: 1, last: 'Lee', first: 'Bo' },
      { id: 2, last: 'Kim', first: 'Al' },
      { id: 3, last: 'Lee', first: 'Al' },
      { id: 4, last: 'Kim', first: 'Al' },
    ]).groupBy(['last', 'first']) as Record<string, Record<string, Collection<{ id: number }>>>;
    expect(Object.keys(groups)).toEqual(['Lee', 'Kim']);
    expect(Object.keys(groups.Lee)).toEqual(['Bo', 'Al']);
    expect(ids(groups.Kim.Al)).toEqual([2, 4]);
    expect(ids(groups.Lee.Al)).toEqual([3]);
    expect(() => new Collection([{ k: 1 }]).groupBy([])).toThrow(ValidationError);
  });


  it('groups into a plain object of Collections keyed by text', () => {
    const groups = new Collection(posts()).groupBy('views');
    expect(Object.keys(groups).sort()).toEqual(['', '10', '3']);
    expect(groups['10']).toBeInstanceOf(Collection);
    expect(ids(groups['10'])).toEqual([1, 3]);
    expect(ids(groups[''])).toEqual([2]);
  });

  it('joins number and numeric-string keys and groups Dates by the day (and time) they show, in local time for plain items', () => {
    const groups = new Collection([{ k: 1 }, { k: '1' }, { k: 'a' }]).groupBy('k');
    expect(groups['1'].length).toBe(2);
    const midnight = new Date(2024, 0, 1);
    const morning = new Date(2024, 0, 1, 9, 30);
    const byDay = new Collection([{ at: foreignDate(midnight.toISOString()) }, { at: midnight }, { at: morning }]).groupBy('at');
    expect(Object.keys(byDay)).toEqual(['2024-01-01', '2024-01-01 09:30:00']);
    expect(byDay['2024-01-01'].length).toBe(2);
    // An object makes no key: every one would share "[object Object]".
    expect(() => new Collection([{ author: { id: 1 } }, { author: { id: 2 } }]).groupBy('author')).toThrow(/Collection\.groupBy: a key is .*key by one of its columns, such as 'author\.id'/);
    expect(() => new Collection([{ author: { id: 1 } }]).keyBy('author')).toThrow(ValidationError);
    expect(new Collection(posts()).groupBy((post) => post.published)).toHaveProperty('true');
  });

  it('handles awkward keys and empty collections', () => {
    const groups = new Collection([{ k: '__proto__' }, { k: 'constructor' }]).groupBy('k');
    expect(Object.keys(groups)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(groups)).toBe(Object.prototype);
    expect(new Collection([]).groupBy('k')).toEqual({});
  });
});

describe('Collection.keyBy', () => {
  it('keys items by a column or function, the last one winning', () => {
    const byId = new Collection(posts()).keyBy('id');
    expect(Object.keys(byId)).toEqual(['1', '2', '3', '4']);
    expect(byId['3'].title).toBe('a.b (c)');
    const byViews = new Collection(posts()).keyBy((post) => post.views);
    expect(byViews['10'].id).toBe(3);
    expect(byViews[''].id).toBe(2);
    expect(new Collection([]).keyBy('id')).toEqual({});
  });
});

describe('Collection.unique', () => {
  it('keeps the first item per distinct value', () => {
    expect(new Collection([1, '1', 2, 2, null, undefined, 'a', 'A']).unique().all()).toEqual([1, 2, null, 'a', 'A']);
    expect(ids(new Collection(posts()).unique('views'))).toEqual([1, 2, 4]);
    expect(ids(new Collection(posts()).unique((post) => post.published))).toEqual([1, 2]);
    expect(new Collection([foreignDate('2024-01-01'), new Date('2024-01-01')]).unique().length).toBe(1);
    const item = { id: 1 };
    expect(new Collection([item, item, { id: 1 }]).unique().length).toBe(2);
    expect(new Collection([]).unique().all()).toEqual([]);
  });
});

describe('Collection.chunk', () => {
  it('splits into Collections of the given size', () => {
    const chunks = new Collection([1, 2, 3, 4, 5]).chunk(2);
    expect(chunks).toBeInstanceOf(Collection);
    expect(chunks.map((chunk) => chunk.all()).all()).toEqual([[1, 2], [3, 4], [5]]);
    expect(new Collection([]).chunk(3).length).toBe(0);
    expect(new Collection([1]).chunk(5).get(0)!.all()).toEqual([1]);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => new Collection([1]).chunk(0)).toThrow('Collection.chunk: size must be a positive integer (got 0)');
    expect(() => new Collection([1]).chunk(1.5)).toThrow(ValidationError);
  });
});

describe('Collection.first / last / find', () => {
  const collection = new Collection(posts());

  it('first() returns the first (matching) item or null', () => {
    expect(collection.first()!.id).toBe(1);
    expect(collection.first((post) => !post.published)!.id).toBe(2);
    expect(collection.first((post) => post.id > 9)).toBeNull();
    expect(new Collection([]).first()).toBeNull();
  });

  it('last() returns the last (matching) item or null', () => {
    expect(collection.last()!.id).toBe(4);
    expect(collection.last((post) => post.published)!.id).toBe(3);
    expect(collection.last((_, i) => i === 0)!.id).toBe(1);
    expect(new Collection([]).last()).toBeNull();
  });

  it('find() returns the first matching item or null', () => {
    expect(collection.find((post) => post.author?.name === 'Grace')!.id).toBe(4);
    expect(collection.find(() => false)).toBeNull();
  });

  it('refuses a first/last/find argument that is neither a callback nor a key', () => {
    expect(() => collection.first(2 as unknown as () => boolean)).toThrow('Collection.first: expected a callback, got number (use find(key)');
    expect(() => collection.last('x' as unknown as () => boolean)).toThrow(ValidationError);
    expect(() => collection.find({} as unknown as () => boolean)).toThrow('Collection.find: expected a callback or a primary key, got an object.');
  });
});

describe('Collection.take / skip', () => {
  const collection = new Collection([1, 2, 3, 4]);

  it('take() takes from the start, or from the end when negative', () => {
    expect(collection.take(2).all()).toEqual([1, 2]);
    expect(collection.take(-2).all()).toEqual([3, 4]);
    expect(collection.take(0).all()).toEqual([]);
    expect(collection.take(10).all()).toEqual([1, 2, 3, 4]);
    expect(collection.take(-10).all()).toEqual([1, 2, 3, 4]);
    expect(collection.take('2' as never).all()).toEqual([1, 2]);
    expect(() => collection.take(BigInt(2) as never)).toThrow('Collection.take: expected a number of items, got 2n.');
    expect(() => collection.skip(Symbol('n') as never)).toThrow('Collection.skip: expected a number of items, got Symbol(n).');
  });

  it('skip() drops the first n items', () => {
    expect(collection.skip(1).all()).toEqual([2, 3, 4]);
    expect(collection.skip(0).all()).toEqual([1, 2, 3, 4]);
    expect(collection.skip(9).all()).toEqual([]);
    // A negative count keeps the last items, as Laravel's skip (a slice) does.
    expect(collection.skip(-1).all()).toEqual([4]);
    expect(collection.skip(-9).all()).toEqual([1, 2, 3, 4]);
  });
});

describe("sortBy's direction, as orderBy takes it", () => {
  it("sorts descending with 'desc' (any case) and refuses anything else there, instead of sorting ascending", () => {
    const scores = new Collection([{ s: 2 }, { s: 9 }, { s: 5 }]);
    expect(scores.sortBy('s', 'desc').map((item) => item.s).all()).toEqual([9, 5, 2]);
    expect(scores.sortBy('s', 'DESC' as never).map((item) => item.s).all()).toEqual([9, 5, 2]);
    expect(scores.sortBy('s', 'asc').map((item) => item.s).all()).toEqual([2, 5, 9]);
    expect(() => scores.sortBy('s', 1 as never)).toThrow("Collection.sortBy(key, direction): the direction is 'asc' or 'desc', got 1.");
  });
});
