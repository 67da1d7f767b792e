/**
 * What each operation does to the sheets, as the spec promises it, applied to an oracle Store.
 * Every function checks first and changes the store only when it succeeds; an expected failure is
 * returned as the name of the error class sheetorm must throw.
 */
import { Cell, col, normKey, Row, Store } from './oracle';

/** An outcome: a value, or the error sheetorm must throw (and then nothing changed). */
export type Result<T> = { value: T; error?: undefined } | { error: string; value?: undefined };

/** Attributes of a post the operations write. */
export interface PostInput {
  id?: number;
  title: string;
  views: number | null;
}

const ok = <T>(value: T): Result<T> => ({ value });
const fail = <T>(error: string): Result<T> => ({ error });

const ID = col('Posts', 'id');
const TITLE = col('Posts', 'title');
const VIEWS = col('Posts', 'views');

/** `Post.createMany(items)` (and `create`): keys are kept when given, else `max + 1`; one block. */
export function createPosts(store: Store, items: readonly PostInput[]): Result<Cell[]> {
  const posts = store.sheet('Posts');
  const taken = new Set(posts.live().map((row) => normKey(row.cells[ID])));
  let next = posts.nextKey();
  const rows: Cell[][] = [];
  for (const item of items) {
    const id = item.id === undefined ? next : item.id;
    if (taken.has(normKey(id))) return fail('DuplicateKeyError');
    taken.add(normKey(id));
    if (typeof id === 'number' && id >= next) next = id + 1;
    rows.push([id, item.title, item.views, null, null]);
  }
  rows.forEach((cells) => store.insert('Posts', cells));
  return ok(rows.map((cells) => cells[ID]));
}

/** `Tag.create({ name })`. */
export function createTag(store: Store, name: string): Result<Cell> {
  const id = store.sheet('Tags').nextKey();
  store.insert('Tags', [id, name]);
  return ok(id);
}

/** `Post.find(id)`: the first row with that key. */
export function findPost(store: Store, id: unknown): Row | undefined {
  return store.sheet('Posts').byKey(normKey(id));
}

/** `model.save()` of a model read with key `key`: only attributes changed since it was read or saved are written. */
export function savePost(store: Store, key: Cell, dirty: Partial<Record<'title' | 'views', Cell>>): Result<number> {
  const row = findPost(store, key);
  if (!row) return fail('ModelNotFoundError');
  const names = Object.keys(dirty) as Array<'title' | 'views'>;
  names.forEach((name) => store.set('Posts', row, col('Posts', name), dirty[name] as Cell));
  return ok(names.length);
}

/** `model.delete()`: a row already gone is not an error. */
export function deletePost(store: Store, key: Cell): Result<boolean> {
  const row = findPost(store, key);
  if (row) store.remove('Posts', row);
  return ok(!!row);
}

/**
 * `Post.where('views', '>', min).update({ title })`: returns the rows matched. A cell already
 * holding the title is not rewritten, so that row is no change (its deletion meanwhile fails nothing).
 */
export function updateTitles(store: Store, minViews: number, title: string): Result<number> {
  const rows = store.sheet('Posts').live().filter((row) => typeof row.cells[VIEWS] === 'number' && (row.cells[VIEWS] as number) > minViews);
  rows.filter((row) => row.cells[TITLE] !== title).forEach((row) => store.set('Posts', row, TITLE, title));
  return ok(rows.length);
}

/** `Post.whereIn('id', ids).delete()`. */
export function deleteIds(store: Store, ids: readonly unknown[]): Result<number> {
  const keys = new Set(ids.map(normKey));
  return deleteWhere(store, (row) => keys.has(normKey(row.cells[ID])));
}

/** `Post.where('views', '<', max).delete()` (empty views never compare). */
export function deleteBelow(store: Store, maxViews: number): Result<number> {
  return deleteWhere(store, (row) => typeof row.cells[VIEWS] === 'number' && (row.cells[VIEWS] as number) < maxViews);
}

function deleteWhere(store: Store, test: (row: Row) => boolean): Result<number> {
  const rows = store.sheet('Posts').live().filter(test);
  rows.forEach((row) => store.remove('Posts', row));
  return ok(rows.length);
}

/** The pivot rows of one post, in sheet order. */
function pivotRows(store: Store, post: number): Row[] {
  return store.sheet('PostTag').live().filter((row) => normKey(row.cells[0]) === normKey(post));
}

/** `post.related('tags').attach(tags)`: one new pivot row per distinct id (Eloquent: no check for rows already there). */
export function attach(store: Store, post: number, tags: readonly number[]): Result<void> {
  Array.from(new Set(tags)).forEach((tag) => store.insert('PostTag', [post, tag, null]));
  return ok(undefined);
}

/** `detach(tags)` / `detach()`: removes this post's rows for those ids (all of them without ids); counts the rows (Eloquent). */
export function detach(store: Store, post: number, tags: readonly number[] | null): Result<number> {
  const only = tags && new Set(tags.map(normKey));
  const rows = pivotRows(store, post).filter((row) => !only || only.has(normKey(row.cells[1])));
  rows.forEach((row) => store.remove('PostTag', row));
  return ok(rows.length);
}

/** `sync(tags)`: keeps every row of each wanted id (duplicates too), removes the others, appends the missing. */
export function sync(store: Store, post: number, tags: readonly number[]): Result<{ attached: number[]; detached: number }> {
  const wanted = Array.from(new Set(tags));
  const seen = new Set<string>();
  const gone: Row[] = [];
  for (const row of pivotRows(store, post)) {
    const key = normKey(row.cells[1]);
    if (wanted.some((tag) => normKey(tag) === key)) seen.add(key);
    else gone.push(row);
  }
  gone.forEach((row) => store.remove('PostTag', row));
  const attached = wanted.filter((tag) => !seen.has(normKey(tag)));
  attached.forEach((tag) => store.insert('PostTag', [post, tag, null]));
  // Ids no longer attached, each once (a pair typed twice is one id detached).
  const detached = new Set(gone.map((row) => normKey(row.cells[1])));
  return ok({ attached, detached: detached.size });
}
