import { createAppsScript } from '../../src/testing';

function sheetOf(rows: unknown[][]) {
  const env = createAppsScript({ sheets: { S: rows } });
  return { env, sheet: env.active.getSheetByName('S')! };
}

describe('Range.sort', () => {
  it('sorts the rows of the range by an absolute column number, ascending', () => {
    const { env, sheet } = sheetOf([['h', 'h', 'h'], ['x', 3, 'c'], ['y', 1, 'a'], ['z', 2, 'b'], ['below', 0, 'untouched']]);
    // B2:C4: column 2 is the sheet's column B, the range's first.
    sheet.getRange('B2:C4').sort(2);
    expect(env.calls.writes('S')).toBe(1); // a sort moves values: calls.writes() counts it
    expect(sheet.getRange('A1:C5').getValues()).toEqual([
      ['h', 'h', 'h'],
      ['x', 1, 'a'], // column A is outside the range and stays
      ['y', 2, 'b'],
      ['z', 3, 'c'],
      ['below', 0, 'untouched'],
    ]);
  });

  it('takes {column, ascending} and arrays of keys, later keys breaking ties', () => {
    const { sheet } = sheetOf([['b', 1], ['a', 2], ['b', 2], ['a', 1]]);
    const range = sheet.getRange('A1:B4');
    range.sort({ column: 2, ascending: false });
    expect(range.getValues()).toEqual([['a', 2], ['b', 2], ['b', 1], ['a', 1]]); // ties keep their order
    range.sort([{ column: 1, ascending: true }, { column: 2, ascending: false }]);
    expect(range.getValues()).toEqual([['a', 2], ['a', 1], ['b', 2], ['b', 1]]);
    range.sort([2, 1]);
    expect(range.getValues()).toEqual([['a', 1], ['b', 1], ['a', 2], ['b', 2]]);
  });

  it('puts numbers and dates before text and booleans, and blanks last in both directions', () => {
    const day = new Date(Date.UTC(2024, 0, 2)); // serial 45293
    const { sheet } = sheetOf([[true], ['Banana'], [''], [50000], ['apple'], [false], [day], [3]]);
    const range = sheet.getRange('A1:A8');
    range.sort(1);
    expect(range.getValues().map((r) => r[0])).toEqual([3, day, 50000, 'apple', 'Banana', false, true, '']);
    range.sort({ column: 1, ascending: false });
    expect(range.getValues().map((r) => r[0])).toEqual([true, false, 'Banana', 'apple', 50000, day, 3, '']);
  });

  it('moves formulas and formatting with their rows, relative references following', () => {
    const { env, sheet } = sheetOf([['n', 'double'], [2, '=A2*2'], [1, '=A3*2'], [3, '=$A$2+A4']]);
    sheet.getRange('A3:B3').setBackground('#eeeeee');
    sheet.getRange('A2:B4').sort(1);
    expect(env.sheetFormulas('S')).toEqual([['', ''], ['', '=A2*2'], ['', '=A3*2'], ['', '=$A$2+A4']]);
    expect(env.sheetValues('S')).toEqual([['n', 'double'], [1, 2], [2, 4], [3, 4]]);
    expect(sheet.getRange('A2:B3').getBackgrounds()).toEqual([['#eeeeee', '#eeeeee'], ['#ffffff', '#ffffff']]);
  });

  it('refuses a column outside the range, a malformed specification, and a missing argument', () => {
    const { env, sheet } = sheetOf([[2, 'b'], [1, 'a']]);
    const range = sheet.getRange('B1:B2');
    expect(() => range.sort(1)).toThrow('column 1 is outside the range');
    expect(() => range.sort([{ column: 2 }, 3])).toThrow('column 3 is outside the range');
    expect(() => range.sort('B')).toThrow('the sort specification must be');
    expect(() => range.sort({ column: 2, ascending: 'no' })).toThrow('the sort specification must be');
    expect(() => range.sort([])).toThrow('the sort specification must be');
    expect(() => (range.sort as () => unknown)()).toThrow(
      "The parameters () don't match the method signature for SpreadsheetApp.Range.sort.",
    );
    expect(env.sheetValues('S')).toEqual([[2, 'b'], [1, 'a']]); // nothing moved
    expect(env.calls.count('Range.sort')).toBe(6);
  });
});
