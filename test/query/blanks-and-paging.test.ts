import { Model, ValidationError } from '../../src';
import { seedSheets, gas, sheetRows } from '../support/seed';

class Task extends Model {
  static _table = 'Tasks';
  declare id: number;
  declare title: string;
  declare assignee: string | null;
  declare due: number | null;
  declare size: string | null;
}

beforeEach(() =>
  seedSheets({
    Tasks: [
      ['id', 'title', 'assignee', 'due', 'size'],
      [1, 'Write', 'ada', 5, '=IF(D2>4,"big","small")'],
      [2, 'Review', '', '', 'small'],
      [3, 'Ship', 'linus', 9, '=IF(D4>4,"big","small")'],
      [4, 'Plan', '', 2, 'small'],
    ],
  }),
);

const ids = (tasks: Iterable<Task>) => Array.from(tasks, (task) => task.id);

describe("'' means an empty cell, as null does", () => {
  it('where(col, ""), whereIn with "" and != "" match on blank cells', () => {
    expect(ids(Task.where('assignee', '').get())).toEqual([2, 4]);
    expect(ids(Task.whereIn('assignee', ['', 'ada']).get())).toEqual([1, 2, 4]);
    expect(ids(Task.whereIn('assignee', [null]).get())).toEqual([2, 4]);
    expect(ids(Task.where('assignee', '!=', '').get())).toEqual([1, 3]);
    expect(Task.findBy('assignee', '')?.id).toBe(2);
  });

  it('negations keep blank cells (an empty cell is a value, not SQL NULL); whereNotNull leaves them out', () => {
    expect(ids(Task.where('assignee', '!=', 'ada').get())).toEqual([2, 3, 4]);
    expect(ids(Task.query().whereNotIn('assignee', ['ada']).get())).toEqual([2, 3, 4]);
    expect(ids(Task.query().whereNot('due', '>', 4).get())).toEqual([2, 4]);
    expect(ids(Task.where('assignee', '!=', 'ada').whereNotNull('assignee').get())).toEqual([3]);
    expect(Task.where('assignee', '!=', 'ada').delete()).toBe(3);
    expect(sheetRows('Tasks').map((row) => row[0])).toEqual(['id', 1]);
  });

  it('firstOrCreate with a blank attribute finds the row instead of adding a duplicate', () => {
    expect(Task.firstOrCreate({ title: 'Review', assignee: '' }).id).toBe(2);
    expect(sheetRows('Tasks')).toHaveLength(5);
  });
});

describe('orderBy', () => {
  it('keeps empty cells last in both directions, as Sheets and Collection.sortByDesc do', () => {
    expect(ids(Task.orderBy('due', 'asc').get())).toEqual([4, 1, 3, 2]);
    expect(ids(Task.orderBy('due', 'desc').get())).toEqual([3, 1, 4, 2]);
    expect(Task.orderBy('due', 'desc').first()?.id).toBe(3);
    expect(ids(Task.all().sortByDesc('due'))).toEqual(ids(Task.orderBy('due', 'desc').get()));
  });

  it("takes knex's nulls: 'first' puts empty cells first, in either direction", () => {
    expect(ids(Task.orderBy('due', 'asc', 'first').get())).toEqual([2, 4, 1, 3]);
    expect(ids(Task.query().orderBy('due', 'desc', 'first').get())).toEqual([2, 3, 1, 4]);
    expect(ids(Task.query().orderBy([{ column: 'assignee', nulls: 'first' }, { column: 'id', order: 'desc' }]).get())).toEqual([4, 2, 1, 3]);
    expect(ids(Task.orderBy('due', 'asc', 'last').get())).toEqual([4, 1, 3, 2]);
    expect(ids(Task.orderBy(['due'], 'desc', 'first').get())).toEqual([2, 3, 1, 4]);
    expect(() => Task.orderBy('due', 'asc', 'top' as never)).toThrow("Task.orderBy('due', 'asc', \"top\"): empty cells go 'first' or 'last' (the default).");
  });

  it('refuses a column that is not a name before reading', () => {
    gas().calls.reset();
    expect(() => Task.orderBy(undefined as unknown as string)).toThrow(ValidationError);
    expect(() => Task.query().orderBy([{ col: 'due' } as unknown as { column: string }])).toThrow(/orderBy\(\): the column must be a non-empty string/);
    expect(() => Task.query().orderBy([42 as unknown as { column: string }])).toThrow(/each item is a column or \{ column, order\?, nulls\? \}/);
    expect(gas().calls.count()).toBe(0);
  });
});

describe('exists()', () => {
  it('applies offset and limit, so forPage(n + 1).exists() asks for a next page', () => {
    expect(Task.query().forPage(2, 2).exists()).toBe(true);
    expect(Task.query().forPage(3, 2).exists()).toBe(false);
    expect(Task.query().offset(4).exists()).toBe(false);
    expect(Task.query().offset(3).exists()).toBe(true);
    expect(Task.query().limit(0).exists()).toBe(false);
    expect(Task.where('assignee', 'ada').exists()).toBe(true);
  });
});

describe('count(column)', () => {
  it('counts the matching rows holding a value in the column, as SQL count(column) skips nulls', () => {
    gas().calls.reset();
    expect(Task.count('assignee')).toBe(2);
    expect(gas().calls.reads('Tasks')).toBe(1);
    expect(Task.query().where('id', '<', 4).count('due')).toBe(2);
    expect(Task.query().count('Tasks.due')).toBe(3);
    expect(Task.query().count('*')).toBe(4);
    expect(Task.count()).toBe(4);
  });

  it('refuses a column the sheet lacks, and one that is not a name', () => {
    expect(() => Task.count('asignee')).toThrow(/Task.*has no column "asignee"/);
    expect(() => Task.query().count(5 as never)).toThrow(new ValidationError('Task.count(): the column must be a non-empty string, not 5.'));
  });
});

describe('an unknown operator', () => {
  it('names the method and the column', () => {
    expect(() => Task.where('due', '=>' as '=', 1)).toThrow(/Task\.where\('due', …\): Unknown operator "=>"/);
    expect(() => Task.query().orWhere('due', '=<' as '=', 1)).toThrow(/Task\.orWhere\('due', …\)/);
  });
});

describe('query update()', () => {
  it('leaves cells already holding the value alone: formulas stay formulas and nothing is written', () => {
    gas().calls.reset();
    expect(Task.where('size', 'big').update({ size: 'big' })).toBe(2);
    expect(gas().calls.writes()).toBe(0);
    expect(gas().active.getSheetByName('Tasks')!.getRange('E2').getFormula()).toBe('=IF(D2>4,"big","small")');
  });

  it('writes only the rows whose value changes', () => {
    gas().calls.reset();
    expect(Task.query().update({ size: 'small' })).toBe(4);
    // Two cells change, both to 'small': one RangeList write of the two.
    expect(gas().calls.writes()).toBe(1);
    expect(gas().calls.all().filter((call) => call.method === 'Sheet.getRangeList').map((call) => call.args[0])).toHaveLength(1);
    const sheet = gas().active.getSheetByName('Tasks')!;
    expect(sheet.getRange('E2:E5').getFormulas().map((row) => row[0])).toEqual(['', '', '', '']);
    expect(sheetRows('Tasks').map((row) => row[4])).toEqual(['size', 'small', 'small', 'small', 'small']);
  });

  it('still refuses a bad value when no row would change', () => {
    expect(() => Task.where('id', 99).update({ size: { big: true } as never })).toThrow(ValidationError);
  });
});
