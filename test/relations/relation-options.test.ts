/** The options objects of hasOne, hasMany and belongsTo are checked as manyToMany's are. */
import { Model, ValidationError } from '../../src';
import { seedSheets } from '../support/seed';

function seedPeople() {
  seedSheets({
    Users: [['id', 'name', 'code'], [1, 'Ada', 'A'], [2, 'Linus', 'L']],
    Posts: [['id', 'title', 'user_id', 'editor_id', 'owner_code'], [1, 'a', 1, 2, 'L'], [2, 'b', 2, 1, 'A']],
  });
}

class Post extends Model {
  static _table = 'Posts';
  editor() {
    return this.belongsTo(User, { foreignKey: 'editor_id' });
  }
  owner() {
    return this.belongsTo(User, { foreignKey: 'owner_code', ownerKey: 'code' });
  }
  misspeltEditor() {
    return this.belongsTo(User, { foriegnKey: 'editor_id' } as never);
  }
}
class User extends Model {
  static _table = 'Users';
  edited() {
    return this.hasMany(Post, { foreignKey: 'editor_id' });
  }
  misspeltEdited() {
    return this.hasMany(Post, { foreignkey: 'editor_id' } as never);
  }
  misspeltLatest() {
    return this.hasOne(Post, { localkey: 'id' } as never);
  }
  blankKey() {
    return this.hasMany(Post, { foreignKey: ' ' });
  }
  compositeKeys() {
    return this.hasMany(Post, ['user_id', 'team_id'] as never);
  }
}

it('uses the options given', () => {
  seedPeople();
  expect(User.findOrFail(1).related('edited').query().pluck('id').all()).toEqual([2]);
  expect((Post.with('editor').findOrFail(1) as any).editor.name).toBe('Linus');
});

it("takes Eloquent's ownerKey for a belongsTo's localKey", () => {
  seedPeople();
  const owner = Post.$getRelation('owner');
  owner.boot();
  expect([owner.localKey, owner.foreignKey]).toEqual(['code', 'owner_code']);
  expect(Post.with('owner').get().map((post: any) => post.owner.name).all()).toEqual(['Linus', 'Ada']);
});

it('refuses a misspelt option before reading or writing, naming the options there are', () => {
  seedPeople();
  expect(() => User.$getRelation('misspeltEdited')).toThrow(ValidationError);
  expect(() => User.$getRelation('misspeltEdited')).toThrow('User.hasMany(): unknown option "foreignkey" (options: foreignKey, localKey, serializeAs, onQuery, meta).');
  expect(() => User.findOrFail(1).related('misspeltEdited' as never)).toThrow(/unknown option "foreignkey"/);
  expect(() => User.$getRelation('misspeltLatest')).toThrow('User.hasOne(): unknown option "localkey"');
  expect(() => Post.$getRelation('misspeltEditor')).toThrow('Post.belongsTo(): unknown option "foriegnKey" (options: foreignKey, localKey, ownerKey, serializeAs, onQuery, meta).');
  expect(() => User.$getRelation('blankKey')).toThrow('User.hasMany(): option foreignKey is a column or sheet name, got " "');
});

it("refuses Pinia's composite relation keys as such, not as options named 0 and 1", () => {
  seedPeople();
  expect(() => User.$getRelation('compositeKeys')).toThrow(/^User\.hasMany\(\): a relation's keys are one column each, got .*; relations over composite keys are not supported/);
});

it("refuses ownerKey and localKey naming different keys, and accepts Lucid's meta", () => {
  seedPeople();
  class Note extends Model {
    static _table = 'Posts';
    both() {
      return this.belongsTo(User, { foreignKey: 'owner_code', localKey: 'id', ownerKey: 'code' });
    }
    tagged() {
      return this.belongsTo(User, { foreignKey: 'user_id', meta: { label: 'writer' } });
    }
  }
  expect(() => Note.$getRelation('both')).toThrow('Note.belongsTo(): ownerKey "code" and localKey "id" name the same key');
  expect((Note.with('tagged').findOrFail(1) as any).tagged.name).toBe('Ada');
});

it('names a default foreign key after the primary key, as Lucid and Eloquent do, whichever key the relation matches on', () => {
  class Writer extends Model {
    static _table = 'Users';
    byEmail() {
      return this.hasMany(Article, undefined, 'email');
    }
    firstByEmail() {
      return this.hasOne(Article, { localKey: 'email' });
    }
  }
  class Article extends Model {
    static _table = 'Posts';
    writer() {
      return this.belongsTo(Writer, { localKey: 'email' });
    }
  }
  const byEmail = Writer.$getRelation('byEmail');
  byEmail.boot();
  expect([byEmail.localKey, byEmail.foreignKey]).toEqual(['email', 'user_id']);
  const first = Writer.$getRelation('firstByEmail');
  first.boot();
  expect(first.foreignKey).toBe('user_id');
  const writer = Article.$getRelation('writer');
  writer.boot();
  expect([writer.localKey, writer.foreignKey]).toEqual(['email', 'user_id']);
});
