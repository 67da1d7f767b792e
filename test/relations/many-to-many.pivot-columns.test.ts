/** `pivotColumns([...])`: selected pivot columns in `pivot` and `$extras.pivot_<column>`. */
import { Model, ManyToMany, ColumnNotFoundError, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
  projects() {
    return this.manyToMany(Project);
  }
  /** The same relation with pivot columns declared on it (Lucid options). */
  memberships() {
    return this.manyToMany(Project, { pivotTable: 'project_user', pivotColumns: ['role'] });
  }
  broken() {
    return this.manyToMany(Project, { pivotTable: 'project_user', pivotColumns: ['role', 'salary'] });
  }
}

class Project extends Model {
  static _table = 'Projects';
  declare id: number;
  declare name: string;
}

const joined = new Date(2024, 2, 15, 9, 30);

beforeEach(() => {
  seedSheets({
    Users: [['id', 'name'], [1, 'virk'], [2, 'romain']],
    Projects: [['id', 'name'], [10, 'Alpha'], [20, 'Beta']],
    project_user: [
      ['user_id', 'project_id', 'role', 'joined_at', 'hours'],
      [1, 10, 'admin', joined, 12],
      [1, 20, 'member', null, 3],
      [2, 20, 'owner', joined, 40],
    ],
  });
});

function virkProjects(query: (q: any) => any = (q) => q): any[] {
  return query(User.findOrFail(1).related('projects').query()).get().all();
}

test('without pivotColumns, pivot holds just the two keys', () => {
  const [alpha] = virkProjects();
  expect(alpha.pivot).toEqual({ user_id: 1, project_id: 10 });
  expect(alpha.$extras).toEqual({ pivot_user_id: 1, pivot_project_id: 10 });
});

test('pivotColumns([...]) on a query adds the columns to pivot and $extras', () => {
  const projects = virkProjects((q) => q.pivotColumns(['role', 'joined_at']));
  expect(projects.map((p) => p.pivot)).toEqual([
    { user_id: 1, project_id: 10, role: 'admin', joined_at: joined },
    { user_id: 1, project_id: 20, role: 'member', joined_at: null },
  ]);
  expect(projects.map((p) => p.$extras)).toEqual([
    { pivot_user_id: 1, pivot_project_id: 10, pivot_role: 'admin', pivot_joined_at: joined },
    { pivot_user_id: 1, pivot_project_id: 20, pivot_role: 'member', pivot_joined_at: null },
  ]);
  // a Date read from the pivot sheet stays a Date
  expect(projects[0].pivot.joined_at).toBeInstanceOf(Date);
  expect(projects[0].pivot.joined_at.getTime()).toBe(joined.getTime());
  // columns not selected stay out
  expect(projects[0].pivot).not.toHaveProperty('hours');
  expect(projects[0].$extras).not.toHaveProperty('pivot_hours');
});

test('pivotColumns calls accumulate and ignore repeats', () => {
  const [alpha] = virkProjects((q) => q.pivotColumns(['role']).pivotColumns(['hours', 'role']));
  expect(alpha.pivot).toEqual({ user_id: 1, project_id: 10, role: 'admin', hours: 12 });
});

test('pivot columns are in toJSON()', () => {
  const [alpha] = virkProjects((q) => q.pivotColumns(['role']));
  expect(alpha.toJSON()).toEqual({ id: 10, name: 'Alpha', pivot: { user_id: 1, project_id: 10, role: 'admin' } });
});

test('pivotColumns declared on the relation apply to every query of it, and a query can add more', () => {
  const lazy = User.findOrFail(1).related('memberships').query().get().all() as any[];
  expect(lazy.map((p) => p.pivot.role)).toEqual(['admin', 'member']);
  expect(lazy.map((p) => p.$extras.pivot_role)).toEqual(['admin', 'member']);

  const more = User.findOrFail(2).related('memberships').query().pivotColumns(['hours']).get().all() as any[];
  expect(more.map((p) => p.pivot)).toEqual([{ user_id: 2, project_id: 20, role: 'owner', hours: 40 }]);

  // the query's addition does not leak back into the relation definition
  const again = User.findOrFail(2).related('memberships').query().get().all() as any[];
  expect(again[0].pivot).toEqual({ user_id: 2, project_id: 20, role: 'owner' });
  expect((User.$getRelation('memberships') as ManyToMany<User, Project>).pivotColumns).toEqual(['role']);
});

test('in preloads, each parent’s models carry their own pivot row', () => {
  gas().calls.reset();
  const users = User.preload('projects', (q) => q.pivotColumns(['role'])).get().all() as any[];
  expect(users.map((u) => u.projects.all().map((p: any) => [p.name, p.pivot.role, p.$extras.pivot_role]))).toEqual([
    [
      ['Alpha', 'admin', 'admin'],
      ['Beta', 'member', 'member'],
    ],
    [['Beta', 'owner', 'owner']],
  ]);
  // Beta appears under both users, each with its own pivot, as separate instances
  const virkBeta = users[0].projects.all()[1];
  const romainBeta = users[1].projects.all()[0];
  expect(virkBeta).not.toBe(romainBeta);
  expect(gas().calls.reads('project_user')).toBe(1);
  expect(gas().calls.reads('Projects')).toBe(1);
});

test('a pivot column qualified with the pivot sheet can be plucked and ordered by', () => {
  const query = User.findOrFail(1).related('projects').query().orderBy('project_user.hours', 'asc');
  expect(query.pluck('project_user.role').all()).toEqual(['member', 'admin']);
});

test('a pivot column named as results carry it (pivot_<column>, Lucid) can be ordered, filtered and group-ordered by', () => {
  const names = (query: any) => query.pluck('name').all();
  expect(names(User.findOrFail(1).related('projects').query().orderBy('pivot_hours', 'desc'))).toEqual(['Alpha', 'Beta']);
  expect(names(User.findOrFail(1).related('projects').query().orderBy('pivot_hours', 'asc'))).toEqual(['Beta', 'Alpha']);
  expect(names(User.findOrFail(1).related('projects').query().where('pivot_role', 'admin'))).toEqual(['Alpha']);
  const users = User.query().with('projects', (q: any) => q.groupLimit(1).groupOrderBy('pivot_hours', 'asc')).orderBy('id').get();
  expect(users.map((user: any) => user.projects.pluck('name').all()).all()).toEqual([['Beta'], ['Beta']]);
  expect(() => User.findOrFail(1).related('projects').query().orderBy('pivot_salary').get()).toThrow(ColumnNotFoundError);
});

describe('unknown pivot columns', () => {
  test('in pivotColumns() on a query: ColumnNotFoundError naming the relation and the column', () => {
    const query = User.findOrFail(1).related('projects').query().pivotColumns(['salary']);
    expect(() => query.get()).toThrow(ColumnNotFoundError);
    expect(() => query.get()).toThrow(/User\.projects/);
    expect(() => query.get()).toThrow(/salary/);
  });

  test('in the relation’s pivotColumns option: thrown by eager and lazy loads alike', () => {
    expect(() => User.preload('broken').get()).toThrow(ColumnNotFoundError);
    expect(() => User.preload('broken').get()).toThrow(/User\.broken/);
    expect(() => User.findOrFail(1).related('broken').query().get()).toThrow(/User\.broken.*salary|salary.*User\.broken/s);
  });

  test('even when the parent has no pivot rows', () => {
    seedSheets({
      Users: [['id', 'name'], [1, 'virk']],
      Projects: [['id', 'name']],
      project_user: [['user_id', 'project_id', 'role']],
    });
    expect(() => User.findOrFail(1).related('projects').query().pivotColumns(['salary']).get()).toThrow(ColumnNotFoundError);
  });
});

test('pivotColumns takes one name as text too, and refuses anything that is not names', () => {
  const [alpha] = virkProjects((q) => q.pivotColumns('role'));
  expect(alpha.pivot).toEqual({ user_id: 1, project_id: 10, role: 'admin' });
  expect(() => virkProjects((q) => q.pivotColumns(5))).toThrow(/pivotColumns\(\): expected a list of pivot column names, such as \['role'\], got 5/);
  expect(() => virkProjects((q) => q.pivotColumns(['role', '']))).toThrow(ValidationError);
});

test("the Lucid options object takes pivotColumns as one name too, and refuses what is not names", () => {
  class Member extends Model {
    static override _table = 'Users';
    projects() {
      return this.manyToMany(() => Project, { pivotTable: 'project_user', pivotColumns: 'role' });
    }
    broken() {
      return this.manyToMany(() => Project, { pivotTable: 'project_user', pivotColumns: [5] as never });
    }
  }
  class Project extends Model {
    static override _table = 'Projects';
  }
  const [alpha] = (Member.findOrFail(1).related('projects').query().get().all() as any[]);
  expect(alpha.pivot).toEqual({ user_id: 1, project_id: 10, role: 'admin' });
  expect(() => Member.with('broken').get()).toThrow(/pivotColumns is an array of pivot column names such as \['role'\], got \[5\]/);
});
