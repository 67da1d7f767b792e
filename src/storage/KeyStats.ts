import { CellValue, isPlainNumberText } from '../support/values';
import type { Row } from './RowEntry';

/**
 * What new keys are made from, per column: the largest number key (text holding a whole number
 * counts) and whether the column holds mostly text. Scanned on first use, kept up to date on insert and delete.
 */
export class KeyStats {
  private maxKeys = new Map<number, number>();
  private textKeys = new Map<number, boolean>();
  private textColumns = new Map<number, boolean>();
  /** What each scanned column holds, so a deletion can update the text facts without a scan. */
  private counts = new Map<number, { numbers: number; texts: number; strings: number }>();
  private readonly rows: () => readonly Row[];

  constructor(rows: () => readonly Row[]) {
    this.rows = rows;
  }

  /** The largest number key in the column (0 when none). */
  max(column: number): number {
    const max = this.maxKeys.get(column);
    return max === undefined ? this.scan(column) : max;
  }

  /** Whether the column's numeric keys are mostly text ('1', '2'). */
  keysAreText(column: number): boolean {
    if (!this.textKeys.has(column)) this.scan(column);
    return this.textKeys.get(column) === true;
  }

  /** Whether the column holds more text than numbers ('A-100' or '7' against 7). */
  holdsText(column: number): boolean {
    if (!this.textColumns.has(column)) this.scan(column);
    return this.textColumns.get(column) === true;
  }

  /** Raises the maxima scanned so far by a new row's keys. */
  noteInsert(values: readonly CellValue[]): void {
    if (!this.maxKeys.size) return;
    this.maxKeys.forEach((max, column) => {
      const n = numericKey(values[column]);
      if (n !== null && n > max) this.maxKeys.set(column, n);
    });
    this.count(values, 1);
  }

  /**
   * Notes a deleted row: what is known of a column stays, unless the row held its largest key (then
   * the column is scanned again when next asked for).
   */
  noteRemove(values: readonly CellValue[]): void {
    this.maxKeys.forEach((max, column) => {
      const n = numericKey(values[column]);
      if (n !== null && n >= max) this.forget(column);
    });
    this.count(values, -1);
  }

  /** Adds a row's cells to (or, with -1, takes them from) the counts of the columns scanned. */
  private count(values: readonly CellValue[], step: 1 | -1): void {
    this.counts.forEach((count, column) => {
      const value = values[column];
      if (typeof value === 'number') count.numbers += step;
      else if (typeof value === 'string') {
        count.strings += step;
        if (isPlainNumberText(value)) count.texts += step;
      } else return;
      this.textKeys.set(column, count.texts > count.numbers);
      this.textColumns.set(column, count.strings > count.numbers);
    });
  }

  /** Drops what is known of `column` (of every column for null); it is scanned again when next asked for. */
  forget(column: number | null): void {
    if (column === null) {
      this.maxKeys.clear();
      this.textKeys.clear();
      this.textColumns.clear();
      this.counts.clear();
      return;
    }
    this.maxKeys.delete(column);
    this.textKeys.delete(column);
    this.textColumns.delete(column);
    this.counts.delete(column);
  }

  /** Counts a column's numbers, number texts and other texts, and notes the largest number key; returns it. */
  private scan(column: number): number {
    let max = 0;
    let numbers = 0;
    let texts = 0;
    let strings = 0;
    // Indexed, like every scan of a sheet's rows here: until V8 optimises a loop, for-of allocates a
    // result object per step, and a one-shot scan of 100,000 rows mostly runs before that.
    const rows = this.rows();
    for (let i = 0; i < rows.length; i++) {
      const value = rows[i][column];
      if (typeof value === 'number') {
        numbers++;
        if (value > max && isFinite(value)) max = value;
      } else if (typeof value === 'string') {
        strings++;
        // Any text that is a key number counts ('4.0' is the key 4), or max + 1 could be taken.
        if (isPlainNumberText(value)) {
          texts++;
          if (Number(value) > max) max = Number(value);
        }
      }
    }
    this.maxKeys.set(column, max);
    this.counts.set(column, { numbers, texts, strings });
    this.textKeys.set(column, texts > numbers);
    this.textColumns.set(column, strings > numbers);
    return max;
  }
}

function numericKey(value: CellValue): number | null {
  if (typeof value === 'number') return isFinite(value) ? value : null;
  if (typeof value === 'string' && isPlainNumberText(value)) return Number(value);
  return null;
}
