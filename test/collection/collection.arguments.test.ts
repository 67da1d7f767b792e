/** The argument forms users bring from queries, Laravel and Array: each does what it means or is refused. */
import { ValidationError } from '../../src/errors';
import { Collection } from '../../src/collection/Collection';
import { ids, posts } from './fixtures';

const collection = () => new Collection(posts());

describe('Collection.where forms', () => {
  it('where({...}) keeps the items whose columns loosely equal every value', () => {
    expect(ids(collection().where({ views: 10 }))).toEqual([1, 3]);
    expect(ids(collection().where({ views: '10', published: true, 'author.name': 'Ada' }))).toEqual([1]);
    expect(ids(collection().where({}))).toEqual([1, 2, 3, 4]);
  });

  it('where(fn) filters with the callback, as a query group would select', () => {
    expect(ids(collection().where((post) => post.views === 10 && post.author === null))).toEqual([3]);
  });

  it('where(col) keeps the items whose column is truthy (Laravel)', () => {
    expect(ids(collection().where('published'))).toEqual([1, 3]);
    expect(ids(collection().where('author'))).toEqual([1, 2, 4]);
  });

  it('refuses a list to compare with, and a column that is neither text, object nor callback', () => {
    expect(() => collection().where('id', [1, 2])).toThrow(ValidationError);
    expect(() => collection().where('id', [1, 2])).toThrow(/use whereIn/);
    expect(() => collection().where(7 as unknown as string)).toThrow(/expected a column, an object of column values or a callback, got number/);
  });
});

describe('Collection.whereIn / whereNotIn arguments', () => {
  it('refuse a missing or object column, as where does, rather than keep nothing', () => {
    for (const col of [null, undefined, {}]) {
      expect(() => collection().whereIn(col as unknown as string, [1])).toThrow(ValidationError);
      expect(() => collection().whereNotIn(col as unknown as string, [1])).toThrow(/Collection\.whereNotIn: /);
    }
    expect(ids(collection().whereIn(((post: { views: unknown }) => post.views) as unknown as string, [10]))).toEqual([1, 3]);
  });

  it('take any iterable of values', () => {
    expect(ids(collection().whereIn('id', new Set([2, '4'])))).toEqual([2, 4]);
    expect(ids(collection().whereNotIn('id', Collection.of(1, 2)))).toEqual([3, 4]);
  });

  it.each([[1], ['First'], [null], [{}], [undefined], [new Map([[1, 1]])]])('refuse %p with a ValidationError', (values) => {
    expect(() => collection().whereIn('id', values as unknown as number[])).toThrow(ValidationError);
    expect(() => collection().whereNotIn('id', values as unknown as number[])).toThrow(/Collection\.whereNotIn\('id', …\): expected an array or a Set of values/);
  });
});

describe('callbacks get what Array passes them', () => {
  it('map, filter, reduce, some, every, each, first and find pass the collection as the third argument', () => {
    const items = collection();
    const seen: unknown[] = [];
    items.map((_, i, all) => seen.push(all === items && i));
    items.filter((_, i, all) => seen.push(all === items && i));
    items.reduce((sum, _, i, all) => (seen.push(all === items && i), sum), 0);
    items.some((_, i, all) => (seen.push(all === items && i), false));
    items.every((_, i, all) => seen.push(all === items && i));
    items.each((_, i, all) => {
      seen.push(all === items && i);
    });
    items.first((_, i, all) => (seen.push(all === items && i), false));
    expect(seen.filter((entry) => entry === false)).toEqual([]);
    expect(seen).toHaveLength(7 * 4);
  });

  it('keeps the dedupe idiom working, and honours thisArg', () => {
    const views = collection().pluck('views');
    expect(views.filter((v, i, all) => all.indexOf(v) === i).all()).toEqual([10, null, 3]);
    const scale = { by: 2 };
    expect(collection().map(function (this: typeof scale, post) { return (post.views ?? 0) * this.by; }, scale).all()).toEqual([20, 0, 20, 6]);
  });

  it("leaves Array's values() iterator alone", () => {
    const values = collection().values();
    expect(values.next().value.id).toBe(1);
    expect(Array.from(collection().sortBy('id').values(), (post) => post.id)).toEqual([1, 2, 3, 4]);
  });

  it('pluck(fn) collects the derived values', () => {
    expect(collection().pluck((post) => post.title.length).all()).toEqual([11, 9, 7, 3]);
  });
});

describe('methods that take a callback refuse anything else with a ValidationError', () => {
  it.each(['each', 'map', 'reduce'])('%s() without a callback', (method) => {
    const items = new Collection([{ id: 1 }]) as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(() => items[method]()).toThrow(ValidationError);
    expect(() => items[method]('id')).toThrow(`Collection.${method}: expected a callback, got string.`);
  });

  it('filter() alone keeps the truthy items; filter(text) is refused', () => {
    expect(new Collection([0, 1, '', 'a']).filter().all()).toEqual([1, 'a']);
    expect(() => new Collection([{ title: 'a' }]).filter('title' as never)).toThrow('Collection.filter: expected a callback, got string.');
  });
});

describe('a null key means the items themselves (Laravel)', () => {
  const numbers = () => new Collection([1, 2, 3, 2]);
  it('for sum, avg, min, max and unique', () => {
    expect(numbers().sum(null)).toBe(8);
    expect(numbers().avg(null)).toBe(2);
    expect(numbers().min(null as unknown as string)).toBe(1);
    expect(numbers().max(null as unknown as string)).toBe(3);
    expect(numbers().unique(null).all()).toEqual([1, 2, 3]);
  });

  it('and any other kind of key is refused, not read as a column that is never there', () => {
    expect(() => collection().unique({} as unknown as string)).toThrow(/Collection\.unique: each key is a column/);
    expect(() => collection().sum({} as unknown as string)).toThrow(ValidationError);
    expect(() => collection().max(true as unknown as string)).toThrow(/Collection\.max: /);
  });
});
