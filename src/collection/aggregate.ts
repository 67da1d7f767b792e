import { compareValues, isDate } from './compare';
import { isPlainNumberText } from '../support/values';

/** True for null, undefined, '' (an empty cell), NaN and invalid Dates: values that aggregates and sorts set aside. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value === 'number') return Number.isNaN(value);
  return isDate(value) && Number.isNaN(value.getTime());
}

/** The numbers among `values` (numeric strings converted); everything else is skipped. */
export function numbersOf(values: unknown[]): number[] {
  const numbers: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // Text counts when it equals a number in comparisons too (' 7 ', '1.5'), not '00123' or '+5'.
    if (typeof value === 'number' ? !Number.isNaN(value) : typeof value === 'string' && isPlainNumberText(value)) numbers.push(Number(value));
  }
  return numbers;
}

/** The smallest (direction -1) or largest (1) non-blank value by compareValues, or null. */
export function extremeOf(values: unknown[], direction: 1 | -1): unknown {
  let best: unknown = null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!isBlank(value) && (best === null || compareValues(value, best) * direction > 0)) best = value;
  }
  return best;
}

/** One sort key: each item's value (parallel to the items) and its direction. */
export interface SortKey {
  values: unknown[];
  direction: 1 | -1;
}

/** `items` reordered by the keys in turn (values parallel to the items): stable, blanks last in both directions. */
export function sortByKeys<T>(items: T[], keys: readonly SortKey[]): T[] {
  const order = items.map((_, index) => index);
  order.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const { values, direction } = keys[k];
      const aBlank = isBlank(values[a]);
      const bBlank = isBlank(values[b]);
      const byValue = aBlank || bBlank ? Number(aBlank) - Number(bBlank) : compareValues(values[a], values[b]) * direction;
      if (byValue) return byValue;
    }
    return a - b;
  });
  return order.map((index) => items[index]);
}
