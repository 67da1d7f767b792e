/** `related('tags').attach(...)`: one append of the new pivot rows, nothing else touched. */
import { ColumnNotFoundError, DuplicateKeyError, Model, SheetORMError, transaction, ValidationError } from '../../src';
import { runInNewContext } from 'vm';
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

/** Post 1 and post 2 rows interleaved; `n` is a formula that must stay one. */
function seed(key: (n: number) => number | string = (n) => n) {
  seedSheets({
    Posts: [['id', 'title'], [key(1), 'One'], [key(2), 'Two']],
    Tags: [['id', 'name'], [key(1), 'a'], [key(2), 'b'], [key(3), 'c'], [key(4), 'd']],
    PostTag: [
      HEADER,
      [key(1), key(1), 'owner', JAN, '=ROW()'],
      [key(2), key(1), 'guest', JAN, '=ROW()'],
      [key(1), key(2), '', '', '=ROW()'],
      [key(2), key(3), 'guest', MAR, '=ROW()'],
    ],
  });
}

function argsOf(method: string): unknown[][] {
  return gas().calls.all().filter((call) => call.method === method).map((call) => call.args);
}

/** Makes the sheet's grid exactly as tall as its content, so any append must grow it. */
function shrinkGrid(name: string) {
  const sheet = gas().active.getSheetByName(name)!;
  sheet.deleteRows(sheet.getLastRow() + 1, sheet.getMaxRows() - sheet.getLastRow());
}

function post(id: number | string) {
  const found = Post.find(id);
  if (!found) throw new Error(`no post ${id}`);
  gas().calls.reset();
  return found;
}

describe('attach', () => {
  test('appends one row per id in one setValues, leaving every other row and formula alone', () => {
    seed();
    const p = post(1);
    p.related('tags').attach([3, 4]);

    expect(sheetRows('PostTag')).toEqual([
      HEADER,
      [1, 1, 'owner', JAN, 2],
      [2, 1, 'guest', JAN, 3],
      [1, 2, '', '', 4],
      [2, 3, 'guest', MAR, 5],
      [1, 3, '', '', ''],
      [1, 4, '', '', ''],
    ]);
    expect(gas().sheetFormulas('PostTag').map((row) => row[4])).toEqual(['', '=ROW()', '=ROW()', '=ROW()', '=ROW()', '', '']);
    const calls = gas().calls;
    expect(calls.count('Range.setValues')).toBe(1);
    expect(argsOf('Sheet.getRange')).toEqual([[6, 1, 2, 5]]);
    expect(calls.count('Sheet.insertRowsAfter')).toBe(0);
    expect(calls.count('Sheet.deleteRows')).toBe(0);
    expect(calls.reads('PostTag')).toBe(1);
    expect(calls.reads('Posts') + calls.reads('Tags')).toBe(0);
    expect(calls.count('SpreadsheetApp.flush')).toBe(1);
  });

  test('stores pivot attributes given as { id: attributes }, Dates included', () => {
    seed();
    post(1).related('tags').attach({ 3: { role: 'editor', added_at: MAR }, 4: { role: 'viewer' } });

    expect(sheetRows('PostTag').slice(5)).toEqual([
      [1, 3, 'editor', MAR, ''],
      [1, 4, 'viewer', '', ''],
    ]);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    const loaded = Post.query().where('id', 1).with('tags', (q: any) => q.pivotColumns(['role'])).first() as any;
    expect(loaded.tags.pluck('id').all()).toEqual([1, 2, 3, 4]);
    expect(loaded.tags.find((t: any) => t.id === 3).pivot.role).toBe('editor');
  });

  test("applies Eloquent's second argument to every id attached, under each id's own attributes", () => {
    seed();
    post(1).related('tags').attach([3], { role: 'editor', added_at: MAR });
    post(2).related('tags').attach({ 2: { role: 'lead' }, 4: { role: undefined } }, { role: 'member' });

    expect(sheetRows('PostTag').slice(5)).toEqual([
      [1, 3, 'editor', MAR, ''],
      [2, 2, 'lead', '', ''],
      [2, 4, 'member', '', ''],
    ]);
    expect(() => post(1).related('tags').attach([4], 'admin' as never)).toThrow("Post.tags.attach(): pivot attributes must be an object of pivot columns, got \"admin\".");
    expect(gas().calls.writes()).toBe(0);
  });

  test('takes Dates as ids of a related sheet keyed by date, in every pivot writer', () => {
    class Day extends Model {
      static _table = 'Days';
      static _primaryKey = 'day';
    }
    class Shift extends Model {
      static _table = 'Shifts';
      days() {
        return this.manyToMany(Day, 'DayShift', 'shift_id', 'day', 'id', 'day');
      }
    }
    const day = (n: number) => new Date(Date.UTC(2024, 0, n));
    seedSheets({
      Days: [['day', 'label'], [day(1), 'Mon'], [day(2), 'Tue'], [day(3), 'Wed']],
      Shifts: [['id', 'name'], [1, 'early']],
      DayShift: [['day', 'shift_id', 'note'], [day(1), 1, '']],
    });
    const days = Shift.findOrFail(1).related('days');
    days.attach([day(2)], { note: 'cover' });
    expect(days.sync([day(2), day(3)])).toEqual({ attached: [day(3)], detached: [day(1)], updated: [] });
    expect(days.updateExistingPivot(day(3), { note: 'late' })).toBe(1);
    expect(days.toggle([day(2)])).toEqual({ attached: [], detached: [day(2)] });
    expect(sheetRows('DayShift')).toEqual([['day', 'shift_id', 'note'], [day(3), 1, 'late']]);
    expect(days.detach([day(3)])).toBe(1);
    expect(() => days.attach([new Date(NaN)])).toThrow(ValidationError);
    // Each Date with its own pivot attributes: a Map, as an object's keys would be text.
    days.attach(new Map([[day(1), { note: 'a' }], [day(2), { note: 'b' }]]));
    expect(sheetRows('DayShift').slice(1)).toEqual([[day(1), 1, 'a'], [day(2), 1, 'b']]);
    // A library's caller makes its Maps and Dates in another realm.
    const foreign = runInNewContext('(d) => new Map([[new Date(d), { note: "d" }]])')(day(3).getTime()) as Map<Date, object>;
    days.attach(foreign);
    expect(sheetRows('DayShift')[3]).toEqual([day(3), 1, 'd']);
    days.detach([day(3)]);
    const byText: Record<string, object> = { [String(day(3))]: { note: 'c' } };
    expect(() => days.sync(byText, false)).toThrow(/is a Date turned into text by the object; key pivot attributes by Date with a Map/);
    expect(sheetRows('DayShift')).toHaveLength(3);
  });

  test('grows the grid with one insertRowsAfter when the append does not fit', () => {
    seed();
    shrinkGrid('PostTag');
    const p = post(1);
    p.related('tags').attach([2, 3, 4]);

    expect(argsOf('Sheet.insertRowsAfter')).toEqual([[5, 3]]);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(argsOf('Sheet.getRange')).toEqual([[6, 1, 3, 5]]);
    expect(sheetRows('PostTag').slice(5)).toEqual([
      [1, 2, '', '', ''],
      [1, 3, '', '', ''],
      [1, 4, '', '', ''],
    ]);
  });

  test('accepts models and Collections as ids', () => {
    seed();
    const p = post(1);
    p.related('tags').attach(Tag.query().whereIn('id', [3, 4]).get());
    p.related('tags').attach(new Tag().fill({ id: 9 }));
    expect(sheetRows('PostTag').slice(5).map((row) => row.slice(0, 2))).toEqual([[1, 3], [1, 4], [1, 9]]);
  });

  test('with keys stored as text, writes new keys as text and a text id into a number column as a number', () => {
    seed(String);
    post('1').related('tags').attach([3, '4']);
    expect(sheetRows('PostTag').slice(5)).toEqual([
      ['1', '3', '', '', ''],
      ['1', '4', '', '', ''],
    ]);

    seed();
    post(1).related('tags').attach(['3']);
    expect(sheetRows('PostTag')[5]).toEqual([1, 3, '', '', '']);
  });

  test('refuses NaN and Infinity as ids before writing, also where the pivot holds keys as text', () => {
    seed(String);
    const before = sheetRows('PostTag');
    const tags = post('1').related('tags');
    gas().calls.reset();
    expect(() => tags.attach([Infinity])).toThrow('Post.tags.attach(): Infinity is not a related id or model.');
    expect(() => tags.sync([Number(undefined)])).toThrow('Post.tags.sync(): NaN is not a related id or model.');
    expect(() => tags.toggle([3, NaN])).toThrow(ValidationError);
    expect(() => tags.detach([NaN])).toThrow(ValidationError);
    expect(() => tags.sync({ [Number(undefined)]: { role: 'x' } })).toThrow('Post.tags.sync(): the key "NaN" is a number that is no number');
    expect(() => tags.attach({ [Infinity]: {} })).toThrow(ValidationError);
    const missing = ({} as Record<string, string>).tag;
    expect(() => tags.sync({ [missing]: { role: 'x' } })).toThrow('Post.tags.sync(): the key "undefined" is undefined turned into text by the object');
    expect(() => tags.toggle({ [String(null)]: {} })).toThrow(ValidationError);
    expect(() => tags.sync({ [String(Tag.findOrFail(1))]: {} })).toThrow('the key "[object Object]" is an object turned into text');
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('PostTag')).toEqual(before);
  });

  test('tells how the pivot holds keys from its live rows: empty cells and rows detached earlier in the transaction do not count', () => {
    seedSheets({
      Posts: [['id'], [1], [9]],
      Tags: [['id'], [3], [4], [5], [7]],
      PostTag: [['post_id', 'tag_id'], [9, ''], [9, 7], ['1', '3'], ['1', '5']],
    });
    const sheet = gas().active.getSheetByName('PostTag')!;
    sheet.getRange(4, 1, 2, 2).setNumberFormat('@').setValues([['1', '3'], ['1', '5']]);
    transaction(() => {
      Post.find(9)!.related('tags').detach();
      Post.find(1)!.related('tags').attach(4);
    });
    // detach() removes all of post 9's rows, the one with a blank tag too (as outside a transaction).
    // The bare id 4 follows the live rows (text); the post's key is written as Posts holds it.
    expect(sheetRows('PostTag').slice(1)).toEqual([['1', '3'], ['1', '5'], [1, '4']]);
  });

  test('writes a key a model gives as the model holds it (its own sheet decides), a bare id as the pivot holds keys', () => {
    seed();
    const sheet = gas().active.getSheetByName('PostTag')!;
    sheet.getRange(2, 1, 4, 2).setNumberFormat('@').setValues([['1', '1'], ['2', '1'], ['1', '2'], ['2', '3']]);
    const p = post(1);
    p.related('tags').attach(4);
    p.related('tags').attach(Tag.findOrFail(3));
    expect(sheetRows('PostTag').slice(5)).toEqual([
      [1, '4', '', '', ''],
      [1, 3, '', '', ''],
    ]);
    expect(p.related('tags').query().get().pluck('id').all()).toEqual([1, 2, 4, 3]);
  });

  test('a model with a text key keeps it as text in an empty pivot column; a number key stays a number in a text column', () => {
    seedSheets({
      Posts: [['id'], [1]],
      Tags: [['id', 'name'], [' 7 ', 'padded'], ['1.50', 'decimal'], [5, 'five']],
      PostTag: [['post_id', 'tag_id']],
    });
    const p = post(1);
    p.related('tags').attach(Tag.query().whereIn('name', ['padded', 'decimal']).get());
    expect(sheetRows('PostTag').slice(1)).toEqual([
      [1, ' 7 '],
      [1, '1.50'],
    ]);
    p.related('tags').sync([Tag.findByOrFail('name', 'five')], false);
    expect(sheetRows('PostTag')[3]).toEqual([1, 5]);
    expect(p.related('tags').query().get().pluck('name').all()).toEqual(['padded', 'decimal', 'five']);
  });

  test('stores keys the way most of the column holds them, not as its first cell does', () => {
    seedSheets({
      Posts: [['id'], [1], [3]],
      Tags: [['id'], [1], [2], [4]],
      PostTag: [['post_id', 'tag_id'], ['2', '2'], [1, 1], [1, 2]],
    });
    const sheet = gas().active.getSheetByName('PostTag')!;
    sheet.getRange(2, 1, 1, 2).setNumberFormat('@').setValues([['2', '2']]);
    expect(post(3).related('tags').sync([4]).attached).toEqual([4]);
    expect(sheetRows('PostTag')[4]).toEqual([3, 4]);
  });

  test('keeps text ids as text in a column of text keys that are no numbers', () => {
    seedSheets({
      Posts: [['id'], ['P-1']],
      Tags: [['id'], ['A-100'], ['1001']],
      PostTag: [['post_id', 'tag_id'], ['P-1', 'A-100']],
    });
    const p = Post.findOrFail('P-1');
    p.related('tags').attach(['1001']);
    expect(sheetRows('PostTag')[2]).toEqual(['P-1', '1001']);
  });

  test("a pivot model's fixed default on its own key (id: this.number(0)) leaves the key to max + 1", () => {
    class Tagging extends Model {
      static _table = 'Taggings';
      static fields() {
        return { id: this.number(0), post_id: this.attr(null), tag_id: this.attr(null), role: this.string('guest') };
      }
    }
    class Article extends Model {
      static _table = 'Posts';
      tags() {
        return this.manyToMany(Tag, Tagging, 'post_id', 'tag_id');
      }
    }
    seedSheets({ Posts: [['id'], [1]], Tags: [['id'], [1], [2], [3]], Taggings: [['id', 'post_id', 'tag_id', 'role'], [4, 1, 1, 'owner']] });
    Article.findOrFail(1).related('tags').attach([2]);
    Article.findOrFail(1).related('tags').sync([1, 2, 3]);
    expect(sheetRows('Taggings').slice(1)).toEqual([
      [4, 1, 1, 'owner'],
      [5, 1, 2, 'guest'],
      [6, 1, 3, 'guest'],
    ]);
  });

  test("refuses an id that a pivot sheet's own id column already holds, as it numbers new rows there", () => {
    seedSheets({
      Posts: [['id'], [1], [2]],
      Tags: [['id'], [1], [2]],
      PostTag: [['id', 'post_id', 'tag_id'], [7, 1, 1]],
    });
    expect(() => post(2).related('tags').attach({ 1: { id: 7 } })).toThrow(DuplicateKeyError);
    expect(sheetRows('PostTag')).toEqual([['id', 'post_id', 'tag_id'], [7, 1, 1]]);
    post(2).related('tags').attach({ 1: { id: 3 } });
    expect(sheetRows('PostTag')[2]).toEqual([3, 2, 1]);
  });

  test("refuses to change a pivot row's own id through sync or updateExistingPivot, writing nothing", () => {
    seedSheets({
      Posts: [['id'], [1]],
      Tags: [['id'], [1], [2]],
      PostTag: [['id', 'post_id', 'tag_id', 'role'], [5, 1, 1, ''], [6, 1, 2, '']],
    });
    const before = sheetRows('PostTag');
    expect(() => post(1).related('tags').updateExistingPivot(1, { id: 6 })).toThrow(/key "id" is not changed through sync or updateExistingPivot/);
    // The pair's own columns neither: that would move the row to another tag, or repeat a pair.
    expect(() => post(1).related('tags').updateExistingPivot(1, { tag_id: 2 })).toThrow(/key "tag_id" is not changed .*detach the id and attach the new one instead/);
    expect(() => post(1).related('tags').sync({ 1: { post_id: 7 } })).toThrow(/key "post_id" is not changed/);
    expect(() => post(1).related('tags').sync({ 1: { id: 9, role: 'x' }, 2: {} })).toThrow(ValidationError);
    expect(sheetRows('PostTag')).toEqual(before);
    expect(post(1).related('tags').updateExistingPivot(1, { id: 5, role: 'kept id' })).toBe(1);
    expect(sheetRows('PostTag')[1]).toEqual([5, 1, 1, 'kept id']);
    // Repeating a key, even in another type, changes nothing and is no error.
    expect(post(1).related('tags').sync({ 1: { post_id: '1', tag_id: 1, role: 'same keys' } }, false)).toMatchObject({ updated: [1] });
    expect(sheetRows('PostTag')[1]).toEqual([5, 1, 1, 'same keys']);
  });

  test('pivot attributes may repeat the keys the row links, in any type', () => {
    seed();
    post(1).related('tags').attach({ 3: { post_id: '1', tag_id: 3, role: 'x' } } as never);
    expect(sheetRows('PostTag')[5].slice(0, 3)).toEqual([1, 3, 'x']);
  });

  test('attach([]) and toggle([]) make no call at all, and still refuse an unsaved parent', () => {
    seed();
    const p = post(1);
    gas().calls.reset();
    p.related('tags').attach([]);
    expect(p.related('tags').toggle([])).toEqual({ attached: [], detached: [] });
    expect(gas().calls.count()).toBe(0);
    expect(() => new Post().related('tags').attach([])).toThrow(SheetORMError);
  });

  test('gives a pivot with its own id column the next id', () => {
    seedSheets({
      Posts: [['id'], [1], [2]],
      Tags: [['id'], [1], [2], [3]],
      PostTag: [['id', 'post_id', 'tag_id'], [1, 1, 1], [7, 2, 1]],
    });
    post(1).related('tags').attach([2, 3]);
    expect(sheetRows('PostTag')).toEqual([['id', 'post_id', 'tag_id'], [1, 1, 1], [7, 2, 1], [8, 1, 2], [9, 1, 3]]);
  });

  test('batches several attaches inside a transaction into one setValues', () => {
    seed();
    const p = post(1);
    transaction(() => {
      p.related('tags').attach(3);
      p.related('tags').attach({ 4: { role: 'late' } });
    });
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(sheetRows('PostTag').slice(5)).toEqual([
      [1, 3, '', '', ''],
      [1, 4, 'late', '', ''],
    ]);
  });

  test('rejects bad input before writing anything', () => {
    seed();
    const p = post(1);
    const before = sheetRows('PostTag');
    // @ts-expect-error null is no id (the type says so too)
    expect(() => p.related('tags').attach([3, null])).toThrow(ValidationError);
    expect(() => p.related('tags').attach({ 3: { nope: 1 } })).toThrow(ColumnNotFoundError);
    expect(() => p.related('tags').attach({ 3: { role: 'x'.repeat(50001) } })).toThrow(ValidationError);
    // @ts-expect-error pivot attributes are an object
    expect(() => p.related('tags').attach({ 3: 'admin' })).toThrow(ValidationError);
    expect(() => new Post().related('tags').attach(3)).toThrow(SheetORMError);
    // The relation sets the keys: other ones among the pivot attributes would be overridden unnoticed.
    expect(() => p.related('tags').attach({ 3: { post_id: 2 } } as never)).toThrow('Post.tags.attach(): the pivot attributes give post_id = 2, but the row links post_id = 1;');
    expect(() => p.related('tags').sync({ 3: { tag_id: 4 } } as never)).toThrow(/give tag_id = 4, but the row links tag_id = 3/);
    expect(sheetRows('PostTag')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.count('Sheet.insertRowsAfter')).toBe(0);
  });
});

test("a plain pivot sheet's own id given in a transaction and taken meanwhile by another execution is a DuplicateKeyError", () => {
  seedSheets({ Posts: [['id'], [1], [2]], Tags: [['id'], [1], [2], [3]], PostTag: [['id', 'post_id', 'tag_id'], [1, 1, 1]] });
  expect(() =>
    transaction(() => {
      Post.find(1)!.related('tags').attach([2]);
      gas().run('B', () => gas().SpreadsheetApp.getActive().getSheetByName('PostTag')!.appendRow([2, 2, 3]));
    }),
  ).toThrow(/Post\.tags: a row with id 2 was added to sheet "PostTag".*by someone else while this write ran/);
  expect(sheetRows('PostTag')).toEqual([['id', 'post_id', 'tag_id'], [1, 1, 1], [2, 2, 3]]);
});
