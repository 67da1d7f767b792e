/** Pinia-style many-to-many: `static fields()` with a pivot model class and custom local keys (Users/Roles). */
import { Collection, DuplicateKeyError, Model } from '../../src';
import { seedSheets, gas, sheetRows } from '../support/seed';

class Role extends Model {
  static override entity = 'roles';
  declare id: number;
  declare role_local_id: number;
  declare name: string;
  declare users: Collection<User>;
  static override fields() {
    return {
      id: this.attr(null),
      role_local_id: this.attr(null),
      name: this.string(''),
      users: this.belongsToMany(() => User, RoleUser, 'role_id', 'user_id', 'role_local_id', 'user_local_id'),
    };
  }
}

class RoleUser extends Model {
  static override entity = 'roleUser';
  static override primaryKey = ['role_id', 'user_id'];
  declare role_id: number;
  declare user_id: number;
  declare level: string;
  static override fields() {
    return { role_id: this.attr(null), user_id: this.attr(null), level: this.attr(null) };
  }
}

class User extends Model {
  static override entity = 'users';
  declare id: number;
  declare user_local_id: number;
  declare name: string;
  declare roles: Collection<Role>;
  static override fields() {
    return {
      id: this.attr(null),
      user_local_id: this.attr(null),
      name: this.string(''),
      roles: this.belongsToMany(Role, RoleUser, 'user_id', 'role_id', 'user_local_id', 'role_local_id'),
    };
  }
}

/** The pivot sheet joins on the local keys (10, 20, 100, 200), not on the ids (1, 2). */
function seedRoles() {
  seedSheets({
    users: [['id', 'user_local_id', 'name'], [1, 10, 'Ann'], [2, '20', 'Bob'], [3, 30, 'Cy']],
    roles: [['id', 'role_local_id', 'name'], [1, 100, 'admin'], [2, 200, 'editor'], [3, 300, 'guest']],
    roleUser: [['role_id', 'user_id', 'level'], [100, 10, 'high'], ['200', 10, 'low'], [200, 20, 'mid'], [1, 1, 'decoy']],
  });
}

test('each user gets the roles linked through the local keys', () => {
  seedRoles();
  const users = User.with('roles').get();
  expect(users.map((user) => [user.name, user.roles.pluck('name').all()]).all()).toEqual([
    ['Ann', ['admin', 'editor']],
    ['Bob', ['editor']],
    ['Cy', []],
  ]);
  expect(users.last()!.roles).toBeInstanceOf(Collection);
});

test("each role's pivot is a RoleUser instance holding the pivot row", () => {
  seedRoles();
  const [admin, editor] = User.with('roles').first()!.roles.all();
  expect(admin.pivot).toBeInstanceOf(RoleUser);
  expect(editor.pivot).toBeInstanceOf(RoleUser);
  expect([admin.pivot.role_id, admin.pivot.user_id, admin.pivot.level]).toEqual([100, 10, 'high']);
  expect([editor.pivot.role_id, editor.pivot.user_id, editor.pivot.level]).toEqual(['200', 10, 'low']);
  expect(admin.pivot.$isPersisted).toBe(true);
  expect(admin.pivot.$primaryKeyValue).toEqual([100, 10]);
});

test('$extras carries pivot_<column> for every column of the pivot model, as its pivot does', () => {
  seedRoles();
  const admin = User.with('roles').first()!.roles.first()!;
  expect(admin.$extras).toEqual({ pivot_user_id: 10, pivot_role_id: 100, pivot_level: 'high' });
  const editor = User.find(2)!.related('roles').query().first()!;
  expect(editor.$extras).toEqual({ pivot_user_id: 20, pivot_role_id: 200, pivot_level: 'mid' });
  expect(editor.pivot.level).toBe('mid');
});

test('toJSON() nests roles and their pivot rows', () => {
  seedRoles();
  const bob = User.with('roles').get().get(1)!;
  expect(bob.toJSON()).toEqual({
    id: 2,
    user_local_id: '20',
    name: 'Bob',
    roles: [{ id: 2, role_local_id: 200, name: 'editor', pivot: { role_id: 200, user_id: 20, level: 'mid' } }],
  });
});

test('the inverse relation, also defined in fields(), works through the same pivot model', () => {
  seedRoles();
  const roles = Role.with('users').get();
  expect(roles.map((role) => [role.name, role.users.pluck('name').all()]).all()).toEqual([
    ['admin', ['Ann']],
    ['editor', ['Ann', 'Bob']],
    ['guest', []],
  ]);
  expect(roles.get(1)!.users.get(1)!.pivot).toBeInstanceOf(RoleUser);
});

test('withCount, has and related().query() use the local keys too', () => {
  seedRoles();
  expect(User.withCount('roles').get().map((user) => user.$extras.roles_count).all()).toEqual([2, 1, 0]);
  expect(User.has('roles').pluck('name').all()).toEqual(['Ann', 'Bob']);
  const ann = User.find(1)!;
  expect(ann.related('roles').query().get().pluck('name').all()).toEqual(['admin', 'editor']);
});

test('loading reads each sheet once', () => {
  seedRoles();
  User.with('roles').get();
  expect(gas().calls.count('Range.getValues')).toBe(3);
  for (const sheet of ['users', 'roles', 'roleUser']) expect(gas().calls.reads(sheet)).toBe(1);
});

test('the relation reports the keys it was given', () => {
  const roles = User.$getRelation('roles') as any;
  roles.boot();
  expect(roles.type).toBe('manyToMany');
  expect(roles.pivotModel).toBe(RoleUser);
  expect([roles.pivotTable, roles.pivotForeignKey, roles.pivotRelatedForeignKey, roles.localKey, roles.relatedKey]).toEqual([
    'roleUser',
    'user_id',
    'role_id',
    'user_local_id',
    'role_local_id',
  ]);
});

test('fields() defaults fill new models, not loaded ones', () => {
  seedRoles();
  expect(new User().toJSON()).toEqual({ id: null, user_local_id: null, name: '' });
  expect(User.with('roles').first()!.name).toBe('Ann');
});

describe("rows written through the relation are made as the pivot model's create() makes them", () => {
  class Badge extends Model {
    static override _table = 'Badges';
  }
  class Award extends Model {
    static override _table = 'Awards';
    static override _keyType = 'uuid';
    static override fields() {
      return { id: this.attr(null), member_id: this.attr(null), badge_id: this.attr(null), status: this.string('active'), note: this.attr(() => 'auto') };
    }
  }
  class Member extends Model {
    static override _table = 'Members';
    badges() {
      return this.manyToMany(Badge, Award, 'member_id', 'badge_id');
    }
  }

  function seedAwards() {
    seedSheets({
      Members: [['id', 'name'], [1, 'Ada']],
      Badges: [['id', 'name'], [1, 'gold'], [2, 'silver'], [3, 'bronze']],
      Awards: [['id', 'member_id', 'badge_id', 'status', 'note'], ['0f9c1a52-3c1e-4e8e-9c55-1d2f4a7b9e01', 1, 1, 'old', '']],
    });
  }

  test('attach and sync give a UUID key and the declared defaults; given pivot values win', () => {
    seedAwards();
    const member = Member.find(1)!;
    member.related('badges').attach({ 2: { status: 'pending' } });
    member.related('badges').sync([1, 2, 3]);
    const rows = gas().sheetValues('Awards').slice(1);
    expect(rows.map((row) => row.slice(1))).toEqual([
      [1, 1, 'old', ''],
      [1, 2, 'pending', 'auto'],
      [1, 3, 'active', 'auto'],
    ]);
    for (const row of rows) expect(row[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(new Set(rows.map((row) => row[0])).size).toBe(3);
  });
});

describe('pivot attribute arguments are checked before anything is written', () => {
  test('create, createMany, save and saveMany refuse pivot attributes that are not objects', () => {
    seedRoles();
    const ann = User.find(1)!;
    gas().calls.reset();
    const roles = ann.related('roles');
    expect(() => roles.create({ name: 'n' }, 5 as never)).toThrow(/User\.roles\.create\(\): pivot attributes must be an object of pivot columns, got 5/);
    expect(() => roles.createMany([{ name: 'n' }], { level: 'x' } as never)).toThrow(/must be an array with one object per item/);
    expect(() => roles.createMany([{ name: 'n' }], ['x' as never])).toThrow(/pivot attributes 0 must be an object/);
    expect(() => roles.save(Role.find(3)!, 'heavy' as never)).toThrow(/User\.roles\.save\(\): pivot attributes must be an object/);
    expect(() => roles.saveMany([Role.find(3)!], { level: 'x' } as never)).toThrow(/User\.roles\.saveMany\(\)/);
    expect(gas().calls.writes()).toBe(0);
  });

  test('createMany and saveMany refuse more pivot attribute objects than items (they would be dropped); fewer leave the rest without', () => {
    seedRoles();
    const ann = User.find(1)!;
    const roles = ann.related('roles');
    gas().calls.reset();
    expect(() => roles.createMany([{ name: 'n' }], [{ level: 'x' }, { level: 'y' }])).toThrow(
      'User.roles.createMany(): got 2 pivot attribute objects for 1 item; give one per item, in the same order (an item without one gets none).',
    );
    expect(() => roles.saveMany([Role.find(3)!], [{}, { level: 'y' }])).toThrow(/User\.roles\.saveMany\(\): got 2 pivot attribute objects for 1 item;/);
    expect(() => roles.saveMany([Role.find(3)!], false, [{}, {}])).toThrow(/got 2 pivot attribute objects for 1 item/);
    expect(gas().calls.writes()).toBe(0);
    roles.createMany([{ name: 'a', role_local_id: 400 }, { name: 'b', role_local_id: 500 }], [{ level: 'x' }]);
    expect(sheetRows('roleUser').slice(-2)).toEqual([
      [400, 10, 'x'],
      [500, 10, ''],
    ]);
  });
});

test("attaching a pair a composite-key pivot model already holds is a DuplicateKeyError, as its create() is", () => {
  seedRoles();
  const ann = User.find(1)!;
  gas().calls.reset();
  expect(() => ann.related('roles').attach([100])).toThrow(DuplicateKeyError);
  expect(() => RoleUser.create({ role_id: 100, user_id: 10 })).toThrow(DuplicateKeyError);
  expect(gas().calls.writes()).toBe(0);
  ann.related('roles').attach([300]);
  expect(gas().sheetValues('roleUser').slice(-1)).toEqual([[300, 10, '']]);
});

test('a pivot model left with the default key, on a pivot sheet without an id column, still attaches and syncs', () => {
  class Link extends Model {
    static override _table = 'Links';
  }
  class Label extends Model {
    static override _table = 'Labels';
  }
  class Item extends Model {
    static override _table = 'Items';
    labels() {
      return this.manyToMany(Label, Link, 'item_id', 'label_id');
    }
  }
  seedSheets({ Items: [['id'], [1], [2]], Labels: [['id'], [1], [2]], Links: [['item_id', 'label_id'], [1, 1]] });
  Item.find(1)!.related('labels').attach([2]);
  expect(Item.find(2)!.related('labels').sync([1, 2])).toEqual({ attached: [1, 2], detached: [], updated: [] });
  expect(gas().sheetValues('Links')).toEqual([['item_id', 'label_id'], [1, 1], [1, 2], [2, 1], [2, 2]]);
});

test('a pivot model pinned to another spreadsheet is the one pivot sheet for both sides of a relation between spreadsheets', () => {
  class Link extends Model {
    static _table = 'PostTag';
    static _spreadsheetId = 'blog-book';
    static _primaryKey = ['post_id', 'tag_id'];
  }
  class Label extends Model {
    static _table = 'Tags';
    declare id: number;
    posts() {
      return this.manyToMany(Article, Link, 'tag_id', 'post_id');
    }
  }
  class Article extends Model {
    static _table = 'Posts';
    static _spreadsheetId = 'blog-book';
    declare id: number;
    tags() {
      return this.manyToMany(Label, Link, 'post_id', 'tag_id');
    }
  }
  seedSheets({ Tags: [['id', 'name'], [1, 'js'], [2, 'ts']] });
  gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']], PostTag: [['post_id', 'tag_id'], [1, 1]] }, { id: 'blog-book', name: 'Blog' });
  Label.findOrFail(2).related('posts').attach([2]);
  const fromPosts = Article.with('tags').get().all().map((post) => [post.id, (post as unknown as { tags: Label[] }).tags.map((tag) => tag.id)]);
  const fromTags = Label.with('posts').get().all().map((tag) => [tag.id, (tag as unknown as { posts: Article[] }).posts.map((post) => post.id)]);
  expect(fromPosts).toEqual([
    [1, [1]],
    [2, [2]],
  ]);
  expect(fromTags).toEqual([
    [1, [1]],
    [2, [2]],
  ]);
  expect(gas().sheetValues('PostTag', 'blog-book')).toEqual([['post_id', 'tag_id'], [1, 1], [2, 2]]);
});

test("a pivot model whose key type sheetorm cannot make keys for is refused on attach, naming it, before anything is written", () => {
  class Grant extends Model {
    static _table = 'Grants';
    static _keyType = 'uid';
  }
  class Badge extends Model {
    static _table = 'Badges';
  }
  class Member extends Model {
    static _table = 'Members';
    badges() {
      return this.manyToMany(Badge, Grant, 'member_id', 'badge_id');
    }
  }
  seedSheets({ Members: [['id'], [1]], Badges: [['id'], [7]], Grants: [['id', 'member_id', 'badge_id']] });
  expect(() => Member.findOrFail(1).related('badges').attach([7])).toThrow(/^Grant\._keyType is "uid", so sheetorm cannot make a key for a new row/);
  expect(gas().sheetValues('Grants')).toEqual([['id', 'member_id', 'badge_id']]);
});

describe('a pivot model whose sheet has no column for its primary key', () => {
  class Membership extends Model {
    static override _table = 'RoleUser';
  }
  class Duty extends Model {
    static override _table = 'Duties';
  }
  class Member extends Model {
    static override _table = 'Users';
    roles() {
      return this.manyToMany(Duty, Membership, 'user_id', 'role_id');
    }
  }

  test("saving its rows says to set _primaryKey, naming the sheet's key columns", () => {
    seedSheets({ Users: [['id'], [1]], Duties: [['id', 'name'], [1, 'admin']], RoleUser: [['user_id', 'role_id', 'since'], [1, 1, 2020]] });
    const advice =
      `Membership: sheet "RoleUser" in spreadsheet "Test Spreadsheet" has no column "id" (columns: user_id, role_id, since); "id" is the primary key: ` +
      `set Membership._primaryKey to the column that identifies a row (an array of columns for a composite key, such as ['user_id', 'role_id']).`;
    const member = Member.with('roles').findOrFail(1);
    const pivot = (member.roles as unknown as Collection<Model & { pivot: Model & { since: number } }>).first()!.pivot;
    pivot.since = 2030;
    expect(() => pivot.save()).toThrow(advice);
    expect(() => Membership.create({ user_id: 1, role_id: 2 })).toThrow(advice);
    expect(gas().calls.writes()).toBe(0);
  });
});

describe("a pivot model's fields() rules hold for the rows its relation writes, as for its own create()", () => {
  class Team extends Model {
    static override _table = 'Teams';
  }
  class Seat extends Model {
    static override _table = 'Seats';
    static override _primaryKey = ['person_id', 'team_id'];
    static override fields() {
      return { person_id: this.attr(null), team_id: this.attr(null), granted_by: this.string('').notNullable() };
    }
  }
  class Person extends Model {
    static override _table = 'People';
    teams() {
      return this.manyToMany(Team, Seat, 'person_id', 'team_id');
    }
  }

  const seedSeats = (seatHeader = ['person_id', 'team_id', 'granted_by']) =>
    seedSheets({
      People: [['id'], [1]],
      Teams: [['id', 'name'], [1, 'red'], [2, 'blue'], [3, 'green']],
      Seats: [seatHeader, seatHeader.map((name) => (name === 'granted_by' ? 'ann' : 1))],
    });

  test('a notNullable() pivot attribute left empty is refused by attach, sync, create and updateExistingPivot, before any write', () => {
    seedSeats();
    const teams = Person.findOrFail(1).related('teams');
    gas().calls.reset();
    expect(() => teams.attach([2])).toThrow(
      'Person.teams.attach: Seat.granted_by is declared notNullable() in fields(), and the pivot row would hold ""; give it in the pivot attributes (for attach and sync: { [id]: { granted_by: ... } }) or a default in fields(). Nothing was written.',
    );
    expect(() => teams.attach({ 2: { granted_by: 'bob' }, 3: {} })).toThrow(/Person\.teams\.attach: Seat\.granted_by is declared notNullable/);
    expect(() => teams.sync({ 1: {}, 2: { granted_by: '' } })).toThrow(/Person\.teams\.sync: Seat\.granted_by .* would hold ""/);
    expect(() => teams.create({ name: 'new' })).toThrow(/Person\.teams\.create: Seat\.granted_by/);
    expect(() => teams.updateExistingPivot(1, { granted_by: null })).toThrow(/Person\.teams\.updateExistingPivot: Seat\.granted_by .* would hold null/);
    expect(() => teams.updateExistingPivot(3, { granted_by: '' })).toThrow(/updateExistingPivot: Seat\.granted_by/);
    expect(gas().calls.writes()).toBe(0);
    teams.attach({ 2: { granted_by: 'bob' } });
    teams.updateExistingPivot(1, { granted_by: 'cy' });
    expect(gas().sheetValues('Seats')).toEqual([['person_id', 'team_id', 'granted_by'], [1, 1, 'cy'], [1, 2, 'bob']]);
  });

  test('a declared attribute the pivot sheet lacks fails the relation write and the load, not a later read of pivot', () => {
    seedSeats(['person_id', 'team_id']);
    const person = Person.findOrFail(1);
    gas().calls.reset();
    const missing = /Seat\.fields\(\) declares "granted_by", but sheet "Seats" in spreadsheet "Test Spreadsheet" has no column "granted_by"/;
    expect(() => person.related('teams').attach({ 2: { granted_by: 'bob' } })).toThrow(missing);
    expect(() => person.related('teams').sync([1, 2])).toThrow(missing);
    expect(gas().calls.writes()).toBe(0);
    expect(() => Person.with('teams').findOrFail(1)).toThrow(missing);
  });
});
