/** Generated keys follow the type of the numeric keys the sheet holds. */
import { Model, transaction } from '../../src';
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

test("a new key is above keys typed as decimal text ('4.0' is the key 4), so it never takes one that exists", () => {
  seedSheets({ Comments: [['id', 'body'], [1, 'a'], [2, 'b'], [3, 'c'], ['4.0', 'typed'], [' 5.00 ', 'pasted']] });
  const comment = Comment.create({ body: 'new' } as never);
  expect(comment.id).toBe(6);
  expect(Comment.find(4)!.getAttribute('body')).toBe('typed');
  // In a transaction too, after a row with a decimal-text key is added.
  const ids = transaction(() => {
    Comment.create({ id: '7.0', body: 'given' } as never);
    return Comment.create({ body: 'next' } as never).id;
  });
  expect(ids).toBe(8);
});
