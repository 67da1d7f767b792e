/**
 * The time zone a Collection reads date text in when it compares it with Date cells. For models it
 * is their spreadsheet's, as their queries read it (`Post.where('at', '>=', '2024-01-06')` and
 * `posts.where('at', '>=', '2024-01-06')` agree); for other items, local time. The model layer,
 * which sits above collections, registers how a model finds its zone.
 */
import type { ZoneSource } from './compare';

/** The zone of a model's spreadsheet, or undefined for an item that is no model. */
export type ItemZone = (item: unknown) => string | undefined;

let itemZone: ItemZone | null = null;

/** Registers the model layer's zone finder (model/Model.ts does, once). */
export function registerItemZone(fn: ItemZone): void {
  itemZone = fn;
}

/**
 * The zone of an item's own spreadsheet (undefined, local time, for one that is no model), asked
 * once per class: a collection may hold models of spreadsheets in different zones.
 */
export function zoneByItem(): (item: unknown) => string | undefined {
  const byClass = new Map<unknown, string | undefined>();
  return (item) => {
    if (!itemZone || item === null || typeof item !== 'object') return undefined;
    const owner = (Object.getPrototypeOf(item) as { constructor?: unknown } | null)?.constructor;
    if (!byClass.has(owner)) byClass.set(owner, itemZone(item));
    return byClass.get(owner);
  };
}

/** The zone of the first model among `items` (asked only when a Date cell meets date text). */
export function zoneOfItems(items: ArrayLike<unknown>): ZoneSource {
  return () => {
    if (!itemZone) return undefined;
    for (let i = 0; i < items.length; i++) {
      const zone = itemZone(items[i]);
      if (zone !== undefined) return zone;
    }
    return undefined;
  };
}
