/** The relation `onQuery` option: eager loads, lazy `related(x).query()` and sub-queries (`isRelatedSubQuery`). */
import { Model } from '../../src';
import { seedSheets, gas } from '../support/seed';

/** Every onQuery call, as [relation, isRelatedSubQuery]. */
let seen: Array<[string, boolean]> = [];

function hook(name: string, constrain: (query: any) => void) {
  return (query: any) => {
    seen.push([name, query.isRelatedSubQuery]);
    constrain(query);
  };
}

class User extends Model {
  static _table = 'Users';
  declare id: number;
  declare name: string;
  projects() {
    return this.manyToMany(Project, {
      onQuery: hook('projects', (query) => {
        query.where('status', 'active');
        if (!query.isRelatedSubQuery) query.preload('tasks');
      }),
    });
  }
  posts() {
    return this.hasMany(Post, { onQuery: hook('posts', (query) => query.where('published', true)) });
  }
  profile() {
    return this.hasOne(Profile, { onQuery: hook('profile', (query) => query.where('kind', 'public')) });
  }
}

class Project extends Model {
  static _table = 'Projects';
  declare id: number;
  declare name: string;
  tasks() {
    return this.hasMany(Task);
  }
}

class Task extends Model {
  static _table = 'Tasks';
  declare id: number;
  declare title: string;
}

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  author() {
    return this.belongsTo(User, { foreignKey: 'user_id', onQuery: hook('author', (query) => query.where('active', true)) });
  }
}

class Profile extends Model {
  static _table = 'Profiles';
  declare id: number;
}

beforeEach(() => {
  seen = [];
  seedSheets({
    Users: [['id', 'name', 'active'], [1, 'virk', true], [2, 'romain', false], [3, 'nikk', true]],
    Projects: [['id', 'name', 'status'], [1, 'A', 'active'], [2, 'B', 'archived'], [3, 'C', 'active']],
    project_user: [['user_id', 'project_id'], [1, 1], [1, 2], [2, 2], [3, 3]],
    Tasks: [['id', 'project_id', 'title'], [1, 1, 't1'], [2, 1, 't2'], [3, 3, 't3'], [4, 2, 't4']],
    Posts: [['id', 'user_id', 'title', 'published'], [1, 1, 'p1', true], [2, 1, 'p2', false], [3, 2, 'p3', false], [4, 3, 'p4', true]],
    Profiles: [['id', 'user_id', 'kind'], [1, 1, 'public'], [2, 2, 'private']],
  });
  gas().calls.reset();
});

function byName<T>(users: readonly Model[], read: (user: any) => T): Record<string, T> {
  const result: Record<string, T> = {};
  for (const user of users as User[]) result[user.name] = read(user);
  return result;
}

const titles = (list: { all(): Array<{ title?: string; name?: string }> }) => list.all().map((m) => m.title ?? m.name);

describe('manyToMany', () => {
  test('eager loads run onQuery (isRelatedSubQuery false), so its preload happens', () => {
    const users = User.preload('projects').get().all();
    expect(byName(users, (u) => titles(u.projects))).toEqual({ virk: ['A'], romain: [], nikk: ['C'] });
    const tasks = byName(users, (u) => u.projects.all().map((p: any) => titles(p.tasks)));
    expect(tasks).toEqual({ virk: [['t1', 't2']], romain: [], nikk: [['t3']] });
    expect(seen).toEqual([['projects', false]]);
    expect(gas().calls.reads('Tasks')).toBe(1);
  });

  test('lazy related(x).query() runs onQuery, with its preload', () => {
    const virk = User.findOrFail(1);
    const projects = virk.related('projects').query().get();
    expect(titles(projects)).toEqual(['A']);
    // Loaded by the relation's onQuery, which the types cannot see.
    expect(titles((projects.first() as any).tasks)).toEqual(['t1', 't2']);
    expect(seen).toEqual([['projects', false]]);
  });

  test('load() on an instance is an eager load', () => {
    const nikk = User.findOrFail(3).load('projects') as any;
    expect(titles(nikk.projects)).toEqual(['C']);
    expect(titles(nikk.projects.first().tasks)).toEqual(['t3']);
    expect(seen).toEqual([['projects', false]]);
  });

  test('withCount runs onQuery as a sub-query: counted under its constraint, no preload', () => {
    const users = User.withCount('projects').get().all();
    expect(byName(users, (u) => u.$extras.projects_count)).toEqual({ virk: 1, romain: 0, nikk: 1 });
    expect(seen).toEqual([['projects', true]]);
    expect(gas().calls.reads('Tasks')).toBe(0);
  });

  test('has / whereHas / doesntHave run onQuery as sub-queries', () => {
    expect(titles(User.has('projects').get())).toEqual(['virk', 'nikk']);
    expect(titles(User.doesntHave('projects').get())).toEqual(['romain']);
    // B is archived: onQuery keeps it out even though the callback asks for it
    let inner: boolean | undefined;
    const found = User.whereHas('projects', (query: any) => {
      inner = query.isRelatedSubQuery;
      query.where('name', 'B');
    }).get();
    expect(titles(found)).toEqual([]);
    expect(inner).toBe(true);
    expect(seen).toEqual([
      ['projects', true],
      ['projects', true],
      ['projects', true],
    ]);
    expect(gas().calls.reads('Tasks')).toBe(0);
  });

  test('the relation’s subQuery() sets isRelatedSubQuery; eagerQuery() does not', () => {
    const relation = User.$getRelation('projects');
    expect(relation.subQuery().isRelatedSubQuery).toBe(true);
    expect(relation.eagerQuery([User.findOrFail(1)]).isRelatedSubQuery).toBe(false);
    expect(seen).toEqual([
      ['projects', true],
      ['projects', false],
    ]);
  });
});

describe('hasMany', () => {
  test('eager, lazy and sub-queries all apply onQuery', () => {
    const users = User.preload('posts').withCount('posts').get().all();
    expect(byName(users, (u) => titles(u.posts))).toEqual({ virk: ['p1'], romain: [], nikk: ['p4'] });
    expect(byName(users, (u) => u.$extras.posts_count)).toEqual({ virk: 1, romain: 0, nikk: 1 });
    expect(titles(User.findOrFail(1).related('posts').query().get())).toEqual(['p1']);
    expect(titles(User.has('posts').get())).toEqual(['virk', 'nikk']);
    expect(titles(User.whereHas('posts', (q: any) => q.where('title', 'p2')).get())).toEqual([]);
    expect(seen.filter(([name]) => name === 'posts').map(([, sub]) => sub).sort()).toEqual([false, false, true, true, true]);
  });
});

describe('hasOne', () => {
  test('eager, lazy and sub-queries all apply onQuery', () => {
    const users = User.preload('profile').get().all();
    expect(byName(users, (u) => u.profile && u.profile.id)).toEqual({ virk: 1, romain: null, nikk: null });
    expect(User.findOrFail(2).related('profile').query().first()).toBeNull();
    expect(titles(User.has('profile').get())).toEqual(['virk']);
    expect(seen).toEqual([
      ['profile', false],
      ['profile', false],
      ['profile', true],
    ]);
  });
});

describe('belongsTo', () => {
  test('eager, lazy and sub-queries all apply onQuery', () => {
    const posts = Post.preload('author').get().all() as any[];
    expect(posts.map((p) => [p.title, p.author && p.author.name])).toEqual([
      ['p1', 'virk'],
      ['p2', 'virk'],
      ['p3', null], // romain is inactive
      ['p4', 'nikk'],
    ]);
    expect(Post.findOrFail(3).related('author').query().first()).toBeNull();
    expect(Post.findOrFail(4).related('author').query().first()!.name).toBe('nikk');
    expect(titles(Post.doesntHave('author').get())).toEqual(['p3']);
    expect(seen).toEqual([
      ['author', false],
      ['author', false],
      ['author', false],
      ['author', true],
    ]);
  });
});

test('nested has applies each relation’s onQuery', () => {
  // users with a published post whose author is active: romain's post is unpublished anyway
  expect(titles(User.has('posts.author').get())).toEqual(['virk', 'nikk']);
  expect(seen).toEqual([
    ['posts', true],
    ['author', true],
  ]);
});
