/** belongsTo client: associate(model) and dissociate() write the child's foreign-key cell only. */
import { Model, transaction, ValidationError } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
  declare name: string;
}
class Post extends Model {
  static _table = 'Posts';
  author() {
    return this.belongsTo(User, 'user_id');
  }
  declare id: number;
  declare user_id: unknown;
  declare title: string;
}

const POSTS_HEADER = ['id', 'title', 'user_id', 'n'];

function seed(key: (n: number) => number | string = (n) => n) {
  seedSheets({
    Users: [['id', 'name'], [key(1), 'Ann'], [key(2), 'Bob']],
    Posts: [POSTS_HEADER, [key(1), 'One', key(1), '=ROW()'], [key(2), 'Two', key(2), '=ROW()'], [key(3), 'Three', '', '=ROW()']],
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

describe('associate', () => {
  test('points the child at an existing model, writing one cell', () => {
    seed();
    const p = post(3);
    const bob = User.find(2)!;
    gas().calls.reset();

    expect(p.related('author').associate(bob)).toBe(p);
    expect(p.user_id).toBe(2);
    expect((p as any).author).toBe(bob);
    expect(p.$isDirty).toBe(false);
    expect(sheetRows('Posts')).toEqual([POSTS_HEADER, [1, 'One', 1, 2], [2, 'Two', 2, 3], [3, 'Three', 2, 4]]);
    expect(gas().sheetFormulas('Posts')[3][3]).toBe('=ROW()');
    expect(argsOf('Sheet.getRange')).toEqual([[4, 3, 1, 1]]);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(gas().calls.writes('Users')).toBe(0);
    expect(Post.find(3)!.related('author').query().first()!.name).toBe('Bob');
    expect(Post.find(3)!.related('author').query().where('name', 'Bob').orWhere('name', 'Ann').get().pluck('name').all()).toEqual(['Bob']);
  });

  test('saves a new related model first, in the same lock', () => {
    seed();
    const p = post(1);
    const cat = new User().fill({ name: 'Cat' });

    p.related('author').associate(cat);

    expect(cat.$isPersisted).toBe(true);
    expect(cat.id).toBe(3);
    expect(sheetRows('Users')).toEqual([
      ['id', 'name'],
      [1, 'Ann'],
      [2, 'Bob'],
      [3, 'Cat'],
    ]);
    expect(sheetRows('Posts')[1]).toEqual([1, 'One', 3, 2]);
    expect(gas().calls.count('Range.setValues')).toBe(2);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(gas().calls.count('SpreadsheetApp.flush')).toBe(1);
  });

  test('saves the changes of an existing related model too, in the same lock (as Lucid does)', () => {
    seed();
    const p = post(3);
    const bob = User.find(2)!;
    bob.name = 'Bobby';
    gas().calls.reset();

    p.related('author').associate(bob);

    expect(bob.$isDirty).toBe(false);
    expect(sheetRows('Users')).toEqual([['id', 'name'], [1, 'Ann'], [2, 'Bobby']]);
    expect(sheetRows('Posts')[3]).toEqual([3, 'Three', 2, 4]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(gas().calls.count('Range.setValues')).toBe(2);
  });

  test('saves a new child with the foreign key set', () => {
    seed();
    const child = new Post().fill({ title: 'Four' });
    child.related('author').associate(User.find(1)!);
    expect(child.$isPersisted).toBe(true);
    expect(sheetRows('Posts')[4]).toEqual([4, 'Four', 1, '']);
  });

  test('keys stored as text: writes the related key as text', () => {
    seed(String);
    const p = post('3');
    p.related('author').associate(User.find('2')!);
    expect(sheetRows('Posts')[3]).toEqual(['3', 'Three', '2', 4]);
    expect(Post.query().with('author').get().all().map((x: any) => x.author && x.author.name)).toEqual(['Ann', 'Bob', 'Bob']);
  });

  test('a key cell that already holds the key as text (a formula showing it) is not rewritten', () => {
    seedSheets({
      Users: [['id', 'name'], [1, 'Ann']],
      Posts: [POSTS_HEADER, [1, 'One', '="1"', 1]],
    });
    const p = post(1);
    expect(p.user_id).toBe('1');
    const ann = User.find(1)!;
    gas().calls.reset();
    p.related('author').associate(ann);
    expect(gas().calls.writes('Posts')).toBe(0);
    expect(gas().calls.count('Lock.tryLock')).toBe(0);
    expect(gas().sheetFormulas('Posts')[1][2]).toBe('="1"');
    expect((p as any).author).toBe(ann);
    expect(p.user_id).toBe('1');
  });

  test("a look-alike key the caller assigned (a form's ' 2 ') is replaced by the related key, as Lucid and Eloquent set it", () => {
    seed();
    const p = post(3);
    p.user_id = ' 2 ';
    p.related('author').associate(User.find(2)!);
    expect(p.user_id).toBe(2);
    expect(sheetRows('Posts')[3]).toEqual([3, 'Three', 2, 4]);
  });

  test('writes nothing when the new related model is invalid', () => {
    seed();
    const p = post(3);
    const before = { users: sheetRows('Users'), posts: sheetRows('Posts') };
    expect(() => p.related('author').associate(new User().fill({ name: 'x'.repeat(50001) }))).toThrow(ValidationError);
    expect(sheetRows('Users')).toEqual(before.users);
    expect(sheetRows('Posts')).toEqual(before.posts);
    expect(gas().calls.writes()).toBe(0);
  });

  test('when saving the child fails, writes nothing and the child keeps its old key', () => {
    seed();
    const p = post(1);
    p.fill({ title: 'x'.repeat(50001) });
    expect(() => p.related('author').associate(User.find(2)!)).toThrow(ValidationError);
    expect(p.user_id).toBe(1);
    expect(() => p.related('author').dissociate()).toThrow(ValidationError);
    expect(p.user_id).toBe(1);
    expect(gas().calls.writes()).toBe(0);
  });

  test('inside a failing transaction writes nothing', () => {
    seed();
    const p = post(3);
    const before = sheetRows('Posts');
    expect(() =>
      transaction(() => {
        p.related('author').associate(User.find(1)!);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(sheetRows('Posts')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
  });
});

describe('dissociate', () => {
  test('clears the foreign-key cell only and unsets the relation', () => {
    seed();
    const p = post(2);
    expect(p.related('author').dissociate()).toBe(p);
    expect(p.user_id).toBe(null);
    expect((p as any).author).toBe(null);
    expect(sheetRows('Posts')).toEqual([POSTS_HEADER, [1, 'One', 1, 2], [2, 'Two', '', 3], [3, 'Three', '', 4]]);
    expect(argsOf('Sheet.getRange')).toEqual([[3, 3, 1, 1]]);
    expect(argsOf('Range.setValues')).toEqual([[[['']]]]);
  });

  test('on a child that already points nowhere writes nothing', () => {
    seed();
    post(3).related('author').dissociate();
    expect(gas().calls.writes()).toBe(0);
  });
});

test('associate takes only a model of the related class', () => {
  seed();
  const p = post(1);
  expect(() => p.related('author').associate({ id: 2 } as any)).toThrow(/Post\.author\.associate\(\): expected a User model/);
  expect(() => p.related('author').associate(null as any)).toThrow(ValidationError);
  expect(() => p.related('author').associate(Post.find(2) as any)).toThrow(ValidationError);
  expect(p.user_id).toBe(1);
  expect(gas().calls.writes()).toBe(0);
});

test('a rolled-back associate or dissociate puts back the loaded relation with the key', () => {
  seed();
  const loaded = Post.with('author').findOrFail(1);
  const ann = (loaded as unknown as { author: User }).author;
  expect(() =>
    transaction(() => {
      loaded.related('author').associate(User.findOrFail(2));
      throw new Error('changed my mind');
    }),
  ).toThrow('changed my mind');
  expect([loaded.user_id, (loaded as unknown as { author: User }).author]).toEqual([1, ann]);

  const plain = Post.findOrFail(2);
  expect(() =>
    transaction(() => {
      plain.related('author').dissociate();
      throw new Error('no');
    }),
  ).toThrow('no');
  expect(plain.user_id).toBe(2);
  expect(typeof (plain as unknown as { author: unknown }).author).toBe('function');
  expect(plain.toJSON()).toEqual({ id: 2, title: 'Two', user_id: 2, n: 3 });
  expect(sheetRows('Posts').map((row) => row[2])).toEqual(['user_id', 1, 2, '']);
});

describe('associate() in a transaction that rolls back', () => {
  it('leaves no relation loaded, however many times it was associated', () => {
    seed();
    const third = Post.find(3)!;
    expect(() =>
      transaction(() => {
        third.related('author').associate(User.find(1)!);
        third.related('author').associate(User.find(2)!);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(third.toJSON()).not.toHaveProperty('author');
    expect(third.user_id).toBe(null);
  });
});
