import { Model, configure } from '../../src';
import { cleanup, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}
class Tag extends Model {
  static _table = 'Tags';
}

// What Apps Script throws when the advanced service is on but its API is off in the Cloud project.
const disabled = (method: string) =>
  `GoogleJsonResponseException: API call to sheets.${method} failed with error: Google Sheets API has not been used in project 123456 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123456 then retry.`;

const seed = () =>
  seedSheets(
    {
      Posts: [['id', 'title', 'total'], [1, 'First', '=1+1'], [2, 'Second', '=2+2'], [3, 'Third', ''], [4, 'Fourth', '']],
      Tags: [['id', 'name'], [1, 'news'], [2, 'tech']],
      PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [3, 2]],
    },
    { sheetsApi: true },
  );

afterEach(cleanup);

const refuse = (env: ReturnType<typeof seed>, method: string, message: string) =>
  env.beforeCall((call) => {
    if (call.method === method) throw new Error(message);
  });

it('reads through SpreadsheetApp when the API is off, and stops asking it for the rest of the execution', () => {
  const env = seed();
  refuse(env, 'Sheets.Spreadsheets.Values.batchGet', disabled('spreadsheets.values.batchGet'));
  const posts = Post.with('tags').get();
  const names = posts.toJSON().map((post) => (post.tags as Array<{ name: string }>).map((tag) => tag.name));
  expect(names).toEqual([['news', 'tech'], [], ['tech'], []]);
  expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
  expect(env.calls.count('Range.getValues')).toBe(3);
  expect(Logger.getLog()).toMatch(/Sheets advanced service failed \(.*has not been used in project 123456.*\); this execution reads and writes through SpreadsheetApp/);

  env.calls.reset();
  Post.with('tags').get();
  Post.whereIn('id', [1, 3]).update({ title: 'Edited' });
  expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(0);
  expect(env.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(0);
  expect(sheetRows('Posts').map((row) => row[1])).toEqual(['title', 'Edited', 'Second', 'Edited', 'Fourth']);
});

it('reads through SpreadsheetApp whatever the API read fails with, for a minute, then tries the API again', () => {
  const env = seed();
  configure({ retries: 0 });
  const stop = refuse(env, 'Sheets.Spreadsheets.Values.batchGet', 'GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: Internal error encountered.');
  expect(Post.with('tags').get().count()).toBe(4);
  expect(env.calls.count('Range.getValues')).toBe(3);
  stop();
  env.calls.reset();
  expect(Post.with('tags').get().count()).toBe(4);
  expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(0);
  const now = Date.now();
  const later = jest.spyOn(Date, 'now').mockReturnValue(now + 61000);
  try {
    env.calls.reset();
    expect(Post.with('tags').get().count()).toBe(4);
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
    expect(env.calls.count('Range.getValues')).toBe(0);
  } finally {
    later.mockRestore();
  }
  expect(Logger.getLog()).not.toMatch(/Sheets advanced service failed/);
});

it('asks no other spreadsheet once the API is found off', () => {
  class Audit extends Model {
    static _table = 'Audits';
    static _spreadsheetId = 'audit-book';
  }
  class Logged extends Model {
    static _table = 'Posts';
    audits() {
      return this.hasMany(Audit, 'post_id');
    }
    notes() {
      return this.hasMany(Note, 'post_id');
    }
    tags() {
      return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
    }
  }
  class Note extends Model {
    static _table = 'Notes';
    static _spreadsheetId = 'audit-book';
  }
  const env = seed();
  env.addSpreadsheet({ Audits: [['id', 'post_id'], [1, 1]], Notes: [['id', 'post_id'], [1, 3]] }, { id: 'audit-book', name: 'Audit' });
  refuse(env, 'Sheets.Spreadsheets.Values.batchGet', disabled('spreadsheets.values.batchGet'));
  const posts = Logged.with('tags', 'audits', 'notes').get().toJSON();
  expect(posts.map((post) => [(post.audits as unknown[]).length, (post.notes as unknown[]).length])).toEqual([[1, 0], [0, 0], [0, 1], [0, 0]]);
  // One refused batch for the first spreadsheet; the audit book's two sheets are read one by one.
  expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
  expect(env.calls.count('Range.getValues')).toBe(5);
});

it('writes scattered cells through SpreadsheetApp when the API refuses the batch as off, keeping the formulas it did not change', () => {
  const env = seed();
  refuse(env, 'Sheets.Spreadsheets.Values.batchUpdate', disabled('spreadsheets.values.batchUpdate'));
  Post.whereIn('id', [1, 3]).update({ title: 'Edited' });
  expect(env.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(1);
  expect(env.calls.count('RangeList.setValue')).toBe(1);
  expect(sheetRows('Posts').map((row) => row[1])).toEqual(['title', 'Edited', 'Second', 'Edited', 'Fourth']);
  expect(env.active.getSheetByName('Posts')!.getRange('C2:C3').getFormulas()).toEqual([['=1+1'], ['=2+2']]);

  env.calls.reset();
  Post.whereIn('id', [2, 4]).delete();
  expect(env.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(0);
  expect(env.calls.count('Sheet.deleteRows')).toBe(2);
  expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 1, 3]);
});

it('deletes with deleteRows when the API refuses the deletions as off', () => {
  const env = seed();
  refuse(env, 'Sheets.Spreadsheets.batchUpdate', disabled('spreadsheets.batchUpdate'));
  Post.whereIn('id', [1, 3]).delete();
  expect(env.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
  expect(env.calls.count('Sheet.deleteRows')).toBe(2);
  expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 2, 4]);
});

it('still fails a write the API may have made (it is never sent twice nor redone another way)', () => {
  const env = seed();
  refuse(env, 'Sheets.Spreadsheets.batchUpdate', 'GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: Internal error encountered.');
  expect(() => Post.whereIn('id', [1, 3]).delete()).toThrow(/Internal error encountered/);
  expect(env.calls.count('Sheet.deleteRows')).toBe(0);
  expect(sheetRows('Posts')).toHaveLength(5);
});

it('takes a Sheets object without the three calls sheetorm makes (a partial test double) for no service', () => {
  const env = seed();
  const global = globalThis as { Sheets?: unknown };
  const installed = global.Sheets;
  global.Sheets = { Spreadsheets: { Values: { get: () => ({ values: [] }) } } };
  try {
    env.calls.reset();
    expect(Post.with('tags').get().pluck('id').all()).toEqual([1, 2, 3, 4]);
    expect(env.calls.count('Range.getValues')).toBe(3);
    expect(() => configure({ sheetsApi: true })).toThrow(/configure\({ sheetsApi: true }\): the Sheets advanced service is not enabled/);
  } finally {
    global.Sheets = installed;
  }
});
