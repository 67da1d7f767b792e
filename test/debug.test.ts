import { Model, configure } from '../src';
import { seedSheets, gas } from './support/seed';

class Post extends Model {
  static _table = 'Posts';
}

it('configure({ debug: true }) logs each service call with its cost', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  configure({ debug: true });
  Post.create({ title: 'b' });
  const lines = gas().logs.filter((line) => line.startsWith('[sheetorm]'));
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^\[sheetorm\] Lock.tryLock \d+ ms$/),
      expect.stringMatching(/^\[sheetorm\] "Posts" getDataRange\(\)\.getValues\(\) \d+ ms$/),
      expect.stringMatching(/^\[sheetorm\] "Posts" setValues 1×2 at row 3 \d+ ms$/),
      expect.stringMatching(/^\[sheetorm\] SpreadsheetApp.flush \d+ ms$/),
    ]),
  );
});

it('logs nothing by default', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  Post.create({ title: 'b' });
  expect(gas().logs).toEqual([]);
});
