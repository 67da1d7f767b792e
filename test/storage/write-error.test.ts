/** A WriteError says exactly what was and was not written. */
import { Model, ServiceError, ValidationError, WriteError, configure, transaction } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
}

test('a WriteError lists as not written only what was not written', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
  let deletions = 0;
  gas().beforeCall((call) => {
    if (call.method === 'Sheet.deleteRows' && deletions++ === 0) throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  expect(() =>
    transaction(() => {
      Post.create({ title: 'new' });
      Post.find(1)!.setAttribute('title', 'x').save();
      Post.query().whereIn('id', [2]).delete();
    }),
  ).toThrow(/Written: sheet "Posts" in spreadsheet "Test Spreadsheet": appended rows 4–4, updated 1×1 cells at row 2 \(title\)\. Perhaps written \(the call that failed may have gone through\): sheet "Posts" in spreadsheet "Test Spreadsheet": delete rows 3–3\.$/);
});

class Note extends Model {
  static _table = 'Notes';
}

test('a write that fails after appending to other sheets clears those rows again, flushing before releasing the lock', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'kept']], Notes: [['id', 'text']] });
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && call.sheet === 'Notes') throw new Error('You do not have permission to access the requested document.');
  });
  gas().calls.reset();
  const post = new Post().fill({ title: 'taken back' });
  expect(() =>
    transaction(() => {
      post.save();
      Note.create({ text: 'refused' });
    }),
  ).toThrow(/^Note: writing to sheet "Notes" in spreadsheet "Test Spreadsheet" failed \(.*permission.*\)\. Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  const order = gas()
    .calls.all()
    .map((call) => call.method)
    .filter((method) => /setValues|clearContent|flush|Lock\./.test(method));
  // The failed append is read first (a call that reports an error may still have landed): it did not, so nothing of it is cleared.
  expect(order).toEqual(['Lock.tryLock', 'Range.setValues', 'Range.setValues', 'Range.clearContent', 'SpreadsheetApp.flush', 'Lock.releaseLock']);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'kept']]);
  // The model says what the sheet says: not saved, so saving again adds the row once.
  expect(post.$isPersisted).toBe(false);
  gas().beforeCall(() => undefined);
  post.save();
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'kept'], [2, 'taken back']]);
});

test('when taking the appended rows back fails too, the error still lists what was written', () => {
  seedSheets({ Posts: [['id', 'title']], Notes: [['id', 'text']] });
  gas().beforeCall((call) => {
    if ((call.method === 'Range.setValues' && call.sheet === 'Notes') || call.method === 'Range.clearContent') {
      throw new Error('You do not have permission to access the requested document.');
    }
  });
  expect(() =>
    transaction(() => {
      Post.create({ title: 'kept' });
      Note.create({ text: 'refused' });
    }),
  ).toThrow(/Written: sheet "Posts" in spreadsheet "Test Spreadsheet": appended rows 2–2\. Not written: sheet "Notes"/);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'kept']]);
});

test('a take-back whose own call failed (it may have landed) lists the write it was to undo as perhaps written', () => {
  seedSheets({ Posts: [['id', 'title']], Notes: [['id', 'text']] });
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && call.sheet === 'Notes') throw new Error('You do not have permission to access the requested document.');
    if (call.method === 'Range.clearContent') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  expect(() =>
    transaction(() => {
      Post.create({ title: 'maybe' });
      Note.create({ text: 'refused' });
    }),
  ).toThrow(/Written: nothing\. Perhaps written \(the call that failed may have gone through\): sheet "Posts" in spreadsheet "Test Spreadsheet": appended rows 2–2\. Not written: sheet "Notes"/);
});

test('a deletion refused unrun, after appends on the same sheet, leaves them taken back', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
  gas().beforeCall((call) => {
    if (call.method === 'Sheet.deleteRows') throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
  });
  const post = new Post({ title: 'new' });
  expect(() =>
    transaction(() => {
      post.save();
      Post.findOrFail(1).delete();
    }),
  ).toThrow(/protected cell.*\)\. Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b']]);
  expect(post.$isPersisted).toBe(false);
});

test('appends are not taken back after a failed deletion, which may have gone through: the error lists them', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
  gas().beforeCall((call) => {
    if (call.method === 'Sheet.deleteRows') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  expect(() =>
    transaction(() => {
      Post.create({ title: 'new' });
      Post.findOrFail(1).delete();
    }),
  ).toThrow(/Written: sheet "Posts" in spreadsheet "Test Spreadsheet": appended rows 4–4\. Perhaps written \(the call that failed may have gone through\): sheet "Posts" in spreadsheet "Test Spreadsheet": delete rows 2–2\.$/);
  expect(gas().calls.count('Range.clearContent')).toBe(0);
});

test('when only some appended rows can be taken back, the error lists just the ones left', () => {
  class Log extends Model {
    static _table = 'Logs';
  }
  seedSheets({ Posts: [['id', 'title']], Notes: [['id', 'text']], Logs: [['id', 'line']] });
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && call.sheet === 'Logs') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
    if (call.method === 'Range.clearContent' && call.sheet === 'Posts') throw new Error('You do not have permission to access the requested document.');
  });
  expect(() =>
    transaction(() => {
      Post.create({ title: 'a' });
      Note.create({ text: 'b' });
      Log.create({ line: 'c' });
    }),
  ).toThrow(/Written: sheet "Posts" in spreadsheet "Test Spreadsheet": appended rows 2–2\. Not written: sheet "Logs"/);
  expect(gas().sheetValues('Notes')).toEqual([['id', 'text']]);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});

test('a write refused before any change releases the lock without a flush', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  gas().calls.reset();
  expect(() => Post.create({ id: 1, title: 'again' })).toThrow(/already/);
  expect(gas().calls.count('SpreadsheetApp.flush')).toBe(0);
  expect(gas().calls.count('Lock.releaseLock')).toBe(1);
});

test('with several sheets written before the failure, each is named', () => {
  class Log extends Model {
    static _table = 'Logs';
  }
  seedSheets({ Posts: [['id', 'title'], [1, 'a']], Notes: [['id', 'text'], [1, 'b']], Logs: [['id', 'line'], [1, 'old'], [2, 'kept']] });
  gas().beforeCall((call) => {
    if (call.method === 'Sheet.deleteRows' && call.sheet === 'Logs') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  expect(() =>
    transaction(() => {
      Post.find(1)!.setAttribute('title', 'a2').save();
      Note.find(1)!.setAttribute('text', 'b2').save();
      Log.query().where('line', 'old').delete();
    }),
  ).toThrow(
    /Written: sheet "Posts" in spreadsheet "Test Spreadsheet": updated 1×1 cells at row 2 \(title\); sheet "Notes" in spreadsheet "Test Spreadsheet": updated 1×1 cells at row 2 \(text\)\. Perhaps written \(the call that failed may have gone through\): sheet "Logs" in spreadsheet "Test Spreadsheet": delete rows 2–2\.$/,
  );
});

test('sheets of the same name in two spreadsheets are told apart in what was written', () => {
  class ArchivedPost extends Model {
    static _table = 'Posts';
    static _spreadsheetId = 'archive-id';
  }
  seedSheets({ Posts: [['id', 'title'], [1, 'live']], Notes: [['id', 'text'], [1, 'a'], [2, 'b']] });
  gas().addSpreadsheet({ Posts: [['id', 'title'], [1, 'old']] }, { id: 'archive-id', name: 'Archive' });
  gas().beforeCall((call) => {
    if (call.method === 'Sheet.deleteRows' && call.sheet === 'Notes') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  expect(() =>
    transaction(() => {
      Post.find(1)!.setAttribute('title', 'live 2').save();
      ArchivedPost.find(1)!.setAttribute('title', 'old 2').save();
      Note.find(1)!.delete();
    }),
  ).toThrow(
    /Written: sheet "Posts" in spreadsheet "Test Spreadsheet": updated 1×1 cells at row 2 \(title\); sheet "Posts" in spreadsheet "Archive": updated 1×1 cells at row 2 \(title\)\. Perhaps written \(the call that failed may have gone through\): sheet "Notes"/,
  );
});

test('in a transaction every sheet appends before any update, so a failed append leaves every sheet as it was', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'live']], Notes: [['id', 'text']] });
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && call.sheet === 'Notes') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  expect(() =>
    transaction(() => {
      Post.find(1)!.setAttribute('title', 'live 2').save();
      Post.create({ title: 'new' });
      Note.create({ text: 'refused' });
    }),
  ).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\./);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'live']]);
  expect(sheetRows('Notes')).toEqual([['id', 'text']]);
});

test('a flush that fails after a complete write is a WriteError saying the changes most likely went through', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  gas().beforeCall((call) => {
    if (call.method === 'SpreadsheetApp.flush') throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  const post = new Post({ title: 'new' });
  expect(() => post.save()).toThrow(
    /^Post\.save: every change was sent to the sheet, but SpreadsheetApp\.flush\(\) failed afterwards \(SpreadsheetApp\.flush failed after \d attempts: Service Spreadsheets timed out while accessing document with id x\)\. The changes were most likely applied .* a blind retry can write them twice\.$/,
  );
  expect(post.$isPersisted).toBe(true);
  expect(gas().calls.count('Lock.releaseLock')).toBe(1);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'new']]);
});

test('a WriteError after a complete write carries what the call made (error.result); a failed write carries none', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  let failing = 'SpreadsheetApp.flush';
  gas().beforeCall((call) => {
    if (call.method === failing) throw new Error('Service Spreadsheets timed out while accessing document with id x.');
  });
  const caught = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error as WriteError;
    }
    throw new Error('expected a WriteError');
  };
  const created = caught(() => Post.createMany([{ title: 'b' }, { title: 'c' }]));
  expect(created).toBeInstanceOf(WriteError);
  expect((created.result as Post[]).map((post) => [post.$isPersisted, post.$primaryKeyValue])).toEqual([
    [true, 2],
    [true, 3],
  ]);
  failing = 'Lock.releaseLock';
  expect(caught(() => transaction(() => Post.create({ title: 'd' }).$primaryKeyValue)).result).toBe(4);
  // Calls that hand back one model carry that model, as they would have returned it.
  const one = caught(() => Post.create({ title: 'one' }));
  expect(one.result).toBeInstanceOf(Post);
  expect((one.result as Post).$primaryKeyValue).toBe(5);
  const post = Post.findOrFail(5);
  post.merge({ title: 'One' });
  expect(caught(() => post.save()).result).toBe(post);
  failing = 'Range.setValues';
  const failed = caught(() => Post.create({ title: 'e' }));
  expect(failed).toBeInstanceOf(WriteError);
  expect(failed.result).toBeUndefined();
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'One']]);
});

test('a lock release that fails after a complete write is a WriteError saying not to retry', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  gas().beforeCall((call) => {
    if (call.method === 'Lock.releaseLock') throw new Error('Service LockService timed out.');
  });
  expect(() => Post.create({ title: 'new' })).toThrow(/^Post\.create: the changes were written and flushed, but releasing the lock failed afterwards \(.*timed out\).*Do not retry the write: it went through\.$/);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'new']]);
});

test('a lock release that fails after a failed write leaves the write error to say what happened', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
  let setValues = 0;
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && ++setValues === 2) throw new Error('You do not have permission to access the requested document.');
    if (call.method === 'Lock.releaseLock') throw new Error('Service LockService timed out.');
  });
  expect(() =>
    transaction(() => {
      Post.create({ title: 'new' });
      Post.findOrFail(1).setAttribute('title', 'edited').save();
    }),
  ).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  expect(() => Post.create({ title: Number.NaN })).toThrow(ValidationError);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b']]);
});

test('a lock that cannot be taken says nothing was written, without advice about retries it does not make', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  const stop = gas().beforeCall((call) => {
    if (call.method === 'Lock.tryLock') throw new Error('Service LockService timed out.');
  });
  expect(() => Post.create({ title: 'new' })).toThrow(/^Post\.create: Lock\.tryLock failed: Service LockService timed out\. This is usually a passing fault of Google's services: try again in a moment\. Nothing was written\.$/);
  expect(gas().calls.count('Lock.tryLock')).toBe(1);
  stop();
  // A fresh execution: the Lock object of the first write is kept for the next ones.
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  gas().beforeCall((call) => {
    if (call.method === 'LockService.getScriptLock') throw new Error('You do not have permission to call LockService.getScriptLock.');
  });
  expect(() => Post.create({ title: 'new' })).toThrow(ServiceError);
  expect(() => Post.create({ title: 'new' })).toThrow(/^Post\.create: LockService\.getScriptLock failed: .*Nothing was written\.$/);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});

test('an update failing after an append and an update takes all of them back, so running it again is safe', () => {
  seedSheets({ Posts: [['id', 'title', 'body'], [1, 'a', 'x'], [2, 'b', 'y']] });
  let setValues = 0;
  const stop = gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && ++setValues === 3) throw new Error('You do not have permission to access the requested document.');
  });
  const fresh = new Post().merge({ title: 'new' });
  const first = Post.findOrFail(1).setAttribute('title', 'edited');
  const second = Post.findOrFail(2).setAttribute('body', 'also');
  const run = () =>
    transaction(() => {
      fresh.save();
      first.save();
      second.save();
    });
  expect(run).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title', 'body'], [1, 'a', 'x'], [2, 'b', 'y']]);
  expect(fresh.$isPersisted).toBe(false);
  stop();
  run();
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title', 'body'], [1, 'edited', 'x'], [2, 'b', 'also'], [3, 'new', '']]);
});

test('a failed flush before Sheets API deletions takes the appends back, so a retry writes no row twice', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']] }, { sheetsApi: true });
  const stop = gas().beforeCall((call) => {
    if (call.method === 'SpreadsheetApp.flush') throw new Error('You do not have permission to access the requested document.');
  });
  const fresh = new Post().merge({ title: 'new' });
  const run = () =>
    transaction(() => {
      fresh.save();
      Post.findOrFail(1).delete();
      Post.findOrFail(3).delete();
    });
  expect(run).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
  expect(fresh.$isPersisted).toBe(false);
  stop();
  run();
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [2, 'b'], [4, 'd'], [5, 'new']]);
});

test('a tryLock that took the lock and then failed has it released, so other executions are not kept waiting', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  const log: string[] = [];
  let held = false;
  const lock = {
    tryLock: () => {
      held = true;
      log.push('tryLock');
      throw new Error('Service LockService timed out.');
    },
    releaseLock: () => {
      held = false;
      log.push('releaseLock');
    },
    hasLock: () => held,
  };
  configure({ lock: lock as never });
  expect(() => Post.create({ title: 'new' })).toThrow(/^Post\.create: Lock\.tryLock failed: Service LockService timed out\..* Nothing was written\.$/);
  expect(log).toEqual(['tryLock', 'releaseLock']);
  expect(held).toBe(false);
  expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});

const TIMED_OUT = 'Service Spreadsheets timed out while accessing document with id x.';

/** Makes the main execution's first setValues report a timeout, after a person did `meanwhile` to the Posts sheet. */
function timeOutFirstSetValues(meanwhile?: (sheet: GoogleAppsScript.Spreadsheet.Sheet) => void) {
  let done = false;
  gas().beforeCall((call) => {
    if (done || call.execution !== 'main' || call.method !== 'Range.setValues') return;
    done = true;
    if (meanwhile) gas().run('person', () => meanwhile(gas().SpreadsheetApp.getActive().getSheetByName('Posts')!));
    throw new Error(TIMED_OUT);
  });
}

describe('an append that landed although its call failed, while a person moved rows', () => {
  it('is reported as perhaps written, not as nothing written, so running it again does not store it twice', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']] });
    timeOutFirstSetValues((sheet) => {
      sheet.getRange(5, 1, 1, 2).setValues([[4, 'new']]);
      sheet.deleteRow(2);
    });
    let message = '';
    try {
      Post.create({ title: 'new' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/failed \(.*timed out.*\)\. Written: nothing\. Perhaps written \(the call that failed may have gone through\): sheet "Posts" .*: append rows 5–5\.$/);
    expect(message).not.toMatch(/Nothing was written/);
    expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [2, 'b'], [3, 'c'], [4, 'new']]);
  });

  it('over filler rows too', () => {
    seedSheets({ Posts: [['id', 'title', 'done'], [1, 'a', true], [2, 'b', true], ['', '', false], ['', '', false]] });
    timeOutFirstSetValues((sheet) => {
      sheet.getRange(4, 1, 1, 2).setValues([[3, 'new']]);
      sheet.deleteRow(2);
    });
    expect(() => Post.create({ title: 'new' })).toThrow(/Perhaps written \(the call that failed may have gone through\): sheet "Posts" .*: append rows 4–4\.$/);
    expect(gas().sheetValues('Posts')).toEqual([['id', 'title', 'done'], [2, 'b', true], [3, 'new', false], ['', '', false]]);
  });

  it('a call that did not land, with rows moved meanwhile, is still taken back as nothing written', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']] });
    timeOutFirstSetValues((sheet) => sheet.deleteRow(2));
    expect(() => Post.create({ title: 'new' })).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
    expect(gas().sheetValues('Posts')).toEqual([['id', 'title'], [2, 'b'], [3, 'c']]);
  });
});

describe('a failed append that did not land, in writes that hold the same values elsewhere', () => {
  class Tag extends Model {
    static _table = 'Tags';
  }
  class Tagged extends Model {
    static _table = 'Posts';
    tags() {
      return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
    }
  }

  it('detach all, then attach the same tags again: the rows it deletes are no sign that the append landed', () => {
    seedSheets({ Posts: [['id'], [1]], Tags: [['id'], [1], [2]], PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2]] });
    timeOutFirstSetValues();
    const post = Tagged.findOrFail(1);
    expect(() =>
      transaction(() => {
        post.related('tags').detach();
        post.related('tags').attach([1, 2]);
      }),
    ).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id'], [1, 1], [1, 2]]);
  });

  it('a row holding the same keys with other values is not taken for the appended one', () => {
    seedSheets({ Posts: [['id'], [1]], Tags: [['id'], [1], [2]], PostTag: [['post_id', 'tag_id', 'role'], [1, 2, 'lead']] });
    timeOutFirstSetValues();
    expect(() => Tagged.findOrFail(1).related('tags').attach([2])).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
    expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'role'], [1, 2, 'lead']]);
  });

  it('an append refused unrun reads nothing more before saying nothing was written', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    gas().beforeCall((call) => {
      if (call.method === 'Range.setValues') throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    });
    gas().calls.reset();
    expect(() => Post.create({ title: 'b' })).toThrow(/Nothing was written/);
    const after = gas().calls.all().map((call) => call.method);
    // Only the spreadsheet's name, for the message.
    expect(after.slice(after.indexOf('Range.setValues') + 1)).toEqual(['Spreadsheet.getName', 'SpreadsheetApp.flush', 'Lock.releaseLock']);
  });
});

test('an append over a filler row whose later call is refused takes back what its first call wrote', () => {
  class Task extends Model {
    static _table = 'Tasks';
  }
  seedSheets({ Tasks: [['id', 'title', 'done'], [1, 'a', true], ['', '', false]] });
  let calls = 0;
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && ++calls === 2) {
      throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    }
  });
  expect(() => Task.createMany([{ title: 'x' }, { title: 'y' }])).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  expect(gas().sheetValues('Tasks')).toEqual([['id', 'title', 'done'], [1, 'a', true], ['', '', false]]);
  expect(Task.count()).toBe(1);
});

test('an append over a filler row in two blocks whose first call is refused says nothing was written, and writes nothing back', () => {
  class Task extends Model {
    static _table = 'Tasks';
  }
  seedSheets({ Tasks: [['id', 'title', 'done', 'owner'], [1, 'a', true, 'me'], ['', '', false, '']] });
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues') throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
  });
  gas().calls.reset();
  expect(() => Task.create({ title: 'x', owner: 'you' })).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  expect(gas().calls.count('Range.setValues')).toBe(1);
  expect(gas().sheetValues('Tasks')).toEqual([['id', 'title', 'done', 'owner'], [1, 'a', true, 'me'], ['', '', false, '']]);
});

test('a block over a filler row that landed reading back otherwise than written (a number in a date cell) is still taken back', () => {
  class Task extends Model {
    static _table = 'Tasks';
  }
  seedSheets({ Tasks: [['due', 'done', 'id', 'title'], [new Date(Date.UTC(2024, 0, 1)), true, 1, 'a'], ['', false, '', '']] });
  // The filler row's due cell is date-formatted: a number written there reads back as a Date.
  const sheet = gas().SpreadsheetApp.getActive().getSheetByName('Tasks')!;
  sheet.getRange(3, 1).setValue(new Date(Date.UTC(2024, 0, 2)));
  sheet.getRange(3, 1).clearContent();
  let calls = 0;
  gas().beforeCall((call) => {
    if (call.method === 'Range.setValues' && ++calls === 2) throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
  });
  expect(() => Task.create({ due: 45000, title: 'x' })).toThrow(/Nothing was written: what was written before the failure was taken back, so running it again is safe\.$/);
  expect(gas().sheetValues('Tasks')[2]).toEqual(['', false, '', '']);
  expect(Task.count()).toBe(1);
});
