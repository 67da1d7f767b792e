/** Laravel's firstWhere (the first item `where` would keep) and countBy (counts keyed as groupBy keys). */
import { SheetORMError, ValidationError } from '../../src/errors';
import { Collection } from '../../src/collection/Collection';
import { foreignDate, posts } from './fixtures';
import type { Post } from './fixtures';

const collection = new Collection(posts());
const idOf = (post: Post | null) => (post ? post.id : null);

describe('Collection.firstWhere', () => {
  it('finds the first item whose column loosely equals a value, or null', () => {
    expect(idOf(collection.firstWhere('views', 10))).toBe(1);
    expect(idOf(collection.firstWhere('views', '3'))).toBe(4);
    expect(idOf(collection.firstWhere('views', null))).toBe(2);
    expect(idOf(collection.firstWhere('author.name', 'Grace'))).toBe(4);
    expect(collection.firstWhere('title', 'nothing')).toBeNull();
    expect(new Collection<Post>([]).firstWhere('id', 1)).toBeNull();
  });

  it('returns the item itself', () => {
    expect(collection.firstWhere('id', 3)).toBe(collection[2]);
  });

  it('takes where operators, with where comparisons (dates, like, blanks)', () => {
    expect(idOf(collection.firstWhere('views', '<', 10))).toBe(4);
    expect(idOf(collection.firstWhere('views', '<>', 10))).toBe(2);
    expect(idOf(collection.firstWhere('title', 'ilike', 'z%'))).toBe(4);
    expect(collection.firstWhere('title', 'like', 'z%')).toBeNull();
    expect(idOf(collection.firstWhere('createdAt', '<', foreignDate('2024-01-01')))).toBe(3);
    expect(idOf(collection.firstWhere('createdAt', '>', '2024-06-01'))).toBe(4);
  });

  it('with one argument finds the first item whose value is truthy', () => {
    const items = new Collection([{ id: 1, flag: 0 }, { id: 2, flag: '' }, { id: 3, flag: null }, { id: 4, flag: 'yes' }, { id: 5, flag: 1 }]);
    expect(items.firstWhere('flag')).toEqual({ id: 4, flag: 'yes' });
    expect(idOf(collection.firstWhere('published'))).toBe(1);
    expect(new Collection([{ flag: false }]).firstWhere('flag')).toBeNull();
  });

  it('finds what where(...).first() finds, for every form', () => {
    const forms: unknown[][] = [['views', 10], ['views', '>=', '3'], ['views', '!=', 10], ['author.country', null], ['published'], ['title', 'like', '%o%'], ['id', '>', 9]];
    for (const args of forms) {
      const where = collection.where as (...a: unknown[]) => Collection<Post>;
      const firstWhere = collection.firstWhere as (...a: unknown[]) => Post | null;
      expect([args, firstWhere.apply(collection, args)]).toEqual([args, where.apply(collection, args).first()]);
    }
  });

  it("refuses what where refuses, with where's errors naming firstWhere", () => {
    expect(() => collection.firstWhere('views', '=>' as never, 1)).toThrow(/^Collection\.firstWhere: Unknown operator "=>" \(valid operators: =, ==/);
    expect(() => collection.firstWhere('views', '~' as never, 1)).toThrow(ValidationError);
    expect(() => collection.firstWhere('views', '~' as never, 1)).toThrow(SheetORMError);
    expect(() => collection.firstWhere('views', undefined)).toThrow("Collection.firstWhere('views', undefined): the value is undefined; pass a value, or null for blank cells.");
    expect(() => collection.firstWhere('views', [10])).toThrow(/^Collection\.firstWhere: cannot compare with an array; use whereIn/);
    expect(() => collection.firstWhere(7 as never, 1)).toThrow('Collection.firstWhere: expected a column, an object of column values or a callback, got number.');
  });

  it('types its result as the item type and checks operator literals', () => {
    const found: Post | null = collection.firstWhere('views', '>', 1);
    // @ts-expect-error an unknown operator literal
    expect(() => collection.firstWhere('views', '=~', 1)).toThrow(ValidationError);
    expect(idOf(found)).toBe(1);
  });
});

describe('Collection.countBy', () => {
  it('counts the items holding each value of a column, keyed by its text', () => {
    expect(collection.countBy('published')).toEqual({ true: 2, false: 2 });
    expect(collection.countBy('views')).toEqual({ '10': 2, '': 1, '3': 1 });
    expect(collection.countBy('author.country')).toEqual({ UK: 1, '': 2, US: 1 });
  });

  it('counts the items themselves without an argument (or null), as Laravel', () => {
    const values = new Collection([1, '1', 2, 'a', null, undefined, '', 'a']);
    expect(values.countBy()).toEqual({ '1': 2, '2': 1, a: 2, '': 3 });
    expect(values.countBy(null)).toEqual(values.countBy());
    const day = new Date(2024, 0, 1);
    expect(new Collection([foreignDate(day.toISOString()), day]).countBy()).toEqual({ '2024-01-01': 2 });
  });

  it('counts by a derived value (the callback gets item, index and collection) or an index of array items', () => {
    const seen: unknown[] = [];
    const counts = collection.countBy((post, index, items) => {
      seen.push([index, items === collection]);
      return post.title.length > 5 ? 'long' : 'short';
    });
    expect(counts).toEqual({ long: 3, short: 1 });
    expect(seen).toEqual([[0, true], [1, true], [2, true], [3, true]]);
    expect(new Collection([['x', 'b'], ['y', 'a'], ['z', 'b']]).countBy(1)).toEqual({ b: 2, a: 1 });
  });

  it("agrees with groupBy's keys, their order and their sizes", () => {
    const keys = ['views', 'createdAt', 'published', 'author.name', (post: Post) => post.createdAt] as const;
    for (const key of keys) {
      const groups = collection.groupBy(key);
      const sizes = Object.fromEntries(Object.keys(groups).map((name) => [name, groups[name].length]));
      expect(collection.countBy(key)).toEqual(sizes);
      expect(Object.keys(collection.countBy(key))).toEqual(Object.keys(groups));
    }
  });

  it('handles awkward keys and empty collections', () => {
    const counts = new Collection(['__proto__', 'constructor', '__proto__']).countBy();
    expect(Object.keys(counts)).toEqual(['__proto__', 'constructor']);
    expect(counts.__proto__).toBe(2);
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
    expect(new Collection([]).countBy('k')).toEqual({});
  });

  it("refuses a key that is no column, index or function, with groupBy's message", () => {
    expect(() => collection.countBy({} as never)).toThrow(/^Collection\.countBy: each key is a column, a dot path, an index or a function, got an object\.$/);
    expect(() => collection.countBy(-1 as never)).toThrow(ValidationError);
  });

  it('types its result as counts', () => {
    const counts: Record<string, number> = collection.countBy('views');
    expect(counts['10']).toBe(2);
  });
});
