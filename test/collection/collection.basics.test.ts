import { SheetORMError, ValidationError } from '../../src/errors';
import { Collection } from '../../src/collection/Collection';
import { foreignDate, ids, posts } from './fixtures';

describe('Collection basics', () => {
  it('copies the array it is given and accepts any iterable', () => {
    const source = [1, 2];
    const collection = new Collection(source);
    source.push(3);
    expect(collection.all()).toEqual([1, 2]);
    expect(new Collection(new Set(['a', 'b'])).all()).toEqual(['a', 'b']);
    expect(new Collection().all()).toEqual([]);
    expect(() => new Collection(null as unknown as number[])).toThrow('new Collection(): expected an array or iterable, got null');
    expect(() => new (Collection as unknown as new (...items: number[]) => unknown)(1, 2, 3)).toThrow('new Collection(): expected one array or iterable, got 3 arguments; use Collection.of(...items)');
    expect(Collection.of(1, 2, 3).all()).toEqual([1, 2, 3]);
    expect(() => new Collection(5.5 as unknown as number[])).toThrow(ValidationError);
    expect(() => new Collection(-1 as unknown as number[])).toThrow(SheetORMError);
  });

  it('is an Array: index access, length, Array.isArray and Array helpers', () => {
    const collection = new Collection(['a', 'b', 'c']);
    expect(collection.length).toBe(3);
    expect([collection[0], collection[2], collection[3]]).toEqual(['a', 'c', undefined]);
    expect(Array.isArray(collection)).toBe(true);
    expect(collection).toEqual(['a', 'b', 'c']);
    const seen: string[] = [];
    collection.forEach((item, i) => seen.push(`${i}${item}`));
    expect(seen).toEqual(['0a', '1b', '2c']);
    expect([collection.indexOf('b'), collection.includes('c'), collection.findIndex((item) => item === 'c')]).toEqual([1, true, 2]);
    expect(new Collection([]).length).toBe(0);
  });

  it("makes plain arrays from Array's own methods, and Collections from its own and from slice and concat (as Laravel's)", () => {
    const collection = new Collection([1, 2, 3]);
    expect(collection.slice(1)).toBeInstanceOf(Collection);
    expect(collection.slice(1).all()).toEqual([2, 3]);
    expect(collection.concat([4], 5, new Collection([6]))).toBeInstanceOf(Collection);
    expect(collection.concat([4], 5, new Collection([6])).all()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(collection.all()).toEqual([1, 2, 3]);
    // flatMap is Laravel's too: a Collection, lists (Collections among them) flattened one level.
    expect(collection.flatMap((n) => [n, n * 10])).toBeInstanceOf(Collection);
    expect(collection.flatMap((n) => (n === 2 ? new Collection([n, n]) : n)).sum()).toBe(8);
    expect(collection.flat()).not.toBeInstanceOf(Collection);
    expect(collection.map((n) => n * 2)).toBeInstanceOf(Collection);
    expect(Collection.of(1, 2)).toBeInstanceOf(Collection);
    expect(Collection.of(1, 2).all()).toEqual([1, 2]);
    const tens = Collection.from(new Set([1, 2]), (n) => n * 10);
    expect(tens).toBeInstanceOf(Collection);
    expect(tens.sum()).toBe(30);
    expect(Collection.from({ length: 2, 0: 'a', 1: 'b' }).all()).toEqual(['a', 'b']);
    const scale = { by: 3 };
    expect(Collection.from([1, 2], function (this: typeof scale, n) { return n * this.by; }, scale).all()).toEqual([3, 6]);
    expect(() => Collection.from([1], 'x' as never)).toThrow(/Collection\.from: expected a callback, got string/);
    const wrapped = [4, 5];
    expect(Collection.wrap(wrapped)).toBe(wrapped);
    expect(wrapped).toBeInstanceOf(Collection);
  });

  it('is iterable', () => {
    expect([...new Collection(['a', 'b'])]).toEqual(['a', 'b']);
    const [first, ...rest] = new Collection(posts());
    expect(first.id).toBe(1);
    expect(ids(rest)).toEqual([2, 3, 4]);
  });

  it('reads items with get(), negative from the end', () => {
    const collection = new Collection(['a', 'b', 'c']);
    expect(collection.get(0)).toBe('a');
    expect(collection.get(-1)).toBe('c');
    expect(collection.get(3)).toBeNull();
    expect(collection.get(-4)).toBeNull();
    expect(collection.get(1.5)).toBeNull();
  });

  it('each() visits items with their index, stops on false and returns the collection', () => {
    const collection = new Collection(['a', 'b', 'c']);
    const seen: string[] = [];
    expect(collection.each((item, i) => void seen.push(`${i}${item}`))).toBe(collection);
    expect(seen).toEqual(['0a', '1b', '2c']);
    const stopped: string[] = [];
    collection.each((item) => (stopped.push(item), item !== 'b'));
    expect(stopped).toEqual(['a', 'b']);
  });

  it('map() returns a new Collection', () => {
    const mapped = new Collection(posts()).map((post, i) => `${i}:${post.title}`);
    expect(mapped).toBeInstanceOf(Collection);
    expect(mapped.get(1)).toBe('1:100% pure');
    expect(new Collection<number>([]).map((n) => n * 2).all()).toEqual([]);
  });

  it('filter() keeps accepted items, or truthy items without a callback', () => {
    expect(ids(new Collection(posts()).filter((post) => post.published))).toEqual([1, 3]);
    expect(new Collection([0, 1, '', 'a', null, false, true]).filter().all()).toEqual([1, 'a', true]);
  });

  it('reject() drops accepted items', () => {
    expect(ids(new Collection(posts()).reject((post) => post.published))).toEqual([2, 4]);
  });

  it('reduce() folds from the initial value, or from the first item as Array does', () => {
    expect(new Collection(posts()).reduce((total, post, i) => total + post.id * i, 0)).toBe(0 + 2 + 6 + 12);
    expect(new Collection<number>([]).reduce((a, b) => a + b, 7)).toBe(7);
    expect(new Collection([1, 2, 3]).reduce((a, b) => a + b)).toBe(6);
    expect(new Collection(['a', 'b']).reduce((a, b, i) => `${a}${b}${i}`)).toBe('ab1');
    expect(new Collection<number>([]).reduce((a, b) => a + b)).toBeNull();
    expect(() => new Collection([1]).reduce(undefined as unknown as (a: number, b: number) => number)).toThrow(ValidationError);
  });

  it('some() and every()', () => {
    const collection = new Collection(posts());
    expect(collection.some((post) => post.views === null)).toBe(true);
    expect(collection.every((post) => post.id > 0)).toBe(true);
    expect(collection.every((post) => post.published)).toBe(false);
    expect(new Collection([]).some(() => true)).toBe(false);
    expect(new Collection([]).every(() => false)).toBe(true);
  });

  it("some(), every() and reject() take Laravel's forms besides a callback", () => {
    const collection = new Collection(posts());
    expect([collection.some('published', true), collection.some('views', '>', 1000), collection.some('views', null)]).toEqual([true, false, true]);
    expect([collection.every('id'), collection.every('published'), collection.every('id', '>=', 1), collection.every('id', '<', 4)]).toEqual([true, false, true, false]);
    expect([new Collection([1, 2]).some(2), new Collection([1, 2]).some('3'), new Collection(['2']).some(2)]).toEqual([true, false, true]);
    expect(new Collection([1, 2, 3, 2]).reject(2).all()).toEqual([1, 3]);
    const thisArg = { wanted: 2 };
    expect(new Collection([1, 2]).some(function (this: typeof thisArg, n) { return n === this.wanted; }, thisArg)).toBe(true);
    for (const method of ['some', 'every', 'reject'] as const) {
      const items = new Collection([{ id: 1 }]) as unknown as Record<string, (...args: unknown[]) => unknown>;
      expect(() => items[method]()).toThrow(`Collection.${method}: expected a callback, a value, or (column, value), got nothing.`);
    }
    expect(() => collection.every('views', 'about' as never, 1)).toThrow(ValidationError);
  });

  it('count(), isEmpty() and isNotEmpty()', () => {
    expect(new Collection(posts()).count()).toBe(4);
    // With a function, the items it accepts (a common JavaScript reading of count(fn)).
    expect(new Collection(posts()).count((post) => post.views === null)).toBe(1);
    expect(new Collection(posts()).count((_, i) => i < 3)).toBe(3);
    expect(() => new Collection(posts()).count('views' as never)).toThrow(/Collection\.count: expected nothing or a function/);
    expect(new Collection([]).isEmpty()).toBe(true);
    expect(new Collection([]).isNotEmpty()).toBe(false);
    expect(new Collection([null]).isNotEmpty()).toBe(true);
  });

  it('all() and toArray() return fresh plain arrays', () => {
    const collection = new Collection([1, 2]);
    const array = collection.all();
    array.push(3);
    expect(collection.toArray()).toEqual([1, 2]);
    expect(Array.isArray(collection.toArray())).toBe(true);
    expect(collection.toArray()).not.toBe(collection.toArray());
  });

  it('toJSON() converts items that have toJSON and keeps the rest', () => {
    const model = { id: 1, secret: 'x', toJSON: () => ({ id: 1, tags: new Collection([{ name: 't' }]).toJSON() }) };
    const plain = { id: 2 };
    const json = new Collection<unknown>([model, plain, 3, null, foreignDate('2024-01-02')]).toJSON();
    expect(json).toEqual([{ id: 1, tags: [{ name: 't' }] }, plain, 3, null, '2024-01-02T00:00:00.000Z']);
    expect(json[1]).toBe(plain);
    expect(JSON.stringify(new Collection([model]))).toBe('[{"id":1,"tags":[{"name":"t"}]}]');
  });

  it('join() joins the items as text', () => {
    expect(new Collection(['a', 'b', 'c']).join(', ')).toBe('a, b, c');
    expect(new Collection([1, null, undefined, foreignDate('2024-01-02')]).join()).toBe('1,,,2024-01-02T00:00:00.000Z');
    expect(new Collection([]).join('-')).toBe('');
    // Laravel's finalGlue goes before the last item.
    expect(new Collection(['a', 'b', 'c']).join(', ', ' and ')).toBe('a, b and c');
    expect(new Collection(['a', 'b']).join(', ', ' and ')).toBe('a and b');
    expect(new Collection(['a']).join(', ', ' and ')).toBe('a');
  });

  it('implode() joins one column', () => {
    const collection = new Collection(posts());
    expect(collection.implode('id', '|')).toBe('1|2|3|4');
    expect(collection.implode('author.name', ', ')).toBe('Ada, Linus, , Grace');
    expect(collection.implode((post) => post.title.length, ',')).toBe('11,9,7,3');
    // Laravel's default glue is ''.
    expect(collection.implode('id')).toBe('1234');
  });

  it('implode(glue) on plain values joins them, as Laravel does (pluck(...).implode(", "))', () => {
    expect(new Collection(posts()).pluck('title').implode(', ')).toBe(posts().map((post) => post.title).join(', '));
    expect(new Collection([1, 2]).implode('-')).toBe('1-2');
    expect(new Collection([foreignDate('2024-01-02')]).implode('; ')).toBe('2024-01-02T00:00:00.000Z');
    expect(new Collection([]).implode(', ')).toBe('');
    // Laravel ignores a second argument over plain values.
    expect(new Collection([1, 2, 3]).implode(', ', '-')).toBe('1, 2, 3');
  });
});

test('Collection.wrap takes the array over without copying; the constructor copies', () => {
  const items = [1, 2];
  const wrapped = Collection.wrap(items);
  const copied = new Collection(items);
  items.push(3);
  expect(wrapped.all()).toEqual([1, 2, 3]);
  expect(copied.all()).toEqual([1, 2]);
});

test("get, first, last and find take Laravel's default for nothing found (a function is called)", () => {
  const letters = new Collection(['a', 'b', 'c']);
  expect([letters.get(5, 'z'), letters.get(-1, 'z'), letters.get(9)]).toEqual(['z', 'c', null]);
  expect([letters.first((x) => x > 'b', 'z'), letters.first((x) => x > 'c', 'z'), letters.first(null, 'z'), letters.first()]).toEqual(['c', 'z', 'a', 'a']);
  expect([letters.last((x) => x < 'b', 'z'), letters.last((x) => x > 'c', () => 'made'), new Collection<string>([]).last(null, 'z')]).toEqual(['a', 'made', 'z']);
  // With a callback, the second argument is Array's thisArg, not a default.
  expect(letters.find(function (this: { want: string }, x) { return x === this.want; }, { want: 'b' })).toBe('b');
  expect(letters.find((x) => x === 'q', { want: 'q' })).toBeNull();
  expect(new Collection([0]).first(undefined, 'z')).toBe(0);
});

describe('a Collection built from a length', () => {
  it('is empty slots, as new Array(n), so a failed toEqual shows its diff', () => {
    const sized = new Collection(3 as unknown as number[]);
    expect(sized.length).toBe(3);
    expect(sized).toBeInstanceOf(Collection);
    let message = '';
    try {
      expect(new Collection([1, 2]).map((n) => n)).toEqual([1, 3]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/Expected/);
    expect(message).not.toMatch(/new Collection\(\)/);
  });
});
