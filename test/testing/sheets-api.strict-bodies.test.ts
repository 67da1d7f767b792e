/** The Sheets stand-in refuses what the real API refuses in request bodies and field masks. */
import { createAppsScript } from '../../src/testing';

const ID = 'book-id';

function blog() {
  const env = createAppsScript({
    sheetsApi: true,
    spreadsheetId: ID,
    sheets: { Posts: [['id', 'title'], [1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']], Archive: [['id']] },
  });
  return { env, Sheets: env.Sheets!, posts: env.active.getSheetByName('Posts')! };
}

const USER_ENTERED = { valueInputOption: 'USER_ENTERED' };

describe('unknown fields in a request body', () => {
  it('a misspelt deleteDimension bound is refused and nothing is deleted', () => {
    const { Sheets, posts } = blog();
    const request = { deleteDimension: { range: { sheetId: posts.getSheetId(), dimension: 'ROWS', startIndex: 2, endindex: 3 } } };
    expect(() => Sheets.Spreadsheets.batchUpdate({ requests: [request] } as never, ID)).toThrow(
      `Invalid JSON payload received. Unknown name "endindex" at 'requests[0].delete_dimension.range': Cannot find field.`,
    );
    expect(posts.getMaxRows()).toBe(1000);
    expect(posts.getLastRow()).toBe(6);
  });

  it('a misspelt values field is refused, in update and in batchUpdate', () => {
    const { Sheets, posts } = blog();
    expect(() => Sheets.Spreadsheets.Values.update({ value: [['x']] } as never, ID, 'Posts!B2', USER_ENTERED)).toThrow(/Unknown name "value": Cannot find field/);
    expect(() => Sheets.Spreadsheets.Values.batchUpdate({ ...USER_ENTERED, data: [{ range: 'Posts!B2', value: [['x']] }] } as never, ID)).toThrow(
      /Unknown name "value" at 'data\[0\]': Cannot find field/,
    );
    expect(() => Sheets.Spreadsheets.Values.batchUpdate({ ...USER_ENTERED, data: { range: 'Posts!B2', values: [['x']] } } as never, ID)).toThrow(/data is a repeated field/);
    expect(posts.getRange('B2').getValue()).toBe('a');
  });

  it("a body's range must be the call's range", () => {
    const { Sheets } = blog();
    expect(() => Sheets.Spreadsheets.Values.update({ range: 'Archive!A2', values: [['x']] }, ID, 'Posts!A3', USER_ENTERED)).toThrow(
      "Request range[Posts!A3] does not match value's range[Archive!A2]",
    );
    expect(Sheets.Spreadsheets.Values.update({ range: 'Posts!A3', values: [['x']] }, ID, 'Posts!A3', USER_ENTERED).updatedCells).toBe(1);
  });
});

describe('fields masks', () => {
  it('a path the response does not have is refused, spaces included', () => {
    const { Sheets } = blog();
    expect(() => Sheets.Spreadsheets.Values.batchGet(ID, { ranges: ['Posts'], fields: 'valueRange' })).toThrow(
      "Error expanding 'fields' parameter. Cannot find matching fields for path 'valueRange'.",
    );
    expect(() => Sheets.Spreadsheets.get(ID, { fields: 'sheets.nope' })).toThrow("Cannot find matching fields for path 'sheets.nope'");
    expect(() => Sheets.Spreadsheets.get(ID, { fields: 'properties, sheets.properties' })).toThrow("Cannot find matching fields for path ' sheets.properties'");
    expect(Sheets.Spreadsheets.get(ID, { fields: 'properties(title),sheets.properties.title' })).toEqual({
      properties: { title: 'Test Spreadsheet' },
      sheets: [{ properties: { title: 'Posts' } }, { properties: { title: 'Archive' } }],
    });
  });
});

describe('what the real API also takes', () => {
  it('R1C1 ranges after a sheet name, and indexes as numeric strings', () => {
    const { Sheets, posts } = blog();
    expect(Sheets.Spreadsheets.Values.get(ID, 'Posts!R2C1:R3C2', { valueRenderOption: 'UNFORMATTED_VALUE' }).values).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    const request = { deleteDimension: { range: { sheetId: posts.getSheetId(), dimension: 'ROWS', startIndex: '1', endIndex: '2' } } };
    Sheets.Spreadsheets.batchUpdate({ requests: [request] } as never, ID);
    expect(posts.getRange('A2').getValue()).toBe(2);
  });
});
