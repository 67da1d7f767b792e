/** Which rows a query can match before its predicate runs: those holding one value in one column. */
import { equalityKey, isDateText } from '../collection/compare';
import type { Condition } from './conditions';

/** A column, and the key of the one value every matching row holds in it. */
export interface Equality {
  column: string;
  key: unknown;
  /** Whether `key` is a normalised key (a relation's scope: `1`, `'1'` and `' 1 '` alike) rather than an equality key. */
  normalised: boolean;
}

/**
 * The equality every row matched by `conditions` satisfies: an AND-ed `where(column, value)`, a
 * `whereIn` of one value or a relation's scope to one parent key, on the model's own sheet, at the
 * top or in an AND-ed group. None when an OR sits at the top (it can match other rows), or for date
 * text (it also matches Date cells of that date). The rows it leaves out would fail it, so the
 * predicate gives the same rows, in the same order, from the rest.
 */
export function equalityOf(conditions: readonly Condition[]): Equality | null {
  if (conditions.some((condition, i) => i > 0 && condition.bool === 'or')) return null;
  for (const condition of conditions) {
    if (condition.not) continue;
    if (condition.kind === 'compare' && condition.source === 'model' && (condition.operator === '=' || condition.operator === '==')) {
      if (!isDateText(condition.value)) return { column: condition.column, key: equalityKey(condition.value), normalised: false };
    } else if (condition.kind === 'in' && condition.source === 'model' && !condition.values.some(isDateText)) {
      const keys = new Set(condition.values.map(equalityKey));
      if (keys.size === 1) return { column: condition.column, key: keys.values().next().value, normalised: false };
    } else if (condition.kind === 'deferred' && condition.keys && condition.keys.source === 'model' && condition.keys.values.size === 1) {
      return { column: condition.keys.column, key: condition.keys.values.values().next().value, normalised: true };
    } else if (condition.kind === 'group') {
      // An AND-ed group (a relation query's clauses beside its parent scope) holds for every match too.
      const inner = equalityOf(condition.conditions);
      if (inner) return inner;
    }
  }
  return null;
}
