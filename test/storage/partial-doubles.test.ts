/**
 * Users test their scripts against doubles of their own (gas-local's mocks, hand-written fakes) that
 * often implement only the common methods. Where sheetorm calls a method such a double may lack,
 * and a safe way without it exists, it takes that way instead of failing with a TypeError.
 */
import { Model, configure } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
}

/** `target` with the named methods missing; other methods called on the target itself. */
function without<T extends object>(target: T, missing: string[], wrap: Record<string, (value: any) => unknown> = {}): T {
  return new Proxy(target, {
    get(object, key) {
      if (typeof key === 'string' && missing.includes(key)) return undefined;
      const value = (object as Record<string | symbol, unknown>)[key];
      if (typeof value !== 'function') return value;
      const wrapper = typeof key === 'string' ? wrap[key] : undefined;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(object, args);
        return wrapper ? wrapper(result) : result;
      };
    },
  });
}

/** Configures a double of the active spreadsheet whose sheets lack `sheetMethods` and whose ranges lack `rangeMethods`. */
function useDouble(sheetMethods: string[], rangeMethods: string[] = []) {
  const rangeDouble = (range: object) => without(range, rangeMethods);
  const sheetDouble = (sheet: object | null) => sheet && without(sheet, sheetMethods, { getRange: rangeDouble, getDataRange: rangeDouble });
  configure({ spreadsheet: without(gas().active, [], { getSheetByName: sheetDouble }) as never });
}

describe('a Sheet double without getMaxRows or getFrozenRows', () => {
  it('grows the grid by inserting rows after the last row read, and writes the new rows there', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    useDouble(['getMaxRows', 'getFrozenRows']);
    Post.createMany([{ title: 'b' }, { title: 'c' }]);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c']]);
    expect(gas().calls.count('Sheet.insertRowsAfter')).toBe(1);
  });

  it('deletes every row of a small sheet', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a'], [2, 'b']] });
    useDouble(['getMaxRows', 'getFrozenRows']);
    Post.query().delete();
    expect(sheetRows('Posts')).toEqual([['id', 'title']]);
  });
});

describe('a Range double without getFormulas', () => {
  it('puts new rows below filler rows it cannot check for formulas, leaving them as they are', () => {
    seedSheets({ Posts: [['id', 'title', 'done'], [1, 'a', true], ['', '', false], ['', '', false]] });
    useDouble([], ['getFormulas']);
    Post.create({ title: 'b' });
    expect(sheetRows('Posts')).toEqual([
      ['id', 'title', 'done'],
      [1, 'a', true],
      ['', '', false],
      ['', '', false],
      [2, 'b', ''],
    ]);
  });
});

describe('a Lock double without hasLock', () => {
  it('is taken and released around the write, as a lock not yet held', () => {
    seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
    const calls: string[] = [];
    const lock = {
      tryLock: () => {
        calls.push('tryLock');
        return true;
      },
      releaseLock: () => {
        calls.push('releaseLock');
      },
    };
    configure({ lock: lock as never });
    Post.create({ title: 'b' });
    expect(calls).toEqual(['tryLock', 'releaseLock']);
    expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a'], [2, 'b']]);
  });
});
