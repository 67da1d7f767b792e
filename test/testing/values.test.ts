import { createAppsScript } from '../../src/testing';

function blank(timeZone?: string) {
  const env = createAppsScript({ timeZone });
  return { env, sheet: env.active.getSheets()[0] };
}

function newYorkTimes(env: ReturnType<typeof createAppsScript>, dates: Date[]): string[] {
  return dates.map((date) => env.Utilities.formatDate(date, 'America/New_York', 'yyyy-MM-dd HH:mm'));
}

function typed(value: unknown, timeZone?: string): unknown {
  const { sheet } = blank(timeZone);
  sheet.getRange('A1').setValues([[value]]);
  return sheet.getRange('A1').getValue();
}

describe('setValues dimensions', () => {
  it('refuses data with the wrong number of rows, with the real message', () => {
    const { sheet } = blank();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('refuses a row of the wrong width, with the real message', () => {
    const { sheet } = blank();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('refuses a row longer than the range too, writing nothing', () => {
    const { env, sheet } = blank();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(env.sheetValues('Sheet1')).toEqual([]);
  });

  it('refuses data that is not two-dimensional', () => {
    const { sheet } = blank();
    const range = sheet.getRange(1, 1, 1, 3) as unknown as { setValues(v: unknown): unknown };
    // The real service names a list by its elements' type: (number[]), (String[]), (Object[]) when mixed.
    expect(() => range.setValues([1, 2, 3])).toThrow("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
    expect(() => range.setValues(['x', 'y', 'z'])).toThrow("The parameters (String[]) don't match the method signature");
    expect(() => range.setValues([1, 2, null])).toThrow("The parameters (Object[]) don't match the method signature");
    expect(() => range.setValues([[1, 2, 3], 4])).toThrow("The parameters (Object[]) don't match the method signature");
    expect(() => range.setValues('abc')).toThrow("The parameters (String) don't match the method signature");
  });

  it('refuses an Invalid Date rather than guess what Sheets stores for it', () => {
    const { env, sheet } = blank();
    expect(() => sheet.getRange('A1').setValue(new Date('nope'))).toThrow(/Invalid Date/);
    expect(() => sheet.getRange('A1:B1').setValues([['kept', new Date(NaN)]])).toThrow(/Invalid Date/);
    expect(env.sheetValues('Sheet1')).toEqual([]);
  });

  it('stores a list written into a cell as the Java array text Sheets shows, not as joined items', () => {
    const { env, sheet } = blank();
    sheet.getRange('A1:B1').setValues([[['news', 'tech'], 'kept']]);
    sheet.appendRow([['a', 'b']]);
    const [[first, kept], [second]] = env.sheetValues('Sheet1') as string[][];
    expect(first).toMatch(/^\[Ljava\.lang\.Object;@[0-9a-f]+$/);
    expect(second).toMatch(/^\[Ljava\.lang\.Object;@[0-9a-f]+$/);
    expect(second).not.toBe(first);
    expect(kept).toBe('kept');
  });

  it('needs the value setValue writes (no argument is a signature error, not an emptied cell)', () => {
    const { env, sheet } = blank();
    sheet.getRange('A1').setValue('kept');
    const range = sheet.getRange('A1') as unknown as { setValue(...v: unknown[]): unknown };
    expect(() => range.setValue()).toThrow("The parameters () don't match the method signature for SpreadsheetApp.Range.setValue.");
    expect(env.sheetValues(sheet.getName())).toEqual([['kept']]);
    range.setValue(null);
    expect(env.sheetValues(sheet.getName())).toEqual([]);
  });

  it('writes nothing when one cell is refused', () => {
    const { env, sheet } = blank();
    expect(() => sheet.getRange('A1:B1').setValues([['ok', 'x'.repeat(50001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(env.sheetValues('Sheet1')).toEqual([]);
  });

  it('accepts exactly 50000 characters', () => {
    expect(typed('x'.repeat(50000))).toHaveLength(50000);
  });
});

describe('written values', () => {
  it('stores numbers, booleans and Dates as such, and copies Dates', () => {
    const { sheet } = blank();
    const date = new Date('2024-03-04T05:06:07Z');
    sheet.getRange('A1:C1').setValues([[42, true, date]]);
    date.setFullYear(2000);
    const [[n, b, d]] = sheet.getRange('A1:C1').getValues();
    expect([n, b]).toEqual([42, true]);
    expect(d).toEqual(new Date('2024-03-04T05:06:07Z'));
    d.setFullYear(1999);
    expect(sheet.getRange('C1').getValue()).toEqual(new Date('2024-03-04T05:06:07Z'));
  });

  it('shows the error #NUM! for NaN and infinities, which a cell cannot hold', () => {
    const { sheet } = blank();
    sheet.getRange('A1:C1').setValues([[NaN, Infinity, -Infinity]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#NUM!', '#NUM!', '#NUM!']]);
  });

  it('empties cells for null, undefined and ""', () => {
    const { env, sheet } = blank();
    sheet.getRange('A1:C1').setValues([['x', 'y', 'z']]);
    sheet.getRange('A1:C1').setValues([[null, undefined, '']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '', '']]);
    expect(env.active.getSheets()[0].getLastRow()).toBe(0);
  });

  it('keeps the number format of a cell it empties, as clearContent does', () => {
    const { sheet } = blank();
    const cell = sheet.getRange('A1').setNumberFormat('0.00').setValue(5);
    cell.setValue('');
    expect(cell.getNumberFormat()).toBe('0.00');
    cell.setValues([[7]]);
    expect(cell.getDisplayValue()).toBe('7.00');
  });

  it('gives a cell a Date is written to a date format: a number written there later reads back as a Date, until General', () => {
    const env = createAppsScript({ timeZone: 'UTC', sheets: { S: [['at'], [new Date(Date.UTC(2024, 0, 5))]] } });
    const sheet = env.active.getSheetByName('S')!;
    // Seeded, then a number: 45297 is 2024-01-06 in serial days.
    sheet.getRange('A2').setValue(45297);
    expect(sheet.getRange('A2').getValue()).toEqual(new Date(Date.UTC(2024, 0, 6)));
    // Written by a script, cleared (the format stays), then a number.
    sheet.getRange('B2').setValue(new Date(Date.UTC(2024, 0, 1))).clearContent().setValue(45298);
    expect(sheet.getRange('B2').getValue()).toEqual(new Date(Date.UTC(2024, 0, 7)));
    sheet.getRange('B2').setNumberFormat('General');
    expect(sheet.getRange('B2').getValue()).toBe(45298);
    // A cell that never held a Date keeps numbers as numbers.
    sheet.getRange('C2').setValue(45297);
    expect(sheet.getRange('C2').getValue()).toBe(45297);
  });

  it('takes "General" as no format: the default is reported afterwards', () => {
    const { sheet } = blank();
    const cell = sheet.getRange('A1').setNumberFormat('0.00').setValue(5);
    cell.setNumberFormat('General');
    expect(cell.getNumberFormat()).toBe('0.###############');
    expect(cell.getDisplayValue()).toBe('5');
  });

  it.each([
    ['00123', 123],
    ['1,234', 1234],
    [' 12 ', 12],
    ['+1', 1],
    ['-1', -1],
    ['.5', 0.5],
    ['1e3', 1000],
    ['5%', 0.05],
    ['$5', 5],
    ['-$5', -5],
    ['TRUE', true],
    ['false', false],
    ['True', true],
  ])('reads the string %j as Sheets does', (input, expected) => {
    expect(typed(input)).toBe(expected);
  });

  it.each([['1,23'], ['12abc'], ['#N/A'], ['=']])('keeps %j as text', (input) => {
    expect(typed(input)).toBe(input);
  });

  it('reads dates, date-times and times in the spreadsheet time zone', () => {
    expect(typed('2024-01-02')).toEqual(new Date('2024-01-02T00:00:00Z'));
    expect(typed('1/2/2024')).toEqual(new Date('2024-01-02T00:00:00Z'));
    expect(typed('2024-01-02 10:30')).toEqual(new Date('2024-01-02T10:30:00Z'));
    expect(typed('10:30')).toEqual(new Date('1899-12-30T10:30:00Z'));
    expect(typed('2024-01-02', 'America/New_York')).toEqual(new Date('2024-01-02T05:00:00Z'));
    expect(typed('2024-07-02 08:00', 'Europe/Paris')).toEqual(new Date('2024-07-02T06:00:00Z'));
  });

  it('reads a time the clocks skip as one the gap later, and a repeated one as the earlier, on both sides of UTC', () => {
    // Midnight is skipped in Beirut (+2 → +3) and Santiago (−4 → −3): the date is read at 01:00 that day.
    expect(typed('2024-03-31', 'Asia/Beirut')).toEqual(new Date('2024-03-30T22:00:00Z'));
    expect(typed('2024-09-08', 'America/Santiago')).toEqual(new Date('2024-09-08T04:00:00Z'));
    expect(typed('2024-03-10 02:30', 'America/New_York')).toEqual(new Date('2024-03-10T07:30:00Z'));
    expect(typed('2024-11-03 01:30', 'America/New_York')).toEqual(new Date('2024-11-03T05:30:00Z'));
    expect(typed('2024-10-27 02:30', 'Europe/Berlin')).toEqual(new Date('2024-10-27T00:30:00Z'));
  });

  it('reads month/day without a year as a date of the current year (on the kit clock, in the spreadsheet zone)', () => {
    const { env, sheet } = blank('Pacific/Auckland');
    env.clock.advance(Date.UTC(2031, 11, 31, 12) - env.clock.now());
    // 31 December 2031 12:00 UTC is already 2032 in Auckland.
    sheet.getRange('A1:E1').setValues([['1/2', '12/31 9:15', '13/2', '2/30', '1/2 25:00']]);
    sheet.getRange('A2').setValue('2/29');
    expect(sheet.getRange('A1:E1').getValues()[0]).toEqual([new Date('2032-01-01T11:00:00Z'), new Date('2032-12-30T20:15:00Z'), '13/2', '2/30', '1/2 25:00']);
    expect(sheet.getRange('A2').getValue()).toEqual(new Date('2032-02-28T11:00:00Z'));
  });

  it('reads a month name without a year in the current year of the spreadsheet zone too', () => {
    const { env, sheet } = blank('Pacific/Auckland');
    env.clock.advance(Date.UTC(2031, 11, 31, 12) - env.clock.now());
    sheet.getRange('A1:B1').setValues([['Jan 2', '3 March']]);
    expect(sheet.getRange('A1:B1').getValues()[0]).toEqual([new Date('2032-01-01T11:00:00Z'), new Date('2032-03-02T11:00:00Z')]);
  });

  it('reads 29 February of a leap year, 2000 included (divisible by 400), as a date', () => {
    expect(typed('2000-02-29')).toEqual(new Date('2000-02-29T00:00:00Z'));
    expect(typed('2/29/2024')).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(typed('2/29/2023')).toBe('2/29/2023');
  });

  it('reads a month name and day without a year, and an hour with AM/PM, as Sheets does', () => {
    const { env, sheet } = blank('America/New_York');
    env.clock.advance(Date.UTC(2030, 5, 1, 12) - env.clock.now());
    sheet.getRange('A1:F1').setValues([['Feb 20', '4 July', 'Mar. 1', 'Foo 1', 'Feb 30', 'May']]);
    expect(sheet.getRange('A1:F1').getValues()[0]).toEqual([
      new Date('2030-02-20T05:00:00Z'),
      new Date('2030-07-04T04:00:00Z'),
      new Date('2030-03-01T05:00:00Z'),
      'Foo 1',
      'Feb 30',
      'May',
    ]);
    sheet.getRange('A2:D2').setValues([['10 AM', '3pm', '12 am', '13 PM']]);
    const [ten, three, midnight, thirteen] = sheet.getRange('A2:D2').getValues()[0] as [Date, Date, Date, string];
    // A time alone is a fraction of day zero (1899-12-30) in the spreadsheet's zone.
    expect(newYorkTimes(env, [ten, three, midnight])).toEqual(['1899-12-30 10:00', '1899-12-30 15:00', '1899-12-30 00:00']);
    expect(thirteen).toBe('13 PM');
  });

  it('reads two-digit years as Sheets does: 00–29 in this century, 30–99 in the last', () => {
    expect(typed('3/1/16')).toEqual(new Date('2016-03-01T00:00:00Z'));
    expect(typed('12/31/29')).toEqual(new Date('2029-12-31T00:00:00Z'));
    expect(typed('1/1/30 9:15')).toEqual(new Date('1930-01-01T09:15:00Z'));
    expect(typed('2/29/01')).toBe('2/29/01');
  });

  it('reads dates written with the month\'s name (the Sheets API guide: "Mar 1 2016" becomes a date)', () => {
    expect(typed('Mar 1 2016')).toEqual(new Date('2016-03-01T00:00:00Z'));
    expect(typed('March 1, 2016')).toEqual(new Date('2016-03-01T00:00:00Z'));
    expect(typed('1 Mar 2016 10:30')).toEqual(new Date('2016-03-01T10:30:00Z'));
    expect(typed('Foo 1 2016')).toBe('Foo 1 2016');
    expect(typed('Feb 30 2016')).toBe('Feb 30 2016');
  });

  it('makes a string starting with "+" or "-" that is no number a formula, which shows an error', () => {
    const { sheet } = blank();
    sheet.getRange('A1:D1').setValues([['+44 20 7946 0958', '+abc', '- item', '-abc']]);
    expect(sheet.getRange('A1:D1').getFormulas()).toEqual([['=+44 20 7946 0958', '=+abc', '=- item', '=-abc']]);
    expect(sheet.getRange('A1:D1').getValues()[0].map((value) => String(value).charAt(0))).toEqual(['#', '#', '#', '#']);
    expect(typed("'+abc")).toBe('+abc');
    expect(typed("'- item")).toBe('- item');
    expect(typed('+')).toBe('+');
    expect(typed('-')).toBe('-');
    expect(typed('-12')).toBe(-12);
  });

  it('keeps impossible dates as text', () => {
    expect(typed('2024-02-30')).toBe('2024-02-30');
    expect(typed('13/1/2024')).toBe('13/1/2024');
  });

  it('drops a leading apostrophe and keeps the rest as text', () => {
    expect(typed("'00123")).toBe('00123');
    expect(typed("'=1+1")).toBe('=1+1');
    expect(typed("'TRUE")).toBe('TRUE');
  });

  it('makes "=..." a formula', () => {
    const { sheet } = blank();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe(2);
  });

  it('keeps strings as text in plain-text ("@") cells', () => {
    const { sheet } = blank();
    const range = sheet.getRange('A1:D1');
    range.setNumberFormat('@');
    range.setValues([['00123', 'TRUE', '=1+1', '2024-01-02']]);
    expect(range.getValues()).toEqual([['00123', 'TRUE', '=1+1', '2024-01-02']]);
    expect(range.getFormulas()).toEqual([['', '', '', '']]);
    expect(range.getNumberFormats()).toEqual([['@', '@', '@', '@']]);
  });

  it('sets every cell of a range with setValue', () => {
    const { sheet } = blank();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([[7, 7], [7, 7]]);
  });
});

describe('display values', () => {
  it('shows numbers plainly, booleans as TRUE/FALSE and dates as yyyy-MM-dd', () => {
    const { sheet } = blank();
    sheet.getRange('A1:E1').setValues([[0.1 + 0.2, true, new Date('2024-01-02T00:00:00Z'), 'x', '']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([['0.3', 'TRUE', '2024-01-02', 'x', '']]);
    sheet.getRange('A2').setValue(new Date('2024-01-02T10:30:00Z'));
    expect(sheet.getRange('A2').getDisplayValue()).toBe('2024-01-02 10:30:00');
  });

  it('follows simple number formats', () => {
    const { sheet } = blank();
    const range = sheet.getRange('A1:E1');
    range.setValues([[1234.5, 1234.5, 0.256, new Date('2024-01-02T13:05:00Z'), 7]]);
    range.setNumberFormats([['0.00', '#,##0', '0.0%', 'dd/mm/yyyy hh:mm', '000']]);
    expect(range.getDisplayValues()).toEqual([['1234.50', '1,235', '25.6%', '02/01/2024 13:05', '007']]);
  });

  it('shows a number with its section of a "positive;negative;zero" format, and refuses fraction placeholders', () => {
    const { sheet } = blank();
    const range = sheet.getRange('A1:E1');
    range.setValues([[3, -3, 0, -2, 5]]);
    range.setNumberFormats([['0.00;(0.00)', '0.00;(0.00)', '0.00;(0.00);"zero"', '0;;', '"a;b"0']]);
    expect(range.getDisplayValues()).toEqual([['3.00', '(3.00)', 'zero', '', 'a;b5']]);
    sheet.getRange('A2').setNumberFormat('# ?/?').setValue(0.5);
    expect(() => sheet.getRange('A2').getDisplayValue()).toThrow(/fraction placeholders/);
  });

  it('shows elapsed hours and minutes for [h] and [m] formats (1.5 days is 36:00)', () => {
    const { sheet } = blank('UTC');
    const range = sheet.getRange('A1:C1');
    range.setValues([[1.5, 0.75, 0.0625]]);
    range.setNumberFormats([['[h]:mm', '[hh]:mm:ss', '[mm]:ss']]);
    expect(range.getDisplayValues()).toEqual([['36:00', '18:00:00', '90:00']]);
  });

  it("shows the month's initial for mmmmm and a or p for a/p, in the token's case", () => {
    const { sheet } = blank('UTC');
    const range = sheet.getRange('A1:E1');
    const afternoon = new Date('2024-06-03T15:04:00Z');
    range.setValues([[afternoon, afternoon, afternoon, new Date('2024-12-03T09:04:00Z'), afternoon]]);
    range.setNumberFormats([['mmmmm', 'mmmmmm', 'h:mm a/p', 'mmmmm h:mm A/P', 'h:mm am/pm']]);
    expect(range.getDisplayValues()).toEqual([['J', 'June', '3:04 p', 'D 9:04 A', '3:04 PM']]);
  });

  it('shows quoted text and escaped characters of a date format as they are, letters included', () => {
    const { sheet } = blank('UTC');
    const range = sheet.getRange('A1:C1');
    const date = new Date('2024-06-03T15:04:00Z');
    range.setValues([[date, date, date]]);
    range.setNumberFormats([['"Q"mmmmm', '"day" d "of" mmmm', '\\Week d']]);
    expect(range.getDisplayValues()).toEqual([['QJ', 'day 3 of June', 'Week 3']]);
    range.setNumberFormats([['yyyy""', 'ha/p mm', 'hA/P:mm']]);
    expect(range.getDisplayValues()).toEqual([['2024', '3p 04', '3P:04']]);
  });

  it('reads a number in a cell with a date or time format as a Date (Sheets keeps dates as numbers)', () => {
    const { sheet } = blank();
    const range = sheet.getRange('A1:E1');
    range.setNumberFormats([['yyyy-mm-dd', 'h:mm', '0.00', '"day" 0', '[h]:mm']]);
    range.setValues([[45293, 0.5, 45293, 3, 1.25]]);
    const [date, time, plain, quoted, duration] = range.getValues()[0];
    expect(date).toEqual(new Date('2024-01-02T00:00:00Z'));
    expect(time).toEqual(new Date('1899-12-30T12:00:00Z'));
    expect([plain, quoted]).toEqual([45293, 3]);
    expect(duration).toEqual(new Date('1899-12-31T06:00:00Z'));
    expect(range.getDisplayValues()[0].slice(0, 3)).toEqual(['2024-01-02', '12:00', '45293.00']);
  });

  it('reads a number in a cell formatted with hours or seconds alone as a Date', () => {
    const { sheet } = blank();
    const range = sheet.getRange('A1:B1');
    range.setNumberFormats([['hh', 'ss']]);
    range.setValues([[0.5, 0.5]]);
    expect(range.getValues()[0]).toEqual([new Date('1899-12-30T12:00:00Z'), new Date('1899-12-30T12:00:00Z')]);
  });

  it('keeps a number past the range of dates Sheets shows (to 9999-12-31) a number in a date-formatted cell', () => {
    const { sheet } = blank();
    const range = sheet.getRange('A1:B1');
    range.setNumberFormat('yyyy-mm-dd');
    range.setValues([[2958465, 123456789]]);
    expect(range.getValues()[0]).toEqual([new Date('9999-12-31T00:00:00Z'), 123456789]);
    expect(range.getDisplayValues()[0]).toEqual(['9999-12-31', '123456789']);
  });

  it('reports the default number format of an unformatted cell', () => {
    const { sheet } = blank();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });
});
