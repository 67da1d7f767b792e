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
