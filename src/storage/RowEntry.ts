import { CellValue, Key, normalizeCompositeKey, normalizeKey } from '../support/values';

/** One data row: its values now, as read, and where it is in the sheet. */
export class RowEntry {
  /** Sheet row (1-based), or null for a row not yet written. */
  rowNumber: number | null;
  values: CellValue[];
  /** Values as read or last written (null for a row not yet written). */
  original: CellValue[] | null;
  /** Columns (0-based) changed since the read. */
  changed: Set<number> | null = null;
  deleted = false;
  /** For a row not yet written: what to do if its insert is rolled back (models read from it become unsaved). */
  onWithdraw: Array<() => void> | null = null;
  /** For a row appended over a filler row: told the cells it left empty that keep the filler's value (column, value). */
  onLanded: Array<(kept: ReadonlyArray<[number, CellValue]>) => void> | null = null;

  constructor(values: CellValue[], rowNumber: number | null, original: CellValue[] | null) {
    this.values = values;
    this.rowNumber = rowNumber;
    this.original = original;
  }
}

/** A row's values in header order, read-only. */
export type Row = readonly CellValue[];

/** The normalised key of a row for the given columns ('' when any part is blank). */
export function keyOf(values: readonly CellValue[], columns: readonly number[]): Key {
  if (columns.length === 1) return normalizeKey(values[columns[0]]);
  const parts = columns.map((c) => values[c]);
  return parts.some((part) => normalizeKey(part) === '') ? '' : normalizeCompositeKey(parts);
}
