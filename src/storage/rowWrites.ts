/**
 * Writes addressed by row numbers (a block of cells, appended rows) are sent once: a retry after a
 * pause would reach other rows if a person inserted, deleted or sorted rows meanwhile, and a failed
 * call may have been slow enough for that too. Taking an append back clears only rows that still
 * hold the keys it wrote, for the same reason.
 */
import { normalizeKey } from '../support/values';
import { once } from './service';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Thrown when appended rows are not where they were written: they are left, and reported as written. */
export class NotOurRows extends Error {}

/**
 * Clears the rows appended at `at` when each holds the keys appended there (`keys`: 1-based columns)
 * or is blank; leaves them all when any holds something else. Without keys, clears them unread.
 */
export function clearAppended(label: string, sheet: Sheet, at: number, rows: readonly unknown[][], keys: readonly number[] | null): void {
  const width = rows[0].length;
  if (keys) {
    const found = once(`${label}: reading the rows first`, () => sheet.getRange(at, 1, rows.length, width).getValues());
    const blank = found.map((row) => row.every((cell) => cell === ''));
    const ours = found.map((row, r) => keys.every((key) => sameKey(row[key - 1], rows[r][key - 1])));
    if (found.some((_, r) => !blank[r] && !ours[r])) throw new NotOurRows(`${label}: the rows hold other data now (rows moved); they were left as they are.`);
    // Nothing of the append landed: there is nothing to clear.
    if (blank.every(Boolean)) return;
  }
  once(label, () => sheet.getRange(at, 1, rows.length, width).clearContent());
}

// A text guard (a leading apostrophe) is not part of what the cell reads back.
function sameKey(read: unknown, written: unknown): boolean {
  const sent = typeof written === 'string' && written.charAt(0) === "'" ? written.slice(1) : written;
  return normalizeKey(read) === normalizeKey(sent);
}
