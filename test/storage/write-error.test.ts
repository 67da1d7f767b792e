/** A WriteError says exactly what was and was not written. */
import { Model, transaction } from '../../src';
import { gas, seedSheets } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
}

test('a WriteError lists as not written only what was not written', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
  let deletions = 0;
  gas().beforeCall((call) => {
    if (call.method === 'Sheet.deleteRows' && deletions++ === 0) throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  expect(() =>
    transaction(() => {
      Post.create({ title: 'new' });
      Post.find(1)!.setAttribute('title', 'x').save();
      Post.query().whereIn('id', [2]).delete();
    }),
  ).toThrow(/Written: appended rows 4–4; updated 1×1 cells at row 2\. Not written \(at most\): sheet "Posts" in spreadsheet "Test Spreadsheet": delete rows 3–3\.$/);
});
