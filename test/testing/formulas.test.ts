import { createAppsScript } from '../../src/testing';

function withSheet(rows: unknown[][]) {
  const env = createAppsScript({ sheets: { S: rows } });
  return { env, sheet: env.active.getSheetByName('S')! };
}

function value(formula: string, rows: unknown[][] = [[1, 2, 'a'], [3, 4, 'b']]): unknown {
  const { sheet } = withSheet(rows);
  sheet.getRange('Z1').setFormula(formula);
  return sheet.getRange('Z1').getValue();
}

describe('setFormula without a leading "="', () => {
  it('is refused as not simulated, leaving the cell; "" clears it', () => {
    const { sheet } = withSheet([[1, 2]]);
    expect(() => sheet.getRange('A1').setFormula('SUM(1,2)')).toThrow('setFormula("SUM(1,2)") has no leading "="');
    expect(() => sheet.getRange('A1:B1').setFormulas([['=1', '1+1']])).toThrow('setFormula("1+1")');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, 2]]);
    sheet.getRange('B1').setFormula('');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, '']]);
  });
});

describe('formula evaluation', () => {
  it.each([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=-A1+10/4', 1.5],
    ['=2^3', 8],
    ['="x"&A1&C2', 'x1b'],
    ['=A1+B2', 5],
    ['=SUM(A1:B2)', 10],
    ['=SUM(A1:C2, 5)', 15],
    ['=SUM(A:A)', 4],
    ['=ROW()', 1],
    ['=ROW(B7)', 7],
    ['=CONCAT(C1, C2)', 'ab'],
    ['=CONCATENATE(C1, "-", A2)', 'a-3'],
    ['=IF(A1>0, "pos", "neg")', 'pos'],
    ['=IF(A1=3, "yes")', false],
    ['=IF(C1="A", 1, 2)', 1],
    ['=A1<>B1', true],
    ['=1/0', '#DIV/0!'],
    ['=NOPE(1)', '#NAME?'],
    ['=VLOOKUP(1, A1:B2, 2, FALSE)', '#NAME?'],
    ['=C1+1', '#VALUE!'],
    ['=1+', '#ERROR!'],
  ])('evaluates %s', (formula, expected) => {
    expect(value(formula)).toEqual(expected);
  });

  it('shows a reference to an empty cell as blank', () => {
    expect(value('=Y9')).toBe('');
    expect(value('=Y9+1')).toBe(1);
  });

  it('returns formulas from getFormulas and "" for other cells', () => {
    const { sheet } = withSheet([[1, '=A1*2']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '=A1*2']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, 2]]);
  });

  it('re-evaluates on every read', () => {
    const { sheet } = withSheet([[1, '=A1*2']]);
    sheet.getRange('A1').setValue(21);
    expect(sheet.getRange('B1').getValue()).toBe(42);
  });

  it('reads references to other sheets', () => {
    const env = createAppsScript({ sheets: { A: [['=B!A1*2']], B: [[5]] } });
    expect(env.sheetValues('A')).toEqual([[10]]);
  });

  it('gives "#REF!" for a circular reference', () => {
    const { env } = withSheet([['=B1', '=A1']]);
    expect(env.sheetValues('S')).toEqual([['#REF!', '#REF!']]);
  });

  it('fills relative references when one formula is set on many cells', () => {
    const { env, sheet } = withSheet([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*$A$1+A$1');
    expect(env.sheetFormulas('S').map((row) => row[1])).toEqual(['=A1*$A$1+A$1', '=A2*$A$1+A$1', '=A3*$A$1+A$1']);
    expect(env.sheetValues('S').map((row) => row[1])).toEqual([2, 3, 4]);
  });
});

describe('formulas when rows and columns move', () => {
  const seed = () => [['n', 'double'], [1, '=A2*2'], [2, '=A3*2'], ['total', '=SUM(B2:B3)']];

  it('moves formulas with their rows and shifts references below an insertion', () => {
    const { env, sheet } = withSheet(seed());
    sheet.insertRowsBefore(3, 2);
    expect(env.sheetFormulas('S').map((row) => row[1])).toEqual(['', '=A2*2', '', '', '=A5*2', '=SUM(B2:B5)']);
    expect(env.sheetValues('S')[5]).toEqual(['total', 6]);
  });

  it('leaves references above an insertion alone', () => {
    const { env, sheet } = withSheet(seed());
    sheet.insertRowsAfter(4, 3);
    expect(env.sheetFormulas('S').map((row) => row[1])).toEqual(['', '=A2*2', '=A3*2', '=SUM(B2:B3)']);
  });

  it('shifts references up after a deletion and gives "#REF!" for a deleted cell', () => {
    const { env, sheet } = withSheet(seed());
    sheet.deleteRow(2);
    expect(env.sheetFormulas('S').map((row) => row[1])).toEqual(['', '=A2*2', '=SUM(B2:B2)']);
    expect(env.sheetValues('S')).toEqual([['n', 'double'], [2, 4], ['total', 4]]);
    sheet.getRange('C1').setFormula('=A2+1');
    sheet.deleteRow(2);
    expect(sheet.getRange('C1').getFormula()).toBe('=#REF!+1');
    expect(sheet.getRange('C1').getValue()).toBe('#REF!');
  });

  it('shifts references from other sheets to the changed sheet', () => {
    const env = createAppsScript({ sheets: { Data: [[1], [2]], Report: [['=Data!A2'], ['=A1']] } });
    env.active.getSheetByName('Data')!.insertRowBefore(1);
    expect(env.sheetFormulas('Report')).toEqual([['=Data!A3'], ['=A1']]);
    expect(env.sheetValues('Report')).toEqual([[2], [2]]);
  });

  it('shifts column references when columns move', () => {
    const { env, sheet } = withSheet([[1, 2, '=A1+B1']]);
    sheet.insertColumnsBefore(2, 1);
    expect(env.sheetFormulas('S')[0][3]).toBe('=A1+C1');
    sheet.deleteColumns(1, 1);
    expect(env.sheetFormulas('S')[0][2]).toBe('=#REF!+B1');
  });
});
