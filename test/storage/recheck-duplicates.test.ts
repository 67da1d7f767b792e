/** Transactions re-find rows that share a key (duplicates) one to one, by their other cells. */
import { Model, transaction } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}
class Tag extends Model {
  static _table = 'Tags';
}

function seed() {
  seedSheets({
    Posts: [['id', 'title'], [1, 'One']],
    Tags: [['id', 'name'], [1, 'a']],
    // Two pivot rows for the same pair: attach() does not check for one already there (Eloquent's attach).
    PostTag: [['post_id', 'tag_id', 'note'], [1, 1, 'first'], [1, 1, 'second']],
  });
}

test('a transaction detaching duplicate pivot rows removes both even though a person inserted a row above them', () => {
  seed();
  transaction(() => {
    Post.find(1)!.related('tags').detach([1]);
    gas().active.getSheetByName('PostTag')!.insertRowBefore(2); // a person, while the transaction runs
  });
  // Expected: both (1, 1) rows gone. Actual: rows 2 and 3 (as read) both map to row 3 now; row 4 ("second") stays.
  expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'note']]);
});

test('a transaction updating rows that share a key writes each row once', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [1, 'b']] }); // a person typed the id 1 twice
  transaction(() => {
    Post.query().update({ title: 'x' });
    gas().active.getSheetByName('Posts')!.insertRowBefore(2);
  });
  // Expected: both rows titled "x". Actual: row 3 is written twice, row 4 keeps "b".
  expect(sheetRows('Posts')).toEqual([['id', 'title'], ['', ''], [1, 'x'], [1, 'x']]);
});

test('a transaction deletes the row it read, not a row with the same key a person inserted above it', () => {
  seed();
  gas().active.getSheetByName('PostTag')!.deleteRow(3); // one (1, 1) row, note "first"
  transaction(() => {
    Post.find(1)!.related('tags').detach([1]);
    const sheet = gas().active.getSheetByName('PostTag')!;
    sheet.insertRowBefore(2); // a person adds the same pair above it
    sheet.getRange(2, 1, 1, 3).setValues([[1, 1, 'added by a person']]);
  });
  // Expected: the person's row stays. Actual: the read row's old number (2) is among the rows holding
  // the key, so the person's new row 2 is deleted and the row the transaction read stays.
  expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'note'], [1, 1, 'added by a person']]);
});
