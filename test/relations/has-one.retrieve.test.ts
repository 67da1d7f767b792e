/** Reading hasOne relations: Users/Profiles, one model or null per parent. */
import { ColumnNotFoundError, Model } from '../../src';
import { seedSheets, gas } from '../support/seed';

class User extends Model {
  static override _table = 'Users';
  declare id: number;
  declare name: string;
  profile() {
    return this.hasOne(Profile);
  }
  /** Custom keys: Passports.holder holds Users.name. */
  passport() {
    return this.hasOne(Passport, 'holder', 'name');
  }
  /** Options object with serializeAs. */
  bio() {
    return this.hasOne(Profile, { foreignKey: 'user_id', serializeAs: 'about' });
  }
}

class Profile extends Model {
  static override _table = 'Profiles';
  declare id: number;
  declare user_id: number;
  declare text: string;
}

class Passport extends Model {
  static override _table = 'Passports';
  declare number: string;
}

/** A loaded relation with its type (once loaded, the property replaces the relation method). */
function loaded<T>(model: Model, name: string): T {
  return (model as unknown as Record<string, T>)[name];
}
const profileOf = (user: Model, name = 'profile') => loaded<Profile | null>(user, name);

function seedProfiles() {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], ['2', 'Bob'], [3, 'Cy']],
    Profiles: [['id', 'user_id', 'text'], [1, '2', 'Bob here'], [2, 1, 'Ann here'], [3, 1, 'Ann again'], [4, '', 'Nobody']],
    Passports: [['number', 'holder'], ['P-1', 'Cy'], ['P-2', 'Ann']],
  });
}

test('each user gets its profile (the first in query order) or null', () => {
  seedProfiles();
  const users = User.with('profile').get();
  expect(users.map((user) => profileOf(user)?.text ?? null).all()).toEqual(['Ann here', 'Bob here', null]);
  expect(profileOf(users.first()!)).toBeInstanceOf(Profile);
});

test('the default foreign key is user_id, matched across 1 and "1"', () => {
  seedProfiles();
  const relation = User.$getRelation('profile') as any;
  relation.boot();
  expect([relation.type, relation.foreignKey, relation.localKey]).toEqual(['hasOne', 'user_id', 'id']);
  const bob = User.with('profile').get().get(1)!;
  expect(profileOf(bob)!.id).toBe(1);
});

test('a constraint decides which row is first', () => {
  seedProfiles();
  const users = User.with('profile', (q) => q.orderBy('id', 'desc')).get();
  expect(users.map((user) => profileOf(user)?.text ?? null).all()).toEqual(['Ann again', 'Bob here', null]);
});

test('custom foreign and local keys', () => {
  seedProfiles();
  const users = User.with('passport').get();
  expect(users.map((user) => loaded<Passport | null>(user, 'passport')?.number ?? null).all()).toEqual(['P-2', null, 'P-1']);
});

test('toJSON() holds the profile, null, and the serializeAs name', () => {
  seedProfiles();
  const users = User.with('profile', 'bio').get();
  expect(users.toJSON()).toEqual([
    { id: 1, name: 'Ann', profile: { id: 2, user_id: 1, text: 'Ann here' }, about: { id: 2, user_id: 1, text: 'Ann here' } },
    { id: '2', name: 'Bob', profile: { id: 1, user_id: '2', text: 'Bob here' }, about: { id: 1, user_id: '2', text: 'Bob here' } },
    { id: 3, name: 'Cy', profile: null, about: null },
  ]);
});

test('withCount and has see every related row', () => {
  seedProfiles();
  expect(User.withCount('profile').get().map((user) => user.$extras.profile_count).all()).toEqual([2, 1, 0]);
  expect(User.has('profile').pluck('name').all()).toEqual(['Ann', 'Bob']);
});

test('user.related("profile").query() and instance load()', () => {
  seedProfiles();
  const cy = User.find(3)!;
  expect(cy.related('profile').query().first()).toBeNull();
  const ann = User.find(1)!;
  gas().calls.reset();
  ann.load('profile');
  expect(profileOf(ann)!.text).toBe('Ann here');
  expect(gas().calls.count('Range.getValues')).toBe(1);
});

test('a related sheet without the foreign key column is a ColumnNotFoundError naming User.profile', () => {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann']],
    Profiles: [['id', 'owner', 'text'], [1, 1, 'x']],
  });
  expect(() => User.with('profile').get()).toThrow(ColumnNotFoundError);
  expect(() => User.with('profile').get()).toThrow(/^User\.profile: sheet "Profiles".*no column "user_id"/);
});
