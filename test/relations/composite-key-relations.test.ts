/** A relation matches on one column: to or from a model with a composite key, that column must be named. */
import { Model, ValidationError } from '../../src';
import { gas, seedSheets } from '../support/seed';

class Membership extends Model {
  static _table = 'Memberships';
  static _primaryKey = ['user_id', 'role_id'];
  grants() {
    return this.hasMany(Grant, 'user_id');
  }
  firstGrant() {
    return this.hasOne(Grant, 'user_id');
  }
  grantsByUser() {
    return this.hasMany(Grant, 'user_id', 'user_id');
  }
  tags() {
    return this.manyToMany(Tag, 'MembershipTag');
  }
  tagsByRole() {
    return this.manyToMany(Tag, { pivotTable: 'MembershipTag', localKey: 'role_id' });
  }
}
class Grant extends Model {
  static _table = 'Grants';
  membership() {
    return this.belongsTo(Membership, 'user_id');
  }
  membershipOfUser() {
    return this.belongsTo(Membership, 'user_id', 'user_id');
  }
  memberships() {
    return this.manyToMany(Membership, 'GrantMembership');
  }
}
class Tag extends Model {
  static _table = 'Tags';
}

beforeEach(() => {
  seedSheets({
    Memberships: [['user_id', 'role_id', 'level'], [1, 1, 'hi'], [1, 2, 'lo'], [2, 2, 'mid']],
    Grants: [['id', 'user_id', 'role_id', 'what'], [1, 1, 1, 'g11'], [2, 1, 2, 'g12']],
    Tags: [['id', 'name'], [1, 'a']],
    MembershipTag: [['membership_user_id', 'tag_id'], [1, 1]],
    GrantMembership: [['grant_id', 'membership_user_id'], [1, 1]],
  });
});

it('a default key on a composite-key model is refused, naming the relation and how to name the column', () => {
  expect(() => Grant.with('membership').get()).toThrow(ValidationError);
  expect(() => Grant.with('membership').get()).toThrow(
    "Grant.membership: Membership has a composite primary key (user_id, role_id) and a relation matches on one column; name that column: belongsTo(Membership, 'user_id', 'owner_key').",
  );
  expect(() => Membership.with('grants').get()).toThrow(/^Membership\.grants: Membership has a composite primary key .*hasMany\(Grant, 'user_id', 'local_key'\)\.$/);
  expect(() => Membership.with('firstGrant').get()).toThrow(/^Membership\.firstGrant: .*hasOne\(Grant, 'user_id', 'local_key'\)\.$/);
  expect(() => Membership.with('tags').get()).toThrow(/^Membership\.tags: .*localKey/);
  expect(() => Grant.with('memberships').get()).toThrow(/^Grant\.memberships: .*relatedKey/);
});

it('writes through such a relation are refused before anything is written', () => {
  const grant = Grant.findOrFail(1);
  const other = Membership.findOrFail([2, 2]);
  gas().calls.reset();
  expect(() => grant.related('membership').associate(other)).toThrow(ValidationError);
  expect(() => Membership.findOrFail([1, 2]).related('grants').create({ what: 'new' })).toThrow(ValidationError);
  expect(gas().calls.writes()).toBe(0);
  expect(gas().sheetValues('Grants')).toEqual([['id', 'user_id', 'role_id', 'what'], [1, 1, 1, 'g11'], [2, 1, 2, 'g12']]);
});

it('a named column works as named', () => {
  const grants = Membership.query().where('role_id', 2).with('grantsByUser').get();
  expect(grants.map((membership) => membership.grantsByUser.pluck('what').all())).toEqual([['g11', 'g12'], []]);
  expect(Grant.with('membershipOfUser').get().map((grant) => grant.membershipOfUser?.$attributes.level)).toEqual(['hi', 'hi']);
  // The pivot column is named after the first key column, as Lucid names it after the primary key.
  const byRole = Membership.$getRelation('tagsByRole');
  byRole.boot();
  expect([byRole.pivotForeignKey, byRole.localKey]).toEqual(['membership_user_id', 'role_id']);
  expect(Membership.with('tagsByRole').get().map((membership) => membership.tagsByRole.pluck('name').all())).toEqual([['a'], [], []]);
});

it('findOrFail of a missing composite key names each key column with its value', () => {
  const shown = 'Membership with user_id 1, role_id 3 not found in sheet "Memberships" in spreadsheet "Test Spreadsheet".';
  expect(() => Membership.findOrFail([1, 3])).toThrow(shown);
  expect(() => Membership.findOrFail({ user_id: 1, role_id: 3 })).toThrow(shown);
});

it('a sheet without one column of a composite key says that column is part of the key', () => {
  seedSheets({ Memberships: [['user_id', 'level'], [1, 'hi']] });
  expect(() => Membership.create({ user_id: 2, role_id: 1 })).toThrow(`"role_id" is part of the primary key: set Membership._primaryKey to the column that identifies a row`);
});
