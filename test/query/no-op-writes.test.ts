/** Writes that change no cell: they leave empty cells empty and never fail on rows other executions moved. */
import { Model, transaction } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class User extends Model {
  static _table = 'Users';
  declare id: number;
  declare name: string;
}
class Comment extends Model {
  static _table = 'Comments';
  declare id: number;
  declare post_id: number;
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string | undefined;
  declare status: string | null;
  declare views: number | null;
  declare published: Date | null;
  declare user_id: unknown;
  comments() {
    return this.hasMany(Comment);
  }
  author() {
    return this.belongsTo(User, 'user_id');
  }
}

const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const ids = (query: { get(): { pluck(c: string): { all(): unknown[] } } }) => query.get().pluck('id').all();

beforeEach(() =>
  seedSheets({
    Users: [['id', 'name'], [1, 'Ann'], [2, 'Bob']],
    Posts: [
      ['id', 'title', 'status', 'views', 'published', 'user_id'],
      [1, 'Alpha', 'draft', 10, day(1), ''],
      [2, 'beta', 'live', '', day(5), ''],
      [3, 'Gamma', 'archived', 30, day(9), ''],
    ],
    Comments: [['id', 'post_id'], [1, 3], [2, 3], [3, 1]],
  }),
);

describe('no-op writes in a transaction', () => {
  const deleteRow2ElseWhere = () => gas().run('other', () => gas().SpreadsheetApp.getActive().getSheetByName('Posts')!.deleteRow(2));

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
    expect(sheetRows('Posts')[2][3]).toBe('');
  });

  it('model increment by 0 with an extra column already holding its value does not fail when another execution deleted a row meanwhile', () => {
    const post = Post.find(1)!;
    transaction(() => {
      post.increment('views', 0, { title: 'Alpha' });
      gas().run('other', () => gas().SpreadsheetApp.getActive().getSheetByName('Posts')!.deleteRow(2));
    });
    expect(sheetRows('Posts').map((row) => row[0])).toEqual(['id', 2, 3]);
  });
});
