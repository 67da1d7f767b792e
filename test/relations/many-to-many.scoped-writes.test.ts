/** Writes through a relation whose onQuery scopes it (Lucid's pivotQuery), and pairings that cannot be written. */
import { Model, transaction, ValidationError } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Member extends Model {
  static _table = 'Members';
  ledProjects() {
    return this.manyToMany(Project, {
      pivotTable: 'project_member',
      pivotColumns: ['role'],
      onQuery: (query: { wherePivot(column: string, value: unknown): unknown }) => query.wherePivot('role', 'lead'),
    });
  }
  seniorProjects() {
    return this.manyToMany(Project, {
      pivotTable: 'project_member',
      pivotColumns: ['role'],
      onQuery: (query: { wherePivot(column: string, value: unknown): { orWherePivot(column: string, value: unknown): unknown } }) =>
        query.wherePivot('project_member.role', 'lead').orWherePivot('pivot_role', 'owner'),
    });
  }
  activeProjects() {
    return this.manyToMany(Project, { pivotTable: 'project_member', onQuery: (query: { where(column: string, value: unknown): unknown }) => query.where('status', 'active') });
  }
  teams() {
    return this.manyToMany(Team, { pivotTable: 'member_team', localKey: 'email', relatedKey: 'code', pivotForeignKey: 'member_email', pivotRelatedForeignKey: 'team_code' });
  }
}
class Project extends Model {
  static _table = 'Projects';
}
class Team extends Model {
  static _table = 'Teams';
}

beforeEach(() =>
  seedSheets({
    Members: [['id', 'email'], [1, 'ada@x'], [2, 'linus@x']],
    Projects: [['id', 'title', 'status'], [1, 'Apollo', 'active'], [2, 'Gemini', 'active'], [3, 'Mercury', 'done']],
    project_member: [
      ['member_id', 'project_id', 'role'],
      [1, 1, 'lead'],
      [1, 2, 'dev'],
      [1, 3, 'dev'],
      [2, 2, 'lead'],
    ],
    Teams: [['id', 'code', 'title'], [1, 'red', 'Red']],
    member_team: [['member_email', 'team_code', 'role']],
  }),
);

const ada = () => Member.findOrFail(1);

describe('an onQuery scope bounds the writes', () => {
  it('detach() removes only the rows inside the scope', () => {
    const member = ada();
    gas().calls.reset();
    expect(member.related('ledProjects').detach()).toBe(1);
    // The scope (pivot clauses only) is decided with one read of the pivot sheet, under the lock; one deletion run.
    expect(gas().calls.reads('project_member')).toBe(1);
    expect(gas().calls.reads('Projects')).toBe(0);
    expect(gas().calls.count('Sheet.deleteRows')).toBe(1);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('project_member').slice(1)).toEqual([
      [1, 2, 'dev'],
      [1, 3, 'dev'],
      [2, 2, 'lead'],
    ]);
  });

  it('sync() diffs against the scoped rows: other rows are neither deleted nor rewritten', () => {
    expect(ada().related('ledProjects').sync({ 3: { role: 'lead' } })).toEqual({ attached: [3], detached: [1], updated: [] });
    expect(sheetRows('project_member').slice(1)).toEqual([
      [1, 2, 'dev'],
      [1, 3, 'dev'],
      [2, 2, 'lead'],
      [1, 3, 'lead'],
    ]);
  });

  it('toggle() attaches an id whose only row is outside the scope', () => {
    expect(ada().related('ledProjects').toggle({ 2: { role: 'lead' } })).toEqual({ attached: [2], detached: [] });
    expect(sheetRows('project_member')).toHaveLength(6);
  });

  it('updateExistingPivot() leaves rows outside the scope alone', () => {
    expect(ada().related('ledProjects').updateExistingPivot(3, { role: 'owner' })).toBe(0);
    expect(gas().calls.writes()).toBe(0);
  });

  it('a new pivot row outside the scope is refused before writing, so repeated syncs add no duplicates', () => {
    const before = sheetRows('project_member');
    gas().calls.reset();
    // Mercury is done: its row would never be listed by activeProjects, and each sync would add another.
    expect(() => ada().related('activeProjects').sync([1, 2, 3], false)).toThrow(
      /Member\.activeProjects\.sync\(\): the new pivot row \(member_id 1, project_id 3, role null\) would fall outside the relation's onQuery/,
    );
    expect(() => ada().related('activeProjects').toggle([3])).toThrow(ValidationError);
    expect(() => ada().related('activeProjects').create({ title: 'Vostok', status: 'done' })).toThrow(/activeProjects\.create\(\)/);
    // A pivot scope needs its values given: attach([2]) would be invisible to ledProjects.
    expect(() => ada().related('ledProjects').attach([2])).toThrow(/ledProjects\.attach\(\).*Give pivot values that meet the onQuery/);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('project_member')).toEqual(before);
    expect(sheetRows('Projects')).toHaveLength(4);
  });

  it('rows inside the scope are written, and a second sync finds them', () => {
    seedSheets({
      Members: [['id', 'email'], [1, 'ada@x']],
      Projects: [['id', 'title', 'status'], [1, 'Apollo', 'active'], [2, 'Gemini', 'active'], [3, 'Mercury', 'done']],
      project_member: [['member_id', 'project_id', 'role']],
    });
    expect(ada().related('activeProjects').sync([1, 2])).toEqual({ attached: [1, 2], detached: [], updated: [] });
    expect(ada().related('activeProjects').sync([1, 2])).toEqual({ attached: [], detached: [], updated: [] });
    ada().related('ledProjects').attach({ 3: { role: 'lead' } });
    expect(ada().related('ledProjects').query().pluck('id').all()).toEqual([3]);
    expect(sheetRows('project_member').slice(1)).toEqual([
      [1, 1, ''],
      [1, 2, ''],
      [1, 3, 'lead'],
    ]);
  });

  it('a pivot row changed out of the scope is refused before writing, by sync, updateExistingPivot and save', () => {
    const before = sheetRows('project_member');
    const leads = () => ada().related('ledProjects');
    gas().calls.reset();
    expect(() => leads().sync({ 1: { role: 'dev' } })).toThrow(
      /Member\.ledProjects\.sync\(\): the changed pivot row \(member_id 1, project_id 1, role "dev"\) would fall outside the relation's onQuery, so Member\.ledProjects would no longer list it\..*Nothing was written/,
    );
    expect(() => leads().updateExistingPivot(1, { role: 'dev' })).toThrow(/ledProjects\.updateExistingPivot\(\): the changed pivot row/);
    expect(() => leads().save(Project.findOrFail(1), { role: 'dev' }, true)).toThrow(/ledProjects\.save\(\): the changed pivot row/);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('project_member')).toEqual(before);
    // Rows that stay inside the scope are still changed (an unchanged value is no change).
    expect(leads().sync({ 1: { role: 'lead' } })).toEqual({ attached: [], detached: [], updated: [] });
    expect(leads().query().pluck('id').all()).toEqual([1]);
  });

  it('inside a transaction, a refused write leaves no trace when the error is caught', () => {
    const before = sheetRows('project_member');
    transaction(() => {
      expect(() => ada().related('activeProjects').attach([3])).toThrow(ValidationError);
      expect(() => ada().related('ledProjects').updateExistingPivot(1, { role: 'dev' })).toThrow(ValidationError);
      expect(ada().related('ledProjects').query().pluck('id').all()).toEqual([1]);
      ada().related('activeProjects').attach([2]);
    });
    expect(sheetRows('project_member')).toEqual([...before, [1, 2, '']]);
  });

  it('a scope of pivot clauses alone is decided without reading the related sheet', () => {
    const member = ada();
    gas().calls.reset();
    expect(member.related('ledProjects').sync({ 1: { role: 'lead' }, 2: { role: 'lead' } })).toEqual({ attached: [2], detached: [], updated: [] });
    expect(member.related('ledProjects').updateExistingPivot(2, { role: 'lead' })).toBe(0);
    expect(() => member.related('ledProjects').attach([3])).toThrow(/the new pivot row/);
    expect(member.related('ledProjects').detach([2])).toBe(1);
    expect(gas().calls.reads('Projects')).toBe(0);
    expect(gas().calls.reads('project_member')).toBe(4);
    // Pivot columns named with the pivot sheet or Lucid's pivot_ alias are pivot clauses too.
    gas().calls.reset();
    expect(member.related('seniorProjects').sync({ 1: { role: 'owner' } })).toEqual({ attached: [], detached: [], updated: [1] });
    expect(gas().calls.reads('Projects')).toBe(0);
    member.related('seniorProjects').sync({ 1: { role: 'lead' } });
    expect(sheetRows('project_member').slice(1)).toEqual([
      [1, 1, 'lead'],
      [1, 2, 'dev'],
      [1, 3, 'dev'],
      [2, 2, 'lead'],
    ]);
  });

  it('a scope on related columns reads the related sheet to decide', () => {
    expect(ada().related('activeProjects').detach()).toBe(2);
    expect(sheetRows('project_member').slice(1)).toEqual([
      [1, 3, 'dev'],
      [2, 2, 'lead'],
    ]);
  });
});

describe('pairings that cannot be written', () => {
  it('create() refuses a related model without the key its pivot rows pair on, before writing', () => {
    const member = Member.findOrFail(1);
    gas().calls.reset();
    expect(() => member.related('teams').create({ title: 'Blue' }, { role: 'dev' })).toThrow(/Member\.teams\.create\(\): the Team has no code/);
    expect(() => member.related('teams').save(new Team().merge({ title: 'Green' }))).toThrow(ValidationError);
    expect(gas().calls.writes()).toBe(0);
    expect(sheetRows('Teams')).toHaveLength(2);
    expect(sheetRows('member_team')).toHaveLength(1);
  });

  it('create() writes the related row before the pivot row that points at it', () => {
    gas().calls.reset();
    ada().related('ledProjects').create({ title: 'Vostok', status: 'active' }, { role: 'lead' });
    const written = gas().calls.all().filter((call) => call.method === 'Range.setValues').map((call) => call.sheet);
    expect(written).toEqual(['Projects', 'project_member']);
  });

  it('a model related to itself needs two pivot key names', () => {
    class User extends Model {
      static _table = 'Users';
      friends() {
        return this.manyToMany(User);
      }
    }
    seedSheets({ Users: [['id'], [1]], user_user: [['user_id', 'friend_id']] });
    expect(() => User.with('friends').get()).toThrow(/User\.friends: both pivot keys are "user_id"/);
    expect(() => User.findOrFail(1).related('friends').attach([1])).toThrow(ValidationError);
  });
});

describe('malformed definitions', () => {
  class Bad extends Model {
    static _table = 'Members';
    keysAsOptions() {
      return this.manyToMany(Project, 'project_member', { pivotColumns: ['role'] } as unknown as string);
    }
    misspelt() {
      return this.manyToMany(Project, { pivotTabel: 'project_member' } as never);
    }
    columnsAsNumber() {
      return this.manyToMany(Project, { pivotTable: 'project_member', pivotColumns: 5 as unknown as string[] });
    }
    numberPivot() {
      return this.manyToMany(Project, 42 as unknown as string);
    }
    thunkPivot() {
      return this.manyToMany(Project, (() => Project) as never);
    }
  }

  it.each([
    ['keysAsOptions', /keys after the pivot are column names.*Options go in the second argument/],
    ['misspelt', /unknown option "pivotTabel"/],
    ['columnsAsNumber', /pivotColumns is an array of pivot column names/],
    ['numberPivot', /the pivot is a sheet name, a pivot model class or an options object/],
    ['thunkPivot', /^Bad\.manyToMany\(\): the pivot is .*a function that is not a model class \(such as \(\) => PostTag\) is not taken here/],
  ])('%s is a ValidationError that says what to fix', (name, message) => {
    expect(() => Bad.$getRelation(name)).toThrow(ValidationError);
    expect(() => Bad.$getRelation(name)).toThrow(message);
  });
});
