import { Model, ColumnNotFoundError, ValidationError } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  posts() {
    return this.hasMany(Post, 'user_id', 'uid');
  }
}
class Post extends Model {
  static _table = 'Posts';
  author() {
    return this.belongsTo(User, 'user_id');
  }
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id', 'slug');
  }
  writer() {
    return this.belongsTo(User, 'writer_id');
  }
}
class Tag extends Model {
  static _table = 'Tags';
}

describe('relation clients name a missing parent column', () => {
  beforeEach(() => seedSheets({ Users: [['id', 'name'], [1, 'Ann']], Posts: [['id', 'author', 'title'], [1, 1, 'Hello']] }));

  it('belongsTo query() on a sheet without the foreign key', () => {
    const post = Post.find(1)!;
    expect(() => post.related('author').query().get()).toThrow(ColumnNotFoundError);
    expect(() => post.related('author').query()).toThrow(/Post\.author: sheet "Posts" in spreadsheet "Test Spreadsheet" has no column "user_id"/);
  });

  it('hasMany on a parent sheet without the local key', () => {
    const user = User.find(1)!;
    expect(() => user.related('posts').query()).toThrow(/User\.posts: sheet "Users" in spreadsheet "Test Spreadsheet" has no column "uid"/);
    expect(() => user.related('posts').create({ title: 'x' })).toThrow(ColumnNotFoundError);
  });

  it('writes through a relation name it when the sheet lacks its foreign key, and write nothing', () => {
    seedSheets({ Users: [['id', 'uid', 'name'], [1, 1, 'Ann']], Posts: [['id', 'author', 'writer_id', 'title'], [1, 1, null, 'Hello']] });
    const user = User.find(1)!;
    const post = Post.find(1)!;
    const named = (label: string) => new RegExp(`^${label}: sheet "Posts" in spreadsheet "Test Spreadsheet" has no column "user_id" .*"user_id" is the relation's key`);
    gas().calls.reset();
    expect(() => user.related('posts').create({ title: 'x' })).toThrow(named('User\\.posts'));
    expect(() => user.related('posts').createMany([{ title: 'x' }])).toThrow(named('User\\.posts'));
    expect(() => user.related('posts').save(new Post().fill({ title: 'x' }))).toThrow(named('User\\.posts'));
    expect(() => post.related('author').associate(user)).toThrow(named('Post\\.author'));
    expect(() => post.related('author').associate(user)).toThrow(ColumnNotFoundError);
    expect(gas().calls.writes()).toBe(0);
    // A column of the model's own is still told as the model's.
    expect(() => post.related('writer').associate(user)).not.toThrow();
    expect(() => user.related('posts').create({ nope: 1, user_id: 1 } as never)).toThrow(/^Post: sheet "Posts"/);
  });

  it('related() without a relation name says so', () => {
    const post = Post.find(1)!;
    expect(() => (post.related as (name?: unknown) => unknown)()).toThrow(ValidationError);
    expect(() => (post.related as (name?: unknown) => unknown)(null)).toThrow('Post: expected a relation name, got null.');
  });

  it('manyToMany whose parent key names a column the sheet lacks (not "blank in its row")', () => {
    seedSheets({ Posts: [['id', 'author', 'title'], [1, 1, 'Hello']], Tags: [['id', 'name'], [1, 'js']], PostTag: [['post_id', 'tag_id']] });
    const post = Post.find(1)!;
    const missing = /Post\.tags: sheet "Posts" in spreadsheet "Test Spreadsheet" has no column "slug"/;
    expect(() => post.related('tags').query().get()).toThrow(ColumnNotFoundError);
    expect(() => post.related('tags').query()).toThrow(missing);
    expect(() => post.related('tags').attach([1])).toThrow(missing);
    expect(() => post.related('tags').sync([1])).toThrow(missing);
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id']]);
  });

  it('has/whereHas on a missing foreign key name the relation', () => {
    expect(() => Post.has('writer').get()).toThrow(/^Post\.writer: sheet "Posts" in spreadsheet "Test Spreadsheet" has no column "writer_id"/);
    expect(() => Post.whereHas('writer', (q) => q.where('name', 'Ann')).get()).toThrow(/^Post\.writer: .* has no column "writer_id"/);
  });
});

describe('relation clients of a parent whose key is blank', () => {
  beforeEach(() => seedSheets({ Users: [['id', 'uid'], [1, '']], Posts: [['id', 'user_id']] }));

  it('say the key cell is blank when the parent was saved, and to save it when it was not', () => {
    expect(() => User.findOrFail(1).related('posts').query()).toThrow(/User\.posts: the parent's uid is blank in its row; give it a value/);
    expect(() => new User().related('posts').query()).toThrow(/User\.posts: the parent has no uid; save it before using its relations/);
  });

  it('refuse to create or save through a saved parent with a blank key before taking the lock', () => {
    const user = User.findOrFail(1);
    gas().calls.reset();
    expect(() => user.related('posts').create({})).toThrow(/User\.posts: the parent's uid is blank in its row/);
    expect(() => user.related('posts').save(new Post())).toThrow(/User\.posts: the parent's uid is blank in its row/);
    expect(gas().calls.count()).toBe(0);
    seedSheets({ Posts: [['id', 'slug'], [1, '']], Tags: [['id', 'name'], [1, 'js']], PostTag: [['post_id', 'tag_id']] });
    const post = Post.findOrFail(1);
    gas().calls.reset();
    expect(() => post.related('tags').create({ name: 'ts' })).toThrow(/Post\.tags: the parent's slug is blank in its row/);
    expect(() => post.related('tags').saveMany([Tag.find(1)!])).toThrow(/Post\.tags: the parent's slug is blank in its row/);
    expect(gas().calls.count('Lock.tryLock')).toBe(0);
  });

  it('a new parent saved first whose key stays blank writes nothing', () => {
    const user = new User();
    expect(() => user.related('posts').create({})).toThrow(/User\.posts: the parent's uid is blank/);
    expect(user.$isPersisted).toBe(false);
    expect(sheetRows('Users')).toEqual([['id', 'uid'], [1, '']]);
    expect(sheetRows('Posts')).toEqual([['id', 'user_id']]);
  });
});

describe('deleted models are not written back through a relation', () => {
  class Writer extends Model {
    static override _table = 'Users';
    declare id: number;
    articles() {
      return this.hasMany(Article, 'user_id');
    }
  }
  class Article extends Model {
    static override _table = 'Posts';
    declare id: number;
    writer() {
      return this.belongsTo(Writer, 'user_id');
    }
    labels() {
      return this.manyToMany(Label, 'PostTag', 'post_id', 'tag_id');
    }
  }
  class Label extends Model {
    static override _table = 'Tags';
    declare id: number;
  }
  beforeEach(() =>
    seedSheets({
      Users: [['id'], [1], [2]],
      Posts: [['id', 'user_id'], [1, 1], [2, 1]],
      Tags: [['id'], [1], [2]],
      PostTag: [['post_id', 'tag_id', 'role'], [1, 1, 'a']],
    }),
  );

  it('a deleted related model is refused by associate, save and attach/sync/toggle, and nothing is written', () => {
    const bob = Writer.findOrFail(2);
    bob.delete();
    const post = Article.findOrFail(1);
    expect(() => post.related('writer').associate(bob)).toThrow(ValidationError);
    expect(() => post.related('writer').associate(bob)).toThrow(/Article\.writer\.associate\(\): this Writer was deleted.*save\(\) it first if it should come back/);
    const label = Label.findOrFail(2);
    label.delete();
    for (const write of [
      () => post.related('labels').save(label),
      () => post.related('labels').attach([label]),
      () => post.related('labels').sync([label]),
      () => post.related('labels').toggle(label),
    ]) {
      expect(write).toThrow(/Article\.labels\.\w+\(\): this Label was deleted/);
    }
    const other = Article.findOrFail(2);
    other.delete();
    expect(() => Writer.findOrFail(1).related('articles').save(other)).toThrow(/Writer\.articles\.save\(\): this Article was deleted/);
    expect(sheetRows('Users')).toHaveLength(2);
    expect(sheetRows('Posts')).toHaveLength(2);
    expect(sheetRows('Tags')).toHaveLength(2);
    expect(sheetRows('PostTag')).toHaveLength(2);
  });

  it('detach, toggle off and updateExistingPivot take a deleted related model (to clear or edit its pivot rows)', () => {
    const tag = Label.findOrFail(1);
    tag.delete();
    const labels = Article.findOrFail(1).related('labels');
    expect(labels.updateExistingPivot(tag, { role: 'gone' })).toBe(1);
    expect(labels.toggle([tag])).toEqual({ attached: [], detached: [1] });
    labels.attach([1]);
    expect(labels.detach([tag])).toBe(1);
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'role']]);
  });

  it("a deleted parent's pivot rows can still be detached or synced away (cleanup after delete)", () => {
    const post = Article.findOrFail(1);
    post.delete();
    expect(post.related('labels').detach()).toBe(1);
    Article.findOrFail(2).related('labels').attach([1, 2]);
    const other = Article.findOrFail(2);
    other.delete();
    expect(other.related('labels').sync([])).toMatchObject({ detached: [1, 2] });
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'role']]);
  });

  it("a deleted parent's relations are not written", () => {
    const post = Article.findOrFail(1);
    const user = Writer.findOrFail(1);
    post.delete();
    user.delete();
    const before = [sheetRows('Users'), sheetRows('Posts'), sheetRows('PostTag')];
    expect(() => user.related('articles').create({})).toThrow(/Writer\.articles\.create\(\): the parent was deleted/);
    expect(() => user.related('articles').createMany([{}])).toThrow(/Writer\.articles\.createMany\(\): the parent was deleted/);
    expect(() => post.related('labels').create({})).toThrow(/Article\.labels\.create\(\): the parent was deleted/);
    expect(() => post.related('labels').attach([2])).toThrow(/Article\.labels\.attach\(\): the parent was deleted/);
    expect(() => post.related('writer').associate(Writer.findOrFail(2))).toThrow(/Article\.writer\.associate\(\): the parent was deleted/);
    expect(() => post.related('writer').dissociate()).toThrow(/the parent was deleted/);
    expect([sheetRows('Users'), sheetRows('Posts'), sheetRows('PostTag')]).toEqual(before);
  });

  it('attach/sync/toggle refuse a model of another class and name an unsaved one', () => {
    const post = Article.findOrFail(1);
    expect(() => post.related('labels').attach([Writer.findOrFail(2) as never])).toThrow(/Article\.labels\.attach\(\): expected a Label model, got/);
    expect(() => post.related('labels').sync([Writer.findOrFail(2) as never])).toThrow(ValidationError);
    expect(() => post.related('labels').attach([new Label()])).toThrow(/the Label has no id, the key its pivot rows pair on; save\(\) the Label first/);
    expect(sheetRows('PostTag')).toHaveLength(2);
  });

  it('updateExistingPivot checks its columns and its id whether or not a row matches', () => {
    const labels = Article.findOrFail(1).related('labels');
    expect(() => labels.updateExistingPivot(2, { colour: 'red' })).toThrow(ColumnNotFoundError);
    expect(() => labels.updateExistingPivot(1, { colour: 'red' })).toThrow(ColumnNotFoundError);
    expect(() => labels.updateExistingPivot({} as never, { role: 'b' })).toThrow(ValidationError);
    expect(() => labels.updateExistingPivot(1, 'b' as never)).toThrow(/updateExistingPivot\(\): expected an object of pivot columns/);
    expect(labels.updateExistingPivot(Label.findOrFail(1), { role: 'b' })).toBe(1);
    expect(sheetRows('PostTag')[1]).toEqual([1, 1, 'b']);
  });
});

describe('messages that point at the real mistake', () => {
  class Note extends Model {
    static override _table = 'Notes';
    declare id: number;
    declare parent_id: number | null;
    dated() {
      return this.hasMany(Date as never, 'note_id');
    }
    tags() {
      return this.hasMany(Note, 'parent_id');
    }
  }
  class Misnamed extends Model {
    static override _table = 'notes';
  }
  beforeEach(() => seedSheets({ Notes: [['id', 'parent_id'], [1, '']] }));

  it("a member of the model's own API named as a relation is not a relation to define", () => {
    expect(() => Note.with('save' as never).get()).toThrow(/"save" is one of the model's own members .*not a relation; name the relation method something else/);
    expect(() => Note.findOrFail(1).related('delete' as never)).toThrow(/"delete" is one of the model's own members/);
  });

  it('a class that is not a model, a count named with nothing after "as", a sheet named in another case', () => {
    expect(() => Note.with('dated').get()).toThrow(/Note\.dated: Date is neither a model class \(a class extending SheetORM\.Model\) nor a function returning one/);
    class NotModel {}
    class Pad extends Model {
      static override _table = 'Notes';
      pads() {
        return this.hasMany(NotModel as never, 'note_id');
      }
    }
    expect(() => Pad.with('pads').get()).toThrow('Pad.pads: NotModel is neither a model class (a class extending SheetORM.Model) nor a function returning one.');
    class Thrower extends Model {
      static override _table = 'Notes';
      items() {
        return this.hasMany(function broken() {
          return (undefined as unknown as { foo: typeof Note }).foo;
        } as never, 'note_id');
      }
    }
    // A thunk's own TypeError comes through as it is.
    expect(() => Thrower.with('items').get()).toThrow(TypeError);
    expect(() => Note.withCount('tags as' as never)).toThrow(`Note.withCount('tags as'): give the count a name after "as", such as 'tags as total'.`);
    expect(() => Misnamed.all()).toThrow(/has no sheet "notes" \(sheets: Notes\)\. Did you mean "Notes"\? Sheet names are matched exactly: set Misnamed\._table to "Notes"\./);
    Misnamed._table = 'Notes ';
    expect(() => Misnamed.all()).toThrow('Did you mean "Notes"? Sheet names are matched exactly: set Misnamed._table to "Notes".');
    Misnamed._table = '';
    expect(() => Misnamed.all()).toThrow('Misnamed._table must be a sheet name (a non-empty string), not "".');
    Misnamed._table = 'notes';
  });

  it('firstOrCreate and updateOrCreate want objects', () => {
    expect(() => Note.firstOrCreate({ parent_id: 1 }, 'x' as never)).toThrow(/Note\.firstOrCreate\(\): the attributes must be an object of columns/);
    expect(() => Note.updateOrCreate(5 as never, {})).toThrow(/Note\.updateOrCreate\(\): the search must be an object of columns/);
    expect(Note.updateOrCreate({ parent_id: 7 }).parent_id).toBe(7);
    expect(sheetRows('Notes')).toHaveLength(3);
  });
});
