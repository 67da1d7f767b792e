import { ValidationError } from '../errors';
import { compareValues, isDate, toText } from './compare';
import { isPlainNumberText } from '../support/values';
import { describe } from './arguments';
import { mapItems, selectedValues } from './select';
import type { Collection } from './Collection';
import type { ItemCallback, KeySelector } from './select';

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

/** The total of the numbers of `values` (numbersOf); 0 when there are none. */
export function sumOf(values: unknown[]): number {
  return totalOf(numbersOf(values));
}

/** The mean of the numbers of `values` (numbersOf), or null when there are none. */
export function meanOf(values: unknown[]): number | null {
  const numbers = numbersOf(values);
  return numbers.length === 0 ? null : totalOf(numbers) / numbers.length;
}

/** The sum of `numbers`, from 0. */
function totalOf(numbers: number[]): number {
  return numbers.reduce((total, n) => total + n, 0);
}

/** How many items `fn` accepts (`count(fn)`); anything but a function is refused. */
export function countAccepted<T>(items: Collection<T>, fn: ItemCallback<T, unknown>): number {
  if (typeof fn !== 'function') throw new ValidationError(`Collection.count: expected nothing or a function that picks the items to count, got ${describe(fn)}.`);
  let counted = 0;
  for (let i = 0; i < items.length; i++) if (fn(items[i], i, items)) counted++;
  return counted;
}

/**
 * The smallest (direction -1) or largest (1) non-blank value by compareValues, or null. Among
 * numbers (numeric text counting as, and given back as, its number, as in sum), other text and booleans (a "TBD", an
 * error a formula shows) are skipped, as Sheets' MIN and MAX skip them; among Dates (when most values
 * are Dates), all but Dates are.
 */
export function extremeOf(values: unknown[], direction: 1 | -1): unknown {
  const isNumber = (value: unknown) => (typeof value === 'number' ? !Number.isNaN(value) : typeof value === 'string' && isPlainNumberText(value));
  // The column's kind is what most of its values are: a stray number among Dates is skipped too.
  let numbers = 0;
  let dates = 0;
  for (let i = 0; i < values.length; i++) {
    if (isNumber(values[i])) numbers++;
    else if (isDate(values[i]) && !isBlank(values[i])) dates++;
  }
  const kind = dates > numbers ? 'date' : numbers ? 'number' : null;
  let best: unknown = null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isBlank(value) || (kind === 'number' && !isNumber(value)) || (kind === 'date' && !isDate(value))) continue;
    const order = kind === 'number' ? Number(value) - Number(best) : compareValues(value, best);
    if (best === null || order * direction > 0) best = value;
  }
  // Numeric text counted as its number (as in sum and avg) comes back as that number.
  return kind === 'number' && best !== null ? Number(best) : best;
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

/** The items' text joined by `glue` (null → '', Dates as ISO), with Laravel's `finalGlue` before the last item. */
export function joinItems<T>(items: Collection<T>, glue: string, finalGlue: string): string {
  const texts = mapItems(items, toText);
  if (finalGlue === '' || texts.length < 2) return texts.join(glue);
  return texts.slice(0, -1).join(glue) + finalGlue + texts[texts.length - 1];
}

/** `implode`: the text of a key's value of every item joined by `glue`; over items that are not records, `key` is the glue. */
export function implodeItems<T>(items: Collection<T>, key: KeySelector<T> | string, glue: string | undefined): string {
  const first = items.length ? items[0] : null;
  const isRecord = first !== null && typeof first === 'object' && !isDate(first);
  // As Laravel: over plain values the first argument is the glue (and a second is ignored).
  if (typeof key === 'string' && !isRecord) return items.join(key);
  return selectedValues(items, key as KeySelector<T>, 'implode').map(toText).join(glue === undefined ? '' : glue);
}
