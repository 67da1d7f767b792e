/**
 * Eloquent's form of a constrained relation, in plain JavaScript: filters and orderings chained onto
 * the relation a method returns (`this.hasMany(Post).where('published', true)`) hold for every query
 * of that relation, as the onQuery option does.
 */
const { Model, RelationNotFoundError, SheetORMError, ValidationError, ensureSchema } = require('../../src');
const { seedSheets, sheetRows, gas } = require('../support/seed');

class User extends Model {
  posts() {
    return this.hasMany(Post);
  }
  published() {
    return this.hasMany(Post).where('published', true).orderBy('title', 'desc');
  }
  latestPost() {
    return this.hasOne(Post).orderBy('id', 'desc');
  }
  leads() {
    return this.manyToMany(Project, 'ProjectUser').wherePivot('role', 'lead').pivotColumns(['role']);
  }
  activeLeads() {
    return this.manyToMany(Project, { pivotTable: 'ProjectUser', onQuery: (q) => q.where('status', 'active') }).wherePivot('role', 'lead');
  }
}
User._table = 'Users';

class Post extends Model {}
Post._table = 'Posts';

class Project extends Model {}
Project._table = 'Projects';

function seed() {
  seedSheets({
    Users: [['id', 'name'], [1, 'Ada'], [2, 'Bo'], [3, 'Cy']],
    Posts: [
      ['id', 'user_id', 'title', 'published'],
      [1, 1, 'Alpha', true],
      [2, 1, 'Beta', false],
      [3, 1, 'Gamma', true],
      [4, 2, 'Delta', false],
    ],
    Projects: [['id', 'name', 'status'], [1, 'Apollo', 'active'], [2, 'Borealis', 'done'], [3, 'Cygnus', 'active']],
    ProjectUser: [['project_id', 'user_id', 'role'], [1, 1, 'lead'], [2, 1, 'lead'], [3, 1, 'dev'], [3, 2, 'lead']],
  });
}

const titles = (list) => list.map((post) => post.title);

describe('constraints chained onto a relation definition', () => {
  test('hasMany: eager loads, related() queries and sub-queries keep only the matching rows, in the chained order', () => {
    seed();
    gas().calls.reset();
    const users = User.with('published').orderBy('id').get();
    expect(users.map((user) => titles(user.published))).toEqual([['Gamma', 'Alpha'], [], []]);
    expect([gas().calls.reads('Users'), gas().calls.reads('Posts')]).toEqual([1, 1]);

    const ada = User.find(1);
    expect(titles(ada.related('published').query().get())).toEqual(['Gamma', 'Alpha']);
    expect(User.withCount('published').orderBy('id').get().map((user) => user.$extras.published_count)).toEqual([2, 0, 0]);
    expect(User.has('published').pluck('name').all()).toEqual(['Ada']);
    expect(User.whereHas('published', (q) => q.where('title', 'Beta')).count()).toBe(0);
    expect(User.whereHas('posts', (q) => q.where('title', 'Beta')).count()).toBe(1);
  });

  test('a callback given to with() narrows further', () => {
    seed();
    const ada = User.with('published', (q) => q.where('title', 'Alpha')).find(1);
    expect(titles(ada.published)).toEqual(['Alpha']);
  });

  test('hasOne: an ordering picks the row the relation holds', () => {
    seed();
    expect(User.with('latestPost').find(1).latestPost.title).toBe('Gamma');
    expect(User.find(1).related('latestPost').query().first().title).toBe('Gamma');
  });

  test('manyToMany: pivot filters and pivot columns chain too, and join an onQuery option', () => {
    seed();
    const ada = User.with('leads', 'activeLeads').find(1);
    expect(ada.leads.map((project) => [project.name, project.pivot.role])).toEqual([
      ['Apollo', 'lead'],
      ['Borealis', 'lead'],
    ]);
    expect(ada.activeLeads.map((project) => project.name)).toEqual(['Apollo']);
    expect(User.find(2).related('leads').query().pluck('name').all()).toEqual(['Cygnus']);
  });

  test('writes through the relation stay inside the chained scope, as with onQuery', () => {
    seed();
    const bo = User.find(2);
    expect(() => bo.related('leads').attach([1])).toThrow(/would fall outside the relation's onQuery/);
    bo.related('leads').attach({ 1: { role: 'lead' } });
    expect(sheetRows('ProjectUser').slice(-1)).toEqual([[1, 2, 'lead']]);
    expect(bo.related('leads').sync([1])).toEqual({ attached: [], detached: [3], updated: [] });
  });

  test('the definition keeps its constraints: the relation is read once and asked again', () => {
    seed();
    const relation = User.$getRelation('published');
    expect(typeof relation.onQuery).toBe('function');
    expect(User.$getRelation('published')).toBe(relation);
    expect(titles(User.with('published').find(1).published)).toEqual(['Gamma', 'Alpha']);
    expect(titles(User.with('published').find(1).published)).toEqual(['Gamma', 'Alpha']);
  });

  test('called on a model, the method gives the relation for it: its queries and its writes, as Eloquent does', () => {
    seed();
    const ada = User.find(1);
    expect(titles(ada.published().get())).toEqual(['Gamma', 'Alpha']);
    expect(ada.published().relationName).toBe('published');
    const made = ada.published().create({ title: 'Omega', published: true });
    expect(made.user_id).toBe(1);
    const bo = User.find(2);
    bo.leads().attach({ 1: { role: 'lead' } });
    expect(bo.leads().get().map((project) => [project.name, project.pivot.role])).toEqual([
      ['Cygnus', 'lead'],
      ['Apollo', 'lead'],
    ]);
    expect(() => bo.leads().attach([2])).toThrow(/would fall outside the relation's onQuery/);
  });

  test('a query kept from one call takes later constraints too', () => {
    seed();
    const query = User.find(1).published();
    expect(titles(query.get())).toEqual(['Gamma', 'Alpha']);
    expect(titles(query.where('title', 'Alpha').get())).toEqual(['Alpha']);
    expect(titles(query.get())).toEqual(['Alpha']);
  });

  test('pivotColumns chained is part of the definition, as the option is', () => {
    seed();
    expect(User.$getRelation('leads').pivotColumns).toEqual(['role']);
    seedSheets({ Users: [['id', 'name']], Projects: [['id', 'name', 'status']] });
    ensureSchema([User, Project]);
    expect(sheetRows('ProjectUser')).toEqual([['user_id', 'project_id', 'role']]);
  });

  test('when() and unless() chain, and static fields() relations chain as relation methods do', () => {
    class Poster extends Model {
      static fields() {
        return { id: this.attr(null), name: this.attr(null), visible: this.hasMany(Post, 'user_id').where('published', true) };
      }
      drafts() {
        return this.hasMany(Post, 'user_id').unless(true, (q) => q.where('published', true)).when(true, (q) => q.where('published', false));
      }
    }
    Poster._table = 'Users';
    seed();
    const ada = Poster.with('visible', 'drafts').find(1);
    expect(titles(ada.visible)).toEqual(['Alpha', 'Gamma']);
    expect(titles(ada.drafts)).toEqual(['Beta']);
  });

  test("a filter given one model's attribute in a definition says the definition is read on a blank model", () => {
    class Owner extends Model {
      mine() {
        return this.hasMany(Post, 'user_id').where('user_id', this.id);
      }
    }
    Owner._table = 'Users';
    seed();
    expect(() => Owner.with('mine').get()).toThrow(
      "Owner.mine: where() was given undefined while the relation's definition was read. A definition is read once per class, on a blank Owner, so its attributes (this.id, ...) are not set there: filter by one model's values on its query instead (related(...).query().where(...)).",
    );
  });

  test('what runs a query or is no filter is refused by name, before anything is read', () => {
    class Writer extends Model {
      firstPost() {
        return this.hasMany(Post).limit(1);
      }
      all() {
        return this.hasMany(Post).get();
      }
      pinned() {
        return this.hasMany(Post).wherePivot('role', 'lead');
      }
      roles() {
        return this.manyToMany(Project, 'ProjectUser').as('membership');
      }
    }
    Writer._table = 'Users';
    seed();
    gas().calls.reset();
    expect(() => Writer.with('firstPost').get()).toThrow(
      "Writer.firstPost: limit() cannot be chained onto a hasMany relation's definition; chain filters and orderings (where..., whereHas, orderBy) or pass { onQuery: (query) => ... }, and call limit() on the query: related(...).query().limit(...).",
    );
    expect(() => Writer.with('all').get()).toThrow(ValidationError);
    expect(() => Writer.with('pinned').get()).toThrow(/Writer\.pinned: wherePivot\(\) cannot be chained onto a hasMany relation's definition/);
    // Eloquent's as('membership') renames the pivot accessor; the query's as() names a count instead.
    expect(() => Writer.with('roles').get()).toThrow('Writer.roles: as() cannot rename the pivot: each related model carries its pivot row as `pivot` (and $extras.pivot_<column>); serializeAs names the relation in toJSON().');
    expect(gas().calls.all()).toHaveLength(0);
  });
});

describe('mistakes in relation definitions name the relation', () => {
  test('a class name given as a string', () => {
    class Author extends Model {
      posts() {
        return this.hasMany('Post');
      }
    }
    Author._table = 'Users';
    seed();
    expect(() => Author.with('posts').get()).toThrow(
      'Author.posts: a relation needs a model class (or a function returning one), got "Post": pass the class itself (Post) or a function returning it (() => Post), not its name.',
    );
    class Fielded extends Model {
      static fields() {
        return { id: this.attr(null), posts: this.hasMany(undefined) };
      }
    }
    Fielded._table = 'Users';
    expect(() => Fielded.with('posts').get()).toThrow('Fielded.fields(): a relation needs a model class (or a function returning one), got undefined.');
  });

  test("a relation method that throws: its error is the cause, and its message is quoted", () => {
    class Reader extends Model {
      tags() {
        return this.manyToMany(Tagz); // eslint-disable-line no-undef
      }
    }
    Reader._table = 'Users';
    seed();
    let error;
    try {
      Reader.with('tags').get();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(RelationNotFoundError);
    expect(error).toBeInstanceOf(SheetORMError);
    expect(error.message).toContain('calling Reader.prototype.tags() to read the relation it returns threw ReferenceError: Tagz is not defined (the error is in error.cause)');
    expect(error.cause).toBeInstanceOf(ReferenceError);
  });
});

describe("the caller's orWhere cannot widen a relation's constraints", () => {
  test('hasMany: an orWhere on related().query(), in a with() callback and in whereHas is ANDed with the chained filter', () => {
    seed();
    const ada = User.find(1);
    expect(titles(ada.related('published').query().where('title', 'Gamma').orWhere('title', 'Beta').get())).toEqual(['Gamma']);
    const loaded = User.with('published', (q) => q.where('title', 'Nope').orWhere('title', 'Beta')).find(1);
    expect(titles(loaded.published)).toEqual([]);
    expect(User.whereHas('published', (q) => q.where('title', 'Nope').orWhere('title', 'Delta')).pluck('id').all()).toEqual([]);
  });

  test('many-to-many: orWhere through a wherePivot scope lists and deletes only rows inside it', () => {
    seed();
    const ada = User.find(1);
    expect(ada.related('leads').query().orWhere('name', 'Cygnus').pluck('id').all()).toEqual([]);
    expect(ada.related('leads').query().where('name', 'Apollo').orWhere('name', 'Cygnus').pluck('id').all()).toEqual([1]);
    expect(ada.related('activeLeads').query().orWhere('name', 'Borealis').pluck('id').all()).toEqual([]);
    ada.related('leads').query().where('name', 'Borealis').orWhere('name', 'Cygnus').delete();
    expect(sheetRows('ProjectUser')).toEqual([['project_id', 'user_id', 'role'], [1, 1, 'lead'], [3, 1, 'dev'], [3, 2, 'lead']]);
  });
});

describe('a relation with its own equality filter, queried per parent', () => {
  const { Table } = require('../../src/storage/Table');

  test("looks the parent's rows up by the foreign key, not by the filter's value (which most rows share)", () => {
    seed();
    const looked = jest.spyOn(Table.prototype, 'rowsHolding');
    try {
      const ada = User.find(1);
      looked.mockClear();
      expect(titles(ada.related('published').query().get())).toEqual(['Gamma', 'Alpha']);
      const columns = looked.mock.calls.map(([column]) => column);
      // Posts: id, user_id, title, published
      expect(columns).toEqual([1]);
    } finally {
      looked.mockRestore();
    }
  });
});
