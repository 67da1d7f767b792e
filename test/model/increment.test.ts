import { Model, ModelNotFoundError, ValidationError, session, transaction } from '../../src';
import { seedSheets, sheetRows, gas } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  declare views: number | null;
  declare likes: number;
}

const seed = (rows = 3) =>
  seedSheets({
    Posts: [['id', 'title', 'views', 'likes'], ...Array.from({ length: rows }, (_, i) => [i + 1, `Post ${i + 1}`, i === 1 ? '' : 10 * (i + 1), 0])],
  });

describe('model increment / decrement', () => {
  it("adds to the model's cell, writing that cell only, and takes the new value as saved", () => {
    seed();
    const post = Post.findOrFail(1);
    post.title = 'unsaved edit';
    gas().calls.reset();
    expect(post.increment('views')).toBe(post);
    expect(gas().calls.count('Range.setValues') + gas().calls.count('Range.setValue')).toBe(1);
    expect(sheetRows('Posts')[1]).toEqual([1, 'Post 1', 11, 0]);
    expect(post.views).toBe(11);
    // The increment is saved; the other change stays unsaved.
    expect(post.$dirty).toEqual({ title: 'unsaved edit' });
    post.decrement({ views: 5, likes: 1 });
    expect([post.views, post.likes]).toEqual([6, -1]);
    expect(sheetRows('Posts')[1]).toEqual([1, 'Post 1', 6, -1]);
  });

  it('counts an empty cell as 0', () => {
    seed();
    expect(Post.findOrFail(2).increment('views', 3).views).toBe(3);
    expect(sheetRows('Posts')[2][2]).toBe(3);
  });

  it('adds to the cell as it is under the lock, not as the model read it', () => {
    seed();
    const post = Post.findOrFail(1);
    gas().run('B', () => SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange(2, 3).setValue(50));
    post.increment('views');
    expect(post.views).toBe(51);
    expect(sheetRows('Posts')[1][2]).toBe(51);
  });

  it("counts another execution's change in a session too, on a sheet big enough to be re-checked by keys only", () => {
    seed(13000);
    session(() => {
      const post = Post.findOrFail(1);
      gas().run('B', () => SpreadsheetApp.getActive().getSheetByName('Posts')!.getRange(2, 3).setValue(50));
      post.increment('views');
      expect(post.views).toBe(51);
    });
    expect(sheetRows('Posts')[1][2]).toBe(51);
  });

  it('is undone with the transaction that made it', () => {
    seed();
    const post = Post.findOrFail(1);
    expect(() =>
      transaction(() => {
        post.increment('views');
        expect(post.views).toBe(11);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(post.views).toBe(10);
    expect(post.$isDirty).toBe(false);
    expect(sheetRows('Posts')[1][2]).toBe(10);
  });

  it('refuses a model without a row, a row gone, a key column and text in the cell', () => {
    seed();
    expect(() => new Post().increment('views')).toThrow(/has not been saved/);
    const gone = Post.findOrFail(3);
    Post.where('id', 3).delete();
    expect(() => gone.increment('views')).toThrow(ModelNotFoundError);
    const deleted = Post.findOrFail(1);
    deleted.delete();
    expect(() => deleted.increment('views')).toThrow(/was deleted/);
    const post = Post.findOrFail(2);
    expect(() => post.increment('id')).toThrow(/key of Post/);
    expect(() => post.increment('title')).toThrow(ValidationError);
    expect(post.title).toBe('Post 2');
  });

  it("sets Eloquent's extra columns with the increment, clean, and writes nothing for an amount of 0", () => {
    seed();
    const post = Post.findOrFail(1);
    post.likes = 99;
    post.increment('views', 1, { title: 'Seen' });
    expect(sheetRows('Posts')[1]).toEqual([1, 'Seen', 11, 0]);
    expect([post.title, post.views]).toEqual(['Seen', 11]);
    expect(post.$dirty).toEqual({ likes: 99 });
    gas().calls.reset();
    post.increment('views', 0);
    expect(gas().calls.writes()).toBe(0);
    expect(() => post.increment('views', 1, { id: 5 })).toThrow(/cannot change the key/);
    expect(sheetRows('Posts')[1]).toEqual([1, 'Seen', 11, 0]);
  });

  it('leaves an unsaved change alone when its extra column is undefined, and takes sheet-qualified names', () => {
    seed();
    const post = Post.findOrFail(1);
    post.title = 'draft';
    post.increment('Posts.views', 2, { title: undefined });
    expect([post.title, post.views]).toEqual(['draft', 12]);
    expect(post.$dirty).toEqual({ title: 'draft' });
    expect(sheetRows('Posts')[1]).toEqual([1, 'Post 1', 12, 0]);
  });
});
