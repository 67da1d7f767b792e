import { createAppsScript, CallInfo } from '../../src/testing';

function blog() {
  return createAppsScript({ sheets: { Posts: [['id'], [1], [2]], Tags: [['id']] } });
}

describe('counting calls', () => {
  it('counts every call by method, sheet and execution', () => {
    const env = blog();
    const posts = env.active.getSheetByName('Posts')!;
    posts.getDataRange().getValues();
    posts.getRange('A4').setValue(3);
    env.run('B', () => env.active.getSheetByName('Tags')!.getRange('A1').getValue());
    expect(env.calls.count('Range.getValues')).toBe(1);
    expect(env.calls.count('Range.getValues', { sheet: 'Posts' })).toBe(1);
    expect(env.calls.count('Range.getValue', { sheet: 'Posts' })).toBe(0);
    expect(env.calls.count(undefined, { execution: 'B' })).toBe(3);
    expect(env.calls.reads()).toBe(2);
    expect(env.calls.reads('Posts')).toBe(1);
    expect(env.calls.writes('Posts')).toBe(1);
    expect(env.calls.byMethod()).toMatchObject({ 'Spreadsheet.getSheetByName': 2, 'Sheet.getRange': 2, 'Range.setValue': 1 });
  });

  it('records the spreadsheet, sheet, execution and arguments of a call', () => {
    const env = createAppsScript({ sheets: { Posts: [] }, spreadsheetId: 'ss' });
    env.active.getSheetByName('Posts')!.getRange(1, 2);
    expect(env.calls.all().pop()).toEqual({ method: 'Sheet.getRange', sheet: 'Posts', spreadsheetId: 'ss', execution: 'main', args: [1, 2] });
  });

  it('counts reads and writes of every kind', () => {
    const env = blog();
    const range = env.active.getSheetByName('Posts')!.getRange('A1');
    range.getValue();
    range.getDisplayValue();
    range.getFormula();
    range.getFormulas();
    range.getDisplayValues();
    range.setFormula('=1');
    range.setFormulas([['=2']]);
    range.setValues([[1]]);
    env.active.getSheetByName('Posts')!.appendRow([1]);
    expect([env.calls.reads(), env.calls.writes()]).toEqual([5, 4]);
  });

  it('counts calls on every service', () => {
    const env = blog();
    env.CacheService.getScriptCache().put('k', 'v');
    env.PropertiesService.getScriptProperties().getProperty('k');
    env.Utilities.getUuid();
    env.Logger.log('x');
    env.LockService.getScriptLock().tryLock(1);
    expect(Object.keys(env.calls.byMethod())).toEqual([
      'CacheService.getScriptCache',
      'Cache.put',
      'PropertiesService.getScriptProperties',
      'Properties.getProperty',
      'Utilities.getUuid',
      'Logger.log',
      'LockService.getScriptLock',
      'Lock.tryLock',
    ]);
  });

  it('resets the log', () => {
    const env = blog();
    env.active.getSheets();
    env.calls.reset();
    expect(env.calls.count()).toBe(0);
    expect(env.calls.all()).toEqual([]);
  });

  it('lists the calls made so far: a later call does not change a list already taken', () => {
    const env = blog();
    env.active.getSheets();
    const taken = env.calls.all();
    env.active.getSheets();
    expect(taken).toHaveLength(1);
    expect(env.calls.all()).toHaveLength(2);
  });
});

describe('beforeCall hooks', () => {
  it('injects a fault: the call fails and has no effect', () => {
    const env = blog();
    const id = env.active.getId();
    const posts = env.active.getSheetByName('Posts')!;
    const unsubscribe = env.beforeCall((call) => {
      if (call.method === 'Range.setValues') throw new Error(`Service Spreadsheets timed out while accessing document with id ${id}.`);
    });
    expect(() => posts.getRange('A2').setValues([[99]])).toThrow('Service Spreadsheets timed out');
    expect(env.sheetValues('Posts')).toEqual([['id'], [1], [2]]);
    // The attempt is still counted, as a retry would be.
    expect(env.calls.count('Range.setValues')).toBe(1);
    unsubscribe();
    posts.getRange('A2').setValues([[99]]);
    expect(env.sheetValues('Posts')[1]).toEqual([99]);
  });

  it('interleaves another execution between two calls', () => {
    const env = blog();
    let interleaved = false;
    env.beforeCall((call) => {
      if (call.execution === 'A' && call.method === 'Range.setValues' && !interleaved) {
        interleaved = true;
        env.run('B', () => env.active.getSheetByName('Posts')!.deleteRow(2));
      }
    });
    env.run('A', () => {
      const posts = env.active.getSheetByName('Posts')!;
      const last = posts.getLastRow();
      posts.getRange(last, 1).setValues([['was row 3']]);
    });
    // A computed row 3 before B deleted row 2, so it overwrote row 3 after the deletion.
    expect(env.sheetValues('Posts')).toEqual([['id'], [2], ['was row 3']]);
    const order = env.calls.all().map((call: CallInfo) => `${call.execution}:${call.method}`);
    expect(order.slice(-3)).toEqual(['B:Spreadsheet.getSheetByName', 'B:Sheet.deleteRow', 'A:Range.setValues']);
  });

  it('does not run a hook again for the calls it makes itself', () => {
    const env = blog();
    const seen: string[] = [];
    env.beforeCall((call) => {
      seen.push(call.method);
      env.active.getSheets();
    });
    env.active.getSheetByName('Posts');
    expect(seen).toEqual(['Spreadsheet.getSheetByName']);
    expect(env.calls.count('Spreadsheet.getSheets')).toBe(1);
  });

  it('runs other hooks for calls made inside a hook', () => {
    const env = blog();
    const seenBySecond: string[] = [];
    env.beforeCall((call) => {
      if (call.method === 'Spreadsheet.getSheetByName') env.active.getSheets();
    });
    env.beforeCall((call) => seenBySecond.push(call.method));
    env.active.getSheetByName('Posts');
    expect(seenBySecond).toEqual(['Spreadsheet.getSheets', 'Spreadsheet.getSheetByName']);
  });
});
