/** `related('tags').detach(ids?)`: this parent's rows go in bottom-up deletion runs; others stay. */
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

const JAN = new Date(Date.UTC(2024, 0, 2));
const HEADER = ['post_id', 'tag_id', 'role', 'added_at', 'n'];

/** Sheet rows 2–9: post 1 at 2, 3, 5, 7, 8; post 2 at 4, 6, 9. */
function seed(key: (n: number) => number | string = (n) => n) {
  seedSheets({
    Posts: [['id', 'title'], [key(1), 'One'], [key(2), 'Two']],
    Tags: [['id', 'name'], [key(1), 'a'], [key(2), 'b'], [key(3), 'c'], [key(4), 'd'], [key(5), 'e']],
    PostTag: [
      HEADER,
      [key(1), key(1), 'owner', JAN, '=ROW()'],
      [key(1), key(2), '', '', '=ROW()'],
      [key(2), key(1), 'guest', JAN, '=ROW()'],
      [key(1), key(3), 'x', '', '=ROW()'],
      [key(2), key(2), 'guest', '', '=ROW()'],
      [key(1), key(4), 'y', JAN, '=ROW()'],
      [key(1), key(5), 'z', '', '=ROW()'],
      [key(2), key(5), 'guest', '', '=ROW()'],
    ],
  });
}

function argsOf(method: string): unknown[][] {
  return gas().calls.all().filter((call) => call.method === method).map((call) => call.args);
}

function post(id: number | string) {
  const found = Post.find(id)!;
  gas().calls.reset();
  return found;
}

describe('detach', () => {
  test('finds the rows whose parent key cell holds the key as text with spaces around it', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'One']], Tags: [['id', 'name'], [1, 'a'], [2, 'b']], PostTag: [['post_id', 'tag_id'], ['1 ', 1], [1, 2]] });
    expect(Post.find(1)!.related('tags').detach()).toBe(2);
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id']]);
  });

  test('removes the given ids of this parent in contiguous runs, highest first', () => {
    seed();
    const detached = post(1).related('tags').detach([1, 2, 4, 5]);

    // How many pivot rows went, as Eloquent's detach returns.
    expect(detached).toBe(4);
    expect(sheetRows('PostTag')).toEqual([
      HEADER,
      [2, 1, 'guest', JAN, 2],
      [1, 3, 'x', '', 3],
      [2, 2, 'guest', '', 4],
      [2, 5, 'guest', '', 5],
    ]);
    expect(gas().sheetFormulas('PostTag').slice(1).map((row) => row[4])).toEqual(['=ROW()', '=ROW()', '=ROW()', '=ROW()']);
    expect(argsOf('Sheet.deleteRows')).toEqual([
      [7, 2],
      [2, 2],
    ]);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.reads('PostTag')).toBe(1);
  });

  test('without arguments removes all of this parent\'s rows and nothing of the others', () => {
    seed();
    const detached = post(1).related('tags').detach();

    expect(detached).toBe(5);
    expect(sheetRows('PostTag')).toEqual([HEADER, [2, 1, 'guest', JAN, 2], [2, 2, 'guest', '', 3], [2, 5, 'guest', '', 4]]);
    expect(argsOf('Sheet.deleteRows')).toEqual([
      [7, 2],
      [5, 1],
      [2, 2],
    ]);
    expect(gas().calls.writes()).toBe(0);
  });

  test('matches keys stored as text', () => {
    seed(String);
    const detached = post('1').related('tags').detach([2, '3']);

    expect(detached).toBe(2);
    expect(sheetRows('PostTag').map((row) => row.slice(0, 2))).toEqual([
      ['post_id', 'tag_id'],
      ['1', '1'],
      ['2', '1'],
      ['2', '2'],
      ['1', '4'],
      ['1', '5'],
      ['2', '5'],
    ]);
    expect(argsOf('Sheet.deleteRows')).toEqual([
      [5, 1],
      [3, 1],
    ]);
  });

  test('accepts a model', () => {
    seed();
    const p = post(1);
    expect(p.related('tags').detach(Tag.findOrFail(3))).toBe(1);
    expect(sheetRows('PostTag').length).toBe(8);
  });

  test('writes nothing for ids that are not attached, or an empty list', () => {
    seed();
    const p = post(2);
    const before = sheetRows('PostTag');
    expect(p.related('tags').detach([3, 4])).toBe(0);
    expect(p.related('tags').detach([])).toBe(0);
    expect(sheetRows('PostTag')).toEqual(before);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(0);
    expect(gas().calls.count('SpreadsheetApp.flush')).toBe(0);
  });

  test('can empty a pivot sheet whose grid holds nothing but the data', () => {
    seedSheets({
      Posts: [['id'], [1]],
      Tags: [['id'], [1], [2]],
      PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2]],
    });
    const sheet = gas().active.getSheetByName('PostTag')!;
    sheet.deleteRows(4, sheet.getMaxRows() - 3);
    const p = post(1);

    expect(p.related('tags').detach()).toBe(2);
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id']]);
    expect(argsOf('Sheet.insertRowsAfter')).toEqual([[3, 1]]);
    expect(argsOf('Sheet.deleteRows')).toEqual([[2, 2]]);
  });

  test('inside a transaction, is applied together with the other writes', () => {
    seed();
    const p = post(1);
    transaction(() => {
      p.related('tags').detach(1);
      p.related('tags').attach(1);
    });
    expect(argsOf('Sheet.deleteRows')).toEqual([[2, 1]]);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(sheetRows('PostTag').slice(-1)).toEqual([[1, 1, '', '', '']]);
    expect(sheetRows('PostTag').length).toBe(9);
  });
});
