/** Lucid-style many-to-many: `this.manyToMany(() => Project, { pivotTable, localKey, …, serializeAs, onQuery })`. */
import { Collection, Model, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

class User extends Model {
  static override table = 'users';
  declare id: number;
  declare email: string;
  /** Defaults only: pivot `project_user`, keys `user_id`/`project_id`. */
  projects() {
    return this.manyToMany(() => Project);
  }
  /** Every option spelled out, on a differently shaped pivot sheet. */
  assignments() {
    return this.manyToMany(() => Project, {
      pivotTable: 'Assignments',
      localKey: 'email',
      relatedKey: 'code',
      pivotForeignKey: 'user_email',
      pivotRelatedForeignKey: 'project_code',
      pivotColumns: ['role', 'since'],
      serializeAs: 'work',
      onQuery: (query) => query.wherePivot('role', '!=', 'banned'),
    });
  }
  /** Left out of toJSON(). */
  hiddenProjects() {
    return this.manyToMany(() => Project, { serializeAs: null });
  }
}

class Project extends Model {
  static override table = 'projects';
  declare id: number;
  declare code: string;
  declare name: string;
  users() {
    return this.manyToMany(() => User, { pivotColumns: ['role'] });
  }
}

/** A loaded relation with its type (once loaded, the property replaces the relation method). */
function loaded<T>(model: Model, name: string): T {
  return (model as unknown as Record<string, T>)[name];
}
const projectsOf = (user: Model) => loaded<Collection<Project>>(user, 'projects');
const assignmentsOf = (user: Model) => loaded<Collection<Project>>(user, 'assignments');
const usersOf = (project: Model) => loaded<Collection<User>>(project, 'users');

function seedWork() {
  seedSheets({
    users: [['id', 'email'], [1, 'ann@x.org'], [2, 'bob@x.org'], [3, 'cy@x.org']],
    projects: [['id', 'code', 'name'], [1, 'AP', 'Apollo'], [2, 'GE', 'Gemini'], [3, 'ME', 'Mercury']],
    project_user: [['project_id', 'user_id', 'role'], [1, 1, 'lead'], [2, 1, 'dev'], ['2', '2', 'dev']],
    Assignments: [
      ['user_email', 'project_code', 'role', 'since'],
      ['ann@x.org', 'AP', 'lead', 2019],
      ['ann@x.org', 'GE', 'banned', 2020],
      ['bob@x.org', 'GE', 'dev', 2021],
      ['bob@x.org', 'ME', 'dev', 2022],
    ],
  });
}

test('the default pivot sheet is project_user, with user_id and project_id', () => {
  seedWork();
  const users = User.with('projects').get();
  expect(users.map((user) => [user.email, projectsOf(user).pluck('name').all()]).all()).toEqual([
    ['ann@x.org', ['Apollo', 'Gemini']],
    ['bob@x.org', ['Gemini']],
    ['cy@x.org', []],
  ]);
  expect(gas().calls.reads('project_user')).toBe(1);
  const relation = User.$getRelation('projects') as any;
  expect([relation.pivotTable, relation.pivotForeignKey, relation.pivotRelatedForeignKey]).toEqual(['project_user', 'user_id', 'project_id']);
});

test('the inverse relation uses the same default pivot sheet; pivotColumns land in pivot and $extras', () => {
  seedWork();
  const gemini = Project.with('users').get().get(1)!;
  expect(usersOf(gemini).pluck('email').all()).toEqual(['ann@x.org', 'bob@x.org']);
  const bob = usersOf(gemini).last()!;
  expect(bob.pivot).toEqual({ project_id: '2', user_id: '2', role: 'dev' });
  expect(bob.$extras).toEqual({ pivot_project_id: '2', pivot_user_id: '2', pivot_role: 'dev' });
});

test('custom keys join on localKey/relatedKey through the named pivot columns', () => {
  seedWork();
  const users = User.with('assignments').get();
  expect(users.map((user) => assignmentsOf(user).pluck('name').all()).all()).toEqual([['Apollo'], ['Gemini', 'Mercury'], []]);
});

test('pivotColumns are on pivot and $extras.pivot_<column>', () => {
  seedWork();
  const apollo = assignmentsOf(User.with('assignments').first()!).first()!;
  expect(apollo.pivot).toEqual({ user_email: 'ann@x.org', project_code: 'AP', role: 'lead', since: 2019 });
  expect(apollo.$extras).toEqual({ pivot_user_email: 'ann@x.org', pivot_project_code: 'AP', pivot_role: 'lead', pivot_since: 2019 });
});

test('onQuery constrains eager loads, lazy queries and counts', () => {
  seedWork();
  const ann = User.with('assignments').first()!;
  expect(assignmentsOf(ann).pluck('name').all()).toEqual(['Apollo']);
  expect(ann.related('assignments').query().get().pluck('name').all()).toEqual(['Apollo']);
  expect(User.withCount('assignments').get().map((user) => user.$extras.assignments_count).all()).toEqual([1, 2, 0]);
  expect(User.whereHas('assignments', (q) => q.where('name', 'Gemini')).pluck('email').all()).toEqual(['bob@x.org']);
});

test('a constraint given to with() adds to onQuery', () => {
  seedWork();
  const users = User.with('assignments', (q) => q.wherePivot('since', '>=', 2022)).get();
  expect(users.map((user) => assignmentsOf(user).pluck('name').all()).all()).toEqual([[], ['Mercury'], []]);
});

test('toJSON() puts the relation under serializeAs, and leaves it out when serializeAs is null', () => {
  seedWork();
  const ann = User.query().with('assignments').with('hiddenProjects').first()!;
  expect(ann.toJSON()).toEqual({
    id: 1,
    email: 'ann@x.org',
    work: [{ id: 1, code: 'AP', name: 'Apollo', pivot: { user_email: 'ann@x.org', project_code: 'AP', role: 'lead', since: 2019 } }],
  });
  expect(loaded<Collection<Project>>(ann, 'hiddenProjects').length).toBe(2);
});

test('a hole in pivotColumns and an onQuery that is not a function are refused, naming the relation', () => {
  class Member extends Model {
    static _table = 'Members';
    holed() {
      return this.manyToMany(Project, { pivotTable: 'project_member', pivotColumns: ['role', , 'since'] as string[] });
    }
    misnamed() {
      return this.manyToMany(Project, { pivotTable: 'project_member', onQuery: 'active' as never });
    }
    unconstrained() {
      return this.manyToMany(Project, { pivotTable: 'project_member', onQuery: null as never });
    }
  }
  expect(() => Member.with('holed')).toThrow(/^Member\.manyToMany\(\): pivotColumns is an array of pivot column names/);
  expect(() => Member.with('misnamed')).toThrow(/^Member\.manyToMany\(\): option onQuery is a function/);
  // null is no constraint, as leaving the option out.
  expect(Member.$getRelation('unconstrained').onQuery).toBeNull();
  expect(() => Member.$getRelation('holed' as never)).toThrow(ValidationError);
});

test('the relation object exposes the options', () => {
  const relation = User.$getRelation('assignments') as any;
  relation.boot();
  expect(relation).toMatchObject({
    type: 'manyToMany',
    relationName: 'assignments',
    serializeAs: 'work',
    pivotTable: 'Assignments',
    localKey: 'email',
    relatedKey: 'code',
    pivotForeignKey: 'user_email',
    pivotRelatedForeignKey: 'project_code',
    pivotColumns: ['role', 'since'],
  });
  expect(typeof relation.onQuery).toBe('function');
  expect(typeof (User.$getRelation('projects') as any).onQuery).toBe('undefined');
  expect(relation.relatedModel()).toBe(Project);
});
