/** Generated keys follow the type of the numeric keys the sheet holds. */
import { Model } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Comment extends Model {
  static _table = 'Comments';
  declare id: number | string;
}

test('a generated key is a number when the numeric keys are numbers, whatever the last row holds', () => {
  seedSheets({ Comments: [['id', 'body'], [1, 'a'], [2, 'b'], ['x7', 'typed by a person']] });
  const comment = Comment.create({ body: 'c' } as never);
  // Actual: '3' (text), because the last row's key 'x7' is a string. With 'x7' in the first row it is 3.
  expect(comment.id).toBe(3);
  expect(sheetRows('Comments')[4][0]).toBe(3);
});
