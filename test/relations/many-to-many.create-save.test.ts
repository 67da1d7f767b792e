/** create/createMany/save/saveMany/query through a many-to-many relation: both sheets, one unit of work. */
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
  declare id: number;
  declare name: string;
  declare label: string | null;
}

const JAN = new Date(Date.UTC(2024, 0, 2));
const HEADER = ['post_id', 'tag_id', 'role', 'added_at', 'n'];
const TAGS = [['id', 'name'], [1, 'a'], [2, 'b'], [3, 'c']];

function seed(key: (n: number) => number | string = (n) => n) {
  seedSheets({
    Posts: [['id', 'title'], [key(1), 'One'], [key(2), 'Two']],
    Tags: TAGS.map((row, i) => (i ? [key(row[0] as number), row[1]] : row)),
    PostTag: [
      HEADER,
      [key(1), key(1), 'owner', JAN, '=ROW()'],
      [key(2), key(1), 'guest', JAN, '=ROW()'],
      [key(1), key(2), '', '', '=ROW()'],
    ],
  });
}

function argsOf(method: string, sheet?: string): unknown[][] {
  return gas()
    .calls.all()
    .filter((call) => call.method === method && (sheet === undefined || call.sheet === sheet))
    .map((call) => call.args);
}

function post(id: number | string) {
  const found = Post.find(id)!;
  gas().calls.reset();
  return found;
}

describe('create / createMany', () => {
  test('take new models of the related class, as Tag.create does', () => {
    seed();
    const tag = post(1).related('tags').create(new Tag({ name: 'made' }), { role: 'author' });
    const [other] = post(1).related('tags').createMany([new Tag({ name: 'more' })]);
    expect([tag.id, other.id]).toEqual([4, 5]);
    expect(sheetRows('Tags').slice(4)).toEqual([[4, 'made'], [5, 'more']]);
    expect(sheetRows('PostTag').slice(4).map((row) => row.slice(0, 3))).toEqual([[1, 4, 'author'], [1, 5, '']]);
  });

  test('refuse what is not attributes, naming the relation method called', () => {
    seed();
    const p = post(1);
    expect(() => p.related('tags').create(new Post() as never)).toThrow(/^Post\.tags\.create\(\): expected an object of attributes, got a Post/);
    expect(() => p.related('tags').create('oops' as never)).toThrow(/^Post\.tags\.create\(\): expected an object of attributes, got "oops"/);
    expect(() => p.related('tags').createMany({ name: 'x' } as never)).toThrow(/^Post\.tags\.createMany\(\): expected an array of attribute objects/);
    expect(() => p.related('tags').createMany([{ name: 'x' }, 7 as never])).toThrow(/^Post\.tags\.createMany\(\): the item at index 1 is not an object of attributes, got 7/);
    expect(() => p.related('tags').createMany([{ name: 'x' }, , { name: 'y' }] as never)).toThrow(/^Post\.tags\.createMany\(\): the item at index 1 is not an object of attributes, got undefined/);
    expect(gas().calls.writes()).toBe(0);
  });

  test('create inserts the related row and its pivot row: one append per sheet, one lock', () => {
    seed();
    const tag = post(1).related('tags').create({ name: 'new' }, { role: 'author', added_at: JAN });

    expect(tag).toBeInstanceOf(Tag);
    expect(tag.id).toBe(4);
    expect(tag.$isPersisted).toBe(true);
    expect(sheetRows('Tags')).toEqual([...TAGS, [4, 'new']]);
    expect(sheetRows('PostTag').slice(4)).toEqual([[1, 4, 'author', JAN, '']]);
    expect(gas().sheetFormulas('PostTag').slice(1, 4).map((row) => row[4])).toEqual(['=ROW()', '=ROW()', '=ROW()']);
    expect(gas().calls.count('Range.setValues')).toBe(2);
    expect(argsOf('Range.setValues', 'Tags')).toEqual([[[[4, 'new']]]]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(gas().calls.count('SpreadsheetApp.flush')).toBe(1);
  });

  test('createMany aligns the pivot list, undefined entries meaning no attributes', () => {
    seed();
    const tags = post(2).related('tags').createMany([{ name: 'x' }, { name: 'y' }, { name: 'z' }], [{ role: 'r1' }, undefined, { role: 'r3', added_at: JAN }]);

    expect(tags.map((t: Tag) => t.id)).toEqual([4, 5, 6]);
    expect(sheetRows('Tags').slice(4)).toEqual([
      [4, 'x'],
      [5, 'y'],
      [6, 'z'],
    ]);
    expect(sheetRows('PostTag').slice(1)).toEqual([
      [1, 1, 'owner', JAN, 2],
      [2, 1, 'guest', JAN, 3],
      [1, 2, '', '', 4],
      [2, 4, 'r1', '', ''],
      [2, 5, '', '', ''],
      [2, 6, 'r3', JAN, ''],
    ]);
    expect(gas().calls.count('Range.setValues')).toBe(2);
    expect(argsOf('Sheet.getRange', 'PostTag')).toEqual([[5, 1, 3, 5]]);
    expect(argsOf('Sheet.getRange', 'Tags')).toEqual([[5, 1, 3, 2]]);
  });

  test('createMany without a pivot list attaches every model with no attributes', () => {
    seed();
    post(1).related('tags').createMany([{ name: 'x' }, { name: 'y' }]);
    expect(sheetRows('PostTag').slice(4)).toEqual([
      [1, 4, '', '', ''],
      [1, 5, '', '', ''],
    ]);
  });

  test('createMany with one invalid item leaves both sheets unchanged and writes nothing', () => {
    seed();
    const p = post(1);
    const tags = sheetRows('Tags');
    const pivot = sheetRows('PostTag');

    expect(() => p.related('tags').createMany([{ name: 'ok' }, { name: 'x'.repeat(50001) }], [{ role: 'a' }, { role: 'b' }])).toThrow(ValidationError);
    expect(() => p.related('tags').createMany([{ name: 'ok' }, { name: 'fine' }], [undefined, { nope: 1 }])).toThrow(ColumnNotFoundError);
    expect(() => p.related('tags').createMany([{ name: 'ok' }], [{ role: 'x'.repeat(50001) }])).toThrow(ValidationError);

    expect(sheetRows('Tags')).toEqual(tags);
    expect(sheetRows('PostTag')).toEqual(pivot);
    expect(gas().calls.count('Range.setValues')).toBe(0);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().calls.count('Sheet.insertRowsAfter')).toBe(0);
  });

  test('keys stored as text: the pivot row gets text keys', () => {
    seed(String);
    post('1').related('tags').create({ name: 'new' });
    expect(sheetRows('PostTag')[4].slice(0, 2)).toEqual(['1', '4']);
  });
});

describe('save / saveMany', () => {
  test('save persists a new model and attaches it', () => {
    seed();
    const tag = new Tag().fill({ name: 'fresh' });
    const saved = post(1).related('tags').save(tag, { role: 'r' });

    expect(saved).toBe(tag);
    expect(tag.$isPersisted).toBe(true);
    expect(tag.id).toBe(4);
    expect(sheetRows('Tags')[4]).toEqual([4, 'fresh']);
    expect(sheetRows('PostTag')[4]).toEqual([1, 4, 'r', '', '']);
    expect(gas().calls.count('Range.setValues')).toBe(2);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
  });

  test('a new parent is saved first, in the same write: create and save link rows to its new key (Lucid)', () => {
    seed();
    gas().calls.reset();
    const parent = new Post().fill({ title: 'Three' });
    const tag = parent.related('tags').create({ name: 'made' }, { role: 'author' });
    expect(parent.$isPersisted).toBe(true);
    expect(sheetRows('Posts').slice(3)).toEqual([[3, 'Three']]);
    expect(sheetRows('PostTag').slice(4).map((row) => row.slice(0, 3))).toEqual([[3, tag.id, 'author']]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(gas().calls.count('Range.setValues')).toBe(3);

    const another = new Post().fill({ title: 'Four' });
    another.related('tags').saveMany([Tag.find(1)!, new Tag({ name: 'fresh' })]);
    expect(sheetRows('PostTag').slice(5).map((row) => row.slice(0, 2))).toEqual([[4, 1], [4, 5]]);
  });

  test('a new parent that cannot be saved writes nothing to any sheet', () => {
    seed();
    gas().calls.reset();
    const parent = new Post().fill({ title: 'Three' });
    parent.setAttribute('nope', 1);
    expect(() => parent.related('tags').create({ name: 'made' })).toThrow(ColumnNotFoundError);
    expect(() => parent.related('tags').save(Tag.find(1)!)).toThrow(ColumnNotFoundError);
    expect(gas().calls.writes()).toBe(0);
    expect([sheetRows('Posts').length, sheetRows('Tags').length, sheetRows('PostTag').length]).toEqual([3, 4, 4]);
  });

  test('save with checkExisting adds no duplicate pivot row, and updates only changed pivot attributes', () => {
    seed();
    const p = post(1);
    const tag = Tag.find(2)!;
    gas().calls.reset();

    p.related('tags').save(tag, undefined, true);
    expect(gas().calls.writes()).toBe(0);

    p.related('tags').save(tag, { role: 'editor' }, true);
    expect(sheetRows('PostTag').slice(1)).toEqual([
      [1, 1, 'owner', JAN, 2],
      [2, 1, 'guest', JAN, 3],
      [1, 2, 'editor', '', 4],
    ]);
    expect(argsOf('Sheet.getRange')).toEqual([[4, 3, 1, 1]]);
    expect(sheetRows('Tags')).toEqual(TAGS);
  });

  test('save with checkExisting sets the attributes on every pivot row of the pair, as a sync without detaching does', () => {
    seed();
    post(1).related('tags').save(Tag.find(2)!, { role: 'again' }, false);
    post(1).related('tags').save(Tag.find(2)!, { role: 'lead' });
    post(1).related('tags').saveMany([Tag.find(2)!], [{ n: 7 }]);
    expect(sheetRows('PostTag').slice(1).map((row) => row.slice(0, 3).concat(row[4]))).toEqual([
      [1, 1, 'owner', 2],
      [2, 1, 'guest', 3],
      [1, 2, 'lead', 7],
      [1, 2, 'lead', 7],
    ]);
  });

  test('save with checkExisting = false attaches again', () => {
    seed();
    post(1).related('tags').save(Tag.find(2)!, { role: 'again' }, false);
    expect(sheetRows('PostTag').slice(1)).toEqual([
      [1, 1, 'owner', JAN, 2],
      [2, 1, 'guest', JAN, 3],
      [1, 2, '', '', 4],
      [1, 2, 'again', '', ''],
    ]);
  });

  test("Lucid's argument order: save(model, checkExisting, pivotAttributes) and saveMany(models, checkExisting, pivotList)", () => {
    seed();
    post(1).related('tags').save(Tag.find(2)!, false, { role: 'again' });
    post(2).related('tags').save(Tag.find(1)!, true, { role: 'host' });
    post(2).related('tags').saveMany([Tag.find(3)!, Tag.find(1)!], false, [{ role: 'x' }]);
    post(2).related('tags').save(Tag.find(3)!, undefined, { role: 'y' });
    expect(sheetRows('PostTag').slice(1)).toEqual([
      [1, 1, 'owner', JAN, 2],
      [2, 1, 'host', JAN, 3],
      [1, 2, '', '', 4],
      [1, 2, 'again', '', ''],
      [2, 3, 'y', '', ''],
      [2, 1, '', '', ''],
    ]);
    gas().calls.reset();
    expect(() => post(1).related('tags').save(Tag.find(3)!, { role: 'r' }, 'no' as any)).toThrow(
      new ValidationError('Post.tags.save(): checkExisting must be true or false, got "no".'),
    );
    expect(gas().calls.writes()).toBe(0);
  });

  test('saveMany saves new and changed models and attaches those not attached: one append per sheet', () => {
    seed();
    const p = post(1);
    const existing = Tag.find(1)!;
    const other = Tag.find(3)!;
    existing.name = 'renamed';
    const fresh = new Tag().fill({ name: 'fresh' });
    gas().calls.reset();

    p.related('tags').saveMany([existing, fresh, other], [undefined, { role: 'new' }]);

    expect(sheetRows('Tags')).toEqual([
      ['id', 'name'],
      [1, 'renamed'],
      [2, 'b'],
      [3, 'c'],
      [4, 'fresh'],
    ]);
    expect(sheetRows('PostTag').slice(1)).toEqual([
      [1, 1, 'owner', JAN, 2],
      [2, 1, 'guest', JAN, 3],
      [1, 2, '', '', 4],
      [1, 4, 'new', '', ''],
      [1, 3, '', '', ''],
    ]);
    expect(argsOf('Sheet.getRange', 'PostTag')).toEqual([[5, 1, 2, 5]]);
    expect(argsOf('Sheet.getRange', 'Tags')).toEqual([
      [5, 1, 1, 2],
      [2, 2, 1, 1],
    ]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
  });

  test('saveMany with one invalid model writes nothing to either sheet', () => {
    seed();
    const p = post(1);
    const before = { tags: sheetRows('Tags'), pivot: sheetRows('PostTag') };
    const ok = new Tag().fill({ name: 'ok' });
    const bad = new Tag().fill({ name: 'x'.repeat(50001) });

    expect(() => p.related('tags').saveMany([ok, bad])).toThrow(ValidationError);
    expect(sheetRows('Tags')).toEqual(before.tags);
    expect(sheetRows('PostTag')).toEqual(before.pivot);
    expect(gas().calls.writes()).toBe(0);
    expect(ok.$isPersisted).toBe(false);
  });
});

describe('query', () => {
  test('returns only this parent\'s related models', () => {
    seed();
    expect(post(1).related('tags').query().get().pluck('name').all()).toEqual(['a', 'b']);
    expect(post(2).related('tags').query().where('name', 'a').count()).toBe(1);
    expect(post(2).related('tags').query().where('name', 'b').count()).toBe(0);
  });

  test('update() writes only cells that change, leaving formulas that already show the value', () => {
    seedSheets({
      Posts: [['id', 'title'], [1, 'One']],
      Tags: [['id', 'name', 'label'], [1, 'a', '=B2'], [2, 'b', '=B3'], [3, 'c', 'old']],
      PostTag: [['post_id', 'tag_id'], [1, 1], [1, 3]],
    });
    expect(post(1).related('tags').query().update({ label: 'a' })).toBe(2);
    expect(argsOf('Range.setValues', 'Tags')).toEqual([[[['a']]]]);
    expect(gas().sheetFormulas('Tags').map((row) => row[2])).toEqual(['', '=B2', '=B3', '']);
    expect(sheetRows('Tags').map((row) => row[2])).toEqual(['label', 'a', 'b', 'a']);
  });

  test('delete() removes this parent\'s matching pivot rows, as Lucid does, and never the related rows other parents share', () => {
    seed();
    expect(post(1).related('tags').query().where('name', 'a').delete()).toBe(1);
    expect(sheetRows('Tags')).toEqual(TAGS);
    expect(sheetRows('PostTag').map((row) => row.slice(0, 3))).toEqual([HEADER.slice(0, 3), [2, 1, 'guest'], [1, 2, '']]);
    expect(argsOf('Sheet.deleteRows', 'PostTag')).toEqual([[2, 1]]);
    expect(post(2).related('tags').query().pluck('name').all()).toEqual(['a']);
    gas().calls.reset();
    expect(post(1).related('tags').query().wherePivot('role', 'none').delete()).toBe(0);
    expect(gas().calls.writes()).toBe(0);
    expect(post(2).related('tags').query().delete()).toBe(1);
    expect(sheetRows('PostTag').map((row) => row.slice(0, 2))).toEqual([['post_id', 'tag_id'], [1, 2]]);
    expect(sheetRows('Tags')).toEqual(TAGS);
  });

  test('update() takes the related sheet\'s qualified names and checks its input before anything is written', () => {
    seed();
    expect(post(1).related('tags').query().update({ 'Tags.name': 'z' })).toBe(2);
    expect(sheetRows('Tags').map((row) => row[1])).toEqual(['name', 'z', 'z', 'c']);
    gas().calls.reset();
    const tags = () => post(2).related('tags').query();
    expect(() => tags().update(null as never)).toThrow(/^Post\.tags\.update\(\): expected an object of attributes/);
    expect(() => tags().update('x' as never)).toThrow(ValidationError);
    // Refused even when no row matches, as the model's own query does.
    expect(() => tags().where('name', 'none').update({ name: 'x'.repeat(50001) })).toThrow(/Post\.tags\.name .*over Sheets' limit of 50000 per cell/);
    expect(gas().calls.writes()).toBe(0);
  });
});

test('save and saveMany take only models of the related class', () => {
  seed();
  const p = post(1);
  expect(() => p.related('tags').save({ id: 3 } as any)).toThrow(/Post\.tags\.save\(\): expected a Tag model/);
  expect(() => p.related('tags').saveMany([new Tag().fill({ name: 'ok' }), Post.find(2) as never])).toThrow(ValidationError);
  expect(gas().calls.writes()).toBe(0);
});
