/** A write by row numbers is repeated after a passing fault only if its sheet did not change during the pause. */
import { Model, WriteError, transaction } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare title: string;
}

const timeout = () => new Error(`Service Spreadsheets timed out while accessing document with id ${gas().active.getId()}.`);

/** Makes the next call of `method` fail as a passing fault; `duringPause` runs while sheetorm sleeps before retrying. */
function failOnceThen(method: string, duringPause: () => void = () => undefined) {
  let failed = false;
  let paused = false;
  gas().beforeCall((call) => {
    if (call.method === method && !failed) {
      failed = true;
      throw timeout();
    }
    if (call.method === 'Utilities.sleep' && failed && !paused) {
      paused = true;
      duringPause();
    }
  });
}

const posts = () => gas().active.getSheetByName('Posts')!;

it('repeats an update whose sheet is unchanged after the pause, after reading it twice to tell', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
  const post = Post.findOrFail(2);
  gas().calls.reset();
  failOnceThen('Range.setValues');
  post.title = 'B';
  post.save();
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'B']]);
  expect(gas().calls.count('Range.setValues')).toBe(2);
  // The re-check under the lock, then the sheet at the failure and after the pause.
  expect(gas().calls.count('Range.getValues')).toBe(3);
});

it('does not repeat an update when a person inserted a row during the pause (it would land on another row)', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']] });
  const post = Post.findOrFail(2);
  failOnceThen('Range.setValues', () => {
    posts().insertRowBefore(2);
    posts().getRange(2, 1, 1, 2).setValues([[99, 'typed by a person']]);
  });
  post.title = 'B';
  let error: unknown;
  try {
    post.save();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(WriteError);
  expect(String(error)).toMatch(/not tried again: rows of the sheet moved while sheetorm waited to retry/);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [99, 'typed by a person'], [1, 'a'], [2, 'b'], [3, 'c']]);
  expect(post.$isDirty).toBe(true);
});

it('repeats a write when the pause only saw a cell edited outside the keys (no row moved)', () => {
  seedSheets({ Posts: [['id', 'title', 'note'], [1, 'a', ''], [2, 'b', '']] });
  const post = Post.findOrFail(2);
  failOnceThen('Range.setValues', () => posts().getRange('C2').setValue('a person was here'));
  post.title = 'B';
  post.save();
  expect(sheetRows('Posts')).toEqual([['id', 'title', 'note'], [1, 'a', 'a person was here'], [2, 'B', '']]);
});

it('still retries when the read that checks the rows fails right after the fault (it is retried like any read)', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
  const post = Post.findOrFail(2);
  let failedWrite = false;
  let failedCheck = false;
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && !failedWrite) {
      failedWrite = true;
      throw timeout();
    }
    if (call.method === 'Range.getValues' && failedWrite && !failedCheck) {
      failedCheck = true;
      throw timeout();
    }
  });
  post.title = 'B';
  post.save();
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'B']]);
});

it('takes back the appends of the sheets whose rows did not move, and says what is left', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']], Tags: [['id', 'name'], [1, 'js']] });
  class Tag extends Model {
    static _table = 'Tags';
  }
  let setValues = 0;
  let paused = false;
  gas().beforeCall((call) => {
    // Posts is appended first; the Tags append times out, and a person inserts a Tags row meanwhile.
    if (call.method === 'Range.setValues' && ++setValues === 2) throw timeout();
    if (call.method === 'Utilities.sleep' && !paused) {
      paused = true;
      gas().active.getSheetByName('Tags')!.insertRowBefore(2);
    }
  });
  const post = new Post();
  post.title = 'New';
  expect(() =>
    transaction(() => {
      post.save();
      Tag.create({ name: 'y' });
    }),
  ).toThrow(/not tried again.*Written: nothing\. Not written \(at most\): sheet "Tags" .*append rows 3–3\.$/);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
  expect(sheetRows('Tags')).toEqual([['id', 'name'], ['', ''], [1, 'js']]);
  expect(post.$isPersisted).toBe(false);
});

it('does not repeat an append over a row a person typed during the pause', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  failOnceThen('Range.setValues', () => posts().getRange(3, 1, 1, 2).setValues([[50, 'typed by a person']]));
  // Nor is the append "taken back" by clearing its rows: they hold the person's row now.
  expect(() => Post.create({ title: 'new' })).toThrow(/not tried again.*Written: nothing\. Not written \(at most\): .*append rows 3–3/);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [50, 'typed by a person']]);
});
