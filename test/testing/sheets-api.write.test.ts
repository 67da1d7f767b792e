import { createAppsScript } from '../../src/testing';

const ID = 'book-id';

function blog() {
  const env = createAppsScript({
    sheetsApi: true,
    spreadsheetId: ID,
    sheets: {
      Posts: [
        ['id', 'title', 'published'],
        [1, 'Hello', true],
        [2, 'Draft', false],
      ],
      'Post Tags': [['post_id', 'tag_id']],
    },
  });
  return { env, Values: env.Sheets!.Spreadsheets.Values, posts: env.active.getSheetByName('Posts')! };
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a throw');
}

const USER_ENTERED = { valueInputOption: 'USER_ENTERED' };
const RAW = { valueInputOption: 'RAW' };

describe('Values.update', () => {
  it('parses USER_ENTERED strings like typed input, and answers with what it wrote', () => {
    const { env, Values, posts } = blog();
    const response = Values.update({ values: [['00123', "'00123", '=A2+1', 'true', '2024-01-02', 5, false]] }, ID, 'Posts!A4', USER_ENTERED);
    expect(response).toEqual({ spreadsheetId: ID, updatedRange: 'Posts!A4:G4', updatedRows: 1, updatedColumns: 7, updatedCells: 7 });
    const row = posts.getRange('A4:G4').getValues()[0];
    expect(row.slice(0, 4)).toEqual([123, '00123', 2, true]);
    expect(Object.prototype.toString.call(row[4])).toBe('[object Date]');
    expect(row.slice(5)).toEqual([5, false]);
    expect(env.sheetFormulas('Posts')[3][2]).toBe('=A2+1');
  });

  it('stores RAW strings as given', () => {
    const { Values, posts } = blog();
    Values.update({ values: [['00123', "'x", '=A2+1', 'TRUE', 7]] }, ID, 'Posts!A4:E4', RAW);
    expect(posts.getRange('A4:E4').getValues()).toEqual([['00123', "'x", '=A2+1', 'TRUE', 7]]);
    expect(posts.getRange('C4').getFormula()).toBe('');
  });

  it('leaves null cells unchanged and empties cells written with ""', () => {
    const { Values, posts } = blog();
    const response = Values.update({ values: [[null, '', 'Kept?']] }, ID, 'Posts!A2', USER_ENTERED);
    expect(posts.getRange('A2:C2').getValues()).toEqual([[1, '', 'Kept?']]);
    expect(response).toMatchObject({ updatedRange: 'Posts!A2:C2', updatedCells: 2, updatedColumns: 2 });
  });

  it('leaves the zero counts out of a response that updated nothing, as JSON responses of the API do', () => {
    const { Values, posts } = blog();
    const response = Values.update({ values: [[null, null]] }, ID, 'Posts!A2', RAW);
    expect(response).not.toHaveProperty('updatedCells');
    expect(response).not.toHaveProperty('updatedRows');
    expect(response).not.toHaveProperty('updatedColumns');
    expect(posts.getRange('A2:B2').getValues()).toEqual([[1, 'Hello']]);
  });

  it('sends values as JSON does: NaN and Infinity as null (the cell is left unchanged), a Date as its ISO string', () => {
    const { Values, posts } = blog();
    Values.update({ values: [[NaN, Infinity, new Date('2024-01-02T03:04:05.000Z')]] }, ID, 'Posts!A2', RAW);
    expect(posts.getRange('A2:C2').getValues()).toEqual([[1, 'Hello', '2024-01-02T03:04:05.000Z']]);
  });

  it('writes columns when majorDimension is COLUMNS', () => {
    const { Values, posts } = blog();
    Values.update({ majorDimension: 'COLUMNS', values: [[3, 4], ['C', 'D']] }, ID, 'Posts!A4:B5', RAW);
    expect(posts.getRange('A4:B5').getValues()).toEqual([[3, 'C'], [4, 'D']]);
  });

  it('requires a valueInputOption', () => {
    const { Values } = blog();
    expect(message(() => Values.update({ values: [[1]] }, ID, 'Posts!A4'))).toBe(
      "API call to sheets.spreadsheets.values.update failed with error: 'valueInputOption' is required but not specified",
    );
    expect(message(() => Values.update({ values: [[1]] }, ID, 'Posts!A4', { valueInputOption: 'PARSED' }))).toContain(
      `Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "PARSED"`,
    );
  });

  it('refuses data running past the ends of its range, writing nothing', () => {
    const { env, Values } = blog();
    expect(message(() => Values.update({ values: [[1, 2, 3]] }, ID, 'Posts!A4:B4', RAW))).toBe(
      'API call to sheets.spreadsheets.values.update failed with error: Requested writing within range [Posts!A4:B4], but tried writing to column [C]',
    );
    expect(message(() => Values.update({ values: [[1], [2]] }, ID, "'Post Tags'!A2:A2", RAW))).toContain(
      "Requested writing within range ['Post Tags'!A2], but tried writing to row [3]",
    );
    expect(env.sheetValues('Posts')).toHaveLength(3);
  });

  it('grows the grid for data running past it from a single cell, and refuses a range outside the grid', () => {
    const { Values, posts } = blog();
    Values.update({ values: [[1], [2], [3]] }, ID, 'Posts!A999', RAW);
    expect(posts.getMaxRows()).toBe(1001);
    Values.update({ values: [Array.from({ length: 30 }, (_, i) => i)] }, ID, 'Posts!A1', RAW);
    expect(posts.getMaxColumns()).toBe(30);
    expect(message(() => Values.update({ values: [[1]] }, ID, 'Posts!A1003', RAW))).toContain(
      'Range (Posts!A1003) exceeds grid limits. Max rows: 1001, max columns: 30',
    );
    expect(message(() => Values.update({ values: [[1]] }, ID, 'Posts!A1:AZ1', RAW))).toContain('Range (Posts!A1:AZ1) exceeds grid limits.');
  });

  it('refuses more than 50000 characters in a cell, and objects as values', () => {
    const { env, Values } = blog();
    expect(message(() => Values.update({ values: [['ok', 'x'.repeat(50001)]] }, ID, 'Posts!A4', RAW))).toContain(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(message(() => Values.update({ values: [[{ a: 1 }]] }, ID, 'Posts!A4', RAW))).toContain('Invalid values[0][0]: struct_value');
    expect(env.sheetValues('Posts')).toHaveLength(3);
  });

  it('returns the written values when asked', () => {
    const { Values } = blog();
    const response = Values.update({ values: [[4, '5']] }, ID, 'Posts!A4', {
      valueInputOption: 'USER_ENTERED',
      includeValuesInResponse: true,
      responseValueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(response.updatedData).toEqual({ range: 'Posts!A4:B4', majorDimension: 'ROWS', values: [[4, 5]] });
  });
});

describe('Values.batchUpdate', () => {
  it('writes many ranges of many sheets in one call', () => {
    const { env, Values, posts } = blog();
    env.calls.reset();
    const response = Values.batchUpdate(
      {
        valueInputOption: 'USER_ENTERED',
        data: [
          { range: 'Posts!B2', values: [['Edited']] },
          { range: 'Posts!C3', values: [['TRUE']] },
          { range: "'Post Tags'!A2:B3", values: [[1, 10], [2, 20]] },
        ],
      },
      ID,
    );
    expect(env.calls.byMethod()).toEqual({ 'Sheets.Spreadsheets.Values.batchUpdate': 1 });
    expect(posts.getRange('B2:C3').getValues()).toEqual([['Edited', true], ['Draft', true]]);
    expect(env.sheetValues('Post Tags')).toEqual([['post_id', 'tag_id'], [1, 10], [2, 20]]);
    expect(response).toMatchObject({ spreadsheetId: ID, totalUpdatedRows: 4, totalUpdatedColumns: 4, totalUpdatedCells: 6, totalUpdatedSheets: 2 });
    expect(response.responses!.map((r) => r.updatedRange)).toEqual(['Posts!B2', 'Posts!C3', "'Post Tags'!A2:B3"]);
  });

  it('counts each updated row and column once in the totals, as the reference defines them', () => {
    const { Values } = blog();
    const body = { valueInputOption: 'RAW', data: [{ range: 'Posts!A5:B6', values: [[1, 2], [3, 4]] }, { range: 'Posts!C5:D6', values: [[5, 6], [7, 8]] }] };
    expect(Values.batchUpdate(body, ID)).toMatchObject({ totalUpdatedRows: 2, totalUpdatedColumns: 4, totalUpdatedCells: 8, totalUpdatedSheets: 1 });
  });

  it('writes nothing when one range is refused', () => {
    const { env, Values } = blog();
    const body = { valueInputOption: 'RAW', data: [{ range: 'Posts!B2', values: [['Edited']] }, { range: 'Nope!A1', values: [[1]] }] };
    expect(message(() => Values.batchUpdate(body, ID))).toBe(
      'API call to sheets.spreadsheets.values.batchUpdate failed with error: Invalid data[1]: Unable to parse range: Nope!A1',
    );
    expect(env.sheetValues('Posts')[1]).toEqual([1, 'Hello', true]);
  });

  it('checks the growth of every range against the cell limit before writing any', () => {
    const env = createAppsScript({ sheetsApi: true, spreadsheetId: ID, sheets: { Big: [], Small: [] } });
    const big = env.active.getSheetByName('Big')!;
    big.insertColumnsAfter(26, 74);
    big.insertRowsAfter(1000, 98000); // 99,000 x 100 + 1000 x 26 = 9,926,000 cells
    const body = {
      valueInputOption: 'RAW',
      data: [
        { range: 'Big!A99000', values: Array.from({ length: 501 }, () => ['grown']) }, // +500 rows, 50,000 cells: fits alone
        { range: 'Small!A1000', values: Array.from({ length: 1001 }, () => ['grown']) }, // +1000 rows, 26,000 cells: fits alone
      ],
    };
    const error = (() => {
      try {
        env.Sheets!.Spreadsheets.Values.batchUpdate(body, ID);
      } catch (caught) {
        return caught as Error & { details: { code: number } };
      }
      throw new Error('expected a throw');
    })();
    expect(error.message).toContain('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
    expect(error.details.code).toBe(400);
    expect([big.getMaxRows(), env.active.getSheetByName('Small')!.getMaxRows()]).toEqual([99000, 1000]);
    expect(big.getLastRow()).toBe(0);
  });
});

describe('Values.append', () => {
  it('appends after the table found in the range, from its first column', () => {
    const { env, Values } = blog();
    const response = Values.append({ values: [[3, 'New', 'false']] }, ID, 'Posts', USER_ENTERED);
    expect(response).toEqual({
      spreadsheetId: ID,
      tableRange: 'Posts!A1:C3',
      updates: { spreadsheetId: ID, updatedRange: 'Posts!A4:C4', updatedRows: 1, updatedColumns: 3, updatedCells: 3 },
    });
    expect(env.sheetValues('Posts')[3]).toEqual([3, 'New', false]);
  });

  it("finds the table past the range's end, as Google's sample (A1:E1 over data in A1:D2) shows, and never overwrites it", () => {
    const { env, Values } = blog();
    const header = Values.append({ values: [[3, 'Third', true]] }, ID, 'Posts!A1:E1', RAW);
    expect(header.tableRange).toBe('Posts!A1:C3');
    expect(header.updates!.updatedRange).toBe('Posts!A4:C4');
    const corner = Values.append({ values: [[4, 'Fourth', false]] }, ID, 'Posts!A1', RAW);
    expect(corner.tableRange).toBe('Posts!A1:C4');
    expect(corner.updates!.updatedRange).toBe('Posts!A5:C5');
    expect(env.sheetValues('Posts').map((row) => row[0])).toEqual(['id', 1, 2, 3, 4]);
  });

  it('grows the table over rows with a blank first cell and over filled columns on either side', () => {
    const env = createAppsScript({ sheetsApi: true, spreadsheetId: ID, sheets: { S: [['h1', 'h2', 'h3'], [1, 2, 3], ['', 5, 6], [7, 8, 9]], T: [['a', 'b', 'c', 'd'], [1, 2, 3, 4]] } });
    const Values = env.Sheets!.Spreadsheets.Values;
    expect(Values.append({ values: [['N1', 'N2']] }, ID, 'S!A1', RAW).tableRange).toBe('S!A1:C4');
    expect(env.sheetValues('S')[4]).toEqual(['N1', 'N2', '']);
    expect(Values.append({ values: [['x']] }, ID, 'T!C1', RAW).tableRange).toBe('T!A1:D2');
    expect(env.sheetValues('T')[2]).toEqual(['x', '', '', '']);
  });

  it('inserts rows for the data with INSERT_ROWS, moving what is below', () => {
    const { env, Values, posts } = blog();
    posts.getRange('A6').setValue('below');
    Values.append({ values: [[3, 'New', false]] }, ID, 'Posts!A1:C3', { valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' });
    expect(env.sheetValues('Posts').map((row) => row[0])).toEqual(['id', 1, 2, 3, '', '', 'below']);
    expect(posts.getMaxRows()).toBe(1001);
  });

  it('writes at the top of an empty range, with no tableRange', () => {
    const { Values } = blog();
    const response = Values.append({ values: [['x']] }, ID, "'Post Tags'!D1:E5", RAW);
    expect(response.tableRange).toBeUndefined();
    expect(response.updates!.updatedRange).toBe("'Post Tags'!D1");
  });
});

describe('Values.clear and Values.batchClear', () => {
  it('empties values and keeps formats', () => {
    const { env, Values, posts } = blog();
    posts.getRange('A2').setNumberFormat('000');
    expect(Values.clear({}, ID, 'Posts!A2:B2')).toEqual({ spreadsheetId: ID, clearedRange: 'Posts!A2:B2' });
    expect(Values.batchClear({ ranges: ['Posts!C2:C3'] }, ID)).toEqual({ spreadsheetId: ID, clearedRanges: ['Posts!C2:C3'] });
    expect(env.sheetValues('Posts')).toEqual([['id', 'title', 'published'], ['', '', ''], [2, 'Draft', '']]);
    expect(posts.getRange('A2').getNumberFormat()).toBe('000');
  });
});
