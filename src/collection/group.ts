/** Keying items by a key's text, shared by `groupBy`, `countBy`, `keyBy` and keyed `pluck` so that all of them key items alike. */
import { ValidationError } from '../errors';
import { keyText } from './compare';
import { zoneByItem } from './itemZone';
import { checkSelector, mapItems, selector } from './select';
import type { Collection } from './Collection';
import type { ItemCallback, KeySelector } from './select';

/** The items by the text of a key (see keyText; none: the items themselves), in first-seen order; `method` names the caller in errors. */
export function groupItems<T>(items: Collection<T>, key: unknown, method: string): Map<string, T[]> {
  const read = selector(checkSelector<T>(key, method));
  const zoneOf = zoneByItem();
  const groups = new Map<string, T[]>();
  for (let i = 0; i < items.length; i++) {
    const name = keyText(read(items[i], i, items), () => zoneOf(items[i]), `Collection.${method}`);
    const group = groups.get(name);
    if (group) group.push(items[i]);
    else groups.set(name, [items[i]]);
  }
  return groups;
}

/** Laravel's `countBy`: how many items hold each value, keyed as `groupBy` keys its groups; null or none counts the items themselves. */
export function countItems<T>(items: Collection<T>, key?: KeySelector<T> | null): Record<string, number> {
  const groups = groupItems(items, key === null ? undefined : key, 'countBy');
  return Object.fromEntries(Array.from(groups, ([name, group]) => [name, group.length]));
}

/** `groupBy`'s groups, each made a Collection by `wrap`; a list of keys nests the groups one level per key (Laravel). */
export function groupTree<T>(items: Collection<T>, key: unknown, wrap: (group: T[]) => Collection<T>): Record<string, unknown> {
  if (Array.isArray(key)) {
    if (!key.length) throw new ValidationError('Collection.groupBy([]): name at least one key.');
    const groups = items.groupBy(checkSelector<T>(key[0], 'groupBy'));
    if (key.length === 1) return groups;
    const rest = key.slice(1);
    return Object.fromEntries(Object.keys(groups).map((name) => [name, groups[name].groupBy(rest)]));
  }
  if (key === undefined) throw new ValidationError('Collection.groupBy: name the key to group by (a column, dot path, index or function).');
  return Object.fromEntries(Array.from(groupItems(items, key, 'groupBy'), ([name, group]) => [name, wrap(group)]));
}

/** What `value` reads from each item, keyed by the text of `key` (keyBy, and pluck with a key); the last item wins a shared key. */
export function keyItems<T, V>(items: Collection<T>, key: unknown, method: string, value: ItemCallback<T, V>): Record<string, V> {
  if (key === undefined) throw new ValidationError(`Collection.${method}: name the key (a column, dot path, index or function).`);
  const read = selector(checkSelector<T>(key, method));
  const zoneOf = zoneByItem();
  return Object.fromEntries(mapItems(items, (item, i, all) => [keyText(read(item, i, all), () => zoneOf(item), `Collection.${method}`), value(item, i, all)]));
}
