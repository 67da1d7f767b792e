/** Writes that change no cell: they leave empty cells empty and never fail on rows other executions moved. */
import { Model, transaction } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare views: number | null;
}

beforeEach(() =>
  seedSheets({
    Posts: [
      ['id', 'title', 'views'],
      [1, 'Alpha', 10],
      [2, 'beta', ''],
      [3, 'Gamma', 30],
    ],
  }),
);

/** Another execution deletes sheet row 2 (post 1). */
const deleteRow2ElseWhere = () => gas().run('other', () => gas().SpreadsheetApp.getActive().getSheetByName('Posts')!.deleteRow(2));

describe('no-op writes in a transaction', () => {
  it('an update that changes no cell does not fail when another execution deleted that row meanwhile', () => {
    transaction(() => {
      Post.where('id', 1).update({ title: 'Alpha' });
      deleteRow2ElseWhere();
    });
    expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 2, 3]);
  });

  it('increment by 0 does not fail when another execution deleted that row meanwhile', () => {
    transaction(() => {
      Post.where('id', 1).increment('views', 0);
      deleteRow2ElseWhere();
    });
    expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 2, 3]);
  });
});

describe('increment', () => {
  it('increment by 0 leaves an empty cell empty', () => {
    Post.where('id', 2).increment('views', 0);
    expect(sheetRows('Posts')[2][2]).toBe('');
  });

  it('model increment by 0 with an extra column already holding its value does not fail when another execution deleted a row meanwhile', () => {
    const post = Post.find(1)!;
    transaction(() => {
      post.increment('views', 0, { title: 'Alpha' });
      deleteRow2ElseWhere();
    });
    expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 2, 3]);
  });
});
