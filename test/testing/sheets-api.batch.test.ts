import { createAppsScript } from '../../src/testing';

const ID = 'book-id';

function seed() {
  return {
    Posts: [
      ['id', 'title', 'score'],
      [1, 'a', 10],
      [2, 'b', 20],
      [3, 'c', 30],
      [4, 'd', 40],
      [5, 'e', 50],
      ['total', '', '=SUM(C2:C6)'],
      ['first', '=B2', '=C3+C5'],
    ],
    Other: [['=Posts!C4', '=SUM(Posts!A:A)']],
  };
}

function book() {
  const env = createAppsScript({ sheetsApi: true, spreadsheetId: ID, sheets: seed() });
  const posts = env.active.getSheetByName('Posts')!;
  return { env, Spreadsheets: env.Sheets!.Spreadsheets, posts, postsId: posts.getSheetId() };
}

function rows(sheetId: number, startIndex: number, endIndex: number) {
  return { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex, endIndex } } };
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a throw');
}

describe('Spreadsheets.batchUpdate deleteDimension', () => {
  it('deletes scattered rows in one call, highest first, moving formulas as SpreadsheetApp does', () => {
    const { env, Spreadsheets, postsId } = book();
    env.calls.reset();
    const response = Spreadsheets.batchUpdate({ requests: [rows(postsId, 4, 5), rows(postsId, 1, 3)] }, ID);
    expect(response).toEqual({ spreadsheetId: ID, replies: [{}, {}] });
    expect(env.calls.byMethod()).toEqual({ 'Sheets.Spreadsheets.batchUpdate': 1 });

    const reference = createAppsScript({ sheets: seed() });
    const sheet = reference.active.getSheetByName('Posts')!;
    sheet.deleteRow(5);
    sheet.deleteRows(2, 2);
    for (const name of ['Posts', 'Other']) {
      expect(env.sheetValues(name)).toEqual(reference.sheetValues(name));
      expect(env.sheetFormulas(name)).toEqual(reference.sheetFormulas(name));
    }
    expect(env.sheetFormulas('Posts')[3]).toEqual(['', '', '=SUM(C2:C3)']);
    expect(env.sheetFormulas('Posts')[4]).toEqual(['', '=#REF!', '=#REF!+#REF!']);
    expect(env.active.getSheetByName('Posts')!.getMaxRows()).toBe(997);
  });

  it('applies requests in order, each to the sheet the previous ones left', () => {
    const { env, Spreadsheets, postsId } = book();
    Spreadsheets.batchUpdate({ requests: [rows(postsId, 1, 2), rows(postsId, 1, 2)] }, ID);
    expect(env.sheetValues('Posts').slice(0, 3).map((row) => row[0])).toEqual(['id', 3, 4]);
  });

  it('deletes columns', () => {
    const { env, Spreadsheets, postsId, posts } = book();
    Spreadsheets.batchUpdate({ requests: [{ deleteDimension: { range: { sheetId: postsId, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 } } }] }, ID);
    expect(env.sheetValues('Posts')[0]).toEqual(['id', 'score']);
    expect(env.sheetFormulas('Posts')[6]).toEqual(['', '=SUM(B2:B6)']);
    expect(posts.getMaxColumns()).toBe(25);
  });

  it('refuses what the API refuses, with its messages, and then applies nothing', () => {
    const { env, Spreadsheets, postsId, posts } = book();
    const before = env.sheetValues('Posts');
    const refused = (requests: unknown[]) => message(() => Spreadsheets.batchUpdate({ requests } as never, ID));
    expect(refused([rows(postsId, 1, 2), rows(postsId, 0, 999)])).toBe(
      "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].deleteDimension: You can't delete all the rows on the sheet.",
    );
    expect(refused([rows(postsId, 999, 1001)])).toContain(
      "Invalid requests[0].deleteDimension: Cannot delete a row that doesn't exist. Tried to delete row index 1000 but there are only 1000 rows.",
    );
    expect(refused([rows(12345, 0, 1)])).toContain('Invalid requests[0].deleteDimension: No grid with id: 12345');
    expect(refused([{ deleteDimension: { range: { sheetId: postsId, dimension: 'ROW', startIndex: 0, endIndex: 1 } } }])).toContain(
      `Invalid value at 'requests[0].delete_dimension.range.dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), "ROW"`,
    );
    expect(refused([])).toContain('Must specify at least one request.');
    expect(refused([{ deleteRows: {} }])).toContain(`Unknown name "deleteRows" at 'requests[0]': Cannot find field.`);
    posts.setFrozenRows(1);
    expect(refused([rows(postsId, 1, 1000)])).toContain('Invalid requests[0].deleteDimension: Sorry, it is not possible to delete all non-frozen rows.');
    expect(env.sheetValues('Posts')).toEqual(before);
    expect(posts.getMaxRows()).toBe(1000);
  });

  it('says so when a real request is not simulated', () => {
    const { Spreadsheets } = book();
    expect(() => Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'X' } } }] }, ID)).toThrow(
      /sheetorm\/testing .*addSheet .* not simulate/,
    );
  });
});

describe('Spreadsheets.batchUpdate insertDimension and appendDimension', () => {
  it('inserts rows and columns, moving cells and formulas', () => {
    const { env, Spreadsheets, postsId, posts } = book();
    Spreadsheets.batchUpdate(
      {
        requests: [
          { insertDimension: { range: { sheetId: postsId, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } },
          { insertDimension: { range: { sheetId: postsId, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 }, inheritFromBefore: false } },
        ],
      },
      ID,
    );
    expect(env.sheetValues('Posts').slice(0, 4)).toEqual([['', 'id', 'title', 'score'], ['', '', '', ''], ['', '', '', ''], ['', 1, 'a', 10]]);
    expect(env.sheetFormulas('Posts')[8][3]).toBe('=SUM(D4:D8)');
    expect(env.sheetFormulas('Other')[0]).toEqual(['=Posts!D6', '=SUM(Posts!B:B)']);
    expect([posts.getMaxRows(), posts.getMaxColumns()]).toEqual([1002, 27]);
  });

  it('appends rows and columns at the end of the grid', () => {
    const { Spreadsheets, postsId, posts } = book();
    Spreadsheets.batchUpdate(
      { requests: [{ appendDimension: { sheetId: postsId, dimension: 'ROWS', length: 500 } }, { appendDimension: { sheetId: postsId, dimension: 'COLUMNS', length: 4 } }] },
      ID,
    );
    expect([posts.getMaxRows(), posts.getMaxColumns()]).toEqual([1500, 30]);
    expect(Spreadsheets.get(ID, { fields: 'sheets.properties.gridProperties' }).sheets![0]).toEqual({
      properties: { gridProperties: { rowCount: 1500, columnCount: 30 } },
    });
  });

  it('gives inserted rows the formats of the row after them, or of the row before with inheritFromBefore (the reference)', () => {
    const { Spreadsheets, postsId, posts } = book();
    posts.getRange('A2').setNumberFormat('@');
    posts.getRange('A3').setNumberFormat('0.00');
    const insert = (inheritFromBefore?: boolean) => ({
      requests: [{ insertDimension: { range: { sheetId: postsId, dimension: 'ROWS', startIndex: 2, endIndex: 3 }, inheritFromBefore } }],
    });
    Spreadsheets.batchUpdate(insert(false), ID);
    expect(posts.getRange('A2:A4').getNumberFormats()).toEqual([['@'], ['0.00'], ['0.00']]);
    Spreadsheets.batchUpdate(insert(true), ID);
    expect(posts.getRange('A2:A5').getNumberFormats()).toEqual([['@'], ['@'], ['0.00'], ['0.00']]);
  });

  it('answers with the spreadsheet as it left it when includeSpreadsheetInResponse is set', () => {
    const { Spreadsheets, postsId } = book();
    const response = Spreadsheets.batchUpdate(
      { requests: [{ appendDimension: { sheetId: postsId, dimension: 'ROWS', length: 5 } }], includeSpreadsheetInResponse: true },
      ID,
    );
    expect(response.updatedSpreadsheet!.sheets![0].properties).toMatchObject({ title: 'Posts', gridProperties: { rowCount: 1005, columnCount: 26 } });
    expect(Spreadsheets.batchUpdate({ requests: [rows(postsId, 1, 2)] }, ID)).not.toHaveProperty('updatedSpreadsheet');
  });

  it('refuses a request holding two kinds of request (a oneof in the API), applying nothing', () => {
    const { env, Spreadsheets, postsId, posts } = book();
    const before = env.sheetValues('Posts');
    const both = { deleteDimension: rows(postsId, 1, 2).deleteDimension, appendDimension: { sheetId: postsId, dimension: 'ROWS', length: 1 } };
    expect(() => Spreadsheets.batchUpdate({ requests: [both] } as never, ID)).toThrow();
    expect(env.sheetValues('Posts')).toEqual(before);
    expect(posts.getMaxRows()).toBe(1000);
  });

  it('refuses an insert at the end of the grid unless it inherits from before', () => {
    const { Spreadsheets, postsId, posts } = book();
    const insert = (inheritFromBefore: boolean) => ({
      requests: [{ insertDimension: { range: { sheetId: postsId, dimension: 'ROWS', startIndex: 1000, endIndex: 1001 }, inheritFromBefore } }],
    });
    expect(message(() => Spreadsheets.batchUpdate(insert(false), ID))).toContain(
      'Invalid requests[0].insertDimension: range.startIndex must be less than the grid size (1000) if inheritFromBefore is false.',
    );
    Spreadsheets.batchUpdate(insert(true), ID);
    expect(posts.getMaxRows()).toBe(1001);
  });

  it('refuses to pass the 10,000,000-cell limit', () => {
    const { Spreadsheets, postsId } = book();
    expect(message(() => Spreadsheets.batchUpdate({ requests: [{ appendDimension: { sheetId: postsId, dimension: 'ROWS', length: 400000 } }] }, ID))).toContain(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  it('refuses the cell limit as the API does (a 400), before applying any request of the batch', () => {
    const { Spreadsheets, postsId, posts } = book();
    const requests = [
      { appendDimension: { sheetId: postsId, dimension: 'ROWS', length: 1 } },
      { appendDimension: { sheetId: postsId, dimension: 'ROWS', length: 400000 } },
    ];
    let error: (Error & { details?: { code: number } }) | undefined;
    try {
      Spreadsheets.batchUpdate({ requests }, ID);
    } catch (caught) {
      error = caught as Error & { details?: { code: number } };
    }
    expect(error!.name).toBe('GoogleJsonResponseException');
    expect(error!.message).toBe(
      'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].appendDimension: This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(error!.details!.code).toBe(400);
    expect(posts.getMaxRows()).toBe(1000);
  });
});
