import { createAppsScript } from '../../src/testing';
import { formulaCells } from '../../src/testing/grid';
import { sheetState } from '../../src/testing/sheet';

function posts(rows: unknown[][] = [['id', 'title'], [1, 'a'], [2, 'b']]) {
  const env = createAppsScript({ sheets: { Posts: rows } });
  return { env, sheet: env.active.getSheetByName('Posts')! };
}

describe('appendRow', () => {
  it('writes after the last row with content, parsing values like setValues', () => {
    const { env, sheet } = posts();
    sheet.getRange('A10').setNumberFormat('@');
    sheet.appendRow([3, '00042', '=A4*2']);
    expect(env.sheetValues('Posts')[3]).toEqual([3, 42, 6]);
  });

  it('grows the grid when the sheet is full', () => {
    const full = Array.from({ length: 1000 }, (_, i) => [i + 1]);
    const { env, sheet } = posts(full);
    sheet.appendRow(['next']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(env.sheetValues('Posts')[1000]).toEqual(['next']);
  });

  it('grows the columns for a row wider than the sheet', () => {
    const { sheet } = posts();
    sheet.appendRow(Array.from({ length: 30 }, (_, i) => i));
    expect(sheet.getMaxColumns()).toBe(30);
  });

  it('refuses a non-array', () => {
    const { sheet } = posts();
    expect(() => (sheet.appendRow as (v: unknown) => unknown)('x')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
    );
  });
});

describe('deleting rows', () => {
  it('moves the rows below up and shrinks the grid', () => {
    const { env, sheet } = posts([['id'], [1], [2], [3], [4]]);
    sheet.deleteRows(2, 2);
    expect(env.sheetValues('Posts')).toEqual([['id'], [3], [4]]);
    expect(sheet.getMaxRows()).toBe(998);
    sheet.deleteRow(2);
    expect(env.sheetValues('Posts')).toEqual([['id'], [4]]);
  });

  it('refuses rows outside the sheet', () => {
    const { sheet } = posts();
    expect(() => sheet.deleteRows(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRow(1001)).toThrow('Those rows are out of bounds.');
  });

  it('refuses a missing count or a fractional position with the signature message', () => {
    const { env, sheet } = posts();
    const deleteRows = sheet.deleteRows as unknown as (...args: unknown[]) => void;
    expect(() => deleteRows.call(sheet, 2)).toThrow("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.deleteRows.");
    expect(() => deleteRows.call(sheet, 1.5, 1)).toThrow("The parameters (number,number) don't match the method signature for SpreadsheetApp.Sheet.deleteRows.");
    expect([sheet.getMaxRows(), env.sheetValues('Posts').length]).toEqual([1000, 3]);
  });

  it('refuses to delete every non-frozen row', () => {
    const { sheet } = posts();
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.deleteRows(2, 998);
    expect(sheet.getMaxRows()).toBe(2);
  });
});

describe('freezing rows', () => {
  it('refuses to freeze every row of the sheet', () => {
    const { sheet } = posts();
    expect(() => sheet.setFrozenRows(1000)).toThrow("You can't freeze all visible rows on the sheet.");
    sheet.setFrozenRows(999);
    expect(sheet.getFrozenRows()).toBe(999);
  });
});

describe('inserting rows and columns', () => {
  it('grows maxRows and moves content down', () => {
    const { env, sheet } = posts();
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(env.sheetValues('Posts')).toEqual([['id', 'title'], ['', ''], ['', ''], [1, 'a'], [2, 'b']]);
    sheet.insertRowAfter(1000);
    sheet.insertRowBefore(1);
    expect(sheet.getMaxRows()).toBe(1004);
    expect(env.sheetValues('Posts')[0]).toEqual(['', '']);
  });

  it('extends the grid at its end, which is how a table grows before a write past its last row', () => {
    const { sheet } = posts();
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    expect(sheet.getMaxRows()).toBe(1500);
    sheet.getRange(1500, 1).setValue('last');
    expect(sheet.getLastRow()).toBe(1500);
  });

  it('refuses positions outside the sheet', () => {
    const { sheet } = posts();
    expect(() => sheet.insertRowsAfter(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRowsBefore(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertColumnsAfter(27, 1)).toThrow('Those columns are out of bounds.');
  });

  it('gives inserted rows the number formats of the row they were inserted after', () => {
    const { sheet } = posts();
    sheet.getRange('A2:B2').setNumberFormat('@');
    sheet.insertRowsAfter(2, 1);
    sheet.getRange('A3:B3').setValues([['007', '1,000']]);
    expect(sheet.getRange('A3:B3').getValues()).toEqual([['007', '1,000']]);
  });

  it('inserts single columns and rows, and rows or columns before a position, returning the Sheet where the real API does', () => {
    const { env, sheet } = posts();
    expect(sheet.insertColumnBefore(1)).toBe(sheet);
    expect(sheet.insertColumnAfter(2)).toBe(sheet);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(env.sheetValues('Posts')).toEqual([['', 'id', '', 'title'], ['', 1, '', 'a'], ['', 2, '', 'b']]);
    expect(sheet.insertColumns(2)).toBeUndefined();
    sheet.insertColumns(2, 2);
    expect(sheet.getMaxColumns()).toBe(31);
    expect(env.sheetValues('Posts')[1]).toEqual(['', '', '', '', 1, '', 'a']);
    expect(sheet.insertRows(2)).toBeUndefined();
    sheet.insertRows(2, 2);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(env.sheetValues('Posts').map((row) => row[4])).toEqual(['id', '', '', '', 1, 2]);
  });

  it('refuses single and counted inserts outside the sheet', () => {
    const { sheet } = posts();
    expect(() => sheet.insertColumnBefore(0)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.insertColumnAfter(27)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.insertColumns(27)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.insertColumns(1, 0)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.insertRows(0)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.insertRows(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => (sheet.insertRows as (...a: unknown[]) => unknown)(1, 2, 3)).toThrow(
      "The parameters (number,number,number) don't match the method signature for SpreadsheetApp.Sheet.insertRows.",
    );
    expect(() => (sheet.insertColumnBefore as (v: unknown) => unknown)('A')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.insertColumnBefore.",
    );
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
  });

  it('moves formulas with single inserted columns', () => {
    const { env, sheet } = posts([['id', 'twice'], [2, '=A2*2']]);
    sheet.insertColumnBefore(1);
    expect(env.sheetFormulas('Posts')[1]).toEqual(['', '', '=B2*2']);
    expect(env.sheetValues('Posts')[1]).toEqual(['', 2, 4]);
  });

  it('inserts and deletes columns', () => {
    const { env, sheet } = posts();
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(env.sheetValues('Posts')[1]).toEqual([1, '', '', 'a']);
    sheet.deleteColumns(2, 2);
    sheet.deleteColumn(1);
    expect(env.sheetValues('Posts')).toEqual([['title'], ['a'], ['b']]);
    expect(() => sheet.deleteColumns(1, 25)).toThrow('Those columns are out of bounds.');
  });
});

describe('the 10,000,000-cell limit', () => {
  const message = 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

  it('refuses growth that would pass it', () => {
    const env = createAppsScript();
    const sheet = env.active.getSheets()[0];
    sheet.insertColumnsAfter(26, 74); // 1000 x 100 = 100,000 cells
    sheet.insertRowsAfter(1000, 98000); // 99,000 x 100 = 9,900,000
    expect(() => sheet.insertRowsAfter(99000, 1001)).toThrow(message);
    sheet.insertRowsAfter(99000, 1000); // exactly 10,000,000 is allowed
    expect(sheet.getMaxRows()).toBe(100000);
    expect(() => env.active.insertSheet('More')).toThrow(message);
    expect(() => sheet.insertColumnsAfter(1, 1)).toThrow(message);
  });

  it('refuses an appendRow that would pass it', () => {
    const env = createAppsScript();
    const sheet = env.active.getSheets()[0];
    sheet.insertColumnsAfter(26, 74);
    sheet.insertRowsAfter(1000, 99000);
    sheet.getRange(100000, 1).setValue('full');
    expect(() => sheet.appendRow(['x'])).toThrow(message);
  });
});

describe('clearing', () => {
  it('clears contents, or contents and formats', () => {
    const { env, sheet } = posts();
    sheet.getRange('A2').setNumberFormat('@');
    sheet.getRange('A2:B2').clearContent();
    expect(env.sheetValues('Posts')[1]).toEqual(['', '']);
    expect(sheet.getRange('A2').getNumberFormat()).toBe('@');
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A2').getNumberFormat()).toBe('@');
    sheet.clear();
    expect(sheet.getRange('A2').getNumberFormat()).toBe('0.###############');
  });
});

describe('formulas across many row changes', () => {
  const bookOf = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => sheetState(sheet)!.book;

  it('finds the formula cells once for a run of deletions, not once per deleteRows', () => {
    const { sheet } = posts([['id', 'twice'], [1, '=A2*2'], [2, '=A3*2'], [3, 'x'], [4, 'y']]);
    const book = bookOf(sheet);
    sheet.deleteRows(5, 1);
    const found = formulaCells(book);
    sheet.deleteRows(4, 1);
    expect(formulaCells(book)).toBe(found);
    sheet.getRange('C1').setValue('plain');
    expect(formulaCells(book)).toBe(found);
  });

  it('moves a formula written after earlier deletions', () => {
    const { env, sheet } = posts([['id', 'twice'], [1, ''], [2, ''], [3, ''], [4, '']]);
    sheet.deleteRows(2, 1);
    sheet.getRange('B5').setFormula('=A4*2');
    sheet.deleteRows(2, 1);
    expect(env.sheetFormulas('Posts')[3]).toEqual(['', '=A3*2']);
    expect(env.sheetValues('Posts')[3]).toEqual(['', 8]);
  });

  it('moves formulas a sort has moved, and leaves cleared or deleted ones alone', () => {
    const { env, sheet } = posts([['id', 'twice'], [3, '=A2*2'], [1, '=A3*2'], [2, '=A4*2'], [9, 'x']]);
    sheet.deleteRows(6, 1);
    sheet.getRange('A2:B4').sort(1);
    sheet.getRange('B3').clearContent();
    sheet.deleteRows(2, 1);
    expect(env.sheetFormulas('Posts')).toEqual([['', ''], ['', ''], ['', '=A3*2'], ['', '']]);
    expect(env.sheetValues('Posts')).toEqual([['id', 'twice'], [2, ''], [3, 6], [9, 'x']]);
  });

  it('moves formulas of another sheet written between deletions', () => {
    const env = createAppsScript({ sheets: { Posts: [['id'], [1], [2], [3]], Report: [['first']] } });
    const sheet = env.active.getSheetByName('Posts')!;
    sheet.deleteRows(2, 1);
    env.active.getSheetByName('Report')!.getRange('A2').setFormula('=Posts!A3');
    sheet.deleteRows(2, 1);
    expect(env.sheetFormulas('Report')[1]).toEqual(['=Posts!A2']);
    expect(env.sheetValues('Report')[1]).toEqual([3]);
  });
});
