import { Model, transaction, session, ValidationError, ModelNotFoundError, DuplicateKeyError } from '../src';
import { seedSheets, sheetRows, gas } from './support/seed';

class Account extends Model {
  static _table = 'Accounts';
  declare id: number;
  declare owner: string;
  declare balance: number;
}
class Entry extends Model {
  static _table = 'Entries';
}

const seed = () =>
  seedSheets({
    Accounts: [['id', 'owner', 'balance'], [1, 'ann', 100], [2, 'bob', 50]],
    Entries: [['id', 'account_id', 'amount']],
  });

describe('transaction()', () => {
  it('applies all writes at the end under one lock and returns fn’s value', () => {
    seed();
    gas().calls.reset();
    const result = transaction(() => {
      const ann = Account.find(1)!;
      const bob = Account.find(2)!;
      ann.balance -= 30;
      bob.balance += 30;
      ann.save();
      bob.save();
      Entry.createMany([{ account_id: 1, amount: -30 }, { account_id: 2, amount: 30 }]);
      expect(sheetRows('Accounts')[1][2]).toBe(100); // nothing written yet
      return 'moved';
    });
    expect(result).toBe('moved');
    expect(sheetRows('Accounts')).toEqual([['id', 'owner', 'balance'], [1, 'ann', 70], [2, 'bob', 80]]);
    expect(sheetRows('Entries')).toEqual([['id', 'account_id', 'amount'], [1, 1, -30], [2, 2, 30]]);
    const calls = gas().calls;
    expect(calls.count('Lock.tryLock')).toBe(1);
    expect(calls.count('Lock.releaseLock')).toBe(1);
    expect(calls.count('Range.setValues', { sheet: 'Accounts' })).toBe(1); // rows 2-3, column C: one block
    expect(calls.count('Range.setValues', { sheet: 'Entries' })).toBe(1);
  });

  it('reads see the transaction’s own pending writes', () => {
    seed();
    transaction(() => {
      Account.create({ owner: 'cy', balance: 0 });
      expect(Account.where('owner', 'cy').count()).toBe(1);
      expect(Account.all().count()).toBe(3);
      Account.query().where('owner', 'bob').delete();
      expect(Account.find(2)).toBeNull();
    });
    expect(sheetRows('Accounts').map((r) => r[1])).toEqual(['owner', 'ann', 'cy']);
  });

  it('writes nothing when fn throws, and rethrows', () => {
    seed();
    const before = { a: sheetRows('Accounts'), e: sheetRows('Entries') };
    const ann = Account.find(1)!;
    expect(() =>
      transaction(() => {
        ann.balance = 0;
        ann.save();
        Entry.create({ account_id: 1, amount: 5 });
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(sheetRows('Accounts')).toEqual(before.a);
    expect(sheetRows('Entries')).toEqual(before.e);
    expect(gas().calls.writes()).toBe(0);
    expect(ann.$isDirty).toBe(true); // the model's state is rolled back with the transaction
  });

  it('a failed operation caught inside the transaction leaves no partial writes', () => {
    seed();
    transaction(() => {
      expect(() => Entry.createMany([{ account_id: 1, amount: 1 }, { account_id: 2, amount: 'x'.repeat(50001) }])).toThrow(ValidationError);
      Entry.create({ account_id: 1, amount: 7 });
    });
    expect(sheetRows('Entries')).toEqual([['id', 'account_id', 'amount'], [1, 1, 7]]);
  });

  it('re-checks row positions before writing: a person inserting rows meanwhile does not misplace writes', () => {
    seed();
    transaction(() => {
      const bob = Account.find(2)!;
      bob.balance = 0;
      bob.save();
      const sheet = gas().active.getSheetByName('Accounts')!;
      sheet.insertRowsBefore(2, 2);
      sheet.getRange(2, 1, 2, 3).setValues([[10, 'x', 1], [11, 'y', 2]]);
    });
    expect(sheetRows('Accounts')).toEqual([['id', 'owner', 'balance'], [10, 'x', 1], [11, 'y', 2], [1, 'ann', 100], [2, 'bob', 0]]);
  });

  it('refuses to write when a row it updates was deleted meanwhile', () => {
    seed();
    expect(() =>
      transaction(() => {
        const ann = Account.find(1)!;
        ann.balance = 1;
        ann.save();
        gas().active.getSheetByName('Accounts')!.deleteRow(2);
        Entry.create({ account_id: 1, amount: 1 });
      }),
    ).toThrow(ModelNotFoundError);
    expect(sheetRows('Entries')).toHaveLength(1);
  });

  it('nested transactions join the outer one', () => {
    seed();
    transaction(() => {
      transaction(() => Account.create({ owner: 'in', balance: 1 }));
      expect(() => transaction(() => {
        Account.create({ owner: 'rolled back', balance: 1 });
        throw new Error('inner');
      })).toThrow('inner');
    });
    expect(sheetRows('Accounts').map((r) => r[1])).toEqual(['owner', 'ann', 'bob', 'in']);
  });
});

describe('transaction() and session() with asynchronous functions', () => {
  it('refuses an async fn before running it: writes after an await would land outside the transaction', () => {
    seed();
    gas().calls.reset();
    let ran = false;
    const fn = async () => {
      ran = true;
      Entry.create({ account_id: 1, amount: 1 });
      await null;
      Entry.create({ account_id: 1, amount: 2 });
    };
    // @ts-expect-error an async function is refused when compiling too
    expect(() => transaction(fn)).toThrow('SheetORM.transaction(fn): fn is an async function. sheetorm runs synchronously, as Apps Script does: write fn as a plain function, without async or await.');
    // @ts-expect-error likewise
    expect(() => session(fn)).toThrow(ValidationError);
    expect(ran).toBe(false);
    expect(gas().calls.all()).toHaveLength(0);
  });

  it('refuses an async generator function too: its body would never run', () => {
    seed();
    gas().calls.reset();
    let ran = false;
    const fn = async function* () {
      ran = true;
      Entry.create({ account_id: 1, amount: 1 });
      yield 1;
    };
    expect(() => transaction(fn as never)).toThrow('SheetORM.transaction(fn): fn is an async function.');
    expect(() => session(fn as never)).toThrow('SheetORM.session(fn): fn is an async function.');
    expect(ran).toBe(false);
    expect(gas().calls.all()).toHaveLength(0);
  });

  it('rolls back a fn that returns a Promise, and says why', () => {
    seed();
    const entry = new Entry();
    entry.merge({ account_id: 1, amount: 5 });
    const rejected = Promise.reject(new Error('later'));
    rejected.catch(() => undefined);
    expect(() =>
      // @ts-expect-error a function returning a Promise is refused when compiling too
      transaction(() => {
        entry.save();
        return rejected;
      }),
    ).toThrow('SheetORM.transaction(fn): fn returned a Promise. sheetorm runs synchronously, as Apps Script does: write fn as a plain function, without async or await. Nothing was written.');
    expect(sheetRows('Entries')).toEqual([['id', 'account_id', 'amount']]);
    expect(entry.$isPersisted).toBe(false);
    expect(gas().calls.writes()).toBe(0);
  });

  it('still returns other values that are functions or objects', () => {
    seed();
    const value = { then: 'not a function' };
    expect(transaction(() => value)).toBe(value);
    const plain = () => 1;
    expect(transaction(() => plain)).toBe(plain);
  });
});

describe('a cell changed and changed back in one transaction', () => {
  class Line extends Model {
    static _table = 'Lines';
    declare id: number;
    declare qty: number;
    declare total: number;
  }

  it('is not written: a formula showing the value stays, and an unchanged sheet gets no write', () => {
    seedSheets({ Lines: [['id', 'price', 'qty', 'total'], [1, 10, 2, '=B2*C2'], [2, 5, 3, '=B3*C3']] });
    gas().calls.reset();
    transaction(() => {
      Line.where('id', 2).update({ total: 99 });
      Line.where('id', 2).update({ total: 15 });
      const line = Line.findOrFail(1);
      line.qty = 7;
      line.save();
      line.qty = 2;
      line.save();
    });
    expect(gas().calls.writes()).toBe(0);
    expect(gas().sheetFormulas('Lines').map((row) => row[3])).toEqual(['', '=B2*C2', '=B3*C3']);

    transaction(() => {
      Line.where('id', 2).update({ total: 99, qty: 4 });
      Line.where('id', 2).update({ total: 20 });
    });
    expect(gas().calls.all().filter((call) => call.method === 'Sheet.getRange').map((call) => call.args)).toEqual([[3, 3, 1, 2]]);
    expect(gas().sheetValues('Lines')[2]).toEqual([2, 5, 4, 20]);
  });
});

describe('a key taken by someone else while a transaction runs', () => {
  const appendElsewhere = (row: unknown[]) =>
    gas().run('person', () => gas().SpreadsheetApp.getActive().getSheetByName('Accounts')!.appendRow(row));

  it('a generated key another execution used meanwhile is a DuplicateKeyError, nothing written', () => {
    seed();
    gas().calls.reset();
    expect(() =>
      transaction(() => {
        const created = Account.create({ owner: 'cy', balance: 0 });
        appendElsewhere([created.id, 'dan', 5]);
        Entry.create({ account_id: created.id, amount: 1 });
      }),
    ).toThrow(/Account: a row with id 3 was added to sheet "Accounts".*by someone else while this write ran/);
    expect(sheetRows('Accounts')).toEqual([['id', 'owner', 'balance'], [1, 'ann', 100], [2, 'bob', 50], [3, 'dan', 5]]);
    expect(sheetRows('Entries')).toEqual([['id', 'account_id', 'amount']]);
  });

  it("other rows added meanwhile, and a key the transaction freed itself, are fine", () => {
    seed();
    transaction(() => {
      Account.find(2)!.delete();
      Account.create({ id: 2, owner: 'bob again', balance: 0 });
      appendElsewhere([9, 'eve', 1]);
    });
    expect(sheetRows('Accounts')).toEqual([['id', 'owner', 'balance'], [1, 'ann', 100], [9, 'eve', 1], [2, 'bob again', 0]]);
  });
});

describe('one sheet reached two ways in one transaction', () => {
  it('a model pinned to the active spreadsheet by its id and an unpinned one share one table (no write lost)', () => {
    seed();
    const activeId = gas().SpreadsheetApp.getActiveSpreadsheet().getId();
    class PinnedAccount extends Model {
      static _table = 'Accounts';
      static _spreadsheetId = activeId;
    }
    transaction(() => {
      Account.create({ owner: 'cy', balance: 1 });
      PinnedAccount.create({ owner: 'dan', balance: 2 });
      Account.find(1)!.delete();
    });
    expect(sheetRows('Accounts')).toEqual([['id', 'owner', 'balance'], [2, 'bob', 50], [3, 'cy', 1], [4, 'dan', 2]]);
  });
});

describe('rows with a blank key cell inside a transaction', () => {
  it('query update and delete find them again by their cells, and refuse a row that changed', () => {
    seedSheets({ Accounts: [['id', 'owner', 'balance'], [1, 'ann', 100], ['', 'nobody', 0], ['', 'ghost', 0]], Entries: [['id', 'account_id', 'amount']] });
    expect(transaction(() => Account.where('owner', 'nobody').update({ balance: 5 }))).toBe(1);
    expect(transaction(() => Account.where('owner', 'ghost').delete())).toBe(1);
    expect(sheetRows('Accounts')).toEqual([['id', 'owner', 'balance'], [1, 'ann', 100], ['', 'nobody', 5]]);
    expect(() =>
      transaction(() => {
        const count = Account.where('owner', 'nobody').update({ balance: 6 });
        gas().run('person', () => gas().SpreadsheetApp.getActive().getSheetByName('Accounts')!.getRange(3, 2).setValue('somebody'));
        return count;
      }),
    ).toThrow(ModelNotFoundError);
    expect(sheetRows('Accounts')[2]).toEqual(['', 'somebody', 5]);
  });
});

it('refresh() in a transaction that rolls back leaves the model as before it, so no untouched cell turns dirty', () => {
  seedSheets({ Accounts: [['id', 'owner', 'balance', 'row'], [1, 'ann', 100, '=ROW()'], [2, 'bob', 50, '=ROW()']], Entries: [['id', 'account_id', 'amount']] });
  const bob = Account.find(2)!;
  gas().run('person', () => gas().SpreadsheetApp.getActive().getSheetByName('Accounts')!.insertRowsBefore(2, 1));
  expect(() =>
    transaction(() => {
      bob.balance = 5;
      bob.save();
      bob.refresh();
      throw new Error('cancel');
    }),
  ).toThrow('cancel');
  expect(bob.$dirty).toEqual({ balance: 5 });
  bob.save();
  expect(gas().sheetFormulas('Accounts')[3][3]).toBe('=ROW()');
  expect(sheetRows('Accounts')[3].slice(0, 3)).toEqual([2, 'bob', 5]);
});

describe('models after a transaction that rolls back', () => {
  class Writer extends Model {
    static override _table = 'Writers';
    declare id: number;
    notes() {
      return this.hasMany(Note, 'writer_id');
    }
  }
  class Note extends Model {
    static override _table = 'Notes';
    declare id: number;
    declare writer_id: number;
    declare body: string;
  }
  const seedNotes = () => seedSheets({ Writers: [['id'], [1]], Notes: [['id', 'writer_id', 'body'], [1, 1, 'first']] });
  const notesOf = (writer: Writer) => (writer as unknown as { notes: { all(): Note[] } }).notes.all();

  it('a relation load()ed inside it is put back, and a model read from a row it never wrote is unsaved', () => {
    seedNotes();
    const writer = Writer.findOrFail(1);
    writer.load('notes');
    let draft: Note | null = null;
    expect(() =>
      transaction(() => {
        writer.related('notes').create({ body: 'draft' });
        writer.load('notes');
        draft = Note.findOrFail(2);
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(notesOf(writer).map((note) => note.body)).toEqual(['first']);
    expect(draft!.$isPersisted).toBe(false);
    // Someone else takes key 2; the stale draft's save must not write over it.
    Note.create({ writer_id: 9, body: 'not yours' });
    draft!.body = 'edited draft';
    expect(() => draft!.save()).toThrow(DuplicateKeyError);
    expect(sheetRows('Notes')).toEqual([['id', 'writer_id', 'body'], [1, 1, 'first'], [2, 9, 'not yours']]);
  });

  it('a relation never loaded before is gone again', () => {
    seedNotes();
    const writer = Writer.findOrFail(1);
    expect(() =>
      transaction(() => {
        writer.load('notes');
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(typeof (writer as unknown as { notes: unknown }).notes).toBe('function');
  });

  it('a new model whose insert rolls back has only the attributes it was given', () => {
    seedNotes();
    const note = new Note().merge({ body: 'ok' });
    expect(() =>
      transaction(() => {
        note.save();
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(Object.keys(note)).toEqual(['body']);
    expect(note.$dirty).toEqual({ body: 'ok' });
    expect(note.toJSON()).toEqual({ body: 'ok' });
  });

  it("a value set after the insert, before the rollback, is the user's and stays", () => {
    seedNotes();
    const note = new Note().merge({ body: 'ok' });
    expect(() =>
      transaction(() => {
        note.save();
        note.writer_id = 1;
        note.save();
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(note.toJSON()).toEqual({ body: 'ok', writer_id: 1 });
    note.save();
    expect(sheetRows('Notes')[2]).toEqual([2, 1, 'ok']);
  });
});
