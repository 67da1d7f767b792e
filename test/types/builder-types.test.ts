/** Type-level checks of the query builders' own methods after with()/preload(), pluck, orderBy and exports. */
import { Collection, Model } from '../../src';
import type { Direction, ManyToManyOptions, OperatorInput, PreloadArg, RelationCallback } from '../../src';
import { seedSheets } from '../support/seed';

class User extends Model {
  static override _table = 'Users';
  declare id: number;
  posts() {
    return this.hasMany(Post, 'user_id');
  }
}
class Post extends Model {
  static override _table = 'Posts';
  declare id: number;
  declare title: string;
  declare views: number;
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}
class Tag extends Model {
  static override _table = 'Tags';
  declare id: number;
  declare name: string;
  posts() {
    return this.manyToMany(Post, 'PostTag', 'tag_id', 'post_id');
  }
}

beforeEach(() =>
  seedSheets({
    Users: [['id'], [1]],
    Posts: [['id', 'user_id', 'title', 'views'], [1, 1, 'First', 10], [2, 1, 'Second', 20]],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id', 'weight'], [1, 1, 3], [1, 2, 1]],
    Notes: [['post_id', 'n', 'text']],
  }),
);

it('relation queries keep wherePivot, pivotColumns and groupLimit after with() and preload()', () => {
  const tags = Post.findOrFail(1).related('tags').query().with('posts').wherePivot('weight', '>', 1).get();
  expect(tags.map((tag) => tag.name).all()).toEqual(['js']);
  const weighted = Post.findOrFail(1).related('tags').query().preload('posts').pivotColumns(['weight']).get();
  expect(weighted.length).toBe(2);
  const posts = User.findOrFail(1).related('posts').query().with('tags').groupLimit(1).get();
  expect(posts.length).toBe(1);
});

it('pluck of a declared attribute is typed; orderBy takes a list and either case', () => {
  const titles: Collection<string> = Post.query().orderBy('views', 'DESC').pluck('title');
  expect(titles.map((title) => title.toUpperCase()).all()).toEqual(['SECOND', 'FIRST']);
  const tagNames: string[] = Post.findOrFail(1).related('tags').query().pluck('name').all();
  expect(tagNames).toEqual(['js', 'ts']);
  expect(Post.orderBy([{ column: 'views', order: 'desc' }]).pluck('id').all()).toEqual([2, 1]);
});

it('the types of public signatures can be named', () => {
  const direction: Direction = 'desc';
  const operator: OperatorInput = 'LIKE';
  const callback: RelationCallback = (query) => query;
  const options: ManyToManyOptions = { pivotTable: 'PostTag', pivotColumns: ['weight'] };
  const arg: PreloadArg<Post> = 'tags';
  expect([direction, operator, typeof callback, options.pivotTable, arg]).toEqual(['desc', 'LIKE', 'function', 'PostTag', 'tags']);
});

it('a Collection is taken wherever sheetorm takes a list', () => {
  class Note extends Model {
    static override _table = 'Notes';
    static override _primaryKey = ['post_id', 'n'] as const;
    static override columns = ['post_id', 'n', 'text'] as const;
    declare text: string;
  }
  const ids = Post.query().pluck('id');
  expect(Post.whereIn('id', ids).whereNotIn('id', Tag.query().pluck('id').filter((id) => id > 1)).count()).toBe(1);
  expect(Post.findOrFail(1).related('tags').query().whereInPivot('tag_id', Tag.all().pluck('id')).count()).toBe(2);
  expect(Note.createMany(Post.all().map((post) => ({ post_id: post.id, n: 1, text: post.title }))).length).toBe(2);
  expect(User.findOrFail(1).related('posts').saveMany(Post.all()).length).toBe(2);
  expect(Post.findOrFail(2).related('tags').saveMany(Tag.whereIn('id', [1]).get()).length).toBe(1);
  expect(Note.primaryKey).toEqual(['post_id', 'n']);
});

it('aggregates, pages and fresh copies are typed', () => {
  const most: number | null = Post.query().max('views');
  const total: number = Post.sum('views');
  const page = Post.query().with('tags').paginate(1, 1);
  const names: string[] = page[0].tags.map((tag) => tag.name).all();
  const meta: number = page.getMeta().last_page;
  const same: Post | null = Post.findOrFail(1).fresh();
  const loaded = Post.findOrFail(1).fresh('tags');
  // @ts-expect-error fresh() names relations only
  expect(() => Post.findOrFail(1).fresh('title')).toThrow(/no relation "title"/);
  expect([most, total, names, meta, same?.id, loaded?.tags.length]).toEqual([20, 30, ['js', 'ts'], 2, 1, 2]);
});

it('a page is a Collection, and a function condition of when() gives its value to the callback', () => {
  const page: Collection<Post> = Post.paginate(1, 1);
  const titles = Post.when(
    () => 'First',
    (query, title) => query.where('title', title.toUpperCase() === 'FIRST' ? title : ''),
  ).pluck('title');
  expect([page.length, titles.all()]).toEqual([1, ['First']]);
});

it("findManyBy's forms are typed: a column and a value, a list or Set, or an object of columns", () => {
  const byValue: Collection<Post> = Post.findManyBy('title', 'First');
  const byList: Collection<Post> = Post.findManyBy('id', [1, 2]);
  const bySet: Collection<Post> = Post.findManyBy('id', new Set([2]));
  const byClause: Collection<Post> = Post.findManyBy({ title: 'Second', views: 20 });
  expect([byValue, byList, bySet, byClause].map((posts) => posts.map((post) => post.id))).toEqual([[1], [1, 2], [2], [2]]);
});
