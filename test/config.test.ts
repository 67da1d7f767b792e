import { Model, configure, ValidationError } from '../src';
import { seedSheets, sheetRows, gas } from './support/seed';

class Post extends Model {
  static _table = 'Posts';
}

describe('configure()', () => {
  it('configure({}) makes sheetorm look sheets up again, after a script renamed one and made a new one of the name', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'last year']] });
    expect(Post.all()).toHaveLength(1);
    const book = gas().SpreadsheetApp.getActiveSpreadsheet();
    book.getSheetByName('Posts')!.setName('Posts 2023');
    book.insertSheet('Posts').getRange(1, 1, 1, 2).setValues([['id', 'title']]);
    configure({});
    Post.create({ title: 'this year' });
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'this year']]);
    expect(sheetRows('Posts 2023')).toEqual([['id', 'title'], [1, 'last year']]);
  });

  it('opens a spreadsheet by id', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'active']] });
    const other = gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'other']] }, { id: 'sheet-2', name: 'Other' });
    configure({ spreadsheetId: 'sheet-2' });
    expect(Post.find(1)!.toJSON().title).toBe('other');
    expect(gas().calls.count('SpreadsheetApp.openById')).toBe(1);
    expect(other.getId()).toBe('sheet-2');
  });

  it('spreadsheetId: null (or spreadsheet: null) goes back to the active spreadsheet', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'active']] });
    const other = gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'other']] }, { id: 'sheet-2', name: 'Other' });
    configure({ spreadsheetId: 'sheet-2' });
    expect(Post.find(1)!.toJSON().title).toBe('other');
    expect(configure({ spreadsheetId: null })).toMatchObject({ spreadsheet: null, spreadsheetId: null });
    expect(Post.find(1)!.toJSON().title).toBe('active');
    configure({ spreadsheet: other });
    expect(Post.find(1)!.toJSON().title).toBe('other');
    configure({ spreadsheet: null });
    expect(Post.find(1)!.toJSON().title).toBe('active');
  });

  it('spreadsheet and spreadsheetId together are refused: one would be ignored', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'active']] });
    gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'other']] }, { id: 'sheet-2', name: 'Other' });
    const active = gas().SpreadsheetApp.getActiveSpreadsheet();
    expect(() => configure({ spreadsheet: active, spreadsheetId: 'sheet-2' })).toThrow(/^configure\(\): give spreadsheet or spreadsheetId, not both.*"sheet-2" ignored/);
    expect(Post.find(1)!.toJSON().title).toBe('active');
    expect(configure({ spreadsheet: null, spreadsheetId: 'sheet-2' })).toMatchObject({ spreadsheet: null, spreadsheetId: 'sheet-2' });
    expect(Post.find(1)!.toJSON().title).toBe('other');
  });

  it('debug and sheetsApi take true or false only', () => {
    expect(() => configure({ sheetsApi: 'yes' as never })).toThrow('configure(): sheetsApi must be true or false (or null: detect the service), not "yes".');
    expect(() => configure({ debug: 5 as never })).toThrow(ValidationError);
    // null is sheetsApi's default (detect), and configure() takes back the settings it returns.
    expect(configure(configure({ sheetsApi: null }))).toMatchObject({ sheetsApi: null });
  });

  it('a wrong spreadsheet id is an error naming the id, where it came from and the model', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'active']] });
    configure({ spreadsheetId: 'no-such-id' });
    expect(() => Post.all()).toThrow(/^Post: could not open the spreadsheet with id "no-such-id" \(from configure\(\{ spreadsheetId \}\)\): .*Check the id/);
    configure({});
    class Audit extends Model {
      static _table = 'Audit';
      static _spreadsheetId = 'wrong-id-123';
    }
    expect(() => Audit.all()).toThrow(/^Audit: could not open the spreadsheet with id "wrong-id-123" \(from Audit\._spreadsheetId\)/);
  });

  it('a _spreadsheetId that is no id string is a ValidationError before any call, as in configure()', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'active']] });
    class Blank extends Model {
      static _table = 'Posts';
      static _spreadsheetId = '';
    }
    class Numbered extends Model {
      static _table = 'Posts';
      static _spreadsheetId = 123 as never;
    }
    gas().calls.reset();
    expect(() => Blank.count()).toThrow("Blank._spreadsheetId must be the id string from the spreadsheet's URL (or null for the configured spreadsheet), not \"\".");
    expect(() => Numbered.create({ title: 'x' })).toThrow(/^Numbered\._spreadsheetId must be the id string .*, not 123\.$/);
    expect(gas().calls.all()).toEqual([]);
  });

  it('uses a given spreadsheet object', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'active']] });
    const other = gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'given']] }, { id: 'sheet-3' });
    configure({ spreadsheet: other });
    Post.create({ title: 'new' });
    expect(sheetRows('Posts', 'sheet-3')).toEqual([['id', 'title'], [1, 'given'], [2, 'new']]);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'active']]);
  });

  it('lets a model pin its own spreadsheet', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'active']] });
    gas().addSpreadsheet({ Archive: [['id', 'title'], [1, 'archived']] }, { id: 'archive-id' });
    class Archived extends Model {
      static _table = 'Archive';
      static _spreadsheetId = 'archive-id';
    }
    expect(Archived.all().pluck('title').all()).toEqual(['archived']);
    expect(Post.all().pluck('title').all()).toEqual(['active']);
  });

  it('reuses spreadsheet and sheet handles within an execution', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    Post.all();
    Post.all();
    Post.find(1);
    expect(gas().calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(gas().calls.count('Spreadsheet.getSheetByName')).toBe(1);
  });

  it('reuses one Lock object for the writes of an execution, taking and releasing it each time', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    Post.create({ title: 'b' });
    Post.find(1)!.merge({ title: 'A' }).save();
    configure({ lock: 'document' });
    Post.create({ title: 'c' });
    Post.create({ title: 'd' });
    const calls = gas().calls;
    expect([calls.count('LockService.getScriptLock'), calls.count('LockService.getDocumentLock')]).toEqual([1, 1]);
    expect([calls.count('Lock.tryLock'), calls.count('Lock.releaseLock')]).toEqual([4, 4]);
    // Another execution finds the lock free after each write.
    gas().run('other', () => expect(gas().LockService.getScriptLock().tryLock(0)).toBe(true));
  });

  it('rejects unknown or malformed options', () => {
    expect(() => configure({ lok: 'script' } as never)).toThrow(/unknown option "lok"/);
    expect(() => configure({ lock: 'global' as never })).toThrow(ValidationError);
    expect(() => configure({ lockTimeoutMs: -1 })).toThrow(/lockTimeoutMs/);
    // A number given as text is shown as text, so the message does not seem to refuse the number.
    expect(() => configure({ lockTimeoutMs: '5000' as never })).toThrow('configure(): lockTimeoutMs must be a whole number of milliseconds ≥ 0, not "5000".');
    for (const bad of [Infinity, 1.5, -1]) expect(() => configure({ lockTimeoutMs: bad })).toThrow(/lockTimeoutMs must be a whole number/);
    expect(() => configure({ retries: '2' as never })).toThrow('retries must be a whole number ≥ 0, not "2".');
    expect(() => configure(null as never)).toThrow("configure(): expected an object of options such as { spreadsheetId: '…', lock: 'script' }, got null.");
    expect(() => configure('abc' as never)).toThrow(ValidationError);
  });

  it('loading a model class makes no service call', () => {
    seedSheets({ Posts: [['id']] });
    class Lazy extends Model {
      static _table = 'Posts';
    }
    expect(Lazy.query()).toBeDefined();
    expect(gas().calls.count()).toBe(0);
  });

  it('waits up to 10 seconds for the lock by default; lockTimeoutMs 0 tries once', () => {
    seedSheets({ Posts: [['id', 'title']] });
    const timeouts = () => gas().calls.all().filter((call) => call.method === 'Lock.tryLock').map((call) => call.args[0]);
    Post.create({ title: 'a' });
    expect(timeouts()).toEqual([10000]);
    gas().calls.reset();
    expect(configure({ lockTimeoutMs: 0 }).lockTimeoutMs).toBe(0);
    Post.create({ title: 'b' });
    expect(timeouts()).toEqual([0]);
  });

  it('an option given as undefined keeps its value', () => {
    seedSheets({ Posts: [['id', 'title']] });
    configure({ lock: 'document', lockTimeoutMs: 500 });
    expect(configure({ lock: undefined, lockTimeoutMs: undefined, retries: undefined })).toMatchObject({ lock: 'document', lockTimeoutMs: 500, retries: 3 });
    Post.create({ title: 'a' });
    expect(gas().calls.count('LockService.getDocumentLock')).toBe(1);
    expect(gas().calls.all().filter((call) => call.method === 'Lock.tryLock').map((call) => call.args[0])).toEqual([500]);
  });

  it('a spreadsheet given after an id (or an id after a spreadsheet) replaces it, and configure() takes back what it returns', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'active']] });
    const given = gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'given']] }, { id: 'sheet-3' });
    gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'by id']] }, { id: 'sheet-2' });
    configure({ spreadsheetId: 'sheet-2' });
    const withObject = configure({ spreadsheet: given });
    expect(withObject).toMatchObject({ spreadsheet: given, spreadsheetId: null });
    expect(Post.find(1)!.toJSON().title).toBe('given');
    expect(() => configure(withObject)).not.toThrow();
    const withId = configure({ spreadsheetId: 'sheet-2' });
    expect(withId).toMatchObject({ spreadsheet: null, spreadsheetId: 'sheet-2' });
    expect(Post.find(1)!.toJSON().title).toBe('by id');
  });

  it('hands out a copy of the settings: changing it changes nothing', () => {
    seedSheets({ Posts: [['id', 'title']] });
    const settings = configure({});
    settings.lock = false;
    Post.create({ title: 'a' });
    expect(gas().calls.count('Lock.tryLock')).toBe(1);
    expect(configure({}).lock).toBe('script');
  });

  it('refuses, before any call, a blank id, an object that is no spreadsheet or lock, and a fractional retry count', () => {
    seedSheets({ Posts: [['id', 'title']] });
    const sheet = gas().active.getSheetByName('Posts');
    gas().calls.reset();
    expect(() => configure({ spreadsheetId: '   ' })).toThrow(`configure(): spreadsheetId must be the id string from the spreadsheet's URL, not "   ".`);
    // A Sheet (one tab) is a common slip for the Spreadsheet.
    expect(() => configure({ spreadsheet: sheet as never })).toThrow(/^configure\(\): spreadsheet must be a Spreadsheet/);
    expect(() => configure({ spreadsheet: {} as never })).toThrow(ValidationError);
    expect(() => configure({ lock: {} as never })).toThrow("configure(): lock must be a Lock (e.g. LockService.getScriptLock()), 'script', 'document' or false.");
    expect(() => configure({ retries: 1.5 })).toThrow('configure(): retries must be a whole number ≥ 0, not 1.5.');
    expect(() => configure({ retries: Infinity })).toThrow('configure(): retries must be a whole number ≥ 0, not Infinity.');
    expect(gas().calls.all()).toEqual([]);
    expect(configure({ retries: 0 }).retries).toBe(0);
  });
});

describe('a Spreadsheet test double without getSpreadsheetTimeZone (a user\'s own fake)', () => {
  it('compares date text in UTC where the script has no zone to tell either, instead of failing', () => {
    seedSheets({ Posts: [['id', 'published'], [1, new Date(Date.UTC(2024, 0, 1))], [2, new Date(Date.UTC(2024, 0, 2))]] });
    const real = gas().active;
    const double = {
      getSheetByName: (name: string) => real.getSheetByName(name),
      getName: () => real.getName(),
      getId: () => real.getId(),
      getSheets: () => real.getSheets(),
    };
    configure({ spreadsheet: double as never });
    expect(Post.where('published', '2024-01-02').pluck('id').all()).toEqual([2]);
    expect(Post.all().groupBy('published')).toHaveProperty(['2024-01-01']);
  });
});
