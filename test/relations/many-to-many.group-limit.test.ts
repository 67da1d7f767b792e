/** `groupLimit(n)` / `groupOrderBy(col, dir)`: at most n related rows per parent in a preload. */
import { ColumnNotFoundError, Model, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

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
  declare updated_at: Date;
}

const month = (m: number) => new Date(2024, m - 1, 1);

// B and C were both updated in March: a tie for the second place of virk and of nikk.
beforeEach(() => {
  seedSheets({
    Users: [['id', 'name'], [1, 'virk'], [2, 'romain'], [3, 'nikk'], [4, 'tom'], [5, 'ann']],
    Projects: [
      ['id', 'name', 'updated_at'],
      [1, 'A', month(1)],
      [2, 'B', month(3)],
      [3, 'C', month(3)],
      [4, 'D', month(5)],
      [5, 'E', month(2)],
    ],
    project_user: [
      ['user_id', 'project_id', 'hours'],
      [1, 1, 5],
      [1, 2, 1],
      [1, 3, 9],
      [1, 4, 2],
      [1, 5, 7],
      [2, 5, 4],
      [2, 1, 8],
      [2, 3, 6],
      [3, 2, 3],
      [5, 4, 1],
      [5, 3, 2],
    ],
  });
});

/** A user with `projects` loaded. */
type Loaded = { name: string; projects: { all(): Project[] } };

function names(users: readonly Model[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const user of users as unknown as Loaded[]) result[user.name] = user.projects.all().map((p) => p.name);
  return result;
}

function latestTwo(extra: (q: any) => any = (q) => q): Record<string, string[]> {
  return names(User.preload('projects', (q) => extra(q.groupLimit(2).groupOrderBy('projects.updated_at', 'desc'))).get().all());
}

test('keeps the first n rows of each parent, not n overall, in one read per sheet', () => {
  gas().calls.reset();
  // with a tie-breaker the window is fully determined
  const result = latestTwo((q) => q.groupOrderBy('projects.id', 'desc'));
  expect(result).toEqual({
    virk: ['D', 'C'], // May, then B and C (March) tie: id desc picks C
    romain: ['C', 'E'], // March, February (A, January, dropped)
    nikk: ['B'], // one row, fewer than the limit
    tom: [], // no rows
    ann: ['D', 'C'],
  });
  expect(gas().calls.reads('Users')).toBe(1);
  expect(gas().calls.reads('project_user')).toBe(1);
  expect(gas().calls.reads('Projects')).toBe(1);
});

test('ties at the cut: exactly n rows are kept, the strictly better ones always among them', () => {
  const result = latestTwo();
  expect(result.virk).toHaveLength(2);
  expect(result.virk[0]).toBe('D');
  expect(['B', 'C']).toContain(result.virk[1]);
  expect(result.romain).toEqual(['C', 'E']);
  expect(result.nikk).toEqual(['B']);
  expect(result.tom).toEqual([]);
  expect(result.ann).toEqual(['D', 'C']);
});

test('ascending order and a limit of 1', () => {
  const users = User.preload('projects', (q) => q.groupLimit(1).groupOrderBy('projects.updated_at', 'asc')).get().all();
  expect(names(users)).toEqual({ virk: ['A'], romain: ['A'], nikk: ['B'], tom: [], ann: ['C'] });
});

test('a limit larger than every group keeps everything, ordered', () => {
  const users = User.preload('projects', (q) => q.groupLimit(10).groupOrderBy('projects.updated_at', 'desc').groupOrderBy('projects.id', 'asc')).get().all();
  expect(names(users)).toEqual({
    virk: ['D', 'B', 'C', 'E', 'A'],
    romain: ['C', 'E', 'A'],
    nikk: ['B'],
    tom: [],
    ann: ['D', 'C'],
  });
});

test('groupOrderBy on a pivot column', () => {
  const users = User.preload('projects', (q) => q.groupLimit(2).groupOrderBy('project_user.hours', 'desc')).get().all();
  // virk: hours 5, 1, 9, 2, 7 → C (9), E (7); romain: 4, 8, 6 → A (8), C (6)
  expect(names(users)).toEqual({ virk: ['C', 'E'], romain: ['A', 'C'], nikk: ['B'], tom: [], ann: ['C', 'D'] });
});

test('where-conditions apply before the per-parent limit', () => {
  const result = latestTwo((q) => q.where('projects.updated_at', '<', month(3)).groupOrderBy('projects.id', 'asc'));
  // only A (January) and E (February) remain
  expect(result).toEqual({ virk: ['E', 'A'], romain: ['E', 'A'], nikk: [], tom: [], ann: [] });
  const pivotFiltered = latestTwo((q) => q.wherePivot('hours', '<', 6).groupOrderBy('projects.id', 'asc'));
  // virk: A (5), B (1), D (2), not C (9) or E (7); romain: E (4); ann: D, C
  expect(pivotFiltered).toEqual({ virk: ['D', 'B'], romain: ['E'], nikk: ['B'], tom: [], ann: ['D', 'C'] });
});

test('each parent keeps its own limited rows with its own pivot', () => {
  const users = User.preload('projects', (q) => q.groupLimit(1).groupOrderBy('projects.updated_at', 'desc').pivotColumns(['hours'])).get().all() as unknown as Loaded[];
  expect(users.map((u) => u.projects.all().map((p: any) => [p.name, p.pivot.user_id, p.pivot.hours]))).toEqual([
    [['D', 1, 2]],
    [['C', 2, 6]],
    [['B', 3, 3]],
    [],
    [['D', 5, 1]],
  ]);
});

test("without groupOrderBy, a preload keeps each parent's highest related keys (as Lucid)", () => {
  const users = User.preload('projects', (q) => q.groupLimit(2)).get().all();
  expect(names(users)).toEqual({ virk: ['E', 'D'], romain: ['E', 'C'], nikk: ['B'], tom: [], ann: ['D', 'C'] });
});

test('groupLimit(0) loads nothing', () => {
  const users = User.preload('projects', (q) => q.groupLimit(0)).get().all();
  expect(Object.values(names(users)).every((list) => list.length === 0)).toBe(true);
});

test('on a lazy query of one parent it is a plain limit, keeping what a preload keeps', () => {
  const query = User.findOrFail(1).related('projects').query().groupLimit(3).groupOrderBy('projects.updated_at', 'desc').groupOrderBy('projects.id', 'desc');
  expect(query.get().all().map((p: Project) => p.name)).toEqual(['D', 'C', 'B']);
  // Without groupOrderBy: the rows a preload keeps for this parent, the highest keys.
  expect(User.findOrFail(1).related('projects').query().groupLimit(2).get().all().map((p: Project) => p.name)).toEqual(['E', 'D']);
  expect(names(User.query().where('id', 1).preload('projects', (q) => q.groupLimit(2)).get().all())).toEqual({ virk: ['E', 'D'] });
  // With an orderBy, the same rows come in its order, in both.
  expect(User.findOrFail(1).related('projects').query().orderBy('projects.name').groupLimit(2).pluck('name').all()).toEqual(['D', 'E']);
  expect(names(User.query().where('id', 1).preload('projects', (q) => q.orderBy('projects.name').groupLimit(2)).get().all())).toEqual({ virk: ['D', 'E'] });
});

test('on a lazy query of one parent, offset and limit page through the rows groupLimit keeps, and exists() agrees', () => {
  const projects = () => User.findOrFail(1).related('projects').query();
  expect(projects().groupLimit(2).limit(1).pluck('name').all()).toEqual(['E']);
  expect(projects().groupLimit(2).offset(1).pluck('name').all()).toEqual(['D']);
  expect(projects().groupLimit(1).offset(1).exists()).toBe(false);
  expect(projects().groupLimit(2).offset(1).exists()).toBe(true);
});

test('bad arguments are ValidationErrors', () => {
  const query = User.findOrFail(1).related('projects').query();
  expect(() => query.groupLimit(-1)).toThrow(ValidationError);
  expect(() => query.groupLimit(1.5)).toThrow(ValidationError);
  expect(() => query.groupOrderBy('projects.id', 'up' as never)).toThrow(ValidationError);
  expect(() => query.groupOrderBy(5 as never)).toThrow('groupOrderBy(): the column must be a non-empty string, not 5.');
  // Unused without groupLimit, a column the sheet lacks is still refused, as orderBy's is.
  expect(() => User.preload('projects', (q) => q.groupOrderBy('nope')).get()).toThrow(ColumnNotFoundError);
});

test('orderBy decides the order of a preload with groupLimit; on one parent groupOrderBy alone orders', () => {
  const users = User.preload('projects', (q) => q.groupLimit(2).groupOrderBy('projects.updated_at', 'desc').groupOrderBy('projects.id', 'desc').orderBy('projects.name', 'asc')).get().all();
  expect(names(users)).toEqual({ virk: ['C', 'D'], romain: ['C', 'E'], nikk: ['B'], tom: [], ann: ['C', 'D'] });
  const virk = User.findOrFail(1);
  expect(virk.related('projects').query().groupOrderBy('projects.id', 'desc').get().all().map((p: Project) => p.name)).toEqual(['E', 'D', 'C', 'B', 'A']);
});
