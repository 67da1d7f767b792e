/** Rows a column filled down past the data leaves (unticked checkboxes, formulas showing 0) are no records. */
import { Model, session } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Task extends Model {
  static _table = 'Tasks';
  declare id: number | null;
  declare title: string;
  declare done: boolean;
}

function seedFilledDown(): void {
  const rows: unknown[][] = [['id', 'title', 'done', 'hours', 'cost']];
  for (let r = 2; r <= 4; r++) rows.push([r - 1, `Task ${r - 1}`, false, r, `=D${r}*10`]);
  // Below the data: unticked checkboxes and the cost formula, filled down by a person.
  for (let r = 5; r <= 12; r++) rows.push(['', '', false, '', `=D${r}*10`]);
  rows.push(['', 'typed without an id', false, '', '=D13*10']);
  seedSheets({ Tasks: rows });
}

it('are neither listed, counted nor changed by queries; a row with text but no id still is', () => {
  seedFilledDown();
  expect(Task.count()).toBe(4);
  expect(Task.all().pluck('title').all()).toEqual(['Task 1', 'Task 2', 'Task 3', 'typed without an id']);
  expect(Task.where('done', false).update({ title: 'reviewed' })).toBe(4);
  const titles = sheetRows('Tasks').map((row) => row[1]);
  expect(titles.slice(1, 4)).toEqual(['reviewed', 'reviewed', 'reviewed']);
  expect(titles.slice(4, 12)).toEqual(Array(8).fill(''));
  expect(Task.query().whereNull('id').delete()).toBe(1);
  expect(gas().sheetFormulas('Tasks')[11][4]).toBe('=D12*10');
  expect(sheetRows('Tasks')).toHaveLength(12);
});

it('are no records in a session either, and new rows still go below them, as appendRow puts them', () => {
  seedFilledDown();
  const created = session(() => {
    const task = Task.create({ title: 'new', done: true });
    return [task.id, Task.count()];
  });
  expect(created).toEqual([4, 5]);
  expect(sheetRows('Tasks')[13].slice(0, 3)).toEqual([4, 'new', true]);
});

it('need no key column (zeros included), count a key cell holding a space as empty, and do not depend on which model reads first', () => {
  class Chore extends Model {
    static _table = 'Chores';
  }
  class Link extends Model {
    static _table = 'Links';
  }
  class Note extends Model {
    static _table = 'Notes';
    links() {
      return this.manyToMany(Link, 'Chores', 'title', 'done');
    }
  }
  seedSheets({
    Chores: [['title', 'done', 'points'], ['Buy milk', false, 3], ['Call Bob', false, 2], ['', false, 0], [' ', false, ''], ['', false, 0]],
    Links: [['id'], [1]],
    Notes: [['id'], [1]],
  });
  const counts = session(() => {
    const before = Chore.count();
    Note.with('links').get();
    return [before, Chore.count()];
  });
  expect(counts).toEqual([2, 2]);
  expect(Chore.where('done', false).update({ done: true })).toBe(2);
  expect(sheetRows('Chores').map((row) => row[1])).toEqual(['done', true, true, false, false, false]);
  expect(sheetRows('Chores').map((row) => row[2])).toEqual(['points', 3, 2, 0, '', 0]);
});

it('never take a row whose key is 0: zeros are placeholders only where the key cells are empty', () => {
  class Level extends Model {
    static _table = 'Levels';
    static _primaryKey = 'level';
  }
  class Group extends Model {
    static _table = 'Groups';
  }
  class User extends Model {
    static _table = 'Users';
    groups() {
      return this.manyToMany(Group, 'GroupUser', 'user_id', 'group_id');
    }
  }
  seedSheets({
    Levels: [['level', 'xp'], [0, 0], [1, 100], ['', 0]],
    Users: [['id', 'name'], [0, 'root'], [1, 'ada']],
    Groups: [['id', 'name'], [0, 'wheel'], [1, 'staff']],
    GroupUser: [['user_id', 'group_id'], [0, 0], [1, 1]],
  });
  expect(Level.all().pluck('level').all()).toEqual([0, 1]);
  expect(() => Level.create({ level: 0, xp: 5 })).toThrow(/already/);
  const root = User.with('groups').findOrFail(0) as unknown as { groups: Group[] };
  expect(root.groups.map((group) => group.getAttribute('name'))).toEqual(['wheel']);
});

