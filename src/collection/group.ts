/** Grouping by a key's text, shared by `groupBy` and `countBy` so that the two key items alike. */
import { toText } from './compare';
import { checkSelector, selector } from './select';
import type { Collection } from './Collection';
import type { KeySelector } from './select';

/** The items by the text of a key ('' for null, ISO for Dates; none: the items themselves), in first-seen order; `method` names the caller in errors. */
export function groupItems<T>(items: Collection<T>, key: unknown, method: string): Map<string, T[]> {
  const read = selector(checkSelector<T>(key, method));
  const groups = new Map<string, T[]>();
  for (let i = 0; i < items.length; i++) {
    const name = toText(read(items[i], i, items));
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
