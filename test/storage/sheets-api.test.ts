import { Model, ValidationError, configure, session, transaction } from '../../src';
import { createAppsScript, AppsScriptEnv, sheetsApiError } from '../../src/testing';
import { resetConfig } from '../../src/config';

class Post extends Model {
  static _table = 'Posts';
  tags() {
    return this.manyToMany(Tag, 'Post Tags', 'post_id', 'tag_id');
  }
  author() {
    return this.belongsTo(User, 'user_id');
  }
}
class Tag extends Model {
  static _table = 'Tags';
}
class User extends Model {
  static _table = 'Users';
  posts() {
    return this.hasMany(Post, 'user_id');
  }
}

const seed = () => ({
  Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
  Posts: [
    ['id', 'title', 'user_id', 'published', 'score', 'flag', 'code'],
    [1, 'First', 1, new Date(Date.UTC(2024, 2, 10, 6, 30)), 1.5, true, '00123'],
    [2, 'Second', 2, '', 2, false, ''],
    [3, 'Third', 1, new Date(Date.UTC(2024, 10, 3, 5, 59)), '', '', 'TRUE'],
    ['', '', '', '', '', '', ''],
    [5, 'Fifth', 2, '', 7, '', ''],
  ],
  Tags: [['id', 'name'], [1, 'JavaScript'], [2, 'Tutorial'], [3, 'News']],
  'Post Tags': [['post_id', 'tag_id', 'note'], [1, 1, 'a'], [1, 2, ''], [2, 2, 'b'], [3, 3, ''], [5, 1, ''], [5, 3, 'c']],
});

function withEnv<T>(sheetsApi: boolean, fn: (env: AppsScriptEnv) => T): T {
  const env = createAppsScript({ sheetsApi, timeZone: 'America/New_York', sheets: seed() });
  const uninstall = env.install();
  resetConfig();
  try {
    return fn(env);
  } finally {
    uninstall();
    resetConfig();
  }
}

/** Runs the same script with and without the advanced service; both must see and write the same. */
function bothPaths<T>(script: (env: AppsScriptEnv) => T) {
  const run = (api: boolean) =>
    withEnv(api, (env) => {
      const result = JSON.stringify(script(env));
      return { result, sheets: ['Users', 'Posts', 'Tags', 'Post Tags'].map((name) => env.sheetValues(name)), calls: env.calls.byMethod() };
    });
  const plain = run(false);
  const api = run(true);
  expect(api.result).toEqual(plain.result);
  expect(api.sheets).toEqual(plain.sheets);
  return { plain, api };
}

describe('the Sheets advanced service path', () => {
  it('reads every sheet of an eager load in one batch, with identical results (dates, ragged rows, text)', () => {
    const { api, plain } = bothPaths(() => Post.with('tags', 'author').orderBy('id').get().toJSON());
    expect(api.calls['Sheets.Spreadsheets.Values.batchGet']).toBe(2); // values, then the serial numbers of sheets whose text may show dates
    expect(api.calls['Range.getValues']).toBeUndefined();
    expect(api.calls['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(plain.calls['Range.getValues']).toBe(4);
    expect(JSON.parse(api.result)[0].published).toBe('2024-03-10T06:30:00.000Z');
    expect(JSON.parse(api.result)[0].code).toBe('00123');
  });

  it('nested loads, whereHas and withCount match too', () => {
    const { api } = bothPaths(() => ({
      users: User.with('posts.tags').get().toJSON(),
      tagged: Post.whereHas('tags', (q) => q.where('name', 'News')).pluck('id').all(),
      counts: Post.withCount('tags').get().map((p) => p.$extras.tags_count).all(),
    }));
    expect(api.calls['Range.getValues']).toBeUndefined();
  });

  it('writes scattered updates in one Values.batchUpdate and scattered deletions in one batchUpdate', () => {
    const { api, plain } = bothPaths(() => {
      Post.whereIn('id', [1, 3, 5]).update({ title: 'Edited' });
      Post.whereIn('id', [1, 3]).delete();
      return Post.all().pluck('title').all();
    });
    expect(api.calls['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
    expect(api.calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(api.calls['Range.setValues']).toBeUndefined();
    expect(api.calls['Sheet.deleteRows']).toBeUndefined();
    // Without the API, three cells getting one value take one RangeList write.
    expect(plain.calls['Range.setValues']).toBeUndefined();
    expect([plain.calls['Sheet.getRangeList'], plain.calls['RangeList.setValue']]).toEqual([1, 1]);
    expect(plain.calls['Sheet.deleteRows']).toBe(2);
  });

  it('flushes SpreadsheetApp writes before an API write to the same sheet (a deletion after one changed block)', () => {
    const order = withEnv(true, (env) => {
      env.calls.reset();
      transaction(() => {
        Post.where('id', 2).update({ title: 'Edited' });
        Post.whereIn('id', [1, 5]).delete();
      });
      return env.calls
        .all()
        .map((call) => call.method)
        .filter((method) => /setValues|flush|Spreadsheets\.batchUpdate/.test(method));
    });
    expect(order).toEqual(['Range.setValues', 'SpreadsheetApp.flush', 'Sheets.Spreadsheets.batchUpdate', 'SpreadsheetApp.flush']);
  });

  it('keeps Dates and strings Sheets would parse exactly, as SpreadsheetApp does', () => {
    bothPaths(() => {
      Post.whereIn('id', [1, 5]).update({ code: '=1+1', flag: 'FALSE' });
      Post.whereIn('id', [2, 3]).update({ published: new Date(Date.UTC(2025, 0, 1, 12)) });
      return Post.all().toJSON();
    });
  });

  it('writes new Dates with setValues, even over cells that show dates, and the other blocks in the one Values.batchUpdate', () => {
    // A bare serial number through the API would show as a number where the cell's format is
    // automatic (a formula's date replaced); setValues formats the cell.
    const { api, plain } = bothPaths(() => {
      transaction(() => {
        Post.findOrFail(1).merge({ published: new Date(Date.UTC(2024, 10, 3, 12, 30)), title: 'One' }).save();
        Post.findOrFail(3).merge({ published: new Date(Date.UTC(2025, 2, 9, 5)) }).save();
        Post.findOrFail(2).merge({ score: 3 }).save();
        Post.findOrFail(5).merge({ score: 8 }).save();
      });
      return Post.all().toJSON();
    });
    expect(api.calls['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
    expect(api.calls['Range.setValues']).toBe(2);
    expect(plain.calls['Range.setValues']).toBe(5);
  });

  it('creates, syncs and transacts identically', () => {
    bothPaths(() => {
      transaction(() => {
        const post = Post.create({ title: 'New', user_id: 2 });
        post.related('tags').sync({ 1: { note: 'x' }, 3: {} });
        Post.find(2)!.related('tags').sync([1]);
      });
      return session(() => Post.with('tags').get().toJSON());
    });
  });

  it('names a missing sheet as SpreadsheetApp would', () => {
    withEnv(true, () => {
      class Ghost extends Model {
        static _table = 'Ghosts';
        posts() {
          return this.hasMany(Post, 'ghost_id');
        }
      }
      expect(() => Ghost.with('posts').get()).toThrow(/no sheet "Ghosts"/);
    });
  });

  it('a batch refused for a missing sheet leaves the next batch read to the API', () => {
    withEnv(true, (env) => {
      class Haunted extends Model {
        static _table = 'Users';
        ghosts() {
          return this.hasMany(Ghostly, 'user_id');
        }
      }
      class Ghostly extends Model {
        static _table = 'Ghosts';
      }
      expect(() => Haunted.with('ghosts').get()).toThrow(/no sheet "Ghosts"/);
      env.calls.reset();
      expect(Post.with('tags').get().count()).toBe(4);
      // Its text may show dates: the sheets are read as text, then as serial numbers.
      expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(2);
      expect(env.calls.count('Range.getValues')).toBe(0);
    });
  });

  it('can be turned off, or required', () => {
    withEnv(true, (env) => {
      configure({ sheetsApi: false });
      Post.with('tags').get();
      expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(0);
    });
    withEnv(false, (env) => {
      // Refused by configure() itself, before any read or write finds out.
      expect(() => configure({ sheetsApi: true })).toThrow(ValidationError);
      expect(() => configure({ sheetsApi: true })).toThrow(/^configure\(\{ sheetsApi: true \}\): the Sheets advanced service is not enabled/);
      expect(configure().sheetsApi).toBe(null);
      expect(env.calls.count()).toBe(0);
    });
  });
});

it('reads through SpreadsheetApp at once when the API refuses a batch read for quota (no wait under the lock)', () => {
  withEnv(true, (env) => {
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.Values.batchGet') {
        throw new Error("GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'");
      }
    });
    const started = env.clock.now();
    expect(Post.with('tags').get().count()).toBe(4);
    expect(env.clock.now() - started).toBe(0);
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
    expect(env.calls.count('Range.getValues')).toBe(3);
    expect(env.Logger.getLog()).not.toMatch(/batchGet failed/);
  });
  // Said in the debug log, which would otherwise show the refused call like any other.
  withEnv(true, (env) => {
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.Values.batchGet') throw new Error("Quota exceeded for quota metric 'Read requests'");
    });
    configure({ debug: true });
    Post.with('tags').get();
    expect(env.Logger.getLog()).toMatch(/\[sheetorm\] Sheets\.Values\.batchGet failed \(.*Quota exceeded.*\); reads go through SpreadsheetApp for a minute\./);
  });
});

it('after a batch read fails past its retries, reads use SpreadsheetApp for a minute rather than wait through them again', () => {
  withEnv(true, (env) => {
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.Values.batchGet') throw sheetsApiError('spreadsheets.values.batchGet', 500, 'Internal error encountered.');
    });
    expect(Post.with('tags').get().count()).toBe(4);
    const attempts = env.calls.count('Sheets.Spreadsheets.Values.batchGet');
    expect(attempts).toBe(4);
    const slept = env.clock.now();
    expect(Post.with('tags').get().count()).toBe(4);
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(attempts);
    expect(env.clock.now()).toBe(slept);
    expect(env.calls.count('Range.getValues')).toBe(6);
  });
});

it('deletes through SpreadsheetApp when the API refuses the deletions for quota, and never sends a failed deletion twice', () => {
  const quota = "GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'";
  withEnv(true, (env) => {
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.batchUpdate') throw new Error(quota);
    });
    const started = env.clock.now();
    Post.whereIn('id', [1, 3]).delete();
    expect(env.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(env.calls.count('Sheet.deleteRows')).toBe(2);
    expect(env.clock.now() - started).toBe(0);
    expect(env.sheetValues('Posts').map((row) => row[0])).toEqual(['id', 2, '', 5]);
  });
  withEnv(true, (env) => {
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.batchUpdate') throw new Error('Service timed out: Spreadsheets');
    });
    expect(() => Post.whereIn('id', [1, 3]).delete()).toThrow(/timed out/);
    expect(env.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(env.calls.count('Sheet.deleteRows')).toBe(0);
  });
  // Scattered cells are sent once too: a retry after a pause could reach rows a person moved.
  withEnv(true, (env) => {
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.Values.batchUpdate') throw new Error('Service timed out: Spreadsheets');
    });
    expect(() => Post.whereIn('id', [1, 3]).update({ title: 'edited' })).toThrow(/timed out/);
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(1);
    expect(env.calls.count('Utilities.sleep')).toBe(0);
  });
});

it("takes the API's other quota refusals (RESOURCE_EXHAUSTED, HTTP 429) and a request over its size limit as refused unread, and pauses its writes for a minute after a quota refusal", () => {
  const refusals = [
    sheetsApiError('spreadsheets.values.batchUpdate', 429, 'Resource has been exhausted (e.g. check quota).'),
    sheetsApiError('spreadsheets.values.batchUpdate', 429, 'Too many requests'),
    sheetsApiError('spreadsheets.values.batchUpdate', 400, 'Request payload size exceeds the limit: 10485760 bytes.'),
  ];
  for (const refusal of refusals) {
    withEnv(true, (env) => {
      env.beforeCall((call) => {
        if (call.method === 'Sheets.Spreadsheets.Values.batchUpdate') throw refusal;
      });
      Post.whereIn('id', [1, 3]).update({ title: 'edited' });
      expect(env.sheetValues('Posts').map((row) => row[1])).toEqual(['title', 'edited', 'Second', 'edited', '', 'Fifth']);
      expect([env.calls.count('Sheets.Spreadsheets.Values.batchUpdate'), env.calls.count('RangeList.setValue'), env.calls.count('Utilities.sleep')]).toEqual([1, 1, 0]);
      // After a quota refusal the next writes go straight to SpreadsheetApp; a request too big says nothing of the next.
      env.calls.reset();
      Post.whereIn('id', [2, 5]).update({ title: 'again' });
      Post.whereIn('id', [2, 5]).delete();
      const quota = refusal.details.code === 429;
      expect(env.calls.count('Sheets.Spreadsheets.Values.batchUpdate') + env.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(quota ? 0 : 2);
      expect(env.sheetValues('Posts').map((row) => row[0])).toEqual(['id', 1, 3]);
    });
  }
});

it('a fallback that fails part-way takes back the calls it made, and flushes its values before API deletions', () => {
  const quota = "Quota exceeded for quota metric 'Write requests'";
  const script = () =>
    transaction(() => {
      Post.whereIn('id', [1, 3]).update({ title: 'edited' });
      Post.whereIn('id', [2, 5]).delete();
    });
  withEnv(true, (env) => {
    // Too big for one request (which, unlike a quota refusal, leaves the API to the deletions).
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.Values.batchUpdate') throw new Error('Request payload size exceeds the limit: 10485760 bytes.');
    });
    script();
    // The two blocks hold one value: one RangeList call, as without the API.
    const order = env.calls.all().map((call) => call.method).filter((method) => /setValue|flush|batchUpdate/.test(method));
    expect(order).toEqual(['Sheets.Spreadsheets.Values.batchUpdate', 'RangeList.setValue', 'SpreadsheetApp.flush', 'Sheets.Spreadsheets.batchUpdate', 'SpreadsheetApp.flush']);
  });
  withEnv(true, (env) => {
    let setValues = 0;
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.Values.batchUpdate') throw new Error(quota);
      if (call.method === 'Range.setValues' && ++setValues === 2) throw new Error('You do not have permission to edit this range.');
    });
    const twoValues = () =>
      transaction(() => {
        Post.findOrFail(1).merge({ title: 'one' }).save();
        Post.findOrFail(3).merge({ title: 'three' }).save();
        Post.whereIn('id', [2, 5]).delete();
      });
    expect(twoValues).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
    expect(env.sheetValues('Posts')).toEqual(seed().Posts);
  });
});

it('writes scattered cells through SpreadsheetApp when the API refuses them for quota', () => {
  withEnv(true, (env) => {
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.Values.batchUpdate') throw new Error('Quota exceeded for quota metric \'Write requests\'');
    });
    const started = env.clock.now();
    Post.whereIn('id', [1, 3]).update({ title: 'edited' });
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(1);
    expect(env.calls.count('RangeList.setValue')).toBe(1);
    expect(env.clock.now() - started).toBe(0);
    expect(Post.whereIn('id', [1, 3]).pluck('title').all()).toEqual(['edited', 'edited']);
  });
});

describe('dates read through the API match SpreadsheetApp in any spreadsheet time zone', () => {
  function readDates(sheetsApi: boolean, timeZone: string, dates: Date[]): unknown[] {
    const sheets = { ...seed(), Posts: [['id', 'title', 'published'], ...dates.map((date, i) => [i + 1, `p${i + 1}`, date])] };
    const env = createAppsScript({ sheetsApi, timeZone, sheets });
    const uninstall = env.install();
    resetConfig();
    try {
      return Post.with('tags')
        .get()
        .all()
        .map((post) => (post as unknown as { published: Date }).published.toISOString());
    } finally {
      uninstall();
      resetConfig();
    }
  }

  it.each([
    ['GMT-07:00', ['2024-06-01T12:00:00Z']],
    ['GMT+0530', ['2024-06-01T12:00:00Z', '1960-01-01T00:00:00Z']],
    ['Etc/UTC', ['0050-07-01T00:00:00Z', '1899-12-30T00:00:00Z']],
    // Dublin left its local mean time (UTC-00:25:21) at 02:25:21 UTC that day: within one quarter hour.
    ['Europe/Dublin', ['1916-05-21T02:24:21Z', '1916-05-21T02:25:21Z', '1916-05-21T02:40:00Z']],
  ])('%s', (zone, isoDates) => {
    const dates = isoDates.map((iso) => new Date(iso));
    const plain = readDates(false, zone, dates);
    expect(plain).toEqual(dates.map((date) => date.toISOString()));
    expect(readDates(true, zone, dates)).toEqual(plain);
  });
});

describe('batched reads stay consistent', () => {
  it('a sheet changed between the two batchGets is read again, never mixed', () => {
    withEnv(true, (env) => {
      let reads = 0;
      env.beforeCall((call) => {
        if (call.execution === 'main' && call.method === 'Sheets.Spreadsheets.Values.batchGet' && ++reads === 2) {
          env.run('B', () => {
            const sheet = env.SpreadsheetApp.getActive().getSheetByName('Posts')!;
            sheet.insertRowBefore(2);
            sheet.getRange(2, 1, 1, 3).setValues([[9, 'Inserted', 1]]);
          });
        }
      });
      const posts = Post.with('tags').get().all() as unknown as Array<{ id: number; published: unknown; score: unknown }>;
      expect(posts.map((post) => post.id)).toEqual([9, 1, 2, 3, 5]);
      expect(posts[1].published).toEqual(new Date(Date.UTC(2024, 2, 10, 6, 30)));
      expect(posts[2].published).toBeNull();
      expect(posts[2].score).toBe(2);
      expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(4);
    });
  });

  it("a pinned spreadsheet that cannot be opened is named with its model, as without the API", () => {
    class Archived extends Model {
      static _table = 'Posts';
      static _spreadsheetId = 'no-such-book';
      tags() {
        return this.manyToMany(Tag, 'Post Tags', 'post_id', 'tag_id');
      }
    }
    for (const api of [false, true]) withEnv(api, () => expect(() => Archived.with('tags').get()).toThrow(/^Archived: could not open the spreadsheet with id "no-such-book" \(from Archived\._spreadsheetId\)/));
  });

  it('a sheet name in the wrong case is left to getSheetByName, as without the API', () => {
    class Lower extends Model {
      static _table = 'posts';
      tags() {
        return this.manyToMany(Tag, 'Post Tags', 'post_id', 'tag_id');
      }
    }
    for (const api of [false, true]) withEnv(api, () => expect(() => Lower.with('tags').get()).toThrow(/has no sheet "posts"/));
  });
});

it('an eager load inside a transaction reads its sheets in one batchGet too, with the same results', () => {
  const { api, plain } = bothPaths(() => transaction(() => Post.with('tags').get().toJSON()));
  expect(api.calls['Sheets.Spreadsheets.Values.batchGet']).toBeGreaterThanOrEqual(1);
  expect(api.calls['Range.getValues']).toBeUndefined();
  expect(plain.calls['Range.getValues']).toBe(3);
});

it('a table read through the API writes to the spreadsheet it was read from, even after configure() switches', () => {
  bothPaths((env) => {
    env.addSpreadsheet({ Posts: [['id', 'title'], [1, 'other']] }, { id: 'other', name: 'Other' });
    transaction(() => {
      const post = Post.with('tags').where('id', 1).first()!;
      (post as unknown as { title: string }).title = 'edited';
      post.save();
      configure({ spreadsheetId: 'other' });
    });
    expect(env.sheetValues('Posts', 'other')).toEqual([['id', 'title'], [1, 'other']]);
    return env.sheetValues('Posts')[1][1];
  });
});

it('load() on a model reads every sheet of its relations in one batch, as with() does', () => {
  const { api, plain } = bothPaths(() => {
    const user = User.findOrFail(1);
    return user.load('posts.tags', 'posts.author').toJSON();
  });
  expect(api.calls['Sheets.Spreadsheets.Values.batchGet']).toBe(2); // values, then the serial numbers of sheets whose text may show dates
  expect(api.calls['Range.getValues']).toBe(1); // find(1) itself
  expect(plain.calls['Range.getValues']).toBe(5); // find(1), then Posts, Post Tags, Tags and Users once each
});

it('a sheet that is alone in its spreadsheet is read with one getValues, never a pair of batchGets', () => {
  class Audit extends Model {
    static _table = 'Audits';
    static _spreadsheetId = 'audit-book';
  }
  class Logged extends Model {
    static _table = 'Posts';
    audits() {
      return this.hasMany(Audit, 'post_id');
    }
    tags() {
      return this.manyToMany(Tag, 'Post Tags', 'post_id', 'tag_id');
    }
  }
  const { api, plain } = bothPaths((env) => {
    env.addSpreadsheet({ Audits: [['id', 'post_id', 'what'], [1, 1, 'created'], [2, 5, 'edited']] }, { id: 'audit-book', name: 'Audit' });
    return Logged.with('audits', 'tags').get().toJSON();
  });
  // Posts, Post Tags and Tags in one pair of batchGets; Audits, alone in its book, with SpreadsheetApp.
  expect(api.calls['Sheets.Spreadsheets.Values.batchGet']).toBe(2);
  expect(api.calls['Range.getValues']).toBe(1);
  expect(plain.calls['Range.getValues']).toBe(4);
  // Only the active spreadsheet is asked for its id: the other was opened by it.
  expect(api.calls['Spreadsheet.getId']).toBe(1);
});

it('a Date in one block of a scattered update keeps the other blocks in the one Values.batchUpdate', () => {
  const { api } = bothPaths(() =>
    transaction(() => {
      Post.whereIn('id', [1, 3]).update({ title: 'edited' });
      const post = Post.findOrFail(5);
      (post as unknown as { published: Date }).published = new Date(Date.UTC(2025, 0, 1, 12));
      post.save();
      return Post.all().pluck('title').all();
    }),
  );
  expect(api.calls['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
  expect(api.calls['Range.setValues']).toBe(1);
});

it("a model pinned to the active spreadsheet's own id reads and writes in the same batches as the others", () => {
  class PinnedUser extends Model {
    static _table = 'Users';
    static _spreadsheetId: string | null = null;
  }
  class Article extends Model {
    static _table = 'Posts';
    author() {
      return this.belongsTo(PinnedUser, 'user_id');
    }
  }
  const { api } = bothPaths(() => {
    PinnedUser._spreadsheetId = SpreadsheetApp.getActiveSpreadsheet().getId();
    const loaded = Article.with('author').get().toJSON();
    transaction(() => {
      Article.whereIn('id', [1, 3]).update({ title: 'edited' });
      PinnedUser.whereIn('id', [1]).update({ name: 'Ann B' });
      Article.whereIn('id', [2]).delete();
      PinnedUser.whereIn('id', [2]).delete();
    });
    return loaded;
  });
  expect(api.calls['Sheets.Spreadsheets.Values.batchGet']).toBe(2);
  expect(api.calls['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
  expect(api.calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
  expect(api.calls['Range.setValues']).toBeUndefined();
  expect(api.calls['Sheet.deleteRows']).toBeUndefined();
});

it('has and whereHas with a dot path read every sheet of the path in one batch', () => {
  const { api, plain } = bothPaths(() => ({
    has: User.has('posts.tags').pluck('id').all(),
    whereHas: User.query().whereHas('posts.tags', (q) => q.where('name', 'News')).pluck('id').all(),
  }));
  expect(api.calls['Sheets.Spreadsheets.Values.batchGet']).toBe(4); // two queries, one pair each
  expect(api.calls['Range.getValues']).toBeUndefined();
  expect(plain.calls['Range.getValues']).toBe(8);
});

it("a write to one spreadsheet never asks for the spreadsheet's id (only batching across handles needs it)", () => {
  withEnv(true, (env) => {
    env.calls.reset();
    Post.create({ title: 'new' });
    Post.findOrFail(1).delete();
    Post.whereIn('id', [2, 3]).update({ title: 'edited' });
    expect(env.calls.count('Spreadsheet.getId')).toBe(0);
    Post.with('tags').get();
    expect(env.calls.count('Spreadsheet.getId')).toBe(1); // the batchGet of the eager load needs it
  });
});

it("a relation sheet whose header is in error fails a query only when the query reaches it, as without the API", () => {
  const broken = () => ({ ...seed(), Tags: [['id', 'name'], [1, 'JavaScript', '', 'stray']] });
  for (const sheetsApi of [false, true]) {
    const env = createAppsScript({ sheetsApi, sheets: broken() });
    const uninstall = env.install();
    resetConfig();
    try {
      expect(Post.where('title', 'No such post').with('tags').get().all()).toEqual([]);
      expect(() => Post.with('tags').get()).toThrow(/^Tag: sheet "Tags" in spreadsheet "[^"]+": columns C, D have no header in row 1/);
    } finally {
      uninstall();
      resetConfig();
    }
  }
});

it("writes scattered cells by the sheet's name at write time: a sheet renamed meanwhile (and another made under its old name) gets its own cells", () => {
  withEnv(true, (env) => {
    transaction(() => {
      Post.whereIn('id', [1, 5]).update({ score: 0 });
      env.run('B', () => {
        const book = env.SpreadsheetApp.getActive();
        book.getSheetByName('Posts')!.setName('Posts 2024');
        book.insertSheet('Posts').getRange(1, 1, 1, 2).setValues([['id', 'title']]);
      });
    });
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchUpdate')).toBe(1);
    expect(env.sheetValues('Posts 2024').map((row) => row[4])).toEqual(['score', 0, 2, '', '', 0]);
    expect(env.sheetValues('Posts')).toEqual([['id', 'title']]);
  });
});
