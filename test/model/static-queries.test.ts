/**
 * The query methods Eloquent users call on the model itself (`Post::pluck('title')`): each reads
 * the sheet once, as `Post.query().…` does.
 */
import { Collection, Model, ValidationError } from '../../src';
import { gas, seedSheets } from '../support/seed';

class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
}

const seed = () =>
  seedSheets({
    Posts: [['id', 'title'], [1, 'First Post'], [2, 'Second'], [3, 'Third']],
    Empty: [['id', 'title']],
  });

class Draft extends Model {
  static _table = 'Empty';
}

describe('static query shortcuts', () => {
  it('get() gives every row, as all() does, in one read; a column list is refused', () => {
    seed();
    gas().calls.reset();
    expect(Post.get().pluck('id').all()).toEqual([1, 2, 3]);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(() => (Post.get as (...args: unknown[]) => unknown)(['title'])).toThrow(ValidationError);
  });

  it('pluck(column) and pluck(column, key) read one column of every row', () => {
    seed();
    gas().calls.reset();
    const titles: Collection<string> = Post.pluck('title');
    expect(titles.all()).toEqual(['First Post', 'Second', 'Third']);
    expect(gas().calls.reads('Posts')).toBe(1);
    expect(Post.pluck('title', 'id')).toEqual({ 1: 'First Post', 2: 'Second', 3: 'Third' });
  });

  it('exists() and doesntExist() tell whether the sheet has rows', () => {
    seed();
    expect(Post.exists()).toBe(true);
    expect(Post.doesntExist()).toBe(false);
    expect(Draft.exists()).toBe(false);
    expect(Draft.doesntExist()).toBe(true);
  });

  it('forPage(page, perPage) starts a paged query', () => {
    seed();
    expect(Post.forPage(2, 2).pluck('id').all()).toEqual([3]);
    expect(Post.forPage(1).get().length).toBe(3);
  });
});
