import { createAppsScript } from '../../src/testing';

function sheetOf(rows: unknown[][] = [['id', 'name'], [1, 'Ann'], [2, 'Bob']]) {
  const env = createAppsScript({ sheets: { Users: rows } });
  return { env, sheet: env.active.getSheetByName('Users')! };
}

const signature = (types: string, method: string) => `The parameters (${types}) don't match the method signature for SpreadsheetApp.Range.${method}.`;

describe('font weight', () => {
  it('is normal until set, per cell, and reads back bold', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['normal', 'normal']]);
    sheet.getRange('A1:B1').setFontWeight('bold');
    expect(sheet.getRange('A1:B2').getFontWeights()).toEqual([['bold', 'bold'], ['normal', 'normal']]);
    expect(sheet.getRange('B1:C1').getFontWeight()).toBe('bold');
    sheet.getRange('A1').setFontWeight('normal');
    sheet.getRange('B1').setFontWeight(null); // null resets
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['normal', 'normal']]);
  });

  it('sets a matrix of the exact shape, null resetting', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B2').setFontWeights([['bold', null], ['normal', 'bold']]);
    expect(sheet.getRange('A1:B2').getFontWeights()).toEqual([['bold', 'normal'], ['normal', 'bold']]);
    expect(() => sheet.getRange('A1:B2').setFontWeights([['bold', 'bold']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setFontWeights([['bold'], ['bold']])).toThrow('The data has 1 but the range has 2.');
  });

  it('refuses arguments of the wrong kind with the signature error, and weights the reference lacks', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1');
    expect(() => range.setFontWeight(700 as never)).toThrow(signature('number', 'setFontWeight'));
    expect(() => (range.setFontWeight as () => unknown)()).toThrow(signature('', 'setFontWeight'));
    expect(() => range.setFontWeights(['bold'] as never)).toThrow(signature('String[]', 'setFontWeights'));
    expect(() => range.setFontWeights([[true]] as never)).toThrow(signature('Boolean[][]', 'setFontWeights'));
    expect(() => range.setFontWeight('heavy' as never)).toThrow(TypeError);
    // A refused entry formats nothing.
    expect(() => sheet.getRange('A1:B1').setFontWeights([['bold', 'heavy' as never]])).toThrow('not simulated');
    expect(range.getFontWeight()).toBe('normal');
  });
});

describe('background', () => {
  it('is #ffffff until set, and reads back CSS colours as lowercase #rrggbb', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    sheet.getRange('A1:B1').setBackground('#FF9900');
    sheet.getRange('A2').setBackground('red');
    sheet.getRange('B2').setBackground('#0f0');
    expect(sheet.getRange('A1:C2').getBackgrounds()).toEqual([
      ['#ff9900', '#ff9900', '#ffffff'],
      ['#ff0000', '#00ff00', '#ffffff'],
    ]);
    sheet.getRange('A1:B2').setBackground(null);
    expect(sheet.getRange('A1:B2').getBackgrounds()).toEqual([['#ffffff', '#ffffff'], ['#ffffff', '#ffffff']]);
  });

  it('sets a matrix of the exact shape, null resetting', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B1').setBackgrounds([['white', '#123456']]);
    sheet.getRange('A1:B1').setBackgrounds([[null, '#abcdef']]);
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ffffff', '#abcdef']]);
    expect(() => sheet.getRange('A1:B1').setBackgrounds([['red']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('refuses arguments of the wrong kind, and colours the kit does not simulate', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1');
    expect(() => range.setBackground(0xff0000 as never)).toThrow(signature('number', 'setBackground'));
    expect(() => range.setBackgrounds('red' as never)).toThrow(signature('String', 'setBackgrounds'));
    expect(() => range.setBackground('rgb(1, 2, 3)')).toThrow(TypeError);
    expect(() => range.setBackground('not a colour')).toThrow('not simulated');
    expect(range.getBackground()).toBe('#ffffff');
  });
});

describe('formatting and the grid', () => {
  it('is cleared by clear() and clear({formatOnly}), kept by clearContent()', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1:B1').setFontWeight('bold').setBackground('yellow');
    range.clearContent();
    expect([range.getFontWeight(), range.getBackground(), range.getValue()]).toEqual(['bold', '#ffff00', '']);
    range.clear({ formatOnly: true });
    expect([range.getFontWeight(), range.getBackground()]).toEqual(['normal', '#ffffff']);
  });

  it('keeps the values on clear({formatOnly}) and the formatting on clear({contentsOnly})', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange('A1').setValue('kept').setFontWeight('bold');
    range.clear({ formatOnly: true });
    expect([range.getValue(), range.getFontWeight()]).toEqual(['kept', 'normal']);
    range.setFontWeight('bold').clear({ contentsOnly: true });
    expect([range.getValue(), range.getFontWeight()]).toEqual(['', 'bold']);
  });

  it('moves with rows that are inserted or deleted, and inserted rows copy it', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A2').setBackground('#cccccc').setFontWeight('bold');
    sheet.insertRowsBefore(2, 1);
    expect(sheet.getRange('A3').getBackground()).toBe('#cccccc');
    expect(sheet.getRange('A2').getBackground()).toBe('#cccccc'); // formatted like its neighbour
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A2').getBackground()).toBe('#ffffff');
    expect(sheet.getLastRow()).toBe(2); // formatting alone is no content
  });

  it('counts every call, refused ones included', () => {
    const { env, sheet } = sheetOf();
    env.calls.reset();
    const range = sheet.getRange('A1');
    range.setBackground('white');
    range.getBackgrounds();
    range.setFontWeights([['bold']]);
    expect(() => range.setFontWeight(1 as never)).toThrow();
    expect(env.calls.byMethod()).toEqual({
      'Sheet.getRange': 1,
      'Range.setBackground': 1,
      'Range.getBackgrounds': 1,
      'Range.setFontWeights': 1,
      'Range.setFontWeight': 1,
    });
  });
});
