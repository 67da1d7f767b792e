/** A pivot sheet's rows grouped per parent key: built once per write, kept up to date as rows come and go. */
import { Model, transaction } from '../../src';
import { RowGroups } from '../../src/storage/RowGroups';
import { seedSheets, sheetRows } from '../support/seed';

class Tag extends Model {
  static _table = 'Tags';
  declare id: number;
}
class Post extends Model {
  static _table = 'Posts';
  declare id: number;
  tags() {
    return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id');
  }
}

afterEach(() => jest.restoreAllMocks());

function countBuilds(): () => number {
  const spy = jest.spyOn(RowGroups.prototype as unknown as { build: () => unknown }, 'build');
  return () => spy.mock.calls.length;
}

it('a transaction syncing parent after parent groups the pivot rows once, not once per parent', () => {
  const pivot: unknown[][] = [['post_id', 'tag_id']];
  for (let post = 1; post <= 200; post++) for (let tag = 1; tag <= 3; tag++) pivot.push([post, tag]);
  seedSheets({ Posts: [['id'], ...Array.from({ length: 200 }, (_, i) => [i + 1])], Tags: [['id'], [1], [2], [3], [4]], PostTag: pivot });
  const posts = Post.all();
  const builds = countBuilds();
  transaction(() => posts.forEach((post) => post.related('tags').sync([2, 4])));
  expect(builds()).toBe(1);
  const links = sheetRows('PostTag').slice(1);
  expect(links).toHaveLength(400);
  expect(links.filter((row) => row[0] === 7).map((row) => row[1]).sort()).toEqual([2, 4]);
});

it('each call sees the rows the calls before it added, removed or re-pointed in the same transaction', () => {
  seedSheets({
    Posts: [['id'], [1], [2]],
    Tags: [['id'], [1], [2], [3]],
    PostTag: [['post_id', 'tag_id', 'note'], [1, 1, 'a'], [2, 1, 'b']],
  });
  const [one, two] = [Post.find(1)!, Post.find(2)!];
  const results = transaction(() => {
    one.related('tags').attach([2, 3]);
    const detached = one.related('tags').detach([1]);
    const synced = one.related('tags').sync([3]);
    two.related('tags').updateExistingPivot(1, { note: 'changed' });
    const toggled = two.related('tags').toggle([1, 2]);
    const again = two.related('tags').sync({ 2: { note: 'kept' } });
    return { detached, synced, toggled, again };
  });
  expect(results).toEqual({
    detached: 1,
    synced: { attached: [], detached: [2], updated: [] },
    toggled: { attached: [2], detached: [1] },
    again: { attached: [], detached: [], updated: [2] },
  });
  expect(sheetRows('PostTag')).toEqual([['post_id', 'tag_id', 'note'], [1, 3, ''], [2, 2, 'kept']]);
});
