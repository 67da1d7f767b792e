/** Edge cases around values given under relation names, loaded relations and empty strings. */
import { Collection, ColumnNotFoundError, Model } from '../../src';
import { seedSheets, sheetRows } from '../support/seed';

class Kind extends Model {
  static _table = 'Kinds';
}
class Item extends Model {
  static _table = 'Items';
  declare id: number;
  category() {
    return this.belongsTo(Kind, 'category_id');
  }
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  category() {
    return this.belongsTo(Kind, 'category');
  }
  tags() {
    return this.manyToMany(Tag, 'PostTag', null as unknown as string, null as unknown as string);
  }
}
class Tag extends Model {
  static _table = 'Tags';
}

beforeEach(() =>
  seedSheets({
    Kinds: [['id', 'name'], [1, 'News'], [2, 'Tech']],
    Items: [['id', 'category_id'], [1, 1]],
    Posts: [['id', 'category'], [1, 1]],
    Tags: [['id', 'name', 'score'], [1, 't1', ''], [2, 't2', 5], [3, 't3', 9]],
    PostTag: [['post_id', 'tag_id'], [1, 1], [1, 2], [1, 3]],
  }),
);

it('a cell value under a relation name with no such column is a ColumnNotFoundError; null is skipped', () => {
  expect(() => Item.create({ category: 2 } as never)).toThrow(ColumnNotFoundError);
  expect(() => Item.create({ category: null } as never)).not.toThrow();
  expect(sheetRows('Items')).toHaveLength(3);
});

it('load() after assigning the key column named like the relation keeps the assigned value to save', () => {
  const post = Post.findOrFail(1);
  (post as unknown as { category: number }).category = 2;
  post.load('category');
  expect(((post as unknown as { category: Kind }).category).getAttribute('name')).toBe('Tech');
  expect(post.getAttribute('category')).toBe(2);
  post.save();
  expect(sheetRows('Posts')[1]).toEqual([1, 2]);
});

it('null key arguments of manyToMany take the defaults', () => {
  expect(Post.with('tags').findOrFail(1).tags.length).toBe(3);
});

it('many-to-many orderBy keeps empty cells last in both directions', () => {
  const names = (tags: Iterable<Tag>) => Array.from(tags, (tag) => tag.getAttribute('name'));
  expect(names(Post.findOrFail(1).related('tags').query().orderBy('score', 'desc').get())).toEqual(['t3', 't2', 't1']);
  expect(names(Post.findOrFail(1).related('tags').query().orderBy('score', 'asc').get())).toEqual(['t2', 't3', 't1']);
});

it('a plain array assigned to a loaded relation serialises as an array', () => {
  const post = Post.with('tags').findOrFail(1) as unknown as { tags: Tag[]; toJSON(): { tags: unknown } };
  post.tags = post.tags.slice(0, 1);
  expect(post.toJSON().tags).toEqual([{ id: 1, name: 't1', score: null, pivot: { post_id: 1, tag_id: 1 } }]);
});

it("Collections treat '' as an empty cell when sorting and in min/max", () => {
  const items = new Collection([{ n: 5 }, { n: '' }, { n: 9 }, { n: null }]);
  expect(items.sortByDesc('n').pluck('n').all()).toEqual([9, 5, '', null]);
  expect(items.max('n')).toBe(9);
  expect(items.min('n')).toBe(5);
});
