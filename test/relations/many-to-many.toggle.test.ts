/** `related('tags').toggle(ids)`: attaches the ids not attached, detaches the ones that are. */
import { Model, ValidationError } from '../../src';
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

/** Sheet rows 2–6: post 1 at 2, 4, 6; post 2 at 3 and 5. */
function seed(key: (n: number) => number | string = (n) => n) {
  seedSheets({
    Posts: [['id', 'title'], [key(1), 'One'], [key(2), 'Two']],
    Tags: [['id', 'name'], [key(1), 'a'], [key(2), 'b'], [key(3), 'c'], [key(4), 'd']],
    PostTag: [
      HEADER,
      [key(1), key(1), 'owner', JAN, '=ROW()'],
      [key(2), key(1), 'guest', JAN, '=ROW()'],
      [key(1), key(2), '', '', '=ROW()'],
      [key(2), key(2), 'guest', '', '=ROW()'],
      [key(1), key(3), 'x', JAN, '=ROW()'],
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

describe('toggle', () => {
  test('detaches attached ids and attaches the others in one read, one append and deletion runs', () => {
    seed();
    const result = post(1).related('tags').toggle([1, 3, 4]);

    expect(result).toEqual({ attached: [4], detached: [1, 3] });
    expect(sheetRows('PostTag')).toEqual([
      HEADER,
      [2, 1, 'guest', JAN, 2],
      [1, 2, '', '', 3],
      [2, 2, 'guest', '', 4],
      [1, 4, '', '', ''],
    ]);
    expect(gas().sheetFormulas('PostTag').slice(1, 4).map((row) => row[4])).toEqual(['=ROW()', '=ROW()', '=ROW()']);
    expect(gas().calls.reads('PostTag')).toBe(1);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(argsOf('Sheet.getRange')).toEqual([[7, 1, 1, 5]]);
    expect(argsOf('Sheet.deleteRows')).toEqual([
      [6, 1],
      [2, 1],
    ]);
  });

  test('stores pivot attributes for the ids it attaches', () => {
    seed();
    const result = post(2).related('tags').toggle({ 2: { role: 'ignored' }, 4: { role: 'new', added_at: JAN } });

    expect(result).toEqual({ attached: [4], detached: [2] });
    expect(sheetRows('PostTag').slice(1)).toEqual([
      [1, 1, 'owner', JAN, 2],
      [2, 1, 'guest', JAN, 3],
      [1, 2, '', '', 4],
      [1, 3, 'x', JAN, 5],
      [2, 4, 'new', JAN, ''],
    ]);
  });

  test('toggling twice restores the same membership', () => {
    seed();
    const p = post(1);
    p.related('tags').toggle([2, 4]);
    expect(p.related('tags').toggle([2, 4])).toEqual({ attached: [2], detached: [4] });
    expect(p.related('tags').query().get().pluck('id').all().sort()).toEqual([1, 2, 3]);
    expect(sheetRows('PostTag').filter((row) => row[0] === 2)).toEqual([
      [2, 1, 'guest', JAN, 3],
      [2, 2, 'guest', '', 4],
    ]);
  });

  test('matches keys stored as text and writes new ones as text', () => {
    seed(String);
    expect(post('2').related('tags').toggle([1, 3])).toEqual({ attached: ['3'], detached: ['1'] });
    expect(sheetRows('PostTag').map((row) => row.slice(0, 2))).toEqual([
      ['post_id', 'tag_id'],
      ['1', '1'],
      ['1', '2'],
      ['2', '2'],
      ['1', '3'],
      ['2', '3'],
    ]);
  });

  test('writes nothing for bad input', () => {
    seed();
    const before = sheetRows('PostTag');
    // @ts-expect-error true is no id (the type says so too)
    expect(() => post(1).related('tags').toggle([1, true])).toThrow(ValidationError);
    expect(() => post(1).related('tags').toggle({ 4: { role: 'x'.repeat(50001) } })).toThrow(ValidationError);
    expect(sheetRows('PostTag')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(0);
  });
});
