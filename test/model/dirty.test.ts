/** What counts as a change: Dates changed in place after a save or refresh, and undefined (left alone). */
import { Model } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

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

describe('dates and dirty checks', () => {
  it('a Date changed in place after an update save() is dirty and the next save writes it', () => {
    const post = Post.find(1)!;
    post.published = day(2);
    post.save();
    post.published.setUTCDate(15);
    expect(post.$isDirty).toBe(true);
    post.save();
    expect(Post.find(1)!.published!.getTime()).toBe(day(15).getTime());
  });

  it('a Date changed in place after refresh() is dirty and the next save writes it', () => {
    const post = Post.find(1)!;
    post.refresh();
    post.published!.setUTCDate(20);
    expect(post.$isDirty).toBe(true);
    post.save();
    expect(Post.find(1)!.published!.getTime()).toBe(day(20).getTime());
  });

  it('an attribute set to undefined is not dirty and save() leaves its cell alone', () => {
    const post = Post.find(1)!;
    post.title = undefined;
    expect(post.$isDirty).toBe(false);
    post.save();
    expect(sheetRows('Posts')[1][1]).toBe('Alpha');
  });
});
