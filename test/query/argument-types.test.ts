/** Wrong argument types are refused with a ValidationError naming the argument. */
import { configure, Model, ValidationError } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
}

test('query update() with something other than an object of attributes is a ValidationError (src/query/QueryBuilder.ts update)', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  // Actual: TypeError "Cannot convert undefined or null to object" (Object.keys(null)).
  expect(() => Post.query().update(null as never)).toThrow(ValidationError);
  // Actual: ColumnNotFoundError 'Post: sheet "Posts" … has no column "0"' (the string's indexes taken as columns).
  expect(() => Post.query().update('title' as never)).toThrow(ValidationError);
  expect(sheetRows('Posts')).toEqual([['id', 'title'], [1, 'a']]);
});

test('configure() refuses a spreadsheetId or spreadsheet of the wrong type (src/config.ts validateOptions)', () => {
  seedSheets({ Posts: [['id', 'title'], [1, 'a']] });
  // Actual: accepted; the next Post.all() throws ServiceError
  // "SpreadsheetApp.openById failed: The parameters (number) don't match the method signature for SpreadsheetApp.openById."
  expect(() => configure({ spreadsheetId: 5 as never })).toThrow(ValidationError);
  // Actual: accepted; the next Post.all() throws ServiceError "… failed: spreadsheet.getSheetByName is not a function".
  expect(() => configure({ spreadsheet: 'CRM' as never })).toThrow(ValidationError);
});
