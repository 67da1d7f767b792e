import { createAppsScript } from '../../src/testing';

function sheetOf(rows: unknown[][] = [['id', 'name'], [1, 'Ann']]) {
  const env = createAppsScript({ sheets: { Users: rows } });
  return { env, sheet: env.active.getSheetByName('Users')! };
}

describe('sheet dimensions', () => {
  it('gives a new sheet 1000 rows and 26 columns', () => {
    const env = createAppsScript();
    const sheet = env.active.insertSheet('Fresh');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });

  it('grows a seeded sheet to fit its seed', () => {
    const wide = [Array.from({ length: 30 }, (_, i) => `c${i}`)];
    const tall = Array.from({ length: 1200 }, (_, i) => [i]);
    const env = createAppsScript({ sheets: { Wide: wide, Tall: tall } });
    expect(env.active.getSheetByName('Wide')!.getMaxColumns()).toBe(30);
    expect(env.active.getSheetByName('Tall')!.getMaxRows()).toBe(1200);
    expect(env.active.getSheetByName('Tall')!.getMaxColumns()).toBe(26);
  });
});

describe('getRange coordinates', () => {
  it('is 1-based', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange(1, 1).getValue()).toBe('id');
    expect(sheet.getRange(2, 2).getValue()).toBe('Ann');
  });

  it('refuses a start row or column below 1 with the real messages', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
  });

  it('refuses zero rows or columns with the real messages', () => {
    const { sheet } = sheetOf();
    // The classic empty-table bug: getLastRow() - 1 rows of data when there is none.
    expect(() => sheet.getRange(2, 1, 0, 2)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
  });

  it('refuses a range past the grid', () => {
    const { sheet } = sheetOf();
    const message = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet.getRange(1001, 1)).toThrow(message);
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(message);
    expect(() => sheet.getRange(1, 26, 1, 2)).toThrow(message);
    expect(() => sheet.getRange('A1000:A1001')).toThrow(message);
  });

  it('refuses a getCell outside its range with the real message', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('B2:C3');
    expect(range.getCell(2, 2).getA1Notation()).toBe('C3');
    for (const [row, column] of [[0, 1], [1, 0], [3, 1], [1, 3]]) {
      expect(() => range.getCell(row, column)).toThrow(new Error('Cell reference out of range'));
    }
  });

  it('throws errors named Exception, like Apps Script', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(0, 1)).toThrow(expect.objectContaining({ name: 'Exception' }));
  });

  it('refuses arguments of the wrong type with the signature message', () => {
    const { sheet } = sheetOf();
    const getRange = sheet.getRange as unknown as (...args: unknown[]) => unknown;
    expect(() => getRange.call(sheet, undefined, 1)).toThrow(
      "The parameters (null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
    expect(() => getRange.call(sheet, '1', 1)).toThrow("don't match the method signature");
  });

  it('accepts every real form of getRange', () => {
    const { sheet } = sheetOf([['a', 'b', 'c'], [1, 2, 3], [4, 5, 6]]);
    expect(sheet.getRange(2, 1, 2).getValues()).toEqual([[1], [4]]);
    expect(sheet.getRange(2, 2, 2, 2).getValues()).toEqual([[2, 3], [5, 6]]);
    expect(sheet.getRange('B2:C3').getValues()).toEqual([[2, 3], [5, 6]]);
    expect(sheet.getRange('$B$2').getValue()).toBe(2);
    expect(sheet.getRange('c3:b2').getA1Notation()).toBe('B2:C3');
    expect(sheet.getRange('R2C2:R3C3').getValues()).toEqual([[2, 3], [5, 6]]);
    expect(sheet.getRange('r3c1').getA1Notation()).toBe('A3');
  });

  it('reads open-ended A1 notation to the edge of the grid', () => {
    const { sheet } = sheetOf();
    const column = sheet.getRange('A:A');
    expect([column.getRow(), column.getNumRows(), column.getNumColumns()]).toEqual([1, 1000, 1]);
    const row = sheet.getRange('2:2');
    expect([row.getRow(), row.getNumRows(), row.getNumColumns()]).toEqual([2, 1, 26]);
    const tail = sheet.getRange('A2:B');
    expect([tail.getRow(), tail.getNumRows(), tail.getNumColumns()]).toEqual([2, 999, 2]);
  });

  it('says "Range not found" for notation it cannot read or a sheet that does not exist', () => {
    const { env, sheet } = sheetOf();
    expect(() => sheet.getRange('A')).toThrow('Range not found');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => env.active.getRange('Nope!A1')).toThrow('Range not found');
  });

  it('offsets ranges with the same checks', () => {
    const { sheet } = sheetOf([['a', 'b'], [1, 2]]);
    const range = sheet.getRange('A1');
    expect(range.offset(1, 1).getValue()).toBe(2);
    expect(range.offset(0, 0, 2, 2).getA1Notation()).toBe('A1:B2');
    expect(() => range.offset(-1, 0)).toThrow('The starting row of the range is too small.');
  });

  it('keeps the size of the range when offset is not given one (the reference: "the same size")', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:B2');
    expect(range.offset(1, 0).getA1Notation()).toBe('A2:B3');
    expect(range.offset(0, 1, 1).getA1Notation()).toBe('B1:C1');
  });

  it('is blank only when every cell of the range is', () => {
    const { sheet } = sheetOf([['id', ''], ['', '']]);
    expect(sheet.getRange('B1:B2').isBlank()).toBe(true);
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
    expect(sheet.getRange('A2:B2').isBlank()).toBe(true);
  });

  it('describes itself', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange(2, 3, 4, 5);
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 3, 4, 5]);
    expect([range.getLastRow(), range.getLastColumn(), range.getA1Notation()]).toEqual([5, 7, 'C2:G5']);
    expect(range.getSheet().getName()).toBe('Users');
  });
});

describe('used area', () => {
  it('gives the last row and column with content, 0 when empty', () => {
    const env = createAppsScript();
    const sheet = env.active.getSheets()[0];
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C5').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
  });

  it('counts formulas but not formats', () => {
    const env = createAppsScript();
    const sheet = env.active.getSheets()[0];
    sheet.getRange('A1:Z100').setNumberFormat('@');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B3').setFormula('=""');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
  });

  it('makes getDataRange A1 to the last row and column, and A1 on an empty sheet', () => {
    const { sheet } = sheetOf([['id', 'name', 'email'], [1, 'Ann']]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
    const empty = createAppsScript().active.getSheets()[0];
    expect(empty.getDataRange().getA1Notation()).toBe('A1');
    expect(empty.getDataRange().getValues()).toEqual([['']]);
  });

  it('rereads a stale range against the current grid', () => {
    const { sheet } = sheetOf();
    const last = sheet.getRange(1000, 1);
    sheet.deleteRows(900, 50);
    expect(() => last.getValue()).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('rereads a stale multi-cell range against the current grid, for getValues and setValues too', () => {
    const { env, sheet } = sheetOf();
    const tail = sheet.getRange(940, 1, 10, 2);
    sheet.deleteRows(900, 100);
    const message = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => tail.getValues()).toThrow(message);
    expect(() => tail.setValues(Array.from({ length: 10 }, () => ['x', 'y']))).toThrow(message);
    expect(sheet.getMaxRows()).toBe(900);
    expect(env.sheetValues('Users')).toEqual([['id', 'name'], [1, 'Ann']]);
  });
});

describe('getRangeList', () => {
  it('sets one value in every cell of every range with one logged write, parsing text as setValue does', () => {
    const { env, sheet } = sheetOf([['id', 'code', 'note'], [1, 'a', 'x'], [2, 'b', 'y'], [3, 'c', 'z']]);
    env.calls.reset();
    const list = sheet.getRangeList(['B2', 'B4', 'C3:C4']);
    expect(list.getRanges().map((range) => range.getA1Notation())).toEqual(['B2', 'B4', 'C3:C4']);
    list.setValue('00123');
    expect(env.sheetValues('Users')).toEqual([['id', 'code', 'note'], [1, 123, 'x'], [2, 'b', 123], [3, 123, 123]]);
    sheet.getRangeList(['B2']).setValue("'00123");
    expect(sheet.getRange('B2').getValue()).toBe('00123');
    expect(env.calls.writes('Users')).toBe(2);
    expect(env.calls.count('RangeList.setValue')).toBe(2);
  });

  it('refuses what Apps Script refuses, before writing anything', () => {
    const { env, sheet } = sheetOf();
    expect(() => sheet.getRangeList(['B2', 'nonsense!!'])).toThrow('Range not found');
    expect(() => sheet.getRangeList(['B2', 'B2000'])).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => (sheet.getRangeList as unknown as (a1: string) => unknown)('B2')).toThrow(/parameters \(String\) don't match the method signature for SpreadsheetApp\.Sheet\.getRangeList/);
    expect(() => (sheet.getRangeList as unknown as (a1s: unknown[]) => unknown)([1, 2])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
    );
    expect(() => (sheet.getRangeList(['B2']) as unknown as { setValue(): unknown }).setValue()).toThrow(/RangeList\.setValue/);
    expect(() => (sheet.getRangeList(['B2']) as unknown as Record<string, () => unknown>).setValues()).toThrow(TypeError);
    expect(env.sheetValues('Users')).toEqual([['id', 'name'], [1, 'Ann']]);
  });

  it('gives a new array on every getRanges, so changing one changes nothing', () => {
    const { sheet } = sheetOf();
    const list = sheet.getRangeList(['A1', 'B2']);
    list.getRanges().pop();
    expect(list.getRanges().map((range) => range.getA1Notation())).toEqual(['A1', 'B2']);
  });
});
