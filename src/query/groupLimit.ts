/** Lucid's `groupLimit(n)` / `groupOrderBy(col, dir)` arguments, shared by hasMany and many-to-many queries. */
import { ValidationError } from '../errors';
import { describeValue, digitsAsNumber } from '../support/values';
import { primaryKeys } from '../model/meta';
import type { ModelSettings } from '../model/meta';

/** A per-parent limit: a whole number ≥ 0 (digits as text count, as limit() takes them). */
export function checkGroupLimit(given: unknown, owner: string): number {
  const count = digitsAsNumber(given);
  if (typeof count !== 'number' || !(count >= 0) || Math.floor(count) !== count) {
    throw new ValidationError(`${owner}.groupLimit(${describeValue(given)}): expected a whole number ≥ 0.`);
  }
  return count;
}

/** A sort direction, 'asc' or 'desc' in any case. */
export function checkGroupDirection(direction: unknown, owner: string): 'asc' | 'desc' {
  const dir = String(direction).toLowerCase();
  if (dir !== 'asc' && dir !== 'desc') throw new ValidationError(`${owner}.groupOrderBy(): the direction must be 'asc' or 'desc'.`);
  return dir;
}

/** The order groupLimit keeps rows by: groupOrderBy's, else highest keys first, as Lucid's preloads keep them. */
export function groupOrder<O extends { column: string; direction: 'asc' | 'desc' }>(orders: O[], model: ModelSettings): Array<O | { column: string; direction: 'desc' }> {
  return orders.length ? orders : primaryKeys(model).map((column) => ({ column, direction: 'desc' as const }));
}
