/** hasMany/hasOne clients: create, createMany, save, saveMany set the parent's key; query() is scoped. */
import { Model, SheetORMError, transaction, ValidationError, WriteError } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  comments() {
    return this.hasMany(Comment);
  }
  summary() {
    return this.hasOne(Summary, 'post_id');
  }
}
class Comment extends Model {
  static _table = 'Comments';
  declare id: number;
  declare post_id: unknown;
  declare body: string;
}
class Summary extends Model {
  static _table = 'Summaries';
  declare id: number;
  declare post_id: unknown;
  declare text: string;
}

const COMMENTS_HEADER = ['id', 'body', 'post_id', 'n'];

function seed(key: (n: number) => number | string = (n) => n) {
  seedSheets({
    Posts: [['id', 'title'], [key(1), 'One'], [key(2), 'Two']],
    Comments: [COMMENTS_HEADER, [key(1), 'first', key(2), '=ROW()'], [key(2), 'second', key(1), '=ROW()'], [key(3), 'third', key(2), '=ROW()']],
    Summaries: [['id', 'post_id', 'text'], [key(1), key(2), 'of two']],
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

describe('hasMany', () => {
  test("errors of the write name the relation's method", () => {
    seed();
    const parent = post(1);
    gas().beforeCall((call) => {
      if (call.method === 'Lock.tryLock') throw new Error('Service LockService timed out.');
    });
    expect(() => parent.related('comments').create({ body: 'new' })).toThrow(/^Post\.comments\.create: Lock\.tryLock failed/);
    expect(() => parent.related('comments').createMany([{ body: 'new' }])).toThrow(/^Post\.comments\.createMany: Lock\.tryLock failed/);
    expect(() => parent.related('summary').create({ text: 'new' })).toThrow(/^Post\.summary\.create: Lock\.tryLock failed/);
  });

  test('create sets the foreign key (default post_id) with one append', () => {
    seed();
    const comment = post(1).related('comments').create({ body: 'new' });

    expect(comment).toBeInstanceOf(Comment);
    expect(comment.toJSON()).toEqual({ id: 4, body: 'new', post_id: 1, n: null });
    expect(sheetRows('Comments')).toEqual([COMMENTS_HEADER, [1, 'first', 2, 2], [2, 'second', 1, 3], [3, 'third', 2, 4], [4, 'new', 1, '']]);
    expect(gas().sheetFormulas('Comments').slice(1, 4).map((row) => row[3])).toEqual(['=ROW()', '=ROW()', '=ROW()']);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(argsOf('Sheet.getRange')).toEqual([[5, 1, 1, 4]]);
    expect(gas().calls.writes('Posts')).toBe(0);
  });

  test('the parent key wins over a foreign key in the attributes', () => {
    seed();
    post(1).related('comments').create({ body: 'new', post_id: 2 });
    expect(sheetRows('Comments')[4]).toEqual([4, 'new', 1, '']);
  });

  test('createMany is one append, and all or nothing', () => {
    seed();
    const p = post(2);
    expect(() => p.related('comments').createMany([{ body: 'a' }, , { body: 'c' }] as never)).toThrow(/^Post\.comments\.createMany\(\): the item at index 1 is not an object of attributes, got undefined/);
    const created = p.related('comments').createMany([{ body: 'a' }, { body: 'b' }]);
    expect(created.map((c: Comment) => [c.id, c.post_id])).toEqual([
      [4, 2],
      [5, 2],
    ]);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(sheetRows('Comments').slice(4)).toEqual([
      [4, 'a', 2, ''],
      [5, 'b', 2, ''],
    ]);

    gas().calls.reset();
    const before = sheetRows('Comments');
    expect(() => p.related('comments').createMany([{ body: 'ok' }, { body: 'x'.repeat(50001) }])).toThrow(ValidationError);
    expect(sheetRows('Comments')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
  });

  test('save moves an existing model by writing only its foreign-key cell', () => {
    seed();
    const p = post(1);
    const comment = Comment.find(3)!;
    gas().calls.reset();

    expect(p.related('comments').save(comment)).toBe(comment);
    expect(comment.post_id).toBe(1);
    expect(comment.$isDirty).toBe(false);
    expect(argsOf('Sheet.getRange')).toEqual([[4, 3, 1, 1]]);
    expect(argsOf('Range.setValues')).toEqual([[[[1]]]]);
    expect(sheetRows('Comments')[3]).toEqual([3, 'third', 1, 4]);
    expect(gas().sheetFormulas('Comments')[3][3]).toBe('=ROW()');
  });

  test('saveMany inserts new models and updates existing ones under one lock', () => {
    seed();
    const p = post(1);
    const first = Comment.find(1)!;
    const fresh = new Comment().fill({ body: 'fresh' });
    gas().calls.reset();

    p.related('comments').saveMany([first, fresh]);

    expect(sheetRows('Comments')).toEqual([COMMENTS_HEADER, [1, 'first', 1, 2], [2, 'second', 1, 3], [3, 'third', 2, 4], [4, 'fresh', 1, '']]);
    expect(fresh.$isPersisted).toBe(true);
    expect(argsOf('Sheet.getRange')).toEqual([
      [5, 1, 1, 4],
      [2, 3, 1, 1],
    ]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(gas().calls.count('SpreadsheetApp.flush')).toBe(1);
    expect(p.related('comments').query().get().pluck('id').all()).toEqual([1, 2, 4]);
  });

  test('saveMany with one invalid model writes nothing and gives moved models their old key back', () => {
    seed();
    const p = post(1);
    const before = sheetRows('Comments');
    const moved = Comment.find(3)!;
    const ok = new Comment().fill({ body: 'ok' });
    const bad = new Comment().fill({ body: 'x'.repeat(50001) });
    gas().calls.reset();

    expect(() => p.related('comments').saveMany([moved, ok, bad])).toThrow(ValidationError);
    expect(sheetRows('Comments')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
    expect(ok.$isPersisted).toBe(false);
    expect(moved.post_id).toBe(2);
    expect(moved.$isDirty).toBe(false);
  });

  test('keys stored as text: the foreign key is written as the parent holds it', () => {
    seed(String);
    const p = post('1');
    p.related('comments').create({ body: 'new' });
    expect(sheetRows('Comments')[4].slice(1)).toEqual(['new', '1', '']);
    expect(p.related('comments').query().get().pluck('body').all()).toEqual(['second', 'new']);
  });

  test('save of a model whose key cell already holds the parent key as text writes nothing', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'One']], Comments: [COMMENTS_HEADER, [1, 'first', '="1"', 5]] });
    const parent = post(1);
    const comment = Comment.find(1)!;
    gas().calls.reset();
    parent.related('comments').save(comment);
    expect(gas().calls.writes('Comments')).toBe(0);
    expect(gas().sheetFormulas('Comments')[1][2]).toBe('="1"');
    expect(comment.post_id).toBe('1');
  });

  test('query() is scoped to the parent', () => {
    seed();
    expect(post(2).related('comments').query().get().pluck('body').all()).toEqual(['first', 'third']);
    expect(post(2).related('comments').query().where('body', 'third').count()).toBe(1);
  });

  test("query()'s clauses are one group ANDed with the parent key: orWhere cannot reach other parents' rows", () => {
    seed();
    const query = () => post(2).related('comments').query().where('body', 'first').orWhere('body', 'second');
    expect(query().get().pluck('body').all()).toEqual(['first']);
    expect(query().update({ body: 'changed' })).toBe(1);
    expect(sheetRows('Comments').map((row) => row[1])).toEqual(['body', 'changed', 'second', 'third']);
    expect(post(1).related('summary').query().where('id', 99).orWhere('post_id', 2).delete()).toBe(0);
    expect(sheetRows('Summaries')).toHaveLength(2);
  });

  test('create() with no attributes makes a row holding only the parent key, as Model.create() does', () => {
    seed();
    const created = post(1).related('comments').create();
    expect(created.post_id).toBe(1);
    expect(sheetRows('Comments')[4].slice(0, 3)).toEqual([4, '', 1]);
  });

  test('create/createMany refuse anything but attribute objects before writing', () => {
    seed();
    gas().calls.reset();
    const comments = post(1).related('comments');
    expect(() => comments.createMany([{ body: 'ok' }, null as never])).toThrow(/Post\.comments\.createMany\(\): the item at index 1 is not an object of attributes, got null/);
    expect(() => comments.create(42 as never)).toThrow(ValidationError);
    expect(() => comments.createMany('x' as never)).toThrow(/expected an array of attribute objects/);
    expect(() => post(1).related('summary').create(true as never)).toThrow(/Post\.summary\.create\(\): expected an object of attributes/);
    expect(() => comments.saveMany(new Comment() as never)).toThrow(/expected an array of models/);
    expect(gas().calls.writes()).toBe(0);
  });

  test('an unsaved parent is saved first, in the same write, and its related rows get its new key (Lucid)', () => {
    seed();
    gas().calls.reset();
    const parent = new Post().fill({ title: 'Three' });
    const comment = parent.related('comments').create({ body: 'x' });
    expect(parent.$isPersisted).toBe(true);
    expect(comment.post_id).toBe(3);
    expect(sheetRows('Posts')).toContainEqual([3, 'Three']);
    expect(sheetRows('Comments')).toContainEqual([4, 'x', 3, '']);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(gas().calls.count('Range.setValues')).toBe(2);

    const other = new Post().fill({ title: 'Four' });
    const summary = new Summary().fill({ text: 'of four' });
    other.related('summary').save(summary);
    expect(summary.post_id).toBe(4);
    expect(sheetRows('Summaries')).toContainEqual([2, 4, 'of four']);

    // A changed parent is saved too, as Lucid's parent.save() does; an unchanged one is not written.
    const changed = post(1);
    changed.setAttribute('title', 'One, edited');
    changed.related('comments').create({ body: 'y' });
    expect(changed.$isDirty).toBe(false);
    expect(sheetRows('Posts')[1]).toEqual([1, 'One, edited']);
    const clean = post(2);
    clean.related('comments').create({ body: 'z' });
    expect(gas().calls.count('Range.setValues')).toBe(1);
  });

  test('a parent that cannot be saved writes nothing, its related rows neither', () => {
    seed();
    gas().calls.reset();
    const parent = new Post().fill({ title: 'Three' });
    parent.setAttribute('nope', 1);
    expect(() => parent.related('comments').createMany([{ body: 'x' }, { body: 'y' }])).toThrow(SheetORMError);
    expect(parent.$isPersisted).toBe(false);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('Posts').length).toBe(3);
    expect(sheetRows('Comments').length).toBe(4);
  });

  test('save takes only related models', () => {
    seed();
    expect(() => post(1).related('comments').save({ body: 'x' } as any)).toThrow(/Post\.comments\.save\(\): expected a Comment model/);
    expect(() => post(1).related('comments').saveMany([new Comment().fill({ body: 'ok' }), new Post() as never])).toThrow(ValidationError);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('Comments').length).toBe(4);
  });

  test('inside a transaction, creates through two parents are one append', () => {
    seed();
    const one = post(1);
    const two = Post.find(2)!;
    gas().calls.reset();
    transaction(() => {
      one.related('comments').create({ body: 'a' });
      two.related('comments').create({ body: 'b' });
    });
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(sheetRows('Comments').slice(4)).toEqual([
      [4, 'a', 1, ''],
      [5, 'b', 2, ''],
    ]);
  });

  test('rolled back, rows created through a new parent keep no link to the key it lost; through a saved parent they keep it', () => {
    seed();
    const fresh = new Post().fill({ title: 'New' });
    const saved = post(1);
    let orphans: Comment[] = [];
    let kept: Comment[] = [];
    expect(() =>
      transaction(() => {
        orphans = fresh.related('comments').createMany([{ body: 'a' }, { body: 'b', post_id: 9 } as any]);
        kept = saved.related('comments').createMany([{ body: 'c' }]);
        expect(orphans.map((comment) => comment.post_id)).toEqual([3, 3]);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(fresh.$isPersisted).toBe(false);
    expect(orphans.map((comment) => [comment.$isPersisted, comment.post_id])).toEqual([
      [false, undefined],
      [false, 9],
    ]);
    expect('post_id' in orphans[0].toJSON()).toBe(false);
    expect(kept.map((comment) => [comment.$isPersisted, comment.post_id])).toEqual([[false, 1]]);
    // The key the parent lost goes to another post; the orphan saved later does not join it.
    Post.create({ title: 'Other' });
    orphans[0].save();
    expect(sheetRows('Comments').slice(4)).toEqual([[4, 'a', '', '']]);
  });

  test('rolled back, rows created through a parent the same transaction inserted earlier lose the link too', () => {
    seed();
    let made: Comment[] = [];
    expect(() =>
      transaction(() => {
        const parent = Post.create({ title: 'New' });
        made = [parent.related('comments').create({ body: 'a' })];
        const saved = new Post().fill({ title: 'Saved' });
        saved.save();
        made.push(saved.related('comments').create({ body: 'b' }));
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(made.map((comment) => [comment.$isPersisted, comment.post_id])).toEqual([
      [false, undefined],
      [false, undefined],
    ]);
  });

  test('a WriteError after a complete create through the relation carries the one model made', () => {
    seed();
    gas().beforeCall((call) => {
      if (call.method === 'SpreadsheetApp.flush') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
    });
    let caught: unknown;
    try {
      post(1).related('comments').create({ body: 'late' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WriteError);
    expect((caught as WriteError).result).toBeInstanceOf(Comment);
    expect(((caught as WriteError).result as Comment).body).toBe('late');
  });
});

describe('hasOne', () => {
  test('create and save set the foreign key', () => {
    seed();
    const p = post(1);
    const summary = p.related('summary').create({ text: 'of one' });
    expect(summary).toBeInstanceOf(Summary);
    expect(summary.toJSON()).toEqual({ id: 2, post_id: 1, text: 'of one' });
    expect(gas().calls.count('Range.setValues')).toBe(1);

    const moved = Summary.find(1)!;
    gas().calls.reset();
    p.related('summary').save(moved);
    expect(argsOf('Sheet.getRange')).toEqual([[2, 2, 1, 1]]);
    expect(sheetRows('Summaries')).toEqual([
      ['id', 'post_id', 'text'],
      [1, 1, 'of two'],
      [2, 1, 'of one'],
    ]);
  });

  test('createMany and saveMany set the foreign key on each model', () => {
    seed();
    const p = post(2);
    p.related('summary').createMany([{ text: 'a' }]);
    p.related('summary').saveMany([new Summary().fill({ text: 'b' })]);
    expect(sheetRows('Summaries').slice(2)).toEqual([
      [2, 2, 'a'],
      [3, 2, 'b'],
    ]);
    expect(p.related('summary').query().count()).toBe(3);
  });
});
