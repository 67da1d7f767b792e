import { DuplicateKeyError, Model, ValidationError } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Task extends Model {
  static _table = 'Tasks';
}

const seed = () =>
  seedSheets({
    Tasks: [
      ['id', 'status', 'owner', 'check'],
      ...Array.from({ length: 10 }, (_, i) => [i + 1, i % 3 === 0 ? 'open' : 'done', 'ann', `=A${i + 2}*10`]),
    ],
  });

describe('query update()', () => {
  it('writes only the changed column, its runs of rows getting the one value in one RangeList write', () => {
    seed();
    gas().calls.reset();
    const count = Task.where('status', 'done').update({ owner: 'bob' });
    expect(count).toBe(6);
    // done rows are ids 2,3,5,6,8,9 → sheet rows 3-4, 6-7, 9-10: three runs in column C, one call.
    const lists = gas().calls.all().filter((c) => c.method === 'Sheet.getRangeList').map((c) => c.args);
    expect(lists).toEqual([[['C3:C4', 'C6:C7', 'C9:C10']]]);
    expect([gas().calls.count('RangeList.setValue'), gas().calls.count('Range.setValues'), gas().calls.writes()]).toEqual([1, 0, 1]);
    expect(gas().calls.reads('Tasks')).toBe(1);
    expect(sheetRows('Tasks').filter((r) => r[2] === 'bob').map((r) => r[0])).toEqual([2, 3, 5, 6, 8, 9]);
    expect(gas().sheetFormulas('Tasks').slice(1).every((r, i) => r[3] === `=A${i + 2}*10`)).toBe(true);
  });

  it('writes each run with its own setValues where the Sheet has no getRangeList (a test double)', () => {
    seed();
    const sheetClass = Object.getPrototypeOf(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tasks'));
    const getRangeList = sheetClass.getRangeList;
    delete sheetClass.getRangeList;
    try {
      gas().calls.reset();
      expect(Task.where('status', 'done').update({ owner: 'bob' })).toBe(6);
    } finally {
      sheetClass.getRangeList = getRangeList;
    }
    const ranges = gas().calls.all().filter((c) => c.method === 'Sheet.getRange').map((c) => c.args);
    expect(ranges).toEqual([[3, 3, 2, 1], [6, 3, 2, 1], [9, 3, 2, 1]]);
    expect([gas().calls.count('Range.setValues'), gas().calls.writes()]).toEqual([3, 3]);
    expect(sheetRows('Tasks').filter((r) => r[2] === 'bob').map((r) => r[0])).toEqual([2, 3, 5, 6, 8, 9]);
    expect(gas().sheetFormulas('Tasks').slice(1).every((r, i) => r[3] === `=A${i + 2}*10`)).toBe(true);
  });

  it('returns 0 and writes nothing when nothing matches', () => {
    seed();
    gas().calls.reset();
    expect(Task.where('status', 'nope').update({ owner: 'x' })).toBe(0);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.count('SpreadsheetApp.flush')).toBe(0);
  });

  it('refuses to give several rows the same key, and unknown columns', () => {
    seed();
    expect(() => Task.where('status', 'done').update({ id: 1 })).toThrow(/duplicate/);
    expect(() => Task.where('status', 'done').update({ nope: 1 })).toThrow(/no column "nope"/);
    expect(gas().calls.writes()).toBe(0);
  });

  it('moves several rows of a composite key when each ends up with a key of its own', () => {
    class Link extends Model {
      static override _table = 'Links';
      static override _primaryKey = ['post_id', 'tag_id'];
    }
    seedSheets({ Links: [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 1]] });
    expect(Link.where('post_id', 1).update({ post_id: 3 })).toBe(2);
    expect(sheetRows('Links')).toEqual([['post_id', 'tag_id'], [3, 1], [3, 2], [2, 1]]);
    // Onto keys post 2 holds, or onto one key for both rows: refused, nothing written.
    expect(() => Link.where('post_id', 3).update({ post_id: 2 })).toThrow(DuplicateKeyError);
    expect(() => Link.where('post_id', 3).update({ tag_id: 9 })).toThrow(/would give two of them the key post_id, tag_id = 3, 9/);
    expect(sheetRows('Links')).toEqual([['post_id', 'tag_id'], [3, 1], [3, 2], [2, 1]]);
  });

  it('changes one row\'s key only to a key no other row holds, and never to a blank', () => {
    seed();
    expect(() => Task.where('id', 1).update({ id: 2 })).toThrow(DuplicateKeyError);
    expect(() => Task.where('id', 1).update({ id: '2' })).toThrow(/^Task\.update\(\): cannot change the key id to "2": sheet "Tasks" .* already has a row with it/);
    expect(() => Task.where('id', 1).update({ id: null })).toThrow(ValidationError);
    expect(() => Task.where('id', 1).update({ id: '  ' })).toThrow(/^Task\.update\(\): cannot set the key id to .*: a row's key cannot be blank/);
    expect(gas().calls.writes()).toBe(0);
    expect(Task.where('id', 1).update({ id: 1, owner: 'same key' })).toBe(1);
    expect(Task.where('id', 1).update({ id: 11 })).toBe(1);
    expect(sheetRows('Tasks').map((row) => row[0])).toEqual(['id', 11, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('query delete()', () => {
  it('deletes bottom-up in contiguous runs', () => {
    seed();
    gas().calls.reset();
    expect(Task.where('status', 'done').delete()).toBe(6);
    const deletions = gas().calls.all().filter((c) => c.method === 'Sheet.deleteRows').map((c) => c.args);
    expect(deletions).toEqual([[9, 2], [6, 2], [3, 2]]);
    expect(sheetRows('Tasks').slice(1).map((r) => r[0])).toEqual([1, 4, 7, 10]);
  });

  it('deleting every data row keeps the header and a usable sheet', () => {
    seed();
    const sheet = gas().active.getSheetByName('Tasks')!;
    sheet.deleteRows(12, sheet.getMaxRows() - 11);
    sheet.setFrozenRows(1);
    expect(Task.query().delete()).toBe(10);
    expect(sheetRows('Tasks')).toEqual([['id', 'status', 'owner', 'check']]);
    Task.create({ status: 'new' });
    expect(sheetRows('Tasks')[1][0]).toBe(1);
  });

  it('deleting every data row keeps a row below the frozen ones, however many are frozen', () => {
    seed();
    const sheet = gas().active.getSheetByName('Tasks')!;
    sheet.deleteRows(12, sheet.getMaxRows() - 11);
    sheet.setFrozenRows(3);
    gas().calls.reset();
    expect(Task.query().delete()).toBe(10);
    expect(gas().calls.all().filter((c) => c.method === 'Sheet.insertRowsAfter').map((c) => c.args)).toEqual([[11, 3]]);
    expect(sheetRows('Tasks')).toEqual([['id', 'status', 'owner', 'check']]);
    expect(sheet.getMaxRows()).toBe(4);
  });

  it('asks for the frozen rows only when few rows would be left', () => {
    seed();
    gas().calls.reset();
    expect(Task.query().delete()).toBe(10);
    expect(gas().calls.count('Sheet.getFrozenRows')).toBe(0);
  });
});
