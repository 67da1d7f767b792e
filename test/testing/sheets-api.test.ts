import { createAppsScript, sheetsApiError } from '../../src/testing';

const ID = 'book-id';

function blog(timeZone?: string) {
  const env = createAppsScript({
    sheetsApi: true,
    spreadsheetId: ID,
    timeZone,
    sheets: {
      Posts: [
        ['id', 'title', 'published', 'score', 'at'],
        [1, 'Hello', true, 1.5, new Date(Date.UTC(2024, 0, 2))],
        [2, 'Draft', false, '', ''],
        [3, '', '', '', '', ''],
      ],
      'Post Tags': [
        ['post_id', 'tag_id'],
        [1, 10],
      ],
      Empty: [],
    },
  });
  return { env, Sheets: env.Sheets! };
}

function caught(fn: () => unknown): Error & { details?: { code: number; message: string } } {
  try {
    fn();
  } catch (error) {
    return error as Error & { details?: { code: number; message: string } };
  }
  throw new Error('expected a throw');
}

describe('enabling the Sheets advanced service', () => {
  it('is absent unless sheetsApi is set, as in a project without it', () => {
    const env = createAppsScript();
    expect(env.Sheets).toBeUndefined();
    expect('Sheets' in env.globals()).toBe(false);
    const host: Record<string, unknown> = { Sheets: 'mine' };
    env.install(host)();
    expect(host.Sheets).toBe('mine');
  });

  it('is a global of install() and globals() when enabled, and uninstall puts back what was there', () => {
    const { env } = blog();
    expect(env.globals().Sheets).toBe(env.Sheets);
    const host: Record<string, unknown> = {};
    const uninstall = env.install(host);
    expect(host.Sheets).toBe(env.Sheets);
    uninstall();
    expect('Sheets' in host).toBe(false);
  });
});

describe('Values.batchGet and Values.get', () => {
  it('reads many sheets in one call, with the real response shape and FORMATTED_VALUE by default', () => {
    const { env, Sheets } = blog();
    env.calls.reset();
    const response = Sheets.Spreadsheets.Values.batchGet(ID, { ranges: ['Posts', "'Post Tags'", 'Empty'] });
    expect(response).toEqual({
      spreadsheetId: ID,
      valueRanges: [
        {
          range: 'Posts!A1:Z1000',
          majorDimension: 'ROWS',
          values: [
            ['id', 'title', 'published', 'score', 'at'],
            ['1', 'Hello', 'TRUE', '1.5', '2024-01-02'],
            ['2', 'Draft', 'FALSE'],
            ['3'],
          ],
        },
        { range: "'Post Tags'!A1:Z1000", majorDimension: 'ROWS', values: [['post_id', 'tag_id'], ['1', '10']] },
        { range: 'Empty!A1:Z1000', majorDimension: 'ROWS' },
      ],
    });
    expect(env.calls.byMethod()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
  });

  it('renders UNFORMATTED_VALUE as JSON numbers and booleans, dates as serial numbers', () => {
    const { Sheets } = blog();
    const range = Sheets.Spreadsheets.Values.get(ID, 'Posts!A2:E3', { valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(range).toEqual({ range: 'Posts!A2:E3', majorDimension: 'ROWS', values: [[1, 'Hello', true, 1.5, 45293], [2, 'Draft', false]] });
    const strings = Sheets.Spreadsheets.Values.get(ID, 'Posts!E2', { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' });
    expect(strings.values).toEqual([['2024-01-02']]);
  });

  it('renders FORMULA as the formulas typed, other cells unformatted', () => {
    const { env, Sheets } = blog();
    env.active.getSheetByName('Posts')!.getRange('F2').setFormula('=A2*10');
    const row = (option: string) => Sheets.Spreadsheets.Values.get(ID, 'Posts!A2:F2', { valueRenderOption: option }).values![0];
    expect(row('FORMULA')).toEqual([1, 'Hello', true, 1.5, 45293, '=A2*10']);
    expect(row('UNFORMATTED_VALUE')[5]).toBe(10);
    expect(row('FORMATTED_VALUE')[5]).toBe('10');
  });

  it('leaves out trailing empty cells and rows but keeps empty cells inside a row', () => {
    const { env, Sheets } = blog();
    env.active.getSheetByName('Posts')!.getRange('D3').setValue(7);
    const range = Sheets.Spreadsheets.Values.get(ID, 'Posts!B2:F9', { valueRenderOption: 'UNFORMATTED_VALUE' });
    expect(range).toEqual({ range: 'Posts!B2:F9', majorDimension: 'ROWS', values: [['Hello', true, 1.5, 45293], ['Draft', false, 7]] });
    expect(Sheets.Spreadsheets.Values.get(ID, 'Posts!G1:H5')).toEqual({ range: 'Posts!G1:H5', majorDimension: 'ROWS' });
  });

  it('reads by COLUMNS', () => {
    const { Sheets } = blog();
    const range = Sheets.Spreadsheets.Values.get(ID, "'Post Tags'!A1:C2", { majorDimension: 'COLUMNS' });
    expect(range).toEqual({ range: "'Post Tags'!A1:C2", majorDimension: 'COLUMNS', values: [['post_id', '1'], ['tag_id', '10']] });
  });

  it('reads whole columns, bare references on the first sheet, and sheet names in any case', () => {
    const { Sheets } = blog();
    expect(Sheets.Spreadsheets.Values.get(ID, 'posts!b:b').range).toBe('Posts!B1:B1000');
    expect(Sheets.Spreadsheets.Values.get(ID, 'A1:B1').values).toEqual([['id', 'title']]);
    expect(Sheets.Spreadsheets.Values.get(ID, 'Posts!$B$2').range).toBe('Posts!B2');
    expect(Sheets.Spreadsheets.Values.get(ID, 'POSTS').range).toBe('Posts!A1:Z1000');
  });

  it('reads a bare reference on the first sheet whichever sheet is active (the API guide: "the first visible sheet")', () => {
    const { env, Sheets } = blog();
    env.active.setActiveSheet(env.active.getSheetByName('Post Tags')!);
    expect(Sheets.Spreadsheets.Values.get(ID, 'A1:B1')).toEqual({ range: 'Posts!A1:B1', majorDimension: 'ROWS', values: [['id', 'title']] });
  });

  it("quotes a sheet name that reads as a cell, as the API guide's 'A1' (the sheet named A1) does", () => {
    const { env, Sheets } = blog();
    env.active.insertSheet('A1').getRange('A1').setValue('x');
    expect(Sheets.Spreadsheets.Values.get(ID, "'A1'!A1:B2")).toEqual({ range: "'A1'!A1:B2", majorDimension: 'ROWS', values: [['x']] });
  });

  it('cuts a range running past the grid to the grid, and refuses one starting outside it', () => {
    const { Sheets } = blog();
    expect(Sheets.Spreadsheets.Values.get(ID, 'Posts!A1:ZZZ1').range).toBe('Posts!A1:Z1');
    expect(caught(() => Sheets.Spreadsheets.Values.get(ID, "'Post Tags'!A1001")).message).toBe(
      "API call to sheets.spreadsheets.values.get failed with error: Range ('Post Tags'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
    // A bare reference wins over a sheet name: "tab01" is the cell TAB1 of the first sheet.
    expect(caught(() => Sheets.Spreadsheets.Values.get(ID, 'tab01')).message).toContain('Range (Posts!TAB1) exceeds grid limits.');
  });
});

describe('errors as Apps Script throws them', () => {
  it('refuses an unknown sheet with "Unable to parse range" and fails the whole batch', () => {
    const { Sheets } = blog();
    const error = caught(() => Sheets.Spreadsheets.Values.batchGet(ID, { ranges: ['Posts', 'Missing!A1'] }));
    expect(error.name).toBe('GoogleJsonResponseException');
    expect(error.message).toBe('API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Missing!A1');
    expect(error.details).toMatchObject({ code: 400, message: 'Unable to parse range: Missing!A1' });
    expect(caught(() => Sheets.Spreadsheets.Values.get(ID, 'Posts!A1:B2:C3')).message).toContain('Unable to parse range: Posts!A1:B2:C3');
  });

  it('answers an unknown spreadsheet with a 404', () => {
    const { Sheets } = blog();
    const error = caught(() => Sheets.Spreadsheets.Values.get('nope', 'Posts'));
    expect(error.message).toBe('API call to sheets.spreadsheets.values.get failed with error: Requested entity was not found.');
    expect(error.details!.code).toBe(404);
  });

  it('refuses unknown options and values', () => {
    const { Sheets } = blog();
    expect(caught(() => Sheets.Spreadsheets.Values.get(ID, 'Posts', { valueRenderOption: 'RAW' })).message).toContain(
      `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "RAW"`,
    );
    expect(caught(() => Sheets.Spreadsheets.Values.get(ID, 'Posts', { range: 'A1' })).message).toContain('Unknown name "range"');
    // A write's parameter is no read's.
    expect(caught(() => Sheets.Spreadsheets.Values.get(ID, 'Posts', { valueInputOption: 'RAW' })).details).toMatchObject({ code: 400 });
    expect(caught(() => Sheets.Spreadsheets.Values.get(ID, 'Posts', { valueInputOption: 'RAW' })).message).toContain('Unknown name "valueInputOption"');
  });

  it('lets a test inject a quota error before the call has any effect', () => {
    const { env, Sheets } = blog();
    env.beforeCall((call) => {
      if (call.method === 'Sheets.Spreadsheets.Values.batchGet') {
        throw sheetsApiError('spreadsheets.values.batchGet', 429, "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:1'.");
      }
    });
    const error = caught(() => Sheets.Spreadsheets.Values.batchGet(ID, { ranges: ['Posts'] }));
    expect(error.message).toMatch(/^API call to sheets\.spreadsheets\.values\.batchGet failed with error: Quota exceeded for quota metric 'Read requests'/);
    expect(error.details!.code).toBe(429);
    expect(env.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(1);
  });
});

describe('dates as serial numbers in the spreadsheet time zone', () => {
  it('counts days since 1899-12-30 in America/New_York, on both sides of a DST change', () => {
    const { env, Sheets } = blog('America/New_York');
    const sheet = env.active.getSheetByName('Empty')!;
    // Typed in the spreadsheet's zone: the day before, the morning of and after the March 2024 change.
    sheet.getRange('A1:A4').setValues([['2024-03-09 12:00'], ['2024-03-10 01:30'], ['2024-03-10 03:30'], ['2024-03-10 12:00']]);
    sheet.getRange('B1').setValues([['18:00']]);
    const values = Sheets.Spreadsheets.Values.get(ID, 'Empty!A1:B4', { valueRenderOption: 'UNFORMATTED_VALUE' }).values!;
    expect(values.map((row) => row[0])).toEqual([45360.5, 45361.0625, 45361 + 3.5 / 24, 45361.5]);
    expect(values[0][1]).toBe(0.75);
    // The instants are what SpreadsheetApp reads: 12:00 EST is 17:00 UTC, 12:00 EDT is 16:00 UTC.
    expect(sheet.getRange('A1').getValue().toISOString()).toBe('2024-03-09T17:00:00.000Z');
    expect(sheet.getRange('A4').getValue().toISOString()).toBe('2024-03-10T16:00:00.000Z');
    const shown = Sheets.Spreadsheets.Values.get(ID, 'Empty!A4', { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' });
    expect(shown.values).toEqual([['2024-03-10 12:00:00']]);
  });

  it('reads a seeded instant on the wall clock of the spreadsheet zone', () => {
    const { Sheets } = blog('America/New_York');
    // 2024-01-02T00:00Z is 2024-01-01 19:00 in New York.
    const value = Sheets.Spreadsheets.Values.get(ID, 'Posts!E2', { valueRenderOption: 'UNFORMATTED_VALUE' }).values![0][0];
    expect(value).toBeCloseTo(45292 + 19 / 24, 10);
  });
});

describe('one World for SpreadsheetApp and Sheets', () => {
  it('reads with Sheets what SpreadsheetApp wrote, and the other way round', () => {
    const { env, Sheets } = blog();
    const posts = env.active.getSheetByName('Posts')!;
    posts.getRange('A5:C5').setValues([[4, 'Via SpreadsheetApp', false]]);
    expect(Sheets.Spreadsheets.Values.get(ID, 'Posts!A5:C5', { valueRenderOption: 'UNFORMATTED_VALUE' }).values).toEqual([[4, 'Via SpreadsheetApp', false]]);
    Sheets.Spreadsheets.Values.update({ values: [[5, 'Via Sheets', 'TRUE']] }, ID, 'Posts!A6', { valueInputOption: 'USER_ENTERED' });
    expect(posts.getRange('A6:C6').getValues()).toEqual([[5, 'Via Sheets', true]]);
    expect(posts.getLastRow()).toBe(6);
  });
});

describe('Spreadsheets.get', () => {
  it('describes the spreadsheet and its sheets, narrowed by a fields mask', () => {
    const { env, Sheets } = blog('Europe/Paris');
    env.active.getSheetByName('Posts')!.setFrozenRows(1);
    const book = Sheets.Spreadsheets.get(ID);
    expect(book.properties).toEqual({ title: 'Test Spreadsheet', locale: 'en_US', autoRecalc: 'ON_CHANGE', timeZone: 'Europe/Paris' });
    expect(book.sheets![0].properties).toMatchObject({ title: 'Posts', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 } });
    expect(book.sheets![1].properties!.gridProperties).toEqual({ rowCount: 1000, columnCount: 26 });
    const ids = env.active.getSheets().map((sheet) => sheet.getSheetId());
    expect(Sheets.Spreadsheets.get(ID, { fields: 'sheets(properties(title,sheetId))' })).toEqual({
      sheets: [
        { properties: { sheetId: ids[0], title: 'Posts' } },
        { properties: { sheetId: ids[1], title: 'Post Tags' } },
        { properties: { sheetId: ids[2], title: 'Empty' } },
      ],
    });
    expect(Sheets.Spreadsheets.get(ID, { fields: 'properties.title,sheets.properties.title', ranges: ["'Post Tags'!A1"] })).toEqual({
      properties: { title: 'Test Spreadsheet' },
      sheets: [{ properties: { title: 'Post Tags' } }],
    });
  });
});
