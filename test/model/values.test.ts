import { Model, session } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Item extends Model {
  static _table = 'Items';
}

const tricky = ['00123', 'TRUE', 'false', ' '.repeat(13) + 'TRUE', 'false' + ' '.repeat(12), '\n'.repeat(20) + 'true', '2024-01-02', '=SUM(A:A)', '+1', '-1', "'x", '@home', '1/2/2024', '10:30', '5%', '$5', '1e3', ' 12 ', '#N/A'];

describe('values round-trip exactly', () => {
  it.each(tricky)('the string %j is stored as that string', (text) => {
    seedSheets({ Items: [['id', 'value']] });
    Item.create({ value: text });
    expect(sheetRows('Items')[1][1]).toBe(text);
    expect(gas().sheetFormulas('Items')[1][1]).toBe('');
    expect(Item.find(1)!.getAttribute('value')).toBe(text);
  });

  it('keeps numbers, booleans and Dates as themselves, and empty as null', () => {
    seedSheets({ Items: [['id', 'n', 'b', 'd', 'e']] });
    const when = new Date(Date.UTC(2024, 4, 6, 7, 8, 9));
    Item.create({ n: 0.1 + 0.2, b: false, d: when, e: null });
    const item = Item.find(1)!.toJSON();
    expect(item.n).toBe(0.1 + 0.2);
    expect(item.b).toBe(false);
    expect(Object.prototype.toString.call(item.d)).toBe('[object Date]');
    expect((item.d as Date).getTime()).toBe(when.getTime());
    expect(item.e).toBeNull();
    expect(sheetRows('Items')[1][4]).toBe('');
  });

  it("toJSON() hands out copies of Dates: changing the output changes neither the model nor the sheet", () => {
    class Event extends Model {
      static _table = 'Events';
      attendees() {
        return this.manyToMany(Item, { pivotTable: 'EventItems', pivotColumns: ['added'] });
      }
    }
    const when = new Date(Date.UTC(2024, 2, 1, 9));
    seedSheets({ Events: [['id', 'title', 'starts_at'], [1, 'Launch', when]], Items: [['id'], [1]], EventItems: [['event_id', 'item_id', 'added'], [1, 1, when]] });
    const event = Event.with('attendees').firstOrFail() as unknown as Event & { title: string; starts_at: Date; attendees: Item[] };
    const json = event.toJSON() as { starts_at: Date; attendees: Array<{ pivot: { added: Date } }> };
    json.starts_at.setUTCHours(10);
    json.attendees[0].pivot.added.setUTCHours(10);
    expect(event.$isDirty).toBe(false);
    expect((event.attendees[0] as Item & { pivot: { added: Date } }).pivot.added.getUTCHours()).toBe(9);
    event.title = 'Launch v2';
    event.save();
    expect(sheetRows('Events')[1]).toEqual([1, 'Launch v2', when]);
  });

  it('gives each model its own Dates: a Date changed in place is dirty, and other models read in the session keep theirs', () => {
    const when = new Date(Date.UTC(2024, 4, 6));
    seedSheets({ Items: [['id', 'd'], [1, when]] });
    session(() => {
      const item = Item.find(1)!;
      const date = item.getAttribute('d') as Date;
      date.setUTCFullYear(2030);
      expect(item.$dirty).toEqual({ d: new Date(Date.UTC(2030, 4, 6)) });
      expect(item.$original.d).toEqual(when);
      expect((Item.all().first()!.getAttribute('d') as Date).getTime()).toBe(when.getTime());
      item.save();
    });
    expect((sheetRows('Items')[1][1] as Date).getTime()).toBe(Date.UTC(2030, 4, 6));
  });

  it('a Date given to createMany and changed in place afterwards is dirty; the row and later reads keep the created value', () => {
    const when = () => new Date(Date.UTC(2024, 4, 6));
    seedSheets({ Items: [['id', 'd']] });
    session(() => {
      const date = when();
      const [item] = Item.createMany([{ d: date }, { d: when() }]);
      date.setUTCFullYear(2030);
      expect(item.$dirty).toEqual({ d: new Date(Date.UTC(2030, 4, 6)) });
      expect(item.$original.d).toEqual(when());
      expect((Item.find(1)!.getAttribute('d') as Date).getTime()).toBe(when().getTime());
      expect((sheetRows('Items')[1][1] as Date).getTime()).toBe(when().getTime());
      item.save();
    });
    expect((sheetRows('Items')[1][1] as Date).getTime()).toBe(Date.UTC(2030, 4, 6));
    expect((sheetRows('Items')[2][1] as Date).getTime()).toBe(when().getTime());
  });

  it('reads empty cells as null and skips fully empty rows', () => {
    seedSheets({ Items: [['id', 'value'], [1, ''], ['', ''], [3, 'c']] });
    const items = Item.all();
    expect(items.pluck('id').all()).toEqual([1, 3]);
    expect(items.first()!.getAttribute('value')).toBeNull();
  });

  it('reads formula cells as their value without touching the formula', () => {
    seedSheets({ Items: [['id', 'price', 'qty', 'total'], [1, 2, 3, '=B2*C2']] });
    const item = Item.find(1)!;
    expect(item.getAttribute('total')).toBe(6);
    item.setAttribute('qty', 4).save();
    expect(gas().sheetFormulas('Items')[1][3]).toBe('=B2*C2');
    expect(sheetRows('Items')[1]).toEqual([1, 2, 4, 8]);
  });
});
