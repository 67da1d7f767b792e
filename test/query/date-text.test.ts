/** ISO date text compares with Date cells as that date (what `e.parameter` of a doGet hands over). */
import { Model } from '../../src';
import { Collection } from '../../src/collection/Collection';
import { isoDateOf } from '../../src/collection/compare';
import { seedSheets } from '../support/seed';

class Order extends Model {
  static _table = 'Orders';
}

// Without a zone, date text is local time: in Apps Script, the script's time zone.
const local = (month: number, day: number, hour = 0) => new Date(2024, month - 1, day, hour);

beforeEach(() =>
  seedSheets({
    Orders: [
      ['id', 'placed_at', 'note'],
      [1, local(1, 1), '2024-01-01'],
      [2, local(2, 1), 'b'],
      [3, local(2, 1, 9), 'c'],
      [4, '', '2024-03-01'],
    ],
  }),
);

const ids = (orders: { pluck(column: string): { all(): unknown[] } }) => orders.pluck('id').all();

it('where and whereBetween compare date text with Date cells as dates', () => {
  expect(ids(Order.where('placed_at', '>=', '2024-01-15'))).toEqual([2, 3]);
  expect(ids(Order.where('placed_at', '<', '2024-02-01'))).toEqual([1]);
  expect(ids(Order.where('placed_at', '2024-02-01'))).toEqual([2]);
  expect(ids(Order.where('placed_at', '!=', '2024-02-01'))).toEqual([1, 3, 4]);
  expect(ids(Order.where('placed_at', '2024-02-01T09:00'))).toEqual([3]);
  expect(ids(Order.query().whereBetween('placed_at', ['2024-01-01', '2024-02-01']))).toEqual([1, 2]);
  expect(ids(Order.where('placed_at', local(2, 1, 9).toISOString()))).toEqual([3]);
});

it('text cells still compare as text, and other text is not a date', () => {
  expect(ids(Order.where('note', '2024-01-01'))).toEqual([1]);
  expect(ids(Order.where('note', '<', '2024-02'))).toEqual([1]);
  expect(ids(Order.where('placed_at', '>', 'Feb 2024'))).toEqual([]);
});

it('Collections compare the same way', () => {
  const orders = new Collection(Order.all());
  expect(ids(orders.where('placed_at', '>', '2024-01-15'))).toEqual([2, 3]);
  expect(ids(orders.where('placed_at', '2024-01-01'))).toEqual([1]);
});

it('reads ISO dates and date-times, zones included, and nothing else', () => {
  expect(isoDateOf('2024-02-29')).toEqual(new Date(2024, 1, 29));
  expect(isoDateOf('2024-02-01T09:30:15.5')).toEqual(new Date(2024, 1, 1, 9, 30, 15, 500));
  expect(isoDateOf('2024-02-01T09:30Z')).toEqual(new Date(Date.UTC(2024, 1, 1, 9, 30)));
  expect(isoDateOf('2024-02-01T09:30+02:00')).toEqual(new Date(Date.UTC(2024, 1, 1, 7, 30)));
  expect(isoDateOf('2024-02-01 09:30-0500')).toEqual(new Date(Date.UTC(2024, 1, 1, 14, 30)));
  for (const text of ['2023-02-29', '2024-13-01', '2024-1-5', '2024-02-01T25:00', '20240201', 'x2024-02-01']) expect(isoDateOf(text)).toBeNull();
});
