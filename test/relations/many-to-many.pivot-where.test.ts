/** The 18 pivot conditions of a many-to-many query, their operator forms and and/or precedence. */
import { Model, ColumnNotFoundError, DuplicateKeyError, ValidationError } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
  declare name: string;
  projects() {
    return this.manyToMany(Project);
  }
}

class Project extends Model {
  static _table = 'Projects';
  declare id: number;
  declare name: string;
  declare status: string;
  declare updated_at: Date;
}

const day = (month: number, date: number) => new Date(2024, month - 1, date);

// The pivot sheet has its own `status` column, like the projects sheet: `status` and
// `projects.status` read the project, `wherePivot('status')` and `project_user.status` the pivot row.
function seed(): void {
  seedSheets({
    Users: [['id', 'name'], [1, 'virk'], [2, 'romain'], [3, 'nikk']],
    Projects: [
      ['id', 'name', 'status', 'updated_at'],
      [1, 'Alpha', 'active', day(1, 10)],
      [2, 'Beta', 'archived', day(2, 10)],
      [3, 'Gamma', 'active', day(3, 10)],
      [4, 'Delta', 'draft', day(4, 10)],
      [5, 'Epsilon', 'active', day(5, 10)],
    ],
    project_user: [
      ['user_id', 'project_id', 'role', 'status', 'approved_at', 'hours'],
      [1, 1, 'admin', 'active', day(1, 1), 10],
      [1, 2, 'member', 'active', null, 5],
      [1, 3, 'owner', 'pending', day(2, 1), 20],
      [1, 4, 'member', null, day(3, 1), 0],
      [1, 5, 'viewer', 'left', null, 8],
      [2, 1, 'member', 'active', day(1, 5), 3],
      [2, 3, 'admin', 'active', null, 7],
    ],
  });
}

/** A query of virk's projects (user 1, rows p1..p5 above). */
function virk(): any {
  return (User.findOrFail(1) as User).related('projects').query();
}

function ids(result: { all(): Model[] }): number[] {
  return result.all().map((model) => (model as Project).id).sort((a, b) => a - b);
}

beforeEach(seed);

describe('wherePivot / andWherePivot / orWherePivot', () => {
  test('wherePivot(col, value) filters on the pivot row, only among the parent’s rows', () => {
    expect(ids(virk().wherePivot('role', 'member').get())).toEqual([2, 4]);
    // romain is admin of project 3, virk is not: another parent's pivot rows never leak in.
    expect(ids(virk().wherePivot('role', 'admin').get())).toEqual([1]);
    expect(ids(User.findOrFail(2).related('projects').query().wherePivot('role', 'admin').get())).toEqual([3]);
  });

  test('wherePivot(col, op, value) with comparison operators', () => {
    expect(ids(virk().wherePivot('hours', '>', 5).get())).toEqual([1, 3, 5]);
    expect(ids(virk().wherePivot('hours', '<=', 5).get())).toEqual([2, 4]);
    expect(ids(virk().wherePivot('role', '!=', 'member').get())).toEqual([1, 3, 5]);
    expect(ids(virk().wherePivot('role', '<>', 'member').get())).toEqual([1, 3, 5]);
    expect(ids(virk().wherePivot('role', 'like', '%er').get())).toEqual([2, 3, 4, 5]);
    // empty cells never satisfy an ordering comparison
    expect(ids(virk().wherePivot('approved_at', '<', day(2, 1)).get())).toEqual([1]);
    expect(ids(virk().wherePivot('approved_at', '>=', day(2, 1)).get())).toEqual([3, 4]);
  });

  test('wherePivot({...}) ANDs every pair', () => {
    expect(ids(virk().wherePivot({ role: 'member', status: 'active' }).get())).toEqual([2]);
  });

  test('wherePivot(col, null) means whereNullPivot', () => {
    expect(ids(virk().wherePivot('approved_at', null).get())).toEqual([2, 5]);
    expect(ids(virk().wherePivot('approved_at', '!=', null).get())).toEqual([1, 3, 4]);
  });

  test('a qualified pivot column: project_user.role', () => {
    expect(ids(virk().wherePivot('project_user.role', 'owner').get())).toEqual([3]);
  });

  test('andWherePivot is wherePivot', () => {
    expect(ids(virk().wherePivot('role', 'member').andWherePivot('hours', '>', 0).get())).toEqual([2]);
    expect(ids(virk().where('status', 'active').andWherePivot('role', 'owner').get())).toEqual([3]);
    expect(ids(virk().andWherePivot('hours', '>=', 10).get())).toEqual([1, 3]);
  });

  test('orWherePivot', () => {
    expect(ids(virk().wherePivot('role', 'admin').orWherePivot('role', 'viewer').get())).toEqual([1, 5]);
    expect(ids(virk().wherePivot('role', 'admin').orWherePivot('hours', '>', 15).get())).toEqual([1, 3]);
    expect(ids(virk().where('name', 'Beta').orWherePivot({ role: 'member', hours: 0 }).get())).toEqual([2, 4]);
  });
});

describe('whereNotPivot / andWhereNotPivot / orWhereNotPivot', () => {
  test('whereNotPivot(col, value), (col, op, value) and ({...})', () => {
    expect(ids(virk().whereNotPivot('role', 'member').get())).toEqual([1, 3, 5]);
    expect(ids(virk().whereNotPivot('hours', '<', 10).get())).toEqual([1, 3]);
    // NOT (member AND 5 hours): only p2 is both
    expect(ids(virk().whereNotPivot({ role: 'member', hours: 5 }).get())).toEqual([1, 3, 4, 5]);
  });

  test('andWhereNotPivot', () => {
    expect(ids(virk().wherePivot('status', 'active').andWhereNotPivot('role', 'admin').get())).toEqual([2]);
  });

  test('orWhereNotPivot', () => {
    expect(ids(virk().wherePivot('role', 'viewer').orWhereNotPivot('hours', '<', 10).get())).toEqual([1, 3, 5]);
  });
});

describe('whereInPivot family', () => {
  test('whereInPivot', () => {
    expect(ids(virk().whereInPivot('role', ['admin', 'owner']).get())).toEqual([1, 3]);
    expect(ids(virk().whereInPivot('project_user.hours', [0, 8, 99]).get())).toEqual([4, 5]);
    expect(ids(virk().whereInPivot('role', []).get())).toEqual([]);
  });

  test('andWhereInPivot', () => {
    expect(ids(virk().where('status', 'active').andWhereInPivot('role', ['admin', 'member', 'viewer']).get())).toEqual([1, 5]);
  });

  test('orWhereInPivot', () => {
    expect(ids(virk().wherePivot('role', 'member').orWhereInPivot('hours', [20, 8]).get())).toEqual([2, 3, 4, 5]);
  });

  test('whereNotInPivot', () => {
    expect(ids(virk().whereNotInPivot('role', ['member', 'viewer']).get())).toEqual([1, 3]);
  });

  test('andWhereNotInPivot', () => {
    expect(ids(virk().wherePivot('hours', '>', 0).andWhereNotInPivot('role', ['admin']).get())).toEqual([2, 3, 5]);
  });

  test('orWhereNotInPivot', () => {
    expect(ids(virk().wherePivot('role', 'admin').orWhereNotInPivot('role', ['admin', 'member', 'owner']).get())).toEqual([1, 5]);
  });
});

describe('whereNullPivot family', () => {
  test('whereNullPivot', () => {
    expect(ids(virk().whereNullPivot('approved_at').get())).toEqual([2, 5]);
    expect(ids(virk().whereNullPivot('project_user.status').get())).toEqual([4]);
  });

  test('andWhereNullPivot', () => {
    expect(ids(virk().wherePivot('role', 'member').andWhereNullPivot('approved_at').get())).toEqual([2]);
  });

  test('orWhereNullPivot', () => {
    expect(ids(virk().wherePivot('role', 'owner').orWhereNullPivot('status').get())).toEqual([3, 4]);
  });

  test('whereNotNullPivot', () => {
    expect(ids(virk().whereNotNullPivot('approved_at').get())).toEqual([1, 3, 4]);
  });

  test('andWhereNotNullPivot', () => {
    expect(ids(virk().wherePivot('role', 'member').andWhereNotNullPivot('approved_at').get())).toEqual([4]);
  });

  test('orWhereNotNullPivot', () => {
    expect(ids(virk().wherePivot('role', 'viewer').orWhereNotNullPivot('approved_at').get())).toEqual([1, 3, 4, 5]);
  });
});

describe('combinations with where / orWhere', () => {
  test('AND binds tighter than OR: a OR (b AND c)', () => {
    // member OR (admin AND hours > 5) = {2, 4} ∪ {1}; (member OR admin) AND hours > 5 would be {1}
    expect(ids(virk().wherePivot('role', 'member').orWherePivot('role', 'admin').wherePivot('hours', '>', 5).get())).toEqual([1, 2, 4]);
    // project active OR (pivot member AND project name like 'B%') = {1, 3, 5} ∪ {2}
    expect(ids(virk().where('status', 'active').orWherePivot('role', 'member').where('name', 'like', 'B%').get())).toEqual([1, 2, 3, 5]);
    // (pivot admin AND project active) OR (pivot member AND pivot approved)
    expect(
      ids(virk().wherePivot('role', 'admin').where('status', 'active').orWherePivot('role', 'member').whereNotNullPivot('approved_at').get()),
    ).toEqual([1, 4]);
  });

  test('grouped callbacks change the precedence, and pivot clauses work inside them', () => {
    expect(ids(virk().where((q: any) => q.wherePivot('role', 'member').orWherePivot('role', 'admin')).wherePivot('hours', '>', 5).get())).toEqual([1]);
    expect(ids(virk().wherePivot((q: any) => q.wherePivot('role', 'member').orWherePivot('role', 'admin')).wherePivot('hours', '>', 5).get())).toEqual([1]);
    // viewer OR (project active AND (owner OR approved before Feb))
    expect(
      ids(
        virk()
          .wherePivot('role', 'viewer')
          .orWhere((q: any) => q.where('status', 'active').where((inner: any) => inner.wherePivot('role', 'owner').orWherePivot('approved_at', '<', day(2, 1))))
          .get(),
      ),
    ).toEqual([1, 3, 5]);
    // NOT (member OR viewer)
    expect(ids(virk().whereNotPivot((q: any) => q.wherePivot('role', 'member').orWherePivot('role', 'viewer')).get())).toEqual([1, 3]);
    expect(ids(virk().wherePivot('role', 'admin').orWhereNotPivot((q: any) => q.whereNullPivot('approved_at').orWherePivot('hours', '>', 1)).get())).toEqual([1, 4]);
  });

  test('status, projects.status and project_user.status read the right sheet', () => {
    expect(ids(virk().where('status', 'active').get())).toEqual([1, 3, 5]);
    expect(ids(virk().where('projects.status', 'active').get())).toEqual([1, 3, 5]);
    expect(ids(virk().wherePivot('status', 'active').get())).toEqual([1, 2]);
    expect(ids(virk().where('project_user.status', 'active').get())).toEqual([1, 2]);
    expect(ids(virk().where('projects.status', 'active').wherePivot('project_user.status', 'active').get())).toEqual([1]);
  });

  test('an explicit qualifier wins over the pivot clause (as in Lucid, which only prefixes bare names)', () => {
    expect(ids(virk().wherePivot('projects.status', 'active').get())).toEqual([1, 3, 5]);
    expect(ids(virk().whereInPivot('Projects.status', ['archived', 'draft']).get())).toEqual([2, 4]);
    expect(ids(virk().whereNullPivot('projects.status').get())).toEqual([]);
  });

  test('a qualified related column: projects.updated_at', () => {
    expect(ids(virk().where('projects.updated_at', '>', day(3, 1)).get())).toEqual([3, 4, 5]);
    expect(ids(virk().where('projects.updated_at', '>', day(3, 1)).orWherePivot('role', 'admin').get())).toEqual([1, 3, 4, 5]);
    const ordered = virk().wherePivot('role', 'member').orderBy('projects.updated_at', 'desc').get();
    expect(ordered.all().map((p: Project) => p.name)).toEqual(['Delta', 'Beta']);
  });

  test('count(), first() and pluck() honour pivot conditions', () => {
    expect(virk().wherePivot('role', 'member').count()).toBe(2);
    // With a column: its non-empty cells, read from the pivot row when the pivot sheet names it.
    const query = virk();
    gas().calls.reset();
    expect(query.count('approved_at')).toBe(3);
    // One read of each sheet the join uses.
    expect([gas().calls.reads('Projects'), gas().calls.reads('project_user')]).toEqual([1, 1]);
    expect(virk().count('project_user.status')).toBe(4);
    expect(virk().where('status', 'active').count('project_user.approved_at')).toBe(2);
    expect(() => virk().count('nope')).toThrow(ColumnNotFoundError);
    // knex's nulls: empty pivot cells first.
    expect(virk().orderBy('approved_at', 'asc', 'first').get().all().map((p: Project) => p.id)).toEqual([2, 5, 1, 3, 4]);
    expect(virk().orderBy('approved_at', 'asc').get().all().map((p: Project) => p.id)).toEqual([1, 3, 4, 2, 5]);
    expect(virk().whereNullPivot('approved_at').orderBy('project_user.hours', 'desc').first().name).toBe('Epsilon');
    expect(virk().wherePivot('hours', '>=', 10).orderBy('project_user.hours').pluck('name').all()).toEqual(['Alpha', 'Gamma']);
  });

  test('results carry the pivot row they matched through', () => {
    const [project] = virk().wherePivot('role', 'owner').get().all();
    expect(project.pivot).toEqual({ user_id: 1, project_id: 3 });
    expect(project.$extras).toMatchObject({ pivot_user_id: 1, pivot_project_id: 3 });
  });
});

describe('writes through pivot conditions', () => {
  test('update() changes only the related rows matched, never the pivot rows', () => {
    expect(virk().wherePivot('role', 'member').update({ status: 'frozen' })).toBe(2);
    expect(sheetRows('Projects').map((row) => row[2])).toEqual(['status', 'active', 'frozen', 'active', 'frozen', 'active']);
    expect(sheetRows('project_user').map((row) => row[3])).toEqual(['status', 'active', 'active', 'pending', '', 'left', 'active', 'active']);
  });

  test('update() may not give two related rows one key, nor take a key another row holds', () => {
    expect(() => virk().wherePivot('role', 'member').update({ id: 9 })).toThrow(/^User\.projects\.update\(\): setting the key on 2 rows would give two of them the key id = 9/);
    expect(() => virk().wherePivot('role', 'owner').update({ id: 1 })).toThrow(DuplicateKeyError);
    expect(() => virk().wherePivot('role', 'owner').update({ id: '' })).toThrow(ValidationError);
    expect(sheetRows('Projects').map((row) => row[0])).toEqual(['id', 1, 2, 3, 4, 5]);
    expect(virk().wherePivot('role', 'owner').update({ id: 9 })).toBe(1);
    expect(sheetRows('Projects').map((row) => row[0])).toEqual(['id', 1, 2, 9, 4, 5]);
  });

  test('delete() removes the matched pivot rows of this parent (Lucid) and leaves the related rows', () => {
    expect(virk().whereInPivot('role', ['viewer', 'owner']).delete()).toBe(2);
    expect(sheetRows('Projects').map((row) => row[0])).toEqual(['id', 1, 2, 3, 4, 5]);
    expect(sheetRows('project_user').map((row) => row.slice(0, 3))).toEqual([
      ['user_id', 'project_id', 'role'],
      [1, 1, 'admin'],
      [1, 2, 'member'],
      [1, 4, 'member'],
      [2, 1, 'member'],
      [2, 3, 'admin'],
    ]);
  });
});

describe('in preloads', () => {
  test('pivot conditions constrain each parent’s rows, reading each sheet once', () => {
    gas().calls.reset();
    const users = User.preload('projects', (q) => q.wherePivot('role', 'member').orWherePivot('hours', '>=', 20)).get().all();
    expect(users.map((user) => [user.id, ids((user as any).projects)])).toEqual([
      [1, [2, 3, 4]],
      [2, [1]],
      [3, []],
    ]);
    expect(gas().calls.reads('Users')).toBe(1);
    expect(gas().calls.reads('project_user')).toBe(1);
    expect(gas().calls.reads('Projects')).toBe(1);
  });
});

describe('errors', () => {
  test('an unknown pivot column is a ColumnNotFoundError naming the relation', () => {
    expect(() => virk().wherePivot('nope', 1).get()).toThrow(ColumnNotFoundError);
    expect(() => virk().whereNullPivot('project_user.nope').get()).toThrow(/User\.projects/);
  });

  test('an unknown operator is a ValidationError', () => {
    expect(() => virk().wherePivot('hours', '=>', 1)).toThrow(ValidationError);
  });

  test('whereInPivot needs an array', () => {
    expect(() => virk().whereInPivot('role', 'admin')).toThrow(ValidationError);
  });

  test('an undefined or list value points to the pivot methods', () => {
    expect(() => virk().wherePivot('role', undefined)).toThrow("User.projects.wherePivot('role', undefined): the value is undefined; pass a value, or use whereNullPivot('role').");
    expect(() => virk().wherePivot('role', ['a'])).toThrow(/use whereInPivot\('role', \[\.\.\.\]\) for a list\./);
  });
});
