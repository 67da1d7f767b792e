import { Model, ValidationError } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare user_id: number;
  declare title: string;
  declare status: string;
}

class Profile extends Model {
  static _table = 'Profiles';
  declare id: number;
  declare user_id: number;
  declare bio: string;
}

class User extends Model {
  static _table = 'Users';
  declare id: number;
  posts() {
    return this.hasMany(Post);
  }
  profile() {
    return this.hasOne(Profile);
  }
}

const seed = () =>
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    Posts: [['id', 'user_id', 'title', 'status'], [1, 1, 'Hello', 'live'], [2, 2, 'Draft', 'draft']],
    Profiles: [['id', 'user_id', 'bio'], [1, 2, 'Bob here']],
  });

describe('hasMany/hasOne firstOrCreate', () => {
  it("finds the parent's own matching row without writing", () => {
    seed();
    gas().calls.reset();
    const found = User.findOrFail(1).related('posts').firstOrCreate({ title: 'Hello' }, { status: 'x' });
    expect(found.id).toBe(1);
    expect(found.status).toBe('live');
    expect(gas().calls.writes()).toBe(0);
  });

  it("creates a row holding the parent's key when only another parent has one, under one lock", () => {
    seed();
    const ann = User.findOrFail(1);
    gas().calls.reset();
    const made = ann.related('posts').firstOrCreate({ title: 'Draft' }, { status: 'draft' });
    expect(made.$isPersisted).toBe(true);
    expect(sheetRows('Posts')).toEqual([
      ['id', 'user_id', 'title', 'status'],
      [1, 1, 'Hello', 'live'],
      [2, 2, 'Draft', 'draft'],
      [3, 1, 'Draft', 'draft'],
    ]);
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    // Looked for without the lock, then again under it.
    expect(gas().calls.reads('Posts')).toBe(2);
  });

  it("takes an empty search for a hasOne: the parent's row, or a new one", () => {
    seed();
    expect(User.findOrFail(2).related('profile').firstOrCreate({}, { bio: 'ignored' }).bio).toBe('Bob here');
    const made = User.findOrFail(1).related('profile').firstOrCreate({}, { bio: 'Ann here' });
    expect([made.user_id, made.bio]).toEqual([1, 'Ann here']);
    expect(sheetRows('Profiles')).toHaveLength(3);
  });
});

describe('hasMany/hasOne firstOrCreate refusals', () => {
  it('refuses a deleted parent and a parent never saved, writing nothing', () => {
    seed();
    const ann = User.findOrFail(1);
    ann.delete();
    gas().calls.reset();
    expect(() => ann.related('posts').firstOrCreate({ title: 'x' })).toThrow(/the parent was deleted/);
    expect(() => new User().related('posts').updateOrCreate({ title: 'x' }, {})).toThrow(/save it before using its relations/);
    expect(gas().calls.writes()).toBe(0);
  });
});

describe('hasMany/hasOne updateOrCreate', () => {
  it("updates the parent's matching row, writing only what changed", () => {
    seed();
    const bob = User.findOrFail(2);
    gas().calls.reset();
    const post = bob.related('posts').updateOrCreate({ title: 'Draft' }, { status: 'live' });
    expect([post.id, post.status, post.$isDirty]).toEqual([2, 'live', false]);
    expect(sheetRows('Posts')[2]).toEqual([2, 2, 'Draft', 'live']);
    expect(gas().calls.count('Range.setValues') + gas().calls.count('Range.setValue')).toBe(1);
  });

  it('creates one when the parent has none', () => {
    seed();
    const post = User.findOrFail(1).related('posts').updateOrCreate({ title: 'New' }, { status: 'draft' });
    expect([post.id, post.user_id, post.title, post.status]).toEqual([3, 1, 'New', 'draft']);
  });

  it('refuses a search or attributes that are not objects, before reading', () => {
    seed();
    const posts = User.findOrFail(1).related('posts');
    gas().calls.reset();
    expect(() => posts.firstOrCreate('Hello' as never)).toThrow(ValidationError);
    expect(() => posts.updateOrCreate({ title: 'x' }, null as never)).toThrow(/User.posts.updateOrCreate\(\): the attributes must be an object/);
    expect(gas().calls.reads('Posts')).toBe(0);
  });

  it("updates a hasOne's row, or creates it", () => {
    seed();
    expect(User.findOrFail(2).related('profile').updateOrCreate({}, { bio: 'Bob, edited' }).id).toBe(1);
    expect(User.findOrFail(1).related('profile').updateOrCreate({}, { bio: 'Ann' }).id).toBe(2);
    expect(sheetRows('Profiles').slice(1)).toEqual([[1, 2, 'Bob, edited'], [2, 1, 'Ann']]);
  });
});
