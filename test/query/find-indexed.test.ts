/** find() in a session or transaction looks the key up in the table's index rather than scanning the sheet each time. */
import { Model, session, transaction } from '../../src';
import { RowIndexes } from '../../src/storage/RowIndexes';
import { gas, seedSheets } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
  declare name: string;
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  declare title: string;
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}

const seed = (posts = 1000) =>
  seedSheets({
    Posts: [['id', 'title'], ...Array.from({ length: posts }, (_, i) => [i + 1, `Post ${i + 1}`]), [7, 'typed twice']],
    Tags: [['id', 'name'], [1, 'js'], [2, 'ts']],
    PostTag: [['post_id', 'tag_id'], [3, 1], [3, 2]],
  });

afterEach(() => jest.restoreAllMocks());

function countIndexBuilds(): () => number {
  const get = RowIndexes.prototype.get;
  let builds = 0;
  jest.spyOn(RowIndexes.prototype, 'get').mockImplementation(function (this: RowIndexes, columns) {
    if (!(this as unknown as { indexes: Map<string, unknown> }).indexes.has(columns.join(','))) builds++;
    return get.call(this, columns);
  });
  return () => builds;
}

it('in a session, finds in a loop read the sheet once and index it once', () => {
  seed();
  const builds = countIndexBuilds();
  gas().calls.reset();
  const titles = session(() => [10, 500, 999, 1001, '20'].map((id) => Post.find(id)?.title ?? null));
  expect(titles).toEqual(['Post 10', 'Post 500', 'Post 999', null, 'Post 20']);
  expect(gas().calls.reads('Posts')).toBe(1);
  expect(builds()).toBe(1);
});

it('gives what the scan gives: the first row of a key typed twice, loaded relations and counts, writes made in the transaction', () => {
  seed(10);
  const found = transaction(() => {
    Post.create({ id: 50, title: 'new' });
    Post.find(2)!.delete();
    return {
      twice: Post.find(7)!.title,
      created: Post.find(50)!.title,
      deleted: Post.find(2),
      withTags: Post.query().with('tags').find(3)!.tags.map((tag) => tag.name),
      counted: Post.query().withCount('tags').find(3)!.$extras.tags_count,
      ordered: Post.query().orderBy('title', 'desc').find(7)!.title,
    };
  });
  expect(found).toEqual({ twice: 'Post 7', created: 'new', deleted: null, withTags: ['js', 'ts'], counted: 2, ordered: 'typed twice' });
});

it('outside a session each find still reads the sheet once, and builds no index', () => {
  seed(10);
  const builds = countIndexBuilds();
  gas().calls.reset();
  expect([Post.find(1)!.title, Post.find(9)!.title]).toEqual(['Post 1', 'Post 9']);
  expect(gas().calls.reads('Posts')).toBe(2);
  expect(builds()).toBe(0);
});
