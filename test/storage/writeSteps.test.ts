/** With the Sheets API, a commit's scattered writes to several sheets go in one call per kind. */
import { Model, transaction } from '../../src';
import { createAppsScript, AppsScriptEnv } from '../../src/testing';
import { resetConfig } from '../../src/config';

class Post extends Model {
  static _table = 'Posts';
}
class Tag extends Model {
  static _table = 'Tags';
}
class PostTag extends Model {
  static _table = 'Post Tags';
  static _primaryKey = ['post_id', 'tag_id'];
}

const seed = () => ({
  Posts: [['id', 'title', 'views'], [1, 'a', 1], [2, 'b', 2], [3, 'c', 3], [4, 'd', 4], [5, 'e', 5]],
  Tags: [['id', 'name'], [1, 'x'], [2, 'y'], [3, 'z']],
  'Post Tags': [['post_id', 'tag_id'], [1, 1], [1, 2], [2, 1], [3, 3], [4, 2], [5, 1]],
});

function run(sheetsApi: boolean, script: () => void, setup?: (env: AppsScriptEnv) => void) {
  const env = createAppsScript({ sheetsApi, sheets: seed() });
  const uninstall = env.install();
  resetConfig();
  try {
    setup?.(env);
    env.calls.reset();
    let error: unknown = null;
    try {
      script();
    } catch (caught) {
      error = caught;
    }
    const order = env.calls
      .all()
      .map((call) => call.method)
      .filter((method) => /setValues|flush|deleteRows|batchUpdate/.test(method));
    return { env, error, order, sheets: ['Posts', 'Tags', 'Post Tags'].map((name) => env.sheetValues(name)) };
  } finally {
    uninstall();
    resetConfig();
  }
}

const scattered = () =>
  transaction(() => {
    Post.whereIn('id', [1, 3]).update({ title: 'edited' });
    Tag.where('id', 2).update({ name: 'renamed' });
    PostTag.query().where('post_id', 1).where('tag_id', 2).delete();
    PostTag.query().where('post_id', 4).delete();
    Post.where('id', 5).delete();
  });

it('sends the changed cells of every sheet in one Values.batchUpdate and their deletions in one batchUpdate', () => {
  const api = run(true, scattered);
  const plain = run(false, scattered);
  expect(api.error).toBeNull();
  expect(api.sheets).toEqual(plain.sheets);
  expect(api.order).toEqual(['Sheets.Spreadsheets.Values.batchUpdate', 'Sheets.Spreadsheets.batchUpdate', 'SpreadsheetApp.flush']);
  // Without the API: the two 'edited' cells in one RangeList write, the Tags cell in a setValues.
  expect(plain.order.filter((method) => method === 'Range.setValues')).toHaveLength(1);
  expect(plain.env.calls.count('RangeList.setValue')).toBe(1);
  expect(plain.order.filter((method) => method === 'Sheet.deleteRows')).toHaveLength(3);
  expect(api.sheets[0]).toEqual([['id', 'title', 'views'], [1, 'edited', 1], [2, 'b', 2], [3, 'edited', 3], [4, 'd', 4]]);
  expect(api.sheets[2]).toEqual([['post_id', 'tag_id'], [1, 1], [2, 1], [3, 3], [5, 1]]);
});

it('appends first and sends the cell values, flushing only before the deletions move rows; a block holding a Date keeps setValues', () => {
  const script = () =>
    transaction(() => {
      Tag.create({ name: 'new' });
      Post.whereIn('id', [2, 4]).update({ views: 0 });
      Tag.where('id', 1).update({ name: new Date(Date.UTC(2025, 0, 1)) });
      PostTag.query().whereIn('post_id', [1, 5]).delete();
    });
  const api = run(true, script);
  const plain = run(false, script);
  expect(api.sheets).toEqual(plain.sheets);
  expect(api.order).toEqual([
    'Range.setValues', // Tags: the new row
    'Range.setValues', // Tags: the Date
    'Sheets.Spreadsheets.Values.batchUpdate', // Posts: rows 3 and 5 (no cell shared with the two above)
    'SpreadsheetApp.flush', // before rows move
    'Sheets.Spreadsheets.batchUpdate', // Post Tags: two runs
    'SpreadsheetApp.flush',
  ]);
});

it('without deletions, a write mixing setValues and one Values.batchUpdate flushes once, before the lock goes', () => {
  const script = () =>
    transaction(() => {
      Tag.create({ name: 'new' });
      Post.whereIn('id', [2, 4]).update({ views: 0 });
    });
  const api = run(true, script);
  const plain = run(false, script);
  expect(api.sheets).toEqual(plain.sheets);
  expect(api.order).toEqual(['Range.setValues', 'Sheets.Spreadsheets.Values.batchUpdate', 'SpreadsheetApp.flush']);
});

it('a failed combined call names every sheet it wrote to, and what was left undone', () => {
  const api = run(true, scattered, (env) =>
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.batchUpdate') throw new Error('Service timed out: Spreadsheets');
    }),
  );
  expect((api.error as Error).name).toBe('WriteError');
  expect((api.error as Error).message).toMatch(
    /^Post: writing to sheet "Posts" in spreadsheet "[^"]+" and sheet "Post Tags" in spreadsheet "[^"]+" failed \(.*timed out.*\)\. Written: sheet "Posts" in spreadsheet "[^"]+": updated 1×1 cells at row 2 \(title\), 1×1 cells at row 4 \(title\); sheet "Tags" in spreadsheet "[^"]+": updated 1×1 cells at row 3 \(name\)\. Perhaps written \(the call that failed may have gone through\): sheet "Posts" in spreadsheet "[^"]+": delete rows 6–6; sheet "Post Tags" in spreadsheet "[^"]+": delete rows 6–6, rows 3–3\.$/,
  );
  expect(api.sheets[1][2]).toEqual([2, 'renamed']);
  expect(api.sheets[2]).toEqual(seed()['Post Tags']);
});

it("a failure report lists sheet work only, not the flush before API deletions", () => {
  const script = () =>
    transaction(() => {
      Tag.create({ name: 'new' });
      Post.whereIn('id', [2, 4]).delete();
    });
  const api = run(true, script, (env) =>
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.batchUpdate') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
    }),
  );
  expect(api.env.calls.count('SpreadsheetApp.flush')).toBeGreaterThanOrEqual(1);
  expect((api.error as Error).message).toMatch(/Written: sheet "Tags" in spreadsheet "[^"]+": appended rows \d+–\d+\. Perhaps written \(the call that failed may have gone through\): sheet "Posts" in spreadsheet "[^"]+": delete rows 5–5, rows 3–3\.$/);
  expect((api.error as Error).message).not.toMatch(/flush/);
});

it('a deletion refused unrun (protected rows) leaves the rest of the write taken back: all or nothing', () => {
  const script = () =>
    transaction(() => {
      Tag.create({ name: 'new' });
      Post.whereIn('id', [2, 4]).delete();
    });
  for (const api of [false, true]) {
    const result = run(api, script, (env) =>
      env.beforeCall((call) => {
        if (call.method === 'Sheets.Spreadsheets.batchUpdate' || call.method === 'Sheet.deleteRows') throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
      }),
    );
    expect((result.error as Error).message).toMatch(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
    expect(result.sheets).toEqual(['Posts', 'Tags', 'Post Tags'].map((name) => (seed() as Record<string, unknown[][]>)[name]));
  }
});

it('rows inserted to grow a grid are flushed before API deletions, which need them', () => {
  const script = () =>
    transaction(() => {
      Tag.query().whereIn('id', [1, 2, 3]).delete();
      Post.query().whereIn('id', [2, 4]).delete();
    });
  // Tags' grid holds just its rows: deleting them all needs a spare row below the frozen header.
  const shrink = (env: AppsScriptEnv) => {
    const tags = env.active.getSheetByName('Tags')!;
    tags.setFrozenRows(1);
    tags.deleteRows(5, tags.getMaxRows() - 4);
  };
  const api = run(true, script, shrink);
  expect(api.error).toBeNull();
  const order = api.env.calls.all().map((call) => call.method).filter((method) => /insertRowsAfter|flush|batchUpdate/.test(method));
  expect(order).toEqual(['Sheet.insertRowsAfter', 'SpreadsheetApp.flush', 'Sheets.Spreadsheets.batchUpdate', 'SpreadsheetApp.flush']);
  expect(api.sheets[1]).toEqual([['id', 'name']]);
});

it('a batched deletion whose sheet id could not be read was never sent: not "perhaps written", and the rest is taken back', () => {
  const script = () =>
    transaction(() => {
      Tag.create({ name: 'new' });
      Post.whereIn('id', [2, 4]).delete();
    });
  const result = run(true, script, (env) =>
    env.beforeCall((call) => {
      if (call.method === 'Sheet.getSheetId') throw new Error('Unexpected error while getting the method or property getSheetId on object SpreadsheetApp.Sheet.');
    }),
  );
  expect(result.env.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(0);
  expect((result.error as Error).message).toMatch(/getSheetId.*\)\. Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  expect(result.sheets).toEqual(['Posts', 'Tags', 'Post Tags'].map((name) => (seed() as Record<string, unknown[][]>)[name]));
});
