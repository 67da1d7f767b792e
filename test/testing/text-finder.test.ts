import { createAppsScript } from '../../src/testing';

function finder(text: string) {
  const env = createAppsScript({
    sheets: { S: [['id', 'name'], [1, 'Ann'], [2, 'anna'], [3, 'Bob'], [4, '=B2&"!"'], [5, 'Zoë']] },
  });
  return env.active.getSheetByName('S')!.createTextFinder(text);
}

const cells = (ranges: GoogleAppsScript.Spreadsheet.Range[]) => ranges.map((range) => range.getA1Notation());

describe('TextFinder', () => {
  it('finds shown text row by row, ignoring case by default', () => {
    expect(cells(finder('ann').findAll())).toEqual(['B2', 'B3', 'B5']);
  });

  it('matches case and the entire cell when asked', () => {
    expect(cells(finder('Ann').matchCase(true).findAll())).toEqual(['B2', 'B5']);
    expect(cells(finder('ann').matchEntireCell(true).findAll())).toEqual(['B2']);
  });

  it('uses regular expressions and formula text when asked', () => {
    expect(cells(finder('^[AB]').useRegularExpression(true).matchCase(true).findAll())).toEqual(['B2', 'B4', 'B5']);
    expect(cells(finder('B2&').matchFormulaText(true).findAll())).toEqual(['B5']);
    expect(cells(finder('Zoe').ignoreDiacritics(true).findAll())).toEqual(['B6']);
  });

  it('steps through matches with findNext and findPrevious', () => {
    const f = finder('ann');
    expect(f.findNext()!.getA1Notation()).toBe('B2');
    expect(f.findNext()!.getA1Notation()).toBe('B3');
    expect(f.getCurrentMatch()!.getA1Notation()).toBe('B3');
    expect(f.findPrevious()!.getA1Notation()).toBe('B2');
    expect(f.findNext()!.getA1Notation()).toBe('B3');
    expect(f.findNext()!.getA1Notation()).toBe('B5');
    expect(f.findNext()).toBeNull();
  });

  it('starts after a given cell', () => {
    const env = createAppsScript({ sheets: { S: [['x'], ['x'], ['x']] } });
    const sheet = env.active.getSheetByName('S')!;
    const f = sheet.createTextFinder('x').startFrom(sheet.getRange('A1'));
    expect(f.findNext()!.getRow()).toBe(2);
  });

  it('searches within a range', () => {
    const env = createAppsScript({ sheets: { S: [['x', 'x'], ['x', 'x']] } });
    const range = env.active.getSheetByName('S')!.getRange('B1:B2');
    expect(cells(range.createTextFinder('x').findAll())).toEqual(['B1', 'B2']);
  });
});
