/** Rows a column filled down past the data leaves (unticked checkboxes, formulas showing 0) are no records. */
import { Model, session, transaction } from '../../src';
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

it('are no records in a session either; new rows go below the last record, here a row typed without an id', () => {
  seedFilledDown();
  const created = session(() => {
    const task = Task.create({ title: 'new', done: true });
    return [task.id, Task.count()];
  });
  expect(created).toEqual([4, 5]);
  expect(sheetRows('Tasks')[13].slice(0, 3)).toEqual([4, 'new', true]);
});

/** Three tasks, then rows 5–12 holding only an unticked checkbox and the cost formula, filled down. */
function seedCheckboxesBelow(maxRows?: number): void {
  const rows: unknown[][] = [['id', 'title', 'done', 'hours', 'cost']];
  for (let r = 2; r <= 4; r++) rows.push([r - 1, `Task ${r - 1}`, false, r, `=D${r}*10`]);
  for (let r = 5; r <= 12; r++) rows.push(['', '', false, '', `=D${r}*10`]);
  seedSheets({ Tasks: rows });
  const sheet = gas().active.getSheetByName('Tasks')!;
  if (maxRows !== undefined && sheet.getMaxRows() > maxRows) sheet.deleteRows(maxRows + 1, sheet.getMaxRows() - maxRows);
}

describe('new rows below the last record', () => {
  it('take the first filler row, keeping its formula and leaving columns no new row fills', () => {
    seedCheckboxesBelow();
    gas().calls.reset();
    const task = Task.create({ title: 'new', done: true });
    expect(task.id).toBe(4);
    // The filler row's formulas are read under the lock, then one block over the cells given (id,
    // title, done); no grid growth, so no getMaxRows either.
    expect(gas().calls.count('Range.getFormulas')).toBe(1);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    expect(gas().calls.count('Sheet.getMaxRows')).toBe(0);
    expect(gas().calls.count('Sheet.insertRowsAfter')).toBe(0);
    const rows = sheetRows('Tasks');
    expect(rows).toHaveLength(12);
    expect(rows[4].slice(0, 3)).toEqual([4, 'new', true]);
    expect(gas().sheetFormulas('Tasks')[4][4]).toBe('=D5*10');
    expect(rows[5]).toEqual(['', '', false, '', 0]);
    expect(Task.count()).toBe(4);
  });

  it('fill the filler rows, then go below them in one more block, growing the grid first', () => {
    seedCheckboxesBelow(12);
    gas().calls.reset();
    const list = Array.from({ length: 10 }, (_, i) => ({ title: `T${i}`, hours: i === 0 ? 8 : null }));
    expect(Task.createMany(list).map((task) => task.id)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(gas().calls.count('Sheet.insertRowsAfter')).toBe(1);
    // The filler's formulas, then over rows 5–12 id and title (A–B), and hours (D: the first row
    // gives one, the others' blanks are written blank); done and cost keep what they hold. Below
    // them: one block.
    expect(gas().calls.count('Range.setValues')).toBe(3);
    const ranges = gas().calls.all().filter((call) => call.method === 'Sheet.getRange').map((call) => call.args);
    expect(ranges).toEqual([
      [5, 1, 8, 5],
      [5, 1, 8, 2],
      [5, 4, 8, 1],
      [13, 1, 2, 5],
    ]);
    const rows = sheetRows('Tasks');
    expect(rows.slice(4).map((row) => row.slice(0, 4))).toEqual(
      list.map((item, i) => [i + 4, item.title, i < 8 ? false : '', item.hours === null ? '' : item.hours]),
    );
    const formulas = gas().sheetFormulas('Tasks');
    expect(formulas.slice(4, 12).map((row) => row[4])).toEqual(Array.from({ length: 8 }, (_, i) => `=D${i + 5}*10`));
    expect(rows[4][4]).toBe(80);
  });

  it('a cell a new row leaves empty keeps its checkbox and formula, whatever the other new rows give', () => {
    seedSheets({ Tasks: [['id', 'title', 'done', 'calc'], [1, 'A', true, '=IF(A2="","",B2&"!")']] });
    const sheet = gas().active.getSheetByName('Tasks')!;
    sheet.getRange(3, 3, 5, 1).setValues([[false], [false], [false], [false], [false]]);
    sheet.getRange(3, 4, 5, 1).setFormula('=IF(A3="","",B3&"!")');
    class Item extends Model {
      static _table = 'Tasks';
    }
    Item.createMany([{ title: 'B', done: true }, { title: 'C' }, { title: 'D', done: true }]);
    expect(sheetRows('Tasks').slice(2, 6)).toEqual([
      [2, 'B', true, 'B!'],
      [3, 'C', false, 'C!'],
      [4, 'D', true, 'D!'],
      ['', '', false, ''],
    ]);
    expect(gas().sheetFormulas('Tasks').slice(2, 7).map((row) => row[3])).toEqual([3, 4, 5, 6, 7].map((r) => `=IF(A${r}="","",B${r}&"!")`));
  });

  it('are one block whatever each new row leaves empty: a checkbox a row leaves unticked is written unticked again', () => {
    const rows: unknown[][] = [['id', 'title', 'note', 'done'], [1, 'a', 'n', true]];
    for (let r = 3; r <= 1000; r++) rows.push(['', '', '', false]);
    seedSheets({ Tasks: rows });
    class Item extends Model {
      static _table = 'Tasks';
    }
    const list = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? { title: `t${i}`, note: 'x' } : i % 3 === 1 ? { title: `t${i}`, done: true } : { title: `t${i}` }));
    gas().calls.reset();
    Item.createMany(list);
    expect(gas().calls.count('Range.getFormulas')).toBe(1);
    expect(gas().calls.count('Range.setValues')).toBe(1);
    // The formulas of the rows taken, then the rows.
    expect(gas().calls.all().filter((call) => call.method === 'Sheet.getRange').map((call) => call.args)).toEqual([
      [3, 1, 200, 4],
      [3, 1, 200, 4],
    ]);
    const written = sheetRows('Tasks').slice(2, 203);
    expect(written.slice(0, 3)).toEqual([
      [2, 't0', 'x', false],
      [3, 't1', '', true],
      [4, 't2', '', false],
    ]);
    expect(written[200]).toEqual(['', '', '', false]);
    expect(Item.where('done', true).count()).toBe(1 + 67);
  });

  it('leave alone a column no new row writes (an array formula may fill it), and a formula in a column they write', () => {
    seedSheets({
      Tasks: [
        ['id', 'title', 'flag', 'score', 'calc'],
        [1, 'A', true, 3, 'x'],
        ['', '', false, 0, '=IF(B3="","",B3&"?")'],
        ['', '', '', 0, ''],
        ['', '', false, 0, ''],
      ],
    });
    class Item extends Model {
      static _table = 'Tasks';
    }
    gas().calls.reset();
    Item.createMany([{ title: 'B' }, { title: 'C', calc: 'typed' }, { title: 'D' }]);
    const ranges = gas().calls.all().filter((call) => call.method === 'Sheet.getRange').map((call) => call.args);
    // id and title in one block; calc only where given (row 3 holds a formula); flag (mixed
    // FALSE and blank) and score (zeros) untouched.
    expect(ranges).toEqual([
      [3, 1, 3, 5],
      [3, 1, 3, 2],
      [4, 5, 1, 1],
    ]);
    expect(gas().sheetFormulas('Tasks')[2][4]).toBe('=IF(B3="","",B3&"?")');
    expect(sheetRows('Tasks').slice(2)).toEqual([
      [2, 'B', false, 0, 'B?'],
      [3, 'C', '', 0, 'typed'],
      [4, 'D', false, 0, ''],
    ]);
    // A column no new row writes is not written even where it is blank all the way down.
    seedSheets({ Tasks: [['id', 'title', 'memo', 'done'], [1, 'A', '', true], ['', '', '', false], ['', '', '', false]] });
    gas().calls.reset();
    Item.createMany([{ title: 'B' }, { title: 'C' }]);
    expect(gas().calls.all().filter((call) => call.method === 'Sheet.getRange').map((call) => call.args)).toEqual([
      [3, 1, 2, 4],
      [3, 1, 2, 2],
    ]);
  });

  it('never replace a formula: a totals row showing 0, or a value given for a formula column, sends them below the filler', () => {
    class Item extends Model {
      static _table = 'Tasks';
    }
    seedSheets({ Tasks: [['id', 'title', 'hours'], [1, 'A', 0], [2, 'B', ''], ['', '', '=SUM(C2:C3)']] });
    Item.create({ title: 'C', hours: 5 });
    expect(sheetRows('Tasks').slice(3)).toEqual([['', '', 0], [3, 'C', 5]]);
    expect(gas().sheetFormulas('Tasks')[3][2]).toBe('=SUM(C2:C3)');
    seedCheckboxesBelow();
    Task.create({ title: 'priced', cost: 99 } as never);
    expect(sheetRows('Tasks').slice(4, 13).map((row) => row.slice(0, 2))).toEqual([...Array(8).fill(['', '']), [4, 'priced']]);
    expect(gas().sheetFormulas('Tasks').slice(4, 12).map((row) => row[4])).toEqual(Array.from({ length: 8 }, (_, i) => `=D${i + 5}*10`));
  });

  it('a new model, and a session reading on, show the checkbox its row kept; a formula cell stays null', () => {
    seedCheckboxesBelow();
    session(() => {
      const [a, b] = Task.createMany([{ title: 'a' }, { title: 'b', done: null } as never]);
      expect([a.done, b.done]).toEqual([false, false]);
      expect((a as unknown as Record<string, unknown>).cost).toBeNull();
      expect([a.$isDirty, b.$isDirty]).toEqual([false, false]);
      expect(a.toJSON()).toMatchObject({ title: 'a', done: false });
      // The session reuses its read: the new rows are found by the value the sheet holds.
      expect(Task.where('done', false).pluck('title').all()).toEqual(['Task 1', 'Task 2', 'Task 3', 'a', 'b']);
      const c = transaction(() => Task.create({ title: 'c' }));
      expect(c.done).toBe(false);
    });
    expect(sheetRows('Tasks').slice(4, 8).map((row) => row.slice(0, 3))).toEqual([
      [4, 'a', false],
      [5, 'b', false],
      [6, 'c', false],
      ['', '', false],
    ]);
    // Rows appended below the filler hold nothing in the cells they leave empty.
    seedSheets({ Tasks: [['id', 'title', 'done'], [1, 'A', true]] });
    expect(Task.create({ title: 'x' }).done).toBeNull();
  });

  it('inside a session, each create takes the next filler row', () => {
    seedCheckboxesBelow();
    session(() => {
      Task.create({ title: 'a' });
      Task.create({ title: 'b' });
    });
    expect(sheetRows('Tasks').slice(4, 7).map((row) => row.slice(0, 3))).toEqual([
      [4, 'a', false],
      [5, 'b', false],
      ['', '', false],
    ]);
  });

  it('skip a filler row someone typed a record into meanwhile (the transaction re-checks)', () => {
    seedCheckboxesBelow();
    transaction(() => {
      Task.all();
      gas().active.getSheetByName('Tasks')!.getRange(5, 2).setValue('typed by a person');
      Task.create({ title: 'mine' });
    });
    const rows = sheetRows('Tasks');
    expect(rows[4].slice(0, 3)).toEqual(['', 'typed by a person', false]);
    expect(rows[5].slice(0, 3)).toEqual([4, 'mine', false]);
  });

  it('a failed write gives the filler rows back what they held', () => {
    seedCheckboxesBelow(12);
    const before = sheetRows('Tasks');
    let calls = 0;
    gas().beforeCall((call) => {
      if (call.method === 'Range.setValues' && ++calls === 2) throw new Error('Service Spreadsheets timed out while accessing document.');
    });
    expect(() => Task.createMany(Array.from({ length: 10 }, (_, i) => ({ title: `T${i}` })))).toThrow(/Nothing was written/);
    expect(sheetRows('Tasks')).toEqual(before);
    expect(gas().sheetFormulas('Tasks').slice(4, 12).map((row) => row[4])).toEqual(Array.from({ length: 8 }, (_, i) => `=D${i + 5}*10`));
  });

  it('a failed write gives a filler cell showing an error back as text, never as something Sheets would parse', () => {
    seedSheets({ Tasks: [['id', 'title', 'done', 'note'], [1, 'A', false, 'x'], ['', '', false, '#N/A']] });
    let calls = 0;
    gas().beforeCall((call) => {
      if (call.execution !== 'main' || call.method !== 'Range.setValues' || ++calls !== 1) return;
      // The call lands, then reports a failure.
      gas().run('landed', () => gas().SpreadsheetApp.getActive().getSheetByName('Tasks')!.getRange(3, 1, 1, 2).setValues([[2, 'B']]));
      throw new Error('Service Spreadsheets timed out while accessing document.');
    });
    expect(() => Task.create({ title: 'B', note: 'y' } as never)).toThrow(/Nothing was written/);
    const restores = gas()
      .calls.all()
      .filter((call) => call.method === 'Range.setValues')
      .map((call) => call.args[0]);
    expect(restores[restores.length - 1]).toEqual([["'#N/A"]]);
    expect(sheetRows('Tasks')[2]).toEqual(['', '', false, '#N/A']);
  });

  it('a failed write over filler rows leaves every formula in place, written or not', () => {
    seedSheets({ Tasks: [['id', 'title', 'done', 'n'], [1, 'A', false, 10]] });
    gas().active.getSheetByName('Tasks')!.getRange(3, 4, 3, 1).setFormula('=A3*10');
    const before = sheetRows('Tasks');
    const formulas = gas().sheetFormulas('Tasks');
    let failed = false;
    gas().beforeCall((call) => {
      if (call.method === 'Range.setValues' && !failed) {
        failed = true;
        throw new Error('Service Spreadsheets timed out while accessing document.');
      }
    });
    // n holds formulas, so the new row goes below the filler; taking it back clears only that row.
    expect(() => Task.create({ title: 'B', n: 7 } as never)).toThrow(/Nothing was written/);
    expect(sheetRows('Tasks')).toEqual(before);
    expect(gas().sheetFormulas('Tasks')).toEqual(formulas);
  });
});

describe('filler rows and other writers', () => {
  it('a row whose only value is a ticked checkbox is no record, but someone ticked it: new rows go below it, never taking the tick', () => {
    seedSheets({ Tasks: [['id', 'title', 'done'], [1, 'a', false], ['', '', true]] });
    expect(Task.count()).toBe(1);
    Task.create({ title: 'b' });
    expect(sheetRows('Tasks')).toEqual([['id', 'title', 'done'], [1, 'a', false], ['', '', true], [2, 'b', '']]);
  });

  it('a box ticked on an empty row of a checkbox column sends new rows right below it, over the unticked boxes there', () => {
    const rows: unknown[][] = [['id', 'title', 'done'], [1, 'a', false], ['', '', false], ['', '', true]];
    for (let r = 5; r <= 100; r++) rows.push(['', '', false]);
    seedSheets({ Tasks: rows });
    const made = Task.createMany([{ title: 'b' }, { title: 'c' }]);
    expect(made.map((task) => task.done)).toEqual([false, false]);
    expect(sheetRows('Tasks').slice(0, 7)).toEqual([['id', 'title', 'done'], [1, 'a', false], ['', '', false], ['', '', true], [2, 'b', false], [3, 'c', false], ['', '', false]]);
    expect(sheetRows('Tasks')).toHaveLength(100);
    expect(Task.where('done', false).pluck('id').all()).toEqual([1, 2, 3]);
    expect(Task.create({ title: 'd' }).id).toBe(4);
    expect(sheetRows('Tasks')[6]).toEqual([4, 'd', false]);
  });

  it('a box ticked far below the rows new rows take leaves them where they were: right below the data', () => {
    const rows: unknown[][] = [['id', 'title', 'done'], [1, 'a', false]];
    for (let r = 3; r <= 100; r++) rows.push(['', '', r === 90]);
    seedSheets({ Tasks: rows });
    gas().calls.reset();
    Task.create({ title: 'b' });
    expect(sheetRows('Tasks')[2]).toEqual([2, 'b', false]);
    expect(gas().calls.all().filter((call) => call.method === 'Sheet.getRange').map((call) => call.args)).toEqual([
      [3, 1, 1, 3],
      [3, 1, 1, 2],
    ]);
  });

  it('in a session, later new rows follow the ones placed below a ticked box', () => {
    const rows: unknown[][] = [['id', 'title', 'done'], [1, 'a', false], ['', '', false], ['', '', true]];
    for (let r = 5; r <= 20; r++) rows.push(['', '', false]);
    seedSheets({ Tasks: rows });
    session(() => {
      Task.createMany([{ title: 'b' }, { title: 'c' }]);
      Task.create({ title: 'd' });
      expect(Task.where('done', false).pluck('id').all()).toEqual([1, 2, 3, 4]);
    });
    expect(sheetRows('Tasks').slice(0, 8)).toEqual([['id', 'title', 'done'], [1, 'a', false], ['', '', false], ['', '', true], [2, 'b', false], [3, 'c', false], [4, 'd', false], ['', '', false]]);
  });

  it('in a transaction, a box ticked after the read still sends new rows below it at the commit', () => {
    const rows: unknown[][] = [['id', 'title', 'done'], [1, 'a', false]];
    for (let r = 3; r <= 12; r++) rows.push(['', '', false]);
    seedSheets({ Tasks: rows });
    const person = () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tasks')!;
    const made = transaction(() => {
      expect(Task.count()).toBe(1);
      person().getRange(3, 3).setValue(true);
      return [Task.create({ title: 'b', done: false }), Task.create({ title: 'c' })];
    });
    expect(sheetRows('Tasks').slice(0, 6)).toEqual([['id', 'title', 'done'], [1, 'a', false], ['', '', true], [2, 'b', false], [3, 'c', false], ['', '', false]]);
    expect(made.map((task) => task.done)).toEqual([false, false]);

    // createMany's block spans the column: a tick lower down among the rows it takes is not written over either.
    transaction(() => {
      expect(Task.count()).toBe(3);
      person().getRange(7, 3).setValue(true);
      Task.createMany([{ title: 'd' }, { title: 'e' }]);
    });
    expect(sheetRows('Tasks').slice(5, 10)).toEqual([['', '', false], ['', '', true], [4, 'd', false], [5, 'e', false], ['', '', false]]);
  });

  it('a sheet without key columns keeps a row whose only value is TRUE (a settings row)', () => {
    seedSheets({ Settings: [['sendEmails', 'dryRun', 'retries'], [true, false, 0]] });
    class Setting extends Model {
      static _table = 'Settings';
    }
    expect(Setting.first()).not.toBeNull();
    expect(Setting.where('sendEmails', true).count()).toBe(1);
  });

  it('a flag filled down (=C2<5) showing TRUE on empty rows makes no records; a new row takes the first, keeping the formula', () => {
    seedSheets({
      Stock: [
        ['id', 'name', 'qty', 'low'],
        [1, 'a', 9, '=C2<5'],
        [2, 'b', 3, '=C3<5'],
        ['', '', '', '=C4<5'],
        ['', '', '', '=C5<5'],
      ],
    });
    class Stock extends Model {
      static _table = 'Stock';
    }
    expect(sheetRows('Stock').map((row) => row[3])).toEqual(['low', false, true, true, true]);
    expect(Stock.count()).toBe(2);
    expect(Stock.where('low', true).pluck('id').all()).toEqual([2]);
    Stock.create({ name: 'c', qty: 7 });
    expect(sheetRows('Stock')).toEqual([['id', 'name', 'qty', 'low'], [1, 'a', 9, false], [2, 'b', 3, true], [3, 'c', 7, false], ['', '', '', true]]);
    expect(gas().sheetFormulas('Stock')[3][3]).toBe('=C4<5');
  });

  it('new rows that exactly fill the filler rows need no look at the grid size: one read, one write', () => {
    seedSheets({ Tasks: [['id', 'title', 'done'], [1, 'a', false], ['', '', false], ['', '', false]] });
    gas().calls.reset();
    Task.createMany([{ title: 'b' }, { title: 'c' }]);
    expect(sheetRows('Tasks')).toEqual([['id', 'title', 'done'], [1, 'a', false], [2, 'b', false], [3, 'c', false]]);
    expect(gas().calls.count('Sheet.getMaxRows')).toBe(0);
    expect(gas().calls.count('Range.setValues')).toBe(1);
  });

  it('a failed write is not taken back from filler rows a person moved meanwhile: their record stays', () => {
    class Tag extends Model {
      static _table = 'Tags';
    }
    seedSheets({ Tasks: [['id', 'title', 'done'], [1, 'a', false], ['', '', false], ['', '', false]], Tags: [['id', 'name'], [1, 'js']] });
    let setValues = 0;
    gas().beforeCall((call) => {
      if (call.method === 'Range.setValues' && ++setValues === 2) {
        // A person inserts a record above while the Tags write fails.
        const sheet = gas().active.getSheetByName('Tasks')!;
        sheet.insertRowBefore(2);
        sheet.getRange(2, 1, 1, 3).setValues([[99, 'typed', true]]);
        throw new Error('Service Spreadsheets timed out while accessing document.');
      }
    });
    expect(() =>
      transaction(() => {
        Task.create({ title: 'New' });
        Tag.create({ name: 'y' });
      }),
    ).toThrow(/Written:/);
    expect(sheetRows('Tasks').slice(0, 4)).toEqual([['id', 'title', 'done'], [99, 'typed', true], [1, 'a', false], [2, 'New', false]]);
  });
});

describe('filler rows of a big sheet in a transaction', () => {
  it('are read again under the lock, so a record typed there without a key is not overwritten', () => {
    const rows: unknown[][] = [['id', 'title', 'done', 'hours', 'cost']];
    for (let r = 2; r <= 12002; r++) rows.push([r - 1, `Task ${r - 1}`, false, 1, 10]);
    for (let r = 12003; r <= 12010; r++) rows.push(['', '', false, '', '']);
    seedSheets({ Tasks: rows });
    transaction(() => {
      Task.query().where('id', 1).first();
      gas().active.getSheetByName('Tasks')!.getRange(12003, 2).setValue('typed by a person');
      Task.create({ title: 'mine' });
    });
    const after = sheetRows('Tasks');
    expect(after[12002].slice(0, 3)).toEqual(['', 'typed by a person', false]);
    expect(after[12003].slice(0, 3)).toEqual([12002, 'mine', false]);
  });
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


describe('formulas filled down that show an error on empty rows', () => {
  class Deal extends Model {
    static _table = 'Deals';
    declare id: number | null;
    declare title: string;
    declare amount: number | null;
    declare qty: number | null;
    declare won: boolean;
  }

  function seedDeals(): void {
    seedSheets({
      Products: [['sku', 'name'], ['a', 'Apple']],
      Deals: [
        ['id', 'title', 'amount', 'qty', 'unit_price', 'product', 'won'],
        [1, 'a', 10, 2, '=C2/D2', '=CONCATENATE(B2, Products!B2)', false],
        ['', '', '', '', '=C3/D3', '=C3*"x"', false],
        ['', '', '', '', '=C4/D4', '=C4*"x"', false],
      ],
    });
  }

  it('are no records (#DIV/0!, #VALUE!): not listed, counted or changed; a new row takes the first, keeping its formulas', () => {
    seedDeals();
    expect(sheetRows('Deals')[2].slice(4)).toEqual(['#DIV/0!', '#VALUE!', false]);
    expect(Deal.all().pluck('id').all()).toEqual([1]);
    expect(Deal.query().update({ won: true })).toBe(1);
    expect(sheetRows('Deals').map((row) => row[6])).toEqual(['won', true, false, false]);
    const deal = Deal.create({ title: 'b', amount: 9, qty: 3 });
    expect(deal.id).toBe(2);
    expect(sheetRows('Deals')).toHaveLength(4);
    expect(sheetRows('Deals')[2].slice(0, 5)).toEqual([2, 'b', 9, 3, 3]);
    expect(gas().sheetFormulas('Deals')[2].slice(4, 6)).toEqual(['=C3/D3', '=C3*"x"']);
  });

  it('a row whose key cell shows an error stays a record', () => {
    seedSheets({ Deals: [['id', 'title'], [1, 'a'], ['=1/0', '']] });
    expect(Deal.count()).toBe(2);
  });
});
