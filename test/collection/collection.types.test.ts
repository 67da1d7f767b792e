import { Collection } from '../../src/collection/Collection';
import type { Post } from './fixtures';
import { posts } from './fixtures';

/** Compile-time checks (run by `tsc -p test/tsconfig.json`); the runtime assertions are incidental. */
describe('Collection types', () => {
  const collection = new Collection<Post>(posts());

  it('types pluck, aggregates and lookups from the item type', () => {
    const titles: Collection<string> = collection.pluck('title');
    const views: Collection<number | null> = collection.pluck('views');
    const names: Collection<unknown> = collection.pluck('author.name');
    const smallest: number | null = collection.min('views');
    const latest: Date | null = collection.max('createdAt');
    const longest: number | null = collection.max((post) => post.title.length);
    const average: number | null = collection.avg('views');
    const first: Post | null = collection.first();
    const groups: Record<string, Collection<Post>> = collection.groupBy('published');
    const byId: Record<string, Post> = collection.keyBy('id');
    const chunks: Collection<Collection<Post>> = collection.chunk(2);
    const plain: Post[] = collection.all();
    expect([titles, views, names, smallest, latest, longest, average, first, groups, byId, chunks, plain]).toHaveLength(12);
  });

  it('narrows with type-guard filters and types toJSON from item toJSON()', () => {
    const mixed = new Collection<string | number>(['a', 1]);
    const strings: Collection<string> = mixed.filter((item): item is string => typeof item === 'string');
    const models = new Collection([{ toJSON: () => ({ id: 1 }) }]);
    const json: Array<{ id: number }> = models.toJSON();
    expect([strings.all(), json]).toEqual([['a'], [{ id: 1 }]]);
  });

  it("types the Array methods a Collection has at run time (concat, flatMap, push, sort, reverse, lastIndexOf)", () => {
    const list = new Collection<number>([3, 1, 2]);
    const joined: Collection<number> = list.concat([4], 5);
    const doubled: Collection<string> = list.flatMap((n) => [String(n), String(n * 2)]);
    const sorted: Collection<number> = list.sort((a, b) => a - b);
    const length: number = sorted.push(9);
    const reversed: Collection<number> = list.reverse();
    list[0] = 10;
    expect([joined, doubled.length, length, reversed.all(), list.lastIndexOf(1), Array.isArray(joined) && joined instanceof Collection]).toEqual([
      [3, 1, 2, 4, 5],
      6,
      4,
      [10, 3, 2, 1],
      3,
      true,
    ]);
  });

  it('rejects misuse at compile time', () => {
    // @ts-expect-error an unknown operator literal
    expect(() => collection.where('views', '=~', 1)).toThrow();
    // @ts-expect-error a column value read as the wrong type
    const wrong: Collection<string> = collection.pluck('views');
    // @ts-expect-error chunk needs a size
    expect(() => collection.chunk()).toThrow();
    expect(wrong).toBeDefined();
    // Any string is accepted as a dot path.
    expect(collection.where('author.country', 'UK').length).toBe(1);
  });
});
