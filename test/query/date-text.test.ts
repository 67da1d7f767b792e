/** ISO date text compares with Date cells as that date (what `e.parameter` of a doGet hands over). */
import { Model } from '../../src';
import { Collection } from '../../src/collection/Collection';
import { isoDateOf } from '../../src/collection/compare';
import { cleanup, gas, seedSheets } from '../support/seed';

class Order extends Model {
  static _table = 'Orders';
}
class Item extends Model {
  static _table = 'Items';
  orders() {
    return this.manyToMany(Order, { pivotTable: 'OrderItems', pivotColumns: ['added'] });
  }
}

// Midnight of a day in New York (UTC-5 in winter), where the spreadsheet is, whatever the process's zone.
const newYork = (month: number, day: number, hour = 0) => new Date(Date.UTC(2024, month - 1, day, hour + 5));

beforeEach(() =>
  seedSheets(
    {
      Orders: [
        ['id', 'placed_at', 'note'],
        [1, newYork(1, 1), '2024-01-01'],
        [2, newYork(2, 1), 'b'],
        [3, newYork(2, 1, 9), 'c'],
        [4, '', '2024-03-01'],
      ],
      Items: [['id'], [1]],
      OrderItems: [['item_id', 'order_id', 'added'], [1, 1, newYork(1, 15)], [1, 2, newYork(1, 16)]],
    },
    { timeZone: 'America/New_York' },
  ),
);

const ids = (orders: { pluck(column: string): { all(): unknown[] } }) => orders.pluck('id').all();

it("queries read date text without a zone in the spreadsheet's time zone", () => {
  expect(ids(Order.where('placed_at', '>=', '2024-01-15'))).toEqual([2, 3]);
  expect(ids(Order.where('placed_at', '<', '2024-02-01'))).toEqual([1]);
  expect(ids(Order.where('placed_at', '2024-02-01'))).toEqual([2]);
  expect(ids(Order.query().whereNot('placed_at', '2024-02-01'))).toEqual([1, 3, 4]);
  expect(ids(Order.where('placed_at', '2024-02-01T09:00'))).toEqual([3]);
  expect(ids(Order.query().whereBetween('placed_at', ['2024-01-01', '2024-02-01']))).toEqual([1, 2]);
  expect(ids(Order.where('placed_at', newYork(2, 1, 9).toISOString()))).toEqual([3]);
  expect(gas().calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBeGreaterThan(0);
});

it("like matches a Date cell as the wall time the spreadsheet shows, in its time zone", () => {
  expect(ids(Order.where('placed_at', 'like', '%T09:00%'))).toEqual([3]);
  expect(ids(Order.where('placed_at', 'like', '2024-02-01T00:00:00%'))).toEqual([2]);
  expect(ids(Order.where('placed_at', 'like', '2024-02%'))).toEqual([2, 3]);
  expect(ids(Order.where('placed_at', 'like', '%Z'))).toEqual([]);
  expect(ids(Order.where('note', 'like', '2024-0_-01'))).toEqual([1, 4]);
});

it('whereIn and whereNotIn agree with where, so a whereNotIn delete keeps the rows it names', () => {
  expect(ids(Order.query().whereIn('placed_at', ['2024-01-01', '2024-02-01']))).toEqual([1, 2]);
  expect(ids(Order.query().whereNotIn('placed_at', ['2024-01-01']))).toEqual([2, 3, 4]);
  Order.query().whereNotIn('placed_at', ['2024-01-01']).delete();
  expect(gas().sheetValues('Orders').map((row) => row[0])).toEqual(['id', 1]);
});

it('pivot conditions read date text the same way', () => {
  const item = Item.findOrFail(1);
  expect(ids(item.related('orders').query().wherePivot('added', '2024-01-15'))).toEqual([1]);
  expect(ids(item.related('orders').query().wherePivot('added', '>', '2024-01-15'))).toEqual([2]);
});

it('date text that names its zone needs no spreadsheet zone', () => {
  gas().calls.reset();
  expect(ids(Order.where('placed_at', newYork(2, 1, 9).toISOString()))).toEqual([3]);
  expect(ids(Order.where('placed_at', '<', '2024-02-01T00:00:00-05:00'))).toEqual([1]);
  expect(ids(Order.query().whereIn('placed_at', ['2024-02-01T05:00:00Z', '2024-01-01T05:00Z']))).toEqual([1, 2]);
  expect(gas().calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
  // One text without a zone in the list asks for it.
  expect(ids(Order.query().whereIn('placed_at', ['2024-02-01T05:00:00Z', '2024-01-01']))).toEqual([1, 2]);
  expect(gas().calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
});

it('text cells still compare as text, other text is no date, and no zone is asked without date text', () => {
  gas().calls.reset();
  expect(ids(Order.where('note', '2024-01-01'))).toEqual([1]);
  expect(ids(Order.where('note', '<', '2024-02'))).toEqual([1]);
  expect(ids(Order.where('placed_at', '>', 'Feb 2024'))).toEqual([]);
  expect(ids(Order.query().whereIn('note', ['2024-03-01']))).toEqual([4]);
  expect(gas().calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
});

it("Collections read date text without a zone in local time (in Apps Script, the script's zone)", () => {
  const local = (month: number, day: number) => new Date(2024, month - 1, day);
  const orders = new Collection([{ id: 1, at: local(1, 1) }, { id: 2, at: local(2, 1) }, { id: 3, at: '2024-01-01' }]);
  expect(ids(orders.where('at', '>', '2024-01-15'))).toEqual([2]);
  expect(ids(orders.where('at', '2024-01-01'))).toEqual([1, 3]);
  expect(ids(orders.whereIn('at', ['2024-02-01']))).toEqual([2]);
  expect(ids(orders.whereNotIn('at', ['2024-01-01']))).toEqual([2]);
  const morning = new Collection([{ id: 4, at: new Date(2024, 0, 31, 9, 30) }]);
  expect(ids(morning.where('at', 'like', '2024-01-31T09:30%'))).toEqual([4]);
});

it("Collections of models read date text in their spreadsheet's time zone, as the models' queries do", () => {
  // A spreadsheet zone other than the process's, whatever that is, so that local time would differ.
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = local === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo';
  const hoursAhead = zone === 'Asia/Tokyo' ? 9 : -5;
  const wall = (day: number, hour = 0) => new Date(Date.UTC(2024, 1, day, hour - hoursAhead));
  seedSheets({ Orders: [['id', 'placed_at'], [1, wall(1)], [2, wall(2)], [3, wall(2, 9)]] }, { timeZone: zone });
  const orders = Order.all();
  gas().calls.reset();
  expect(ids(orders.where('placed_at', '>=', '2024-02-02'))).toEqual(ids(Order.where('placed_at', '>=', '2024-02-02')));
  expect(ids(orders.where('placed_at', '>=', '2024-02-02'))).toEqual([2, 3]);
  expect(ids(orders.where('placed_at', '2024-02-01'))).toEqual([1]);
  expect(ids(orders.where({ placed_at: '2024-02-02' }))).toEqual([2]);
  expect(ids(orders.whereIn('placed_at', ['2024-02-02T09:00']))).toEqual([3]);
  expect(ids(orders.whereNotIn('placed_at', ['2024-02-01']))).toEqual([2, 3]);
  expect(ids(orders.whereBetween('placed_at', ['2024-02-01', '2024-02-02']))).toEqual([1, 2]);
  expect(ids(orders.whereNotBetween('placed_at', ['2024-02-02', '2024-02-03']))).toEqual([1]);
  expect(ids(orders.where('placed_at', 'like', '%T09:00%'))).toEqual([3]);
  expect(orders.firstWhere('placed_at', '2024-02-02')?.$primaryKeyValue).toBe(2);
  expect(orders.contains('placed_at', '2024-02-01')).toBe(true);
  expect(orders.some('placed_at', '2024-02-02T09:00')).toBe(true);
  expect(orders.every('placed_at', '>=', '2024-02-01')).toBe(true);
  // The zone is read once, and only because Date cells met date text without one.
  expect(gas().calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
});

it('a Collection of models with no spreadsheet to open (no Apps Script here) reads date text in local time', () => {
  cleanup();
  const orders = new Collection([new Order({ id: 1, placed_at: new Date(2024, 0, 1) }), new Order({ id: 2, placed_at: new Date(2024, 1, 1) })]);
  expect(ids(orders.where('placed_at', '>=', '2024-01-15'))).toEqual([2]);
  expect(ids(orders.whereIn('placed_at', ['2024-01-01']))).toEqual([1]);
});

it('reads ISO dates and date-times, zones included, and nothing else', () => {
  expect(isoDateOf('2024-02-29')).toEqual(new Date(2024, 1, 29));
  expect(isoDateOf('2024-02-29', 'America/New_York')).toEqual(new Date(Date.UTC(2024, 1, 29, 5)));
  expect(isoDateOf('2024-07-01 08:00', 'Europe/Paris')).toEqual(new Date(Date.UTC(2024, 6, 1, 6)));
  expect(isoDateOf('2024-02-01T09:30:15.5')).toEqual(new Date(2024, 1, 1, 9, 30, 15, 500));
  expect(isoDateOf('2024-02-01T09:30Z', 'Asia/Tokyo')).toEqual(new Date(Date.UTC(2024, 1, 1, 9, 30)));
  expect(isoDateOf('2024-02-01T09:30+02:00')).toEqual(new Date(Date.UTC(2024, 1, 1, 7, 30)));
  expect(isoDateOf('2024-02-01 09:30-0500')).toEqual(new Date(Date.UTC(2024, 1, 1, 14, 30)));
  for (const text of ['2023-02-29', '2024-13-01', '2024-1-5', '2024-02-01T25:00', '20240201', 'x2024-02-01']) expect(isoDateOf(text)).toBeNull();
});

it('find() takes date text for a date key, as findMany and whereIn do', () => {
  class Day extends Model {
    static _table = 'Days';
    static _primaryKey = 'day';
  }
  seedSheets({ Days: [['day', 'note'], [newYork(1, 15), 'a'], [newYork(1, 16), 'b'], ['2024-01-17', 'text key']] }, { timeZone: 'America/New_York' });
  expect((Day.find('2024-01-16') as unknown as { note: string }).note).toBe('b');
  expect(Day.findMany(['2024-01-16']).pluck('note').all()).toEqual(['b']);
  expect((Day.findOrFail(newYork(1, 15)) as unknown as { note: string }).note).toBe('a');
  expect((Day.find('2024-01-17') as unknown as { note: string }).note).toBe('text key');
  expect(Day.find('2024-01-18')).toBeNull();
});

it("groupBy, keyBy, countBy and keyed pluck key Dates by the day (and time) they show in the spreadsheet's zone", () => {
  const orders = Order.all();
  const byDay = orders.groupBy('placed_at');
  expect(Object.keys(byDay)).toEqual(['2024-01-01', '2024-02-01', '2024-02-01 09:00:00', '']);
  expect(Object.keys(orders.keyBy('placed_at'))).toEqual(Object.keys(byDay));
  expect(orders.countBy('placed_at')).toEqual({ '2024-01-01': 1, '2024-02-01': 1, '2024-02-01 09:00:00': 1, '': 1 });
  expect(Order.query().pluck('id', 'placed_at')).toEqual({ '2024-01-01': 1, '2024-02-01': 2, '2024-02-01 09:00:00': 3, '': 4 });
  expect(Item.findOrFail(1).related('orders').query().pluck('order_id', 'added')).toEqual({ '2024-01-15': 1, '2024-01-16': 2 });
  // As where() reads the same text.
  expect(ids(orders.where('placed_at', '2024-02-01'))).toEqual([2]);
});

it('groupBy keys each model\'s Dates in its own spreadsheet\'s zone, in a collection mixing two spreadsheets', () => {
  const tokyo = gas().SpreadsheetApp.create('Tokyo');
  tokyo.setSpreadsheetTimeZone('Asia/Tokyo');
  tokyo.insertSheet('Orders').getRange(1, 1, 2, 2).setValues([['id', 'placed_at'], [9, new Date(Date.UTC(2024, 0, 9, 15))]]);
  class TokyoOrder extends Model {
    static _table = 'Orders';
    static _spreadsheetId = tokyo.getId();
  }
  // Midnight of 2024-01-01 in New York and midnight of 2024-01-10 in Tokyo, in either order.
  const mixed = new Collection<Model>([...TokyoOrder.all(), ...Order.where('id', 1).get()]);
  expect(mixed.countBy('placed_at')).toEqual({ '2024-01-10': 1, '2024-01-01': 1 });
  expect(Object.keys(new Collection<Model>(mixed.all().reverse()).groupBy('placed_at'))).toEqual(['2024-01-01', '2024-01-10']);
});
