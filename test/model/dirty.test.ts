/** What counts as a change: Dates changed in place after a save or refresh, and undefined (left alone). */
import { Model } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string | undefined;
  declare views: number | null;
  declare published: Date | null;
}

const day = (d: number) => new Date(Date.UTC(2024, 0, d));

beforeEach(() =>
  seedSheets({
    Posts: [
      ['id', 'title', 'views', 'published'],
      [1, 'Alpha', 10, day(1)],
      [2, 'beta', '', day(5)],
      [3, 'Gamma', 30, day(9)],
    ],
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

describe('keys set to their own text', () => {
  it("merge(e.parameter) repeating the row's key as text ('2' over 2) changes nothing: the key cell stays a number", () => {
    const post = Post.findOrFail(2);
    post.merge({ id: '2' as never, title: 'Beta' });
    expect(post.$dirty).toEqual({ title: 'Beta' });
    gas().calls.reset();
    post.save();
    expect(gas().calls.count('Range.setValues') + gas().calls.count('Range.setValue')).toBe(1);
    expect(sheetRows('Posts')[2]).toEqual([2, 'Beta', '', day(5)]);
  });

  it('another key as text, and numeric text in other columns, are changes written as text', () => {
    const post = Post.findOrFail(1);
    post.merge({ id: '7' as never, views: '10' as never });
    expect(post.$dirty).toEqual({ id: '7', views: '10' });
    post.save();
    expect(sheetRows('Posts')[1].slice(0, 3)).toEqual(['7', 'Alpha', '10']);
  });
});
