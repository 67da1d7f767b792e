/** `related('tags').sync(...)`: a diff applied as one read, one append, update blocks and deletion runs. */
import { ColumnNotFoundError, Model, transaction, ValidationError } from '../../src';
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
const HEADER = ['post_id', 'tag_id', 'role', 'added_at', 'n'];

/** Sheet rows 2–9: post 1 at 2, 3, 5, 6, 8, 9; post 2 at 4 and 7. */
function seed(key: (n: number) => number | string = (n) => n) {
  seedSheets({
    Posts: [['id', 'title'], [key(1), 'One'], [key(2), 'Two']],
    Tags: [['id', 'name'], ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => [key(n), `t${n}`])],
    PostTag: [
      HEADER,
      [key(1), key(1), 'x', JAN, '=ROW()'],
      [key(1), key(2), 'x', JAN, '=ROW()'],
      [key(2), key(1), 'guest', JAN, '=ROW()'],
      [key(1), key(3), 'z', '', '=ROW()'],
      [key(1), key(4), 'z', MAR, '=ROW()'],
      [key(2), key(3), '', '', '=ROW()'],
      [key(1), key(5), 'w', '', '=ROW()'],
      [key(1), key(6), 'w', '', '=ROW()'],
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

describe('sync', () => {
  test('inserts the new, updates changed attributes, deletes the rest: one read, one append, blocks, runs', () => {
    seed();
    const result = post(1).related('tags').sync({ 2: { role: 'q' }, 3: { role: 'q' }, 4: { role: 'q' }, 7: {}, 8: { role: 'new' } });

    expect(result).toEqual({ attached: [7, 8], detached: [1, 5, 6], updated: [2, 3, 4] });
    expect(sheetRows('PostTag')).toEqual([
      HEADER,
      [1, 2, 'q', JAN, 2],
      [2, 1, 'guest', JAN, 3],
      [1, 3, 'q', '', 4],
      [1, 4, 'q', MAR, 5],
      [2, 3, '', '', 6],
      [1, 7, '', '', ''],
      [1, 8, 'new', '', ''],
    ]);
    expect(gas().sheetFormulas('PostTag').slice(1, 6).map((row) => row[4])).toEqual(['=ROW()', '=ROW()', '=ROW()', '=ROW()', '=ROW()']);
    const calls = gas().calls;
    expect(calls.reads('PostTag')).toBe(1);
    expect(calls.reads()).toBe(1);
    // One append (rows 10–11), then the role cells, all 'q': row 3 and rows 5–6 in one RangeList.
    expect(calls.count('Range.setValues')).toBe(1);
    expect(argsOf('Sheet.getRange')).toEqual([[10, 1, 2, 5]]);
    expect(argsOf('Sheet.getRangeList')).toEqual([[['C3', 'C5:C6']]]);
    expect(argsOf('RangeList.setValue')).toEqual([['q']]);
    expect(argsOf('Sheet.deleteRows')).toEqual([
      [8, 2],
      [2, 1],
    ]);
    expect(calls.count('Sheet.insertRowsAfter')).toBe(0);
    expect(calls.count('SpreadsheetApp.flush')).toBe(1);
  });

  test('keeps the extra columns of kept rows when given plain ids', () => {
    seed();
    const result = post(1).related('tags').sync([1, 4]);

    expect(result).toEqual({ attached: [], detached: [2, 3, 5, 6], updated: [] });
    expect(sheetRows('PostTag')).toEqual([HEADER, [1, 1, 'x', JAN, 2], [2, 1, 'guest', JAN, 3], [1, 4, 'z', MAR, 4], [2, 3, '', '', 5]]);
    expect(gas().calls.writes()).toBe(0);
    expect(argsOf('Sheet.deleteRows')).toEqual([
      [8, 2],
      [5, 1],
      [3, 1],
    ]);
  });

  test('writes nothing when the pivot rows already match', () => {
    seed();
    const result = post(1).related('tags').sync({ 1: { role: 'x', added_at: new Date(JAN.getTime()) }, 2: {}, 3: { role: 'z' }, 4: {}, 5: {}, 6: {} });

    expect(result).toEqual({ attached: [], detached: [], updated: [] });
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(0);
    expect(gas().calls.count('SpreadsheetApp.flush')).toBe(0);
  });

  test('with detach = false never deletes (and syncWithoutDetaching is the same)', () => {
    seed();
    const p = post(1);
    expect(p.related('tags').sync({ 1: { role: 'y' }, 7: {} }, false)).toEqual({ attached: [7], detached: [], updated: [1] });
    expect(p.related('tags').syncWithoutDetaching([8])).toEqual({ attached: [8], detached: [], updated: [] });

    expect(gas().calls.count('Sheet.deleteRows')).toBe(0);
    expect(sheetRows('PostTag').length).toBe(11);
    expect(sheetRows('PostTag')[1]).toEqual([1, 1, 'y', JAN, 2]);
    expect(sheetRows('PostTag').slice(9)).toEqual([
      [1, 7, '', '', ''],
      [1, 8, '', '', ''],
    ]);
  });

  test("syncWithPivotValues gives every id the same attributes (Eloquent); pivot attributes in detach's place are refused", () => {
    seed();
    const p = post(2);
    expect(p.related('tags').syncWithPivotValues([1, 4], { role: 'member' })).toEqual({ attached: [4], detached: [3], updated: [1] });
    expect(sheetRows('PostTag').filter((row) => row[0] === 2)).toEqual([
      [2, 1, 'member', JAN, 4],
      [2, 4, 'member', '', ''],
    ]);
    expect(p.related('tags').syncWithPivotValues([5], { role: 'x' }, false)).toEqual({ attached: [5], detached: [], updated: [] });
    gas().calls.reset();
    expect(() => p.related('tags').sync([1], { role: 'lead' } as never)).toThrow(
      "Post.tags.sync(): the last argument says whether to detach the ids not given (true or false), got an object",
    );
    expect(() => p.related('tags').syncWithPivotValues([1], undefined as never)).toThrow(ValidationError);
    expect(() => p.related('tags').sync([1], 'false' as never)).toThrow('Post.tags.sync(): the last argument says whether to detach the ids not given (true or false), got "false".');
    expect(gas().calls.writes()).toBe(0);
    // Falsy values keep the other rows, as before the check.
    expect(p.related('tags').sync([1], 0 as never).detached).toEqual([]);
  });

  test('with an empty list detaches every row of the parent', () => {
    seed();
    expect(post(2).related('tags').sync([])).toEqual({ attached: [], detached: [1, 3], updated: [] });
    expect(sheetRows('PostTag').map((row) => row[0])).toEqual(['post_id', 1, 1, 1, 1, 1, 1]);
    expect(argsOf('Sheet.deleteRows')).toEqual([
      [7, 1],
      [4, 1],
    ]);
  });

  test('matches keys stored as text, keeps them text and reports them as stored', () => {
    seed(String);
    const result = post('1').related('tags').sync({ 1: {}, 2: { role: 'q' }, 7: {} });

    expect(result).toEqual({ attached: ['7'], detached: ['3', '4', '5', '6'], updated: ['2'] });
    expect(sheetRows('PostTag')).toEqual([
      HEADER,
      ['1', '1', 'x', JAN, 2],
      ['1', '2', 'q', JAN, 3],
      ['2', '1', 'guest', JAN, 4],
      ['2', '3', '', '', 5],
      ['1', '7', '', '', ''],
    ]);
  });

  test('accepts models and Collections', () => {
    seed();
    const p = post(2);
    const tags = Tag.query().whereIn('id', [3, 8]).get();
    expect(p.related('tags').sync(tags)).toEqual({ attached: [8], detached: [1], updated: [] });
    expect(p.related('tags').query().get().pluck('id').all()).toEqual([3, 8]);
  });

  test('keeps every row of a kept id, duplicates and their pivot data included, as Lucid and Eloquent do', () => {
    seedSheets({
      Posts: [['id'], [1]],
      Tags: [['id'], [1], [2]],
      PostTag: [['post_id', 'tag_id', 'role'], [1, 1, 'added by Ann'], [1, 2, ''], [1, 1, 'added by Bob']],
    });
    expect(post(1).related('tags').sync([1])).toEqual({ attached: [], detached: [2], updated: [] });
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'role'], [1, 1, 'added by Ann'], [1, 1, 'added by Bob']]);
    expect(post(1).related('tags').sync({ 1: { role: 'owner' } })).toEqual({ attached: [], detached: [], updated: [1] });
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'role'], [1, 1, 'owner'], [1, 1, 'owner']]);
  });

  test('leaves both the sheet and the call log empty of writes when any part is invalid', () => {
    seed();
    const p = post(1);
    const before = sheetRows('PostTag');
    expect(() => p.related('tags').sync({ 2: { role: 'q' }, 7: { role: 'x'.repeat(50001) } })).toThrow(ValidationError);
    expect(() => p.related('tags').sync({ 2: { nope: 'q' } })).toThrow(ColumnNotFoundError);
    // @ts-expect-error undefined is no id (the type says so too)
    expect(() => p.related('tags').sync([7, undefined])).toThrow(ValidationError);
    expect(sheetRows('PostTag')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(0);
  });

  test('a failing sync inside a transaction writes nothing', () => {
    seed();
    const p = post(1);
    const before = sheetRows('PostTag');
    expect(() =>
      transaction(() => {
        p.related('tags').attach(8);
        p.related('tags').sync({ 1: {}, 7: { role: 'x'.repeat(50001) } });
      }),
    ).toThrow(ValidationError);
    expect(sheetRows('PostTag')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(0);
  });

  test('a failing sync caught inside a transaction leaves no trace; the rest is written', () => {
    seed();
    const p = post(1);
    let caught: unknown = null;
    transaction(() => {
      p.related('tags').attach(8);
      try {
        // Deletes five rows and updates one before the failing insert: all of it must be undone.
        p.related('tags').sync({ 1: { role: 'changed' }, 7: { role: 'x'.repeat(50001) } });
      } catch (error) {
        caught = error;
      }
      expect(p.related('tags').query().get().pluck('id').all()).toEqual([1, 2, 3, 4, 5, 6, 8]);
    });
    expect(caught).toBeInstanceOf(ValidationError);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(0);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    const rows = sheetRows('PostTag');
    expect(rows.length).toBe(10);
    expect(rows[1]).toEqual([1, 1, 'x', JAN, 2]);
    expect(rows[9]).toEqual([1, 8, '', '', '']);
  });
});

it('inside a transaction, eager loads and counts after a sync see the pending pivot rows', () => {
  seed();
  transaction(() => {
    const before = Post.with('tags').get();
    Post.find(2)!.related('tags').sync([4, 5]);
    const after = Post.with('tags').get();
    expect(before.get(1)!.tags.pluck('id').all()).toEqual([1, 3]);
    expect(after.get(1)!.tags.pluck('id').all()).toEqual([4, 5]);
    expect(after.get(0)!.tags.pluck('id').all()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Post.withCount('tags').get().pluck('$extras.tags_count').all()).toEqual([6, 2]);
  });
  expect(sheetRows('PostTag').filter((row) => row[0] === 2).map((row) => row[1])).toEqual([4, 5]);
});

describe('a pair the pivot sheet holds twice', () => {
  function seedTwice() {
    seedSheets({
      Posts: [['id', 'title'], [1, 'One']],
      Tags: [['id', 'name'], [1, 't1'], [2, 't2'], [3, 't3']],
      PostTag: [['post_id', 'tag_id'], [1, 1], [1, 1], [1, 2], [1, 2], [1, 3]],
    });
  }

  test('sync keeps both rows of a kept id and removes both of a dropped one, reporting it once', () => {
    seedTwice();
    expect(Post.find(1)!.related('tags').sync([1, 3])).toEqual({ attached: [], detached: [2], updated: [] });
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id'], [1, 1], [1, 1], [1, 3]]);
  });

  test('toggle reports each id once; detach counts the rows it removed (Eloquent)', () => {
    seedTwice();
    expect(Post.find(1)!.related('tags').toggle([1, 4])).toEqual({ attached: [4], detached: [1] });
    expect(Post.find(1)!.related('tags').detach([2])).toBe(2);
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id'], [1, 3], [1, 4]]);
  });
});
