/** Laravel's subset helpers: whereNull, whereBetween, forPage, partition and modelKeys. */
import { Collection, Model } from '../../src';
import { ValidationError } from '../../src/errors';
import { seedSheets } from '../support/seed';
import { ids, posts } from './fixtures';

class Member extends Model {
  static override _table = 'Members';
  static override _primaryKey = ['team_id', 'user_id'];
}

class Post extends Model {
  static override _table = 'Posts';
}

describe('Collection subsets', () => {
  const collection = new Collection(posts());

  it('whereNull and whereNotNull take null, blank text and missing values as blank', () => {
    const items = new Collection([{ id: 1, note: null }, { id: 2, note: '' }, { id: 3 }, { id: 4, note: 0 }, { id: 5, note: 'x' }]);
    expect(ids(items.whereNull('note'))).toEqual([1, 2, 3]);
    expect(ids(items.whereNotNull('note'))).toEqual([4, 5]);
    expect(ids(collection.whereNull('author.country'))).toEqual([2, 3]);
    expect(() => collection.whereNull(undefined as unknown as string)).toThrow(ValidationError);
  });

  it('whereBetween includes both ends and compares as where does; whereNotBetween keeps the rest', () => {
    expect(ids(collection.whereBetween('views', [3, 10]))).toEqual([1, 3, 4]);
    expect(ids(collection.whereBetween('views', ['4', 10]))).toEqual([1, 3]);
    expect(ids(collection.whereNotBetween('views', [4, 10]))).toEqual([2, 4]);
    expect(ids(collection.whereBetween('createdAt', [new Date('2024-01-01'), new Date('2025-12-31')]))).toEqual([1, 4]);
    expect(() => collection.whereBetween('views', [1] as unknown as [number, number])).toThrow(/expected \[low, high\]/);
    expect(() => collection.whereBetween('views', [1, undefined])).toThrow(ValidationError);
  });

  it('forPage slices pages of perPage items, page 1 (or below) first', () => {
    const numbers = new Collection([1, 2, 3, 4, 5, 6, 7]);
    expect(numbers.forPage(2, 3).all()).toEqual([4, 5, 6]);
    expect(numbers.forPage(3, 3).all()).toEqual([7]);
    expect(numbers.forPage(0, 3).all()).toEqual([1, 2, 3]);
    expect(numbers.forPage(9, 3).all()).toEqual([]);
    expect(numbers.forPage(1).all()).toHaveLength(7);
    // 20 a page by default, as Laravel's.
    expect(new Collection(Array.from({ length: 25 }, (_, i) => i + 1)).forPage(2).all()).toEqual([21, 22, 23, 24, 25]);
    expect(numbers.forPage(2, 3)).toBeInstanceOf(Collection);
    expect(() => numbers.forPage('two' as unknown as number, 3)).toThrow(/forPage: expected a number/);
  });

  it('partition splits into two collections, in order', () => {
    const [published, drafts] = collection.partition((post) => post.published);
    expect(ids(published)).toEqual([1, 3]);
    expect(ids(drafts)).toEqual([2, 4]);
    expect(published).toBeInstanceOf(Collection);
    expect(drafts.where('views', 3).length).toBe(1);
    expect(() => collection.partition('published' as never)).toThrow(/partition: expected a callback/);
  });

  it('modelKeys lists primary keys, composite ones as arrays', () => {
    seedSheets({
      Posts: [['id', 'title'], [4, 'a'], [9, 'b']],
      Members: [['team_id', 'user_id'], [1, 7], [2, 8]],
    });
    expect(Post.all().modelKeys()).toEqual([4, 9]);
    expect(Member.all().modelKeys()).toEqual([[1, 7], [2, 8]]);
    expect(() => new Collection([{ id: 1 }]).modelKeys()).toThrow(/the item at index 0 is not a model/);
  });
});
