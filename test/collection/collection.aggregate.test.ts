import { Collection } from '../../src/collection/Collection';
import { foreignDate, posts } from './fixtures';

describe('Collection.pluck', () => {
  it('collects a column or dot path', () => {
    const collection = new Collection(posts());
    expect(collection.pluck('views')).toBeInstanceOf(Collection);
    expect(collection.pluck('views').all()).toEqual([10, null, 10, 3]);
    // What an item does not hold plucks null, as Laravel's data_get (a function's result is kept as it is).
    expect(collection.pluck('author.name').all()).toEqual(['Ada', 'Linus', null, 'Grace']);
    expect(collection.pluck('missing').all()).toEqual([null, null, null, null]);
    expect(collection.pluck(() => undefined).all()).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Collection([]).pluck('x').all()).toEqual([]);
  });
});

describe('Collection.sum', () => {
  it('adds items, a column or derived values, skipping non-numbers', () => {
    const collection = new Collection(posts());
    expect(collection.sum('views')).toBe(23);
    expect(collection.sum((post) => post.id)).toBe(10);
    expect(new Collection([1, '2', null, undefined, 'x', '', NaN, true, 3.5]).sum()).toBe(6.5);
    expect(new Collection([]).sum()).toBe(0);
    expect(new Collection([{ price: '1.5' }, { price: 2 }]).sum('price')).toBe(3.5);
  });

  it('counts text as a number exactly when where() would (padded digits yes; codes such as 00123 or +5 no)', () => {
    const stock = new Collection([{ qty: 10 }, { qty: '5' }, { qty: '7 ' }, { qty: ' 3' }, { qty: '00123' }, { qty: '+5' }, { qty: '1e3' }]);
    expect(stock.sum('qty')).toBe(25);
    expect(stock.avg('qty')).toBe(6.25);
    expect(stock.where('qty', '>', 0).sum('qty')).toBe(stock.where('qty', '>', 0).pluck('qty').all().reduce((sum: number, qty) => sum + Number(qty), 0));
  });
});

describe('Collection.avg', () => {
  it('averages the numeric values only', () => {
    expect(new Collection(posts()).avg('views')).toBeCloseTo(23 / 3);
    expect(new Collection([2, null, '4']).avg()).toBe(3);
    expect(new Collection([]).avg()).toBeNull();
    expect(new Collection([null, undefined]).avg()).toBeNull();
  });
});

describe('Collection.min', () => {
  it('returns the smallest non-null value, or null', () => {
    const collection = new Collection(posts());
    expect(collection.min('views')).toBe(3);
    expect(collection.min('title')).toBe('100% pure');
    expect(collection.min('createdAt')).toEqual(new Date('2023-05-06'));
    expect(collection.min((post) => post.id * -1)).toBe(-4);
    expect(new Collection([null, '10', 9, undefined]).min()).toBe(9);
    expect(new Collection([]).min()).toBeNull();
    expect(new Collection([null]).min()).toBeNull();
  });

  it('compares Dates from another realm by time', () => {
    const dates = new Collection([foreignDate('2024-01-01'), new Date('2023-01-01'), foreignDate('2022-01-01')]);
    expect(dates.min()!.getTime()).toBe(Date.parse('2022-01-01'));
  });
});

describe('Collection.max', () => {
  it('returns the largest non-null value, or null', () => {
    const collection = new Collection(posts());
    expect(collection.max('views')).toBe(10);
    expect(collection.max('createdAt')).toEqual(new Date('2025-03-04'));
    expect(collection.max('author.name')).toBe('Linus');
    expect(new Collection([null, '10', 9, NaN]).max()).toBe(10); // numeric text counts as its number, as in sum(), and comes back as one
    // Text that is no number (a typed "TBD", an error a formula shows) is skipped among numbers, as Sheets' MAX does; min agrees.
    expect(new Collection([1200, 'TBD', '#VALUE!', 900, true]).max()).toBe(1200);
    expect(new Collection([1200, 'TBD', 900]).min()).toBe(900);
    expect(new Collection([new Date('2024-01-01'), 'soon', new Date('2023-01-01')]).max()).toEqual(new Date('2024-01-01'));
    expect(new Collection([new Date('2024-01-01'), 7, new Date('2023-01-01'), new Date('2022-01-01'), '5']).max()).toEqual(new Date('2024-01-01'));
    expect(new Collection([new Date('2024-01-01'), 7, new Date('2023-01-01')]).min()).toEqual(new Date('2023-01-01'));
    expect(new Collection(['b', 'a']).max()).toBe('b');
    expect(new Collection<number>([]).max()).toBeNull();
  });
});
