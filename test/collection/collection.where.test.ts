import { SheetORMError, ValidationError } from '../../src/errors';
import { Collection } from '../../src/collection/Collection';
import { foreignDate, ids, posts } from './fixtures';

describe('Collection.where', () => {
  const collection = new Collection(posts());

  it('matches by loose equality with two arguments', () => {
    expect(ids(collection.where('views', 10))).toEqual([1, 3]);
    expect(ids(collection.where('views', '10'))).toEqual([1, 3]);
    expect(ids(collection.where('views', null))).toEqual([2]);
    expect(ids(collection.where('title', 'zed'))).toEqual([]);
  });

  it('reads dot paths through loaded relations', () => {
    expect(ids(collection.where('author.name', 'Ada'))).toEqual([1]);
    expect(ids(collection.where('author.country', null))).toEqual([2, 3]);
    expect(ids(new Collection([{ id: 9, 'a.b': 1 }]).where('a.b', 1))).toEqual([9]);
  });

  it('applies comparison operators, refusing nulls and other types', () => {
    expect(ids(collection.where('views', '>', 3))).toEqual([1, 3]);
    expect(ids(collection.where('views', '>=', '3'))).toEqual([1, 3, 4]);
    expect(ids(collection.where('views', '<', 10))).toEqual([4]);
    expect(ids(collection.where('views', '<=', 10))).toEqual([1, 3, 4]);
    expect(ids(collection.where('views', '!=', 10))).toEqual([2, 4]);
    expect(ids(collection.where('views', '<>', null))).toEqual([1, 3, 4]);
    expect(ids(collection.where('views', '==', 3))).toEqual([4]);
    expect(ids(collection.where('views', '=', 3))).toEqual([4]);
    expect(ids(collection.where('title', '>', 'b'))).toEqual([1, 4]);
  });

  it("takes Laravel's strict === and !== (same type and value), in where, firstWhere, contains, some and every", () => {
    expect(ids(collection.where('views', '===', 10))).toEqual([1, 3]);
    expect(ids(collection.where('views', '===', '10'))).toEqual([]);
    expect(ids(collection.where('views', '!==', 10))).toEqual([2, 4]);
    expect(ids(collection.where('views', '===', null))).toEqual([2]);
    expect(ids(collection.where('createdAt', '===', foreignDate('2023-05-06')))).toEqual([3]);
    expect(collection.firstWhere('views', '===', 3)?.id).toBe(4);
    expect([collection.contains('views', '===', '3'), collection.some('views', '!==', 3), collection.every('views', '!==', '3')]).toEqual([false, true, true]);
  });

  it('compares Dates by time, including Dates from another realm', () => {
    expect(ids(collection.where('createdAt', '>', foreignDate('2024-01-01')))).toEqual([1, 4]);
    expect(ids(collection.where('createdAt', foreignDate('2023-05-06')))).toEqual([3]);
    const foreign = new Collection([{ id: 7, at: foreignDate('2020-01-01') }]);
    expect(ids(foreign.where('at', '<', new Date('2021-01-01')))).toEqual([7]);
  });

  it('matches LIKE and ILIKE patterns, escaping regex characters', () => {
    expect(ids(collection.where('title', 'like', 'Hello%'))).toEqual([1]);
    expect(ids(collection.where('title', 'like', 'hello%'))).toEqual([]);
    expect(ids(collection.where('title', 'ilike', 'hello%'))).toEqual([1]);
    expect(ids(collection.where('title', 'LIKE', '%\\%%'))).toEqual([2]);
    expect(ids(collection.where('title', 'like', 'a.b (c)'))).toEqual([3]);
    expect(ids(collection.where('title', 'like', 'a_b%'))).toEqual([3]);
    expect(ids(collection.where('title', 'like', '_ed'))).toEqual([4]);
    expect(ids(collection.where('views', 'like', '1%'))).toEqual([1, 3]);
  });

  it('throws on an unknown operator, naming it', () => {
    expect(() => collection.where('views', '=>' as never, 1)).toThrow(/^Collection\.where: Unknown operator "=>" \(valid operators: =, ==/);
    expect(() => collection.where('views', '~' as never, 1)).toThrow(ValidationError);
    expect(() => collection.contains('views', '=>' as never, 1)).toThrow(/^Collection\.contains: Unknown operator "=>"/);
    expect(() => collection.contains('views', '=>' as never, 1)).toThrow(SheetORMError);
  });

  it('returns an empty collection from an empty one', () => {
    expect(new Collection<{ a: number }>([]).where('a', 1).isEmpty()).toBe(true);
  });

  it('refuses an undefined value, as a query does, instead of matching blank cells', () => {
    const missing = ({} as { id?: number }).id;
    expect(() => collection.where('views', missing)).toThrow(new ValidationError("Collection.where('views', undefined): the value is undefined; pass a value, or null for blank cells."));
    expect(() => collection.where('views', '=', missing)).toThrow(ValidationError);
    expect(() => collection.where({ views: missing })).toThrow("Collection.where('views', undefined)");
    expect(() => collection.contains('views', missing)).toThrow("Collection.contains('views', undefined)");
    expect(() => collection.whereIn('views', [10, missing])).toThrow("Collection.whereIn('views', [...]): the item at index 1 is undefined");
    expect(() => collection.whereNotIn('views', [missing])).toThrow(ValidationError);
  });

  it('refuses a function as the value, as a query does, instead of matching nothing', () => {
    const test = (views: unknown) => (views as number) > 10;
    expect(() => collection.where('views', test)).toThrow(
      new ValidationError("Collection.where('views', …): the value is a function; to filter with a function, pass it alone: where(item => …) or filter(item => …)."),
    );
    expect(() => collection.where('views', '>', test)).toThrow(ValidationError);
    expect(() => collection.firstWhere('views', test)).toThrow(/Collection\.firstWhere\('views', …\)/);
  });
});

describe('Collection.whereIn / whereNotIn', () => {
  const collection = new Collection(posts());

  it('keeps items whose column is in the values (loosely)', () => {
    expect(ids(collection.whereIn('id', ['1', 4, 9]))).toEqual([1, 4]);
    expect(ids(collection.whereIn('views', [null]))).toEqual([2]);
    expect(ids(collection.whereIn('id', new Set([3])))).toEqual([3]);
    expect(ids(collection.whereIn('id', []))).toEqual([]);
    expect(ids(collection.whereIn('createdAt', [foreignDate('2025-03-04')]))).toEqual([4]);
  });

  it('keeps items whose column is not in the values', () => {
    expect(ids(collection.whereNotIn('id', ['1', 4]))).toEqual([2, 3]);
    expect(ids(collection.whereNotIn('author.name', ['Ada', null]))).toEqual([2, 4]);
    expect(ids(collection.whereNotIn('id', []))).toEqual([1, 2, 3, 4]);
  });
});

describe('Collection.contains', () => {
  const collection = new Collection(posts());

  it('accepts a callback', () => {
    expect(collection.contains((post) => post.views === 3)).toBe(true);
    expect(collection.contains((post) => post.id > 4)).toBe(false);
  });

  it('accepts a value (loose for scalars, identity for objects)', () => {
    expect(new Collection([1, 2, 3]).contains('2')).toBe(true);
    expect(new Collection([1, 2, 3]).contains(4)).toBe(false);
    expect(new Collection([foreignDate('2024-01-02')]).contains(new Date('2024-01-02'))).toBe(true);
    const items = posts();
    expect(new Collection(items).contains(items[2])).toBe(true);
    expect(collection.contains({ ...items[0] })).toBe(false);
    expect(new Collection([]).contains(undefined)).toBe(false);
  });

  it('accepts a column and a value, or a column, operator and value', () => {
    expect(collection.contains('author.name', 'Grace')).toBe(true);
    expect(collection.contains('title', 'Nope')).toBe(false);
    expect(collection.contains('views', '>', 9)).toBe(true);
    expect(collection.contains('views', '>', 10)).toBe(false);
  });
});
