import { Collection, Model, ValidationError } from '../../src';
import { seedSheets, gas } from '../support/seed';

class Task extends Model {
  static override _table = 'Tasks';
  declare id: number;
  declare spent: number;
  declare budget: number;
  declare due: Date | string | null;
  declare done: Date | null;
}

const day = (d: number) => new Date(Date.UTC(2025, 0, d));

const seed = () =>
  seedSheets({
    Tasks: [
      ['id', 'spent', 'budget', 'due', 'done'],
      [1, 5, 10, day(10), day(9)],
      [2, 12, 10, day(10), day(12)],
      [3, 10, 10, day(10), ''],
      [4, '', 10, '2025-01-10', day(10)],
    ],
  });

const ids = (tasks: Collection<Task>) => tasks.map((task) => task.id);

describe('whereColumn', () => {
  it('compares two cells of each row, with = by default, in one read', () => {
    seed();
    gas().calls.reset();
    expect(ids(Task.query().whereColumn('spent', '>', 'budget').get())).toEqual([2]);
    expect(ids(Task.query().whereColumn('spent', 'budget').get())).toEqual([3]);
    expect(ids(Task.query().whereColumn('spent', '<=', 'budget').get())).toEqual([1, 3]);
    expect(gas().calls.count('Range.getValues')).toBe(3);
  });

  it('matches no comparison where either cell is empty, as SQL does', () => {
    seed();
    expect(ids(Task.query().whereColumn('spent', '!=', 'budget').get())).toEqual([1, 2]);
    expect(ids(Task.query().whereColumn('done', '<', 'due').get())).toEqual([1]);
  });

  it('compares Dates, and date text with the Date of that day, as where does', () => {
    seed();
    expect(ids(Task.query().whereColumn('done', '>', 'due').get())).toEqual([2]);
    expect(ids(Task.query().whereColumn('done', '=', 'due').get())).toEqual([4]);
    // Either side may hold the text.
    expect(ids(Task.query().whereColumn('due', '=', 'done').get())).toEqual([4]);
    expect(ids(Task.query().whereColumn('due', '<', 'done').get())).toEqual([2]);
    expect(ids(Task.query().whereColumn('done', '>', 'due').get())).toEqual([2]);
  });

  it("reads date text in the spreadsheet's time zone, not the script's", () => {
    seedSheets(
      { Tasks: [['id', 'spent', 'budget', 'due', 'done'], [1, 1, 1, '2025-01-10', new Date(Date.UTC(2025, 0, 10, 5))]] },
      { timeZone: 'America/New_York' },
    );
    expect(ids(Task.query().whereColumn('done', '=', 'due').get())).toEqual([1]);
    expect(ids(Task.query().whereColumn('due', '=', 'done').get())).toEqual([1]);
    expect(ids(Task.query().whereColumn('done', '!=', 'due').get())).toEqual([]);
  });

  it('has the or, and and not forms, and works in groups', () => {
    seed();
    expect(ids(Task.query().where('id', 1).orWhereColumn('spent', '>', 'budget').get())).toEqual([1, 2]);
    // Negated or not, a row with an empty cell matches no comparison (SQL's NOT of NULL is no match either).
    expect(ids(Task.query().whereNotColumn('spent', '>', 'budget').get())).toEqual([1, 3]);
    expect(ids(Task.query().where('id', '>', 2).andWhereColumn('spent', 'budget').get())).toEqual([3]);
    expect(ids(Task.query().where('id', 1).orWhereNotColumn('done', '<=', 'due').get())).toEqual([1, 2]);
    expect(ids(Task.query().where('id', '<', 3).andWhereNotColumn('spent', '<', 'budget').get())).toEqual([2]);
    expect(ids(Task.query().where((q) => q.whereColumn('spent', 'budget').orWhere('id', 4)).get())).toEqual([3, 4]);
  });

  it('updates and deletes only the rows it matches', () => {
    seed();
    expect(Task.query().whereColumn('spent', '>', 'budget').update({ budget: 12 })).toBe(1);
    expect(ids(Task.query().whereColumn('spent', 'budget').orderBy('id').get())).toEqual([2, 3]);
    expect(Task.query().whereColumn('done', '>', 'due').delete()).toBe(1);
    expect(gas().sheetValues('Tasks').map((row) => row[0])).toEqual(['id', 1, 3, 4]);
  });

  it('refuses bad arguments and names a missing column', () => {
    seed();
    const loose = () => Task.query() as unknown as { whereColumn(...args: unknown[]): unknown };
    expect(() => loose().whereColumn('spent')).toThrow("Task.whereColumn(): expected (column, otherColumn) or (column, operator, otherColumn), got 1 arguments.");
    expect(() => loose().whereColumn('spent', 'near', 'budget')).toThrow(ValidationError);
    expect(() => loose().whereColumn('spent', '')).toThrow(ValidationError);
    expect(() => Task.query().whereColumn('spent', '>', 'cost').get()).toThrow(/cost/);
  });
});
