import { Model } from '../../src';
import { createAppsScript, AppsScriptEnv } from '../../src/testing';
import { resetConfig } from '../../src/config';
import { mayShowDate } from '../../src/storage/sheetsApi/dateText';

class Post extends Model {
  static _table = 'Posts';
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}
class Tag extends Model {
  static _table = 'Tags';
}

type Sheets = Record<string, unknown[][]>;

const plainText = (): Sheets => ({
  Posts: [['id', 'title', 'draft'], [1, 'First Post', false], [2, 'Second Post', true]],
  Tags: [['id', 'name'], [1, 'news'], [2, 'tech']],
  PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 2]],
});

function run<T>(sheetsApi: boolean, sheets: Sheets, script: (env: AppsScriptEnv) => T): { result: string; env: AppsScriptEnv } {
  const env = createAppsScript({ sheetsApi, timeZone: 'Europe/Paris', sheets });
  const uninstall = env.install();
  resetConfig();
  try {
    return { result: JSON.stringify(script(env)), env };
  } finally {
    uninstall();
    resetConfig();
  }
}

/** The API path's result, after checking it equals SpreadsheetApp's. */
function bothPaths(sheets: () => Sheets, script: (env: AppsScriptEnv) => unknown): { result: string; env: AppsScriptEnv } {
  const plain = run(false, sheets(), script);
  const api = run(true, sheets(), script);
  expect(api.result).toEqual(plain.result);
  return api;
}

const eagerLoad = () => Post.with('tags').orderBy('id').get().toJSON();

describe('telling dates apart on the Sheets API path', () => {
  it('sheets whose text could not show a date are read in one batchGet', () => {
    const { env, result } = bothPaths(plainText, eagerLoad);
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
    expect(env.calls.count('Range.getValues')).toBe(0);
    expect(env.calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
    expect(JSON.parse(result)[0].tags.map((tag: { name: string }) => tag.name)).toEqual(['news', 'tech']);
  });

  it.each([
    ['where(q => q.whereHas(...))', () => Post.where((q) => q.whereHas('tags', (t) => t.where('name', 'tech'))).pluck('id').all()],
    ['orWhere(q => q.has(...))', () => Post.where('id', 9).orWhere((q) => q.has('tags', '>=', 2)).pluck('id').all()],
    ['whereNot(q => q.where(...).whereHas(...))', () => Post.whereNot((q) => q.where('id', 1).whereHas('tags')).pluck('id').all()],
  ])('has/whereHas inside a group join the one batchGet: %s', (_, query) => {
    const { env } = bothPaths(plainText, query);
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
    expect(env.calls.count('Range.getValues')).toBe(0);
  });

  it("text that only might show a date is read again but asks for no time zone", () => {
    const digits = () => ({ ...plainText(), Tags: [['id', 'name'], [1, 'web 2'], [2, 'tech']] });
    const { env } = bothPaths(digits, eagerLoad);
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(2);
    expect(env.calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
  });

  it('only the sheets whose text could show a date are read again, as serial numbers', () => {
    const withDates = () => ({ ...plainText(), Posts: [['id', 'title', 'published'], [1, 'First Post', new Date(Date.UTC(2024, 2, 10, 6, 30))], [2, 'Second Post', '']] });
    const { env, result } = bothPaths(withDates, eagerLoad);
    const reads = env.calls.all().filter((call) => call.method === 'Sheets.Spreadsheets.Values.batchGet');
    expect(reads.map((call) => (call.args[1] as { ranges: string[]; dateTimeRenderOption: string }).ranges)).toEqual([["'Posts'", "'Tags'", "'PostTag'"], ["'Posts'"]]);
    expect(reads.map((call) => (call.args[1] as { dateTimeRenderOption: string }).dateTimeRenderOption)).toEqual(['FORMATTED_STRING', 'SERIAL_NUMBER']);
    expect(JSON.parse(result)[0].published).toBe('2024-03-10T06:30:00.000Z');
  });

  it.each(['mmmm', 'mmmmm', 'mmm', 'dddd', 'ddd', 'am/pm', 'A/P', '[h]', 'yyyy', 'mmmmm.', '(mmmmm)', 'a/p.', 'dddd"s"', '"FY"mmm'])('a date cell formatted "%s" still reads as a Date', (format) => {
    const dated = () => ({ ...plainText(), Posts: [['id', 'title', 'published'], [1, 'First Post', new Date(Date.UTC(2024, 5, 3, 15, 4))], [2, 'Second Post', '']] });
    const { result } = bothPaths(dated, (env) => {
      env.SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange('C2').setNumberFormat(format);
      return eagerLoad();
    });
    expect(JSON.parse(result)[0].published).toBe('2024-06-03T15:04:00.000Z');
  });

  it('dates before the year 1 read as the same instants on both paths', () => {
    const ancient = () => ({ ...plainText(), Posts: [['id', 'title', 'published'], [1, 'First Post', new Date('-000050-06-01T00:00:00Z')], [2, 'Second Post', new Date('0001-01-01T00:00:00Z')]] });
    const { result } = bothPaths(ancient, eagerLoad);
    expect(JSON.parse(result).map((post: { published: string }) => post.published)).toEqual(['-000050-06-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z']);
  });

  it('text that looks like a date stays text', () => {
    const text = () => ({ ...plainText(), Tags: [['id', 'name'], [1, '2024-03-10'], [2, 'June']] });
    const { result } = bothPaths(text, eagerLoad);
    expect(JSON.parse(result)[0].tags.map((tag: { name: string }) => tag.name)).toEqual(['2024-03-10', 'June']);
  });

  it.each([
    ['a blank cell amid others', 'B3', ''],
    ['a text cell', 'C3', 'pending'],
  ])('%s that becomes a number between the two batchGets is read again, never taken as a date', (_, cell, before) => {
    const sheets = () => ({ ...plainText(), Posts: [['id', 'score', 'title'], [1, 45000, 'Post 1'], cell === 'B3' ? [2, before, 'Post 2'] : [2, 7, before]] });
    run(true, sheets(), (env) => {
      let reads = 0;
      env.beforeCall((call) => {
        if (call.execution === 'main' && call.method === 'Sheets.Spreadsheets.Values.batchGet' && ++reads === 2) {
          env.run('B', () => env.SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange(cell).setValue(42));
        }
      });
      const second = Post.with('tags').orderBy('id').get().all()[1] as unknown as { title: unknown; score: unknown };
      expect(cell === 'B3' ? second.score : second.title).toBe(42);
      expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(4);
      return null;
    });
  });

  it('a cell that becomes a date between the two batchGets is read again, never mixed', () => {
    const withDates = () => ({ ...plainText(), Posts: [['id', 'title', 'score'], [1, 'Post 1', 45000], [2, 'Post 2', 7]] });
    const { env } = run(true, withDates(), (env) => {
      let reads = 0;
      env.beforeCall((call) => {
        if (call.execution === 'main' && call.method === 'Sheets.Spreadsheets.Values.batchGet' && ++reads === 2) {
          env.run('B', () => env.SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange('C2').setValue(new Date(Date.UTC(2030, 0, 1))));
        }
      });
      const scores = Post.with('tags').orderBy('id').get().all().map((post) => (post as unknown as { score: unknown }).score);
      expect(scores[0]).toEqual(new Date(Date.UTC(2030, 0, 1)));
      expect(scores[1]).toBe(7);
      return null;
    });
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(4);
  });
});

describe('mayShowDate', () => {
  it.each(['3/10/2024', '06:30', 'June', 'Jun', 'Monday', 'Tue', 'J', 'D', 'a', 'P', 'PM', 'J.', '(J)', 'p.', 'Sept 3'])('"%s" may be a date', (text) => {
    expect(mayShowDate(text)).toBe(true);
  });
  // A format's quoted text may touch a name: dddd"s" shows Mondays, "FY"mmm FYJan.
  it.each(['Mondays', 'Sundays', 'FYJan', 'QMar', 'MonJan', 'Januaryish'])('"%s" may be a date, with quoted text around a name', (text) => {
    expect(mayShowDate(text)).toBe(true);
  });
  it.each(['news', 'First Post', 'Marketing', 'Salmon', 'Junior', 'Decide', 'Mark', 'Janet', 'Maria', 'Ann', 'x', '', 'may', 'I am here', 'sun', 'Japan', 'Pamela'])('"%s" cannot be', (text) => {
    expect(mayShowDate(text)).toBe(false);
  });
});
