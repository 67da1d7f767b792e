import { Model, ServiceError, ValidationError, transaction } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
}

it('a write that would take the spreadsheet past 10,000,000 cells fails before anything is written', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  const filler = gas().active.insertSheet('Filler');
  // 26 columns; leave room for fewer than 26 × 1000 more cells.
  const cellsNow = 1000 * 26 * 2;
  filler.insertRowsAfter(1000, Math.floor((10000000 - cellsNow) / 26) - 10);
  const spare = gas().active.getSheetByName('Posts')!.getMaxRows() - 2;
  const list = Array.from({ length: spare + 50 }, (_, i) => ({ title: `t${i}` }));
  gas().calls.reset();
  let error: unknown;
  try {
    Post.createMany(list);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as Error).message).toMatch(/10,000,000 cells.*Nothing was written/);
  expect(gas().calls.writes()).toBe(0);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});

it('another failure of insertRowsAfter is a ServiceError carrying its cause, not advice about the cell limit', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  const spare = gas().active.getSheetByName('Posts')!.getMaxRows() - 2;
  const list = Array.from({ length: spare + 5 }, (_, i) => ({ title: `t${i}` }));
  const cause = 'Rate Limit Exceeded';
  gas().beforeCall((call) => {
    if (call.method === 'Sheet.insertRowsAfter') throw new Error(cause);
  });
  let error: unknown;
  try {
    Post.createMany(list);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).message).toMatch(/^Post\.createMany: could not add 5 rows to sheet "Posts".*Rate Limit Exceeded\)\. No value was written\. A quota of Google's services is used up/);
  expect((error as ServiceError).cause).toEqual(new Error(cause));
  expect((error as ServiceError).message).not.toMatch(/10,000,000/);
  expect(() => Post.createMany(list.slice(4))).toThrow(/could not add 1 row to sheet "Posts"/);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});

it('a sheet that cannot grow for protection says so and what to do, naming the write', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  const spare = gas().active.getSheetByName('Posts')!.getMaxRows() - 2;
  gas().beforeCall((call) => {
    if (call.method === 'Sheet.insertRowsAfter') throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
  });
  const list = Array.from({ length: spare + 1 }, (_, i) => ({ title: `t${i}` }));
  expect(() => Post.createMany(list)).toThrow(/^Post\.createMany: could not add 1 row to .*No value was written\. The cells are protected: give this account edit rights to them, or remove the protection\.$/);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});

it('when a later sheet of a transaction cannot grow, the rows added to earlier sheets are removed again', () => {
  class Tag extends Model {
    static _table = 'Tags';
  }
  const full = (name: string) => [['id', name], ...Array.from({ length: 999 }, (_, i) => [i + 1, `${name}${i}`])];
  seedSheets({ Posts: full('title'), Tags: full('name') });
  const book = gas().active;
  const maxRows = (name: string) => book.getSheetByName(name)!.getMaxRows();
  const before = [maxRows('Posts'), maxRows('Tags')];
  // Room for Posts' one new row (26 cells) but not for Tags' ten.
  book.insertSheet('Filler').insertRowsAfter(1000, Math.floor((10000000 - 3 * 1000 * 26) / 26) - 2);
  expect(() =>
    transaction(() => {
      Post.create({ title: 'p' });
      Tag.createMany(Array.from({ length: 10 }, (_, i) => ({ name: `x${i}` })));
    }),
  ).toThrow(/10,000,000 cells.*Nothing was written/);
  expect([maxRows('Posts'), maxRows('Tags')]).toEqual(before);
  expect(sheetRows('Posts')).toEqual(full('title'));
});
