import type { AttributeField } from '../../src';
import { Model, DuplicateKeyError, ColumnNotFoundError, ValidationError, SheetNotFoundError, ServiceError, session } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare views: number | null;
}

describe('Model.create', () => {
  it('appends a row with max + 1 as key and fills the model', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10], [7, 'Seventh', 3]] });
    const post = Post.create({ title: 'New', views: 5 });
    expect(post.id).toBe(8);
    expect(post.$isPersisted).toBe(true);
    expect(post.$isDirty).toBe(false);
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'views'], [1, 'First', 10], [7, 'Seventh', 3], [8, 'New', 5]]);
  });

  it('costs one read and one write under the lock, flushed before release', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    Post.create({ title: 'New' });
    const calls = gas().calls;
    expect(calls.reads('Posts')).toBe(1);
    expect(calls.writes('Posts')).toBe(1);
    const order = calls.all().map((c) => c.method);
    expect(order.indexOf('Lock.tryLock')).toBeLessThan(order.indexOf('Range.getValues'));
    expect(order.indexOf('SpreadsheetApp.flush')).toBeLessThan(order.indexOf('Lock.releaseLock'));
  });

  it('keeps a supplied key and rejects one that exists', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    expect(Post.create({ id: 40, title: 'Forty' }).id).toBe(40);
    expect(() => Post.create({ id: 1, title: 'Again' })).toThrow(DuplicateKeyError);
    expect(() => Post.create({ id: '40' as unknown as number, title: 'Text forty' })).toThrow(DuplicateKeyError);
    expect(sheetRows('Posts')).toHaveLength(3);
  });

  it('matches columns by header text in any order, spaces included', () => {
    seedSheets({ People: [['Last Name', 'id', 'First Name'], ['Lovelace', 1, 'Ada']] });
    class Person extends Model {
      static _table = 'People';
    }
    const person = Person.create({ 'First Name': 'Grace', 'Last Name': 'Hopper' });
    expect(sheetRows('People')[2]).toEqual(['Hopper', 2, 'Grace']);
    expect(person.toJSON()).toEqual({ 'Last Name': 'Hopper', id: 2, 'First Name': 'Grace' });
  });

  it('refuses an attribute with no column before writing anything', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    expect(() => Post.create({ title: 'x', body: 'no such column' } as never)).toThrow(ColumnNotFoundError);
    expect(() => Post.create({ title: 'x', body: 'no such column' } as never)).toThrow(/no column "body".*columns: id, title, views/);
    expect(gas().calls.writes()).toBe(0);
  });

  it('uses Utilities.getUuid() for uuid keys', () => {
    seedSheets({ Tokens: [['id', 'label']] });
    class Token extends Model {
      static _table = 'Tokens';
      // As the docs write it: no `as const` needed.
      static _keyType = 'uuid';
    }
    const token = Token.create({ label: 'a' });
    expect(String((token as unknown as { id: string }).id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(sheetRows('Tokens')[1][0]).toBe((token as unknown as { id: string }).id);
  });

  it('a failing Utilities.getUuid is a ServiceError, and nothing is written', () => {
    seedSheets({ Tokens: [['id', 'label']] });
    class Token extends Model {
      static _table = 'Tokens';
      static _keyType = 'uuid';
    }
    gas().beforeCall((call) => {
      if (call.method === 'Utilities.getUuid') throw new Error('Service unavailable: Utilities');
    });
    expect(() => Token.create({ label: 'a' })).toThrow(ServiceError);
    expect(() => Token.create({ label: 'a' })).toThrow(/Utilities\.getUuid.*Service unavailable/);
    expect(sheetRows('Tokens')).toEqual([['id', 'label']]);
  });

  it('refuses a key type it does not know before writing', () => {
    seedSheets({ Tokens: [['id', 'label']] });
    class Token extends Model {
      static _table = 'Tokens';
      static _keyType = 'uid';
    }
    expect(() => Token.create({ label: 'a' })).toThrow(/^Token\._keyType is "uid", so sheetorm cannot make a key for a new row: supply the key, or set _keyType to 'uuid'/);
    expect(sheetRows('Tokens')).toEqual([['id', 'label']]);
  });

  it("takes Eloquent's keyType: 'int' makes max + 1 keys, 'string' needs the key given", () => {
    seedSheets({ Codes: [['id', 'label'], [4, 'x']] });
    class Counted extends Model {
      static _table = 'Codes';
      static keyType = 'int';
    }
    class Coded extends Model {
      static _table = 'Codes';
      static keyType = 'string';
    }
    expect(Counted.create({ label: 'a' }).getAttribute('id')).toBe(5);
    expect(Coded.create({ id: 'def', label: 'b' }).getAttribute('id')).toBe('def');
    expect(() => Coded.create({ label: 'c' })).toThrow(/^Coded\.keyType is "string", so sheetorm cannot make a key/);
    expect(sheetRows('Codes').map((row) => row[0])).toEqual(['id', 4, 5, 'def']);
  });

  it('needs every part of a composite key', () => {
    seedSheets({ RoleUser: [['user_id', 'role_id', 'level']] });
    class RoleUser extends Model {
      static entity = 'RoleUser';
      static primaryKey = ['role_id', 'user_id'];
    }
    RoleUser.create({ user_id: 1, role_id: 2, level: 'x' });
    expect(() => RoleUser.create({ user_id: 1, role_id: 2 })).toThrow(DuplicateKeyError);
    expect(() => RoleUser.create({ user_id: 1 })).toThrow(/role_id/);
    expect(sheetRows('RoleUser')).toEqual([['user_id', 'role_id', 'level'], [1, 2, 'x']]);
  });

  it('names the missing sheet and the sheets there are', () => {
    seedSheets({ Other: [['id']] });
    expect(() => Post.create({ title: 'x' })).toThrow(SheetNotFoundError);
    expect(() => Post.all()).toThrow(/no sheet "Posts" \(sheets: Other\)/);
  });

  it('refuses to write into a sheet without a header row', () => {
    seedSheets({ Posts: [] });
    expect(() => Post.create({ title: 'x' })).toThrow(/no header row/);
    expect(Post.all().count()).toBe(0);
  });

  it('takes the sheet name from the plural class name when no _table is set', () => {
    seedSheets({ Categories: [['id', 'name'], [1, 'Books']] });
    class Category extends Model {}
    expect(Category.find(1)?.toJSON()).toEqual({ id: 1, name: 'Books' });
  });
});

describe('attributes given to new, fill() and merge()', () => {
  it('must be an object, and the error names the call', () => {
    expect(() => new Post(42 as never)).toThrow('new Post(): expected an object of attributes, got 42.');
    expect(() => new Post().fill('x' as never)).toThrow('Post.fill(): expected an object of attributes, got "x".');
    expect(() => new Post().merge([] as never)).toThrow('Post.merge(): expected an object of attributes, got [].');
    expect(new Post(null as never).$isNew).toBe(true);
  });
});

describe('Model.createMany', () => {
  it('writes 500 rows with one setValues, growing the grid once when needed', () => {
    seedSheets({ Posts: [['id', 'title', 'views']] });
    const list = Array.from({ length: 500 }, (_, i) => ({ title: `Post ${i + 1}`, views: i }));
    gas().calls.reset();
    const posts = Post.createMany(list);
    expect(posts.map((p) => p.id)).toEqual(list.map((_, i) => i + 1));
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(gas().calls.count('Sheet.insertRowsAfter')).toBe(0);
    expect(sheetRows('Posts')).toHaveLength(501);

    gas().calls.reset();
    Post.createMany(list);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(gas().calls.count('Sheet.insertRowsAfter')).toBe(1);
    expect(gas().active.getSheetByName('Posts')!.getMaxRows()).toBeGreaterThanOrEqual(1001);
    expect(sheetRows('Posts')[1000]).toEqual([1000, 'Post 500', 499]);
  });

  it('writes nothing when one item is invalid', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    const before = sheetRows('Posts');
    expect(() => Post.createMany([{ title: 'ok' }, { title: 'x'.repeat(50001) }])).toThrow(ValidationError);
    // Which item is at fault is named in a list of several.
    expect(() => Post.createMany([{ title: 'ok' }, { title: 'ok' }, { views: NaN }])).toThrow(/^Post\.views .*NaN cannot be stored .* \(at index 2 of the list\)$/);
    expect(() => Post.createMany([{ views: NaN }])).toThrow(/store a finite number or null\.$/);
    expect(() => Post.createMany([{ title: 'ok' }, { id: 1, title: 'dup' }])).toThrow(DuplicateKeyError);
    // A hole is an item: refused by position, as any other item that is not attributes.
    expect(() => Post.createMany([{ title: 'ok' }, , { title: 'b' }] as never)).toThrow(/^Post\.createMany\(\): the item at index 1 is not an object of attributes, got undefined/);
    expect(() => Post.createMany([{ title: 'ok' }, BigInt(10) as never])).toThrow(/the item at index 1 is not an object of attributes, got 10n\./);
    expect(sheetRows('Posts')).toEqual(before);
    expect(gas().calls.writes()).toBe(0);
  });

  it('steps the keys it makes over keys the same batch supplies, whatever their order', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10], [2, 'Second', 20]] });
    expect(Post.createMany([{ title: 'a' }, { id: 3, title: 'b' }, { title: 'c' }]).map((post) => post.id)).toEqual([4, 3, 5]);
    expect(Post.createMany([{ title: 'd' }, { id: '7' as never, title: 'e' }, { id: 6, title: 'f' }]).map((post) => post.id)).toEqual([8, '7', 6]);
    expect(sheetRows('Posts').slice(3).map((row) => row[0])).toEqual([4, 3, 5, 8, '7', 6]);
  });

  it('refuses something other than a list of objects', () => {
    seedSheets({ Posts: [['id', 'title', 'views']] });
    expect(() => Post.createMany('nope' as never)).toThrow(ValidationError);
    expect(() => Post.createMany([1] as never)).toThrow(/^Post\.createMany\(\): the item at index 0 is not an object of attributes, got 1/);
    expect(() => Post.create(null as never)).toThrow(/^Post\.create\(\): expected an object of attributes, got null/);
  });

  it('refuses a model of another class, naming the method and the item', () => {
    class Tag extends Model {
      static _table = 'Tags';
    }
    seedSheets({ Posts: [['id', 'title', 'views']], Tags: [['id', 'title']] });
    const tag = new Tag({ title: 'js' });
    expect(() => Post.create(tag as never)).toThrow(/^Post\.create\(\): expected an object of attributes, got a Tag/);
    expect(() => Post.createMany([{ title: 'a' }, tag] as never)).toThrow(/^Post\.createMany\(\): the item at index 1 is not an object of attributes, got a Tag/);
    // Rows copied to an archive: what to pass instead.
    expect(() => Post.createMany([tag] as never)).toThrow(/got a Tag.*; pass its attributes: models\.map\(\(model\) => model\.\$attributes\)\.$/);
    expect(() => Post.create(tag as never)).toThrow(/; pass its attributes: model\.\$attributes\.$/);
    expect(() => Post.createMany([new Date(0)] as never)).not.toThrow(/pass its attributes/);
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'views']]);
    expect(Post.createMany([tag.$attributes]).map((post) => post.title)).toEqual(['js']);
  });

  it("a form's e.namedValues lists, given as a value, say to take an item (SheetORM's own words, naming the method called)", () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'Eve', 0]] });
    const e = { namedValues: { title: ['Eve'] } };
    expect(() => Post.create({ title: e.namedValues.title as never })).toThrow(/^Post\.title .*: a list \(\["Eve"\]\) cannot be stored in a cell; store one of its items \(list\[0\]: a form's e\.namedValues gives each answer as a list\) or join them into text/);
    expect(() => Post.findBy('title', e.namedValues.title)).toThrow(/^Post\.findBy\('title', \[\.\.\.\]\): a list \(\["Eve"\]\) is no single value to look for; pass one \(e\.namedValues\.title\[0\] for a form's answer\), or use whereIn\('title', \[\.\.\.\]\) for any of several\./);
    expect(() => Post.findBy({ title: e.namedValues.title })).toThrow(/^Post\.findBy\(\{ title: \[\.\.\.\] \}\): a list/);
    expect(() => Post.firstOrCreate({ title: e.namedValues.title as never })).toThrow(/^Post\.firstOrCreate\(\{ title: \[\.\.\.\] \}\): a list/);
    expect(Post.findBy('title', e.namedValues.title[0])!.id).toBe(1);
    // A loaded relation in a toJSON() fed back as the search is told apart.
    expect(() => Post.firstOrCreate({ title: 'Eve', tags: [{ id: 1 }] } as never)).toThrow(/^Post\.firstOrCreate\(\{ tags: \[\.\.\.\] \}\): a list of rows .* is no value to look for: relation data/);
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'views'], [1, 'Eve', 0]]);
  });
});

describe('defaults declared on the class', () => {
  class Counter extends Model {
    static _table = 'Posts';
    views = 0;
    declare id: number;
    declare title: string;
  }

  it('create, createMany and firstOrCreate keep the values given over a field initialiser', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    expect(Counter.create({ title: 'Given', views: 7 }).views).toBe(7);
    expect(Counter.create({ title: 'Default' }).views).toBe(0);
    expect(Counter.createMany([{ views: 3 }, {}]).map((c) => c.views)).toEqual([3, 0]);
    expect(Counter.firstOrCreate({ views: 9 }).id).toBe(Counter.firstOrCreate({ views: 9 }).id);
    expect(sheetRows('Posts').slice(2)).toEqual([[2, 'Given', 7], [3, 'Default', 0], [4, '', 3], [5, '', 0], [6, '', 9]]);
  });

  it('an attribute given as undefined keeps its fields() default (Pinia)', () => {
    seedSheets({ Users: [['id', 'name', 'role']] });
    class User extends Model {
      static _table = 'Users';
      static fields() {
        return { id: this.attr(null), name: this.string('anon'), role: this.attr('member') };
      }
    }
    expect(User.create({ name: undefined, role: 'admin' }).toJSON()).toEqual({ id: 1, name: 'anon', role: 'admin' });
    expect(sheetRows('Users')[1]).toEqual([1, 'anon', 'admin']);
  });
});

describe('fields() defaults', () => {
  it('fields() returning anything but an object is a ValidationError naming the model', () => {
    seedSheets({ Users: [['id', 'name'], [1, 'Ada']] });
    class User extends Model {
      static _table = 'Users';
      static fields() {
        return 'id,name' as never;
      }
    }
    expect(() => User.all()).toThrow(/^User\.fields\(\) returns an object of fields, such as .*, got "id,name"\./);
  });

  it("a fixed default on the primary key (Pinia's id: this.number(0)) leaves the key to max + 1", () => {
    seedSheets({ Users: [['id', 'name'], [1, 'Ada'], [2, 'Alan']] });
    class User extends Model {
      static _table = 'Users';
      static fields() {
        return { id: this.number(0), name: this.string('') };
      }
    }
    expect(User.create({ name: 'Grace' }).getAttribute('id')).toBe(3);
    expect(User.createMany([{ name: 'Edsger' }, { name: 'Barbara' }]).map((user) => user.getAttribute('id'))).toEqual([4, 5]);
    expect(User.create({ id: 0, name: 'Zero' }).getAttribute('id')).toBe(0);
    expect(sheetRows('Users').map((row) => row[0])).toEqual(['id', 1, 2, 3, 4, 5, 0]);
  });

  it('fields() can be typed with the exported AttributeField (declaration emit needs to name it)', () => {
    class Note extends Model {
      static fields(): Record<string, AttributeField> {
        return { id: this.attr(null), body: this.string('') };
      }
    }
    expect(Object.keys(Note.fields())).toEqual(['id', 'body']);
  });

  it('each new model gets its own copy of a Date default', () => {
    seedSheets({ Tasks: [['id', 'due']] });
    class Task extends Model {
      static _table = 'Tasks';
      static fields() {
        return { id: this.attr(null), due: this.attr(new Date(Date.UTC(2024, 0, 1))) };
      }
    }
    const first = new Task() as Task & { due: Date };
    first.due.setUTCFullYear(2000);
    first.save();
    const second = Task.create({}) as Task & { due: Date };
    expect(second.due.getUTCFullYear()).toBe(2024);
    expect(second.due).not.toBe(first.due);
    expect(sheetRows('Tasks').slice(1).map((row) => (row[1] as Date).getUTCFullYear())).toEqual([2000, 2024]);
  });
});

describe('firstOrCreate / updateOrCreate', () => {
  it("firstOrNew finds, or makes a model it does not save (Lucid's firstOrNew)", () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    expect(Post.firstOrNew({ title: 'First' }).$isPersisted).toBe(true);
    gas().calls.reset();
    const made = Post.firstOrNew({ title: 'Second' }, { views: 2 });
    expect([made.$isPersisted, made.title, made.views]).toEqual([false, 'Second', 2]);
    expect(gas().calls.writes()).toBe(0);
    made.save();
    expect(sheetRows('Posts')[2]).toEqual([2, 'Second', 2]);
    expect(() => Post.firstOrNew('Second' as never)).toThrow('Post.firstOrNew(): the search must be an object of columns');
  });

  it('finds with one read and no lock; creates after looking again under the lock', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    gas().calls.reset();
    expect(Post.firstOrCreate({ title: 'First' }).id).toBe(1);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(gas().calls.count('LockService.getScriptLock') + gas().calls.count('Lock.tryLock')).toBe(0);
    gas().calls.reset();
    const created = Post.firstOrCreate({ title: 'Second' }, { views: 2 });
    expect(created.id).toBe(2);
    expect(gas().calls.reads('Posts')).toBe(2);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(sheetRows('Posts')[2]).toEqual([2, 'Second', 2]);
  });

  it('in a session, finds in the rows the session read, with no call', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10], [2, 'Second', 2]] });
    session(() => {
      Post.all();
      gas().calls.reset();
      expect(Post.firstOrCreate({ title: 'Second' }).id).toBe(2);
      expect(Post.firstOrCreate({ title: 'First' }).id).toBe(1);
      expect(gas().calls.count()).toBe(0);
    });
  });

  it('creates once when another execution makes the row between the look and the lock', () => {
    const env = seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    let reads = 0;
    env.beforeCall((call) => {
      if (call.method === 'Lock.tryLock' && ++reads === 1) env.run('B', () => Post.create({ title: 'Second', views: 5 }));
    });
    const found = Post.firstOrCreate({ title: 'Second' }, { views: 2 });
    expect(found.views).toBe(5);
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'views'], [1, 'First', 10], [2, 'Second', 5]]);
  });

  it('updates the match or creates one', () => {
    seedSheets({ Posts: [['id', 'title', 'views'], [1, 'First', 10]] });
    Post.updateOrCreate({ title: 'First' }, { views: 11 });
    Post.updateOrCreate({ title: 'Other' }, { views: 1 });
    expect(sheetRows('Posts')).toEqual([['id', 'title', 'views'], [1, 'First', 11], [2, 'Other', 1]]);
  });
});

it('createMany([]) makes no service call', () => {
  seedSheets({ Posts: [['id', 'title', 'views']] });
  expect(Post.createMany([])).toEqual([]);
  expect(gas().calls.count()).toBe(0);
});

describe('a model class that overrides save()', () => {
  class Stamped extends Model {
    static override _table = 'Posts';
    declare id: number;
    declare title: string;
    declare slug: string;
    declare user_id: number | null;
    override save(): this {
      if (!this.$isPersisted) this.slug = String(this.title).toLowerCase().replace(/\s+/g, '-');
      return super.save();
    }
  }
  class Author extends Model {
    static override _table = 'Users';
    declare id: number;
    posts() {
      return this.hasMany(Stamped, 'user_id');
    }
  }
  const seed = () => seedSheets({ Users: [['id'], [1]], Posts: [['id', 'user_id', 'title', 'slug'], [1, 1, 'First', 'first']] });

  it('create, createMany, firstOrCreate, updateOrCreate and related create run it, as Lucid and Eloquent do', () => {
    seed();
    Stamped.create({ title: 'Hello World' });
    Stamped.firstOrCreate({ title: 'Second One' });
    Stamped.updateOrCreate({ title: 'Third One' }, { user_id: 1 });
    Author.findOrFail(1).related('posts').create({ title: 'By Ann' });
    expect(sheetRows('Posts').slice(2)).toEqual([
      [2, '', 'Hello World', 'hello-world'],
      [3, '', 'Second One', 'second-one'],
      [4, 1, 'Third One', 'third-one'],
      [5, 1, 'By Ann', 'by-ann'],
    ]);
  });

  it('create() of a model already saved, or of one model twice, still inserts (a duplicate key is refused)', () => {
    seed();
    const copy = Stamped.findOrFail(1);
    copy.title = 'Copy';
    expect(() => Stamped.create(copy as never)).toThrow(DuplicateKeyError);
    const fresh = new Stamped().merge({ title: 'Twice' });
    expect(() => Stamped.createMany([fresh, fresh] as never)).toThrow(DuplicateKeyError);
    expect(sheetRows('Posts')).toEqual([['id', 'user_id', 'title', 'slug'], [1, 1, 'First', 'first']]);
  });

  it('a create inside the overridden save() steps over the keys the outer batch supplies', () => {
    class Revised extends Model {
      static override _table = 'Posts';
      declare id: number;
      declare title: string;
      override save(): this {
        const isNew = !this.$isPersisted;
        super.save();
        if (isNew && !String(this.title).startsWith('rev:')) Revised.create({ title: `rev:${this.title}` });
        return this;
      }
    }
    seed();
    const made = Revised.createMany([{ title: 'A' }, { id: 3, title: 'B' }]);
    expect(made.map((post) => post.id)).toEqual([2, 3]);
    expect(sheetRows('Posts').slice(2).map((row) => [row[0], row[2]])).toEqual([
      [2, 'A'],
      [4, 'rev:A'],
      [3, 'B'],
      [5, 'rev:B'],
    ]);
  });

  it('createMany stays one block under one lock, all-or-nothing, stepping over supplied keys', () => {
    seed();
    gas().calls.reset();
    const made = Stamped.createMany([{ title: 'A a' }, { id: 2, title: 'B b' }, { title: 'C c' }]);
    expect(made.map((post) => [post.id, post.slug])).toEqual([[3, 'a-a'], [2, 'b-b'], [4, 'c-c']]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    // Read, then re-checked before writing: the overrides ran in between.
    expect(gas().calls.reads('Posts')).toBe(2);

    const before = sheetRows('Posts');
    expect(() => Stamped.createMany([{ title: 'D d' }, { id: 1, title: 'Dup' }])).toThrow(DuplicateKeyError);
    expect(sheetRows('Posts')).toEqual(before);
  });

  it('re-checks the sheet after the overrides ran: a row a person inserts meanwhile is neither overwritten nor misplaced', () => {
    class Slow extends Model {
      static override _table = 'Posts';
      declare id: number;
      declare title: string;
      override save(): this {
        Utilities.sleep(1000); // a fetch, say, while a person edits the sheet
        return super.save();
      }
    }
    seed();
    let sleeps = 0;
    gas().beforeCall((call) => {
      if (call.method === 'Utilities.sleep' && ++sleeps === 2) {
        const sheet = gas().active.getSheetByName('Posts')!;
        sheet.insertRowBefore(2);
        sheet.getRange(2, 1, 1, 3).setValues([[99, 1, 'typed by a person']]);
      }
    });
    Slow.createMany([{ title: 'x' }, { title: 'y' }]);
    expect(sheetRows('Posts')).toEqual([
      ['id', 'user_id', 'title', 'slug'],
      [99, 1, 'typed by a person', ''],
      [1, 1, 'First', 'first'],
      [2, '', 'x', ''],
      [3, '', 'y', ''],
    ]);
  });
});

describe("Pinia's notNullable() and malformed fields()", () => {
  class Member extends Model {
    static _table = 'Members';
    static fields() {
      return { id: this.number(0).notNullable(), name: this.string('').notNullable(), email: this.string(null).notNullable(), note: this.string(null) };
    }
  }

  beforeEach(() => seedSheets({ Members: [['id', 'name', 'email', 'note'], [1, 'Ada', 'ada@x', '']] }));

  it('refuses a model whose notNullable() attribute is empty, on create and on save, before anything is written', () => {
    gas().calls.reset();
    expect(() => Member.create({ name: 'Grace' })).toThrow(
      new ValidationError('Member.email is declared notNullable() in fields(), and it is null; give it a value. Nothing was written.'),
    );
    expect(() => Member.createMany([{ name: 'Alan', email: 'alan@x' }, { email: 'nobody@x' }])).toThrow(/Member\.name is declared notNullable\(\).*it is ""/);
    expect(gas().calls.writes()).toBe(0);
    const ada = Member.findOrFail(1);
    ada.setAttribute('email', null);
    expect(() => ada.save()).toThrow(/Member\.email is declared notNullable/);
    expect(sheetRows('Members')).toEqual([['id', 'name', 'email', 'note'], [1, 'Ada', 'ada@x', '']]);
  });

  it('accepts filled attributes; the key (made by max + 1) and nullable fields may be empty', () => {
    const grace = Member.create({ name: 'Grace', email: 'grace@x' });
    expect(grace.getAttribute('id')).toBe(2);
    const ada = Member.findOrFail(1);
    ada.setAttribute('note', 'hi');
    ada.save();
    expect(sheetRows('Members').slice(1)).toEqual([[1, 'Ada', 'ada@x', 'hi'], [2, 'Grace', 'grace@x', '']]);
  });

  it('a fields() entry that is neither an attribute nor a relation is a ValidationError naming it', () => {
    class Odd extends Model {
      static _table = 'Members';
      static fields() {
        return { id: this.attr(null), name: 42 };
      }
    }
    expect(() => Odd.all()).toThrow(/^Odd\.fields\(\): "name" is 42; each field is an attribute \(this\.attr\(default\)/);
  });
});
