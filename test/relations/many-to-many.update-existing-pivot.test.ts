/** `related('tags').updateExistingPivot(id, attrs)`: only the changed cells of this parent's row. */
import { ColumnNotFoundError, Model, ValidationError } from '../../src';
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
const MAR = new Date(Date.UTC(2024, 2, 5));
const HEADER = ['post_id', 'tag_id', 'role', 'added_at', 'n', 'note'];

/** Post 1 and post 2 both hold tag 2; only post 1's row may change. */
function seed(key: (n: number) => number | string = (n) => n) {
  seedSheets({
    Posts: [['id', 'title'], [key(1), 'One'], [key(2), 'Two']],
    Tags: [['id', 'name'], [key(1), 'a'], [key(2), 'b'], [key(3), 'c']],
    PostTag: [
      HEADER,
      [key(2), key(2), 'guest', JAN, '=ROW()', ''],
      [key(1), key(1), 'owner', JAN, '=ROW()', ''],
      [key(1), key(2), 'viewer', JAN, '=ROW()', 'keep'],
      [key(2), key(3), 'guest', JAN, '=ROW()', ''],
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

describe('updateExistingPivot', () => {
  test('writes only the changed cells of this parent\'s row, as one block', () => {
    seed();
    expect(post(1).related('tags').updateExistingPivot(2, { role: 'editor', added_at: MAR })).toBe(1);

    expect(sheetRows('PostTag')).toEqual([
      HEADER,
      [2, 2, 'guest', JAN, 2, ''],
      [1, 1, 'owner', JAN, 3, ''],
      [1, 2, 'editor', MAR, 4, 'keep'],
      [2, 3, 'guest', JAN, 5, ''],
    ]);
    expect(gas().sheetFormulas('PostTag').slice(1).map((row) => row[4])).toEqual(['=ROW()', '=ROW()', '=ROW()', '=ROW()']);
    expect(gas().calls.reads('PostTag')).toBe(1);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(argsOf('Sheet.getRange')).toEqual([[4, 3, 1, 2]]);
    expect(argsOf('Range.setValues')).toEqual([[[['editor', MAR]]]]);
  });

  test('columns apart are written as separate blocks; the formula between them is not rewritten', () => {
    seed();
    post(1).related('tags').updateExistingPivot(2, { role: 'editor', note: 'n' });
    expect(argsOf('Sheet.getRange')).toEqual([
      [4, 3, 1, 1],
      [4, 6, 1, 1],
    ]);
    expect(gas().sheetFormulas('PostTag')[3][4]).toBe('=ROW()');
    expect(sheetRows('PostTag')[3]).toEqual([1, 2, 'editor', JAN, 4, 'n']);
  });

  test('writes nothing and returns 0 when the values are already there', () => {
    seed();
    expect(post(1).related('tags').updateExistingPivot(2, { role: 'viewer', added_at: new Date(JAN.getTime()) })).toBe(0);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.count('SpreadsheetApp.flush')).toBe(0);
  });

  test('returns 0 and writes nothing for an id not attached to this parent', () => {
    seed();
    expect(post(1).related('tags').updateExistingPivot(3, { role: 'editor' })).toBe(0);
    expect(gas().calls.writes()).toBe(0);
  });

  test('finds keys stored as text, given as a number or a model', () => {
    seed(String);
    const p = post('1');
    expect(p.related('tags').updateExistingPivot(2, { role: 'a' })).toBe(1);
    expect(p.related('tags').updateExistingPivot(Tag.find(1), { role: 'b' })).toBe(1);
    expect(sheetRows('PostTag').slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['2', '2', 'guest'],
      ['1', '1', 'b'],
      ['1', '2', 'a'],
      ['2', '3', 'guest'],
    ]);
  });

  test('clears a cell with null', () => {
    seed();
    post(1).related('tags').updateExistingPivot(2, { note: null });
    expect(sheetRows('PostTag')[3]).toEqual([1, 2, 'viewer', JAN, 4, '']);
  });

  test('rejects unknown columns and oversized values before writing', () => {
    seed();
    const p = post(1);
    const before = sheetRows('PostTag');
    expect(() => p.related('tags').updateExistingPivot(2, { nope: 1 })).toThrow(ColumnNotFoundError);
    expect(() => p.related('tags').updateExistingPivot(2, { role: 'ok', note: 'x'.repeat(50001) })).toThrow(ValidationError);
    // Refused as well when no pivot row matches (tag 99): whether a mistake shows must not depend on the data.
    expect(() => p.related('tags').updateExistingPivot(99, { role: 'x'.repeat(50001) })).toThrow(/Post\.tags\.role .*over Sheets' limit/);
    expect(() => p.related('tags').updateExistingPivot(99, { role: { a: 1 } })).toThrow(ValidationError);
    expect(() => p.related('tags').updateExistingPivot(99, null as never)).toThrow(/^Post\.tags\.updateExistingPivot\(\): expected an object of pivot columns/);
    expect(sheetRows('PostTag')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
  });
});
