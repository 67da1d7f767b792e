import { CellValue, Key, normalizeKey } from '../support/values';
import type { RowEntry } from './RowEntry';

/** What a group is keyed by: a cell's value made into a Map key. */
export type GroupKey = (value: CellValue) => unknown;

interface Grouping {
  column: number;
  keyOf: GroupKey;
  /** Null until built. */
  rows: Map<unknown, RowEntry[]> | null;
  /** Look-ups answered by a scan since the column last changed (see lookup). */
  asked: number;
}

/**
 * A table's live rows grouped by one column's values (a pivot sheet's rows per parent key), in
 * sheet order: built on first use, kept up to date on insert and delete, dropped when a cell of the
 * column changes. Lets per-parent writes and per-key queries in a loop skip a scan of the sheet each.
 */
export class RowGroups {
  private groupings: Grouping[] = [];
  private readonly entries: () => readonly RowEntry[];

  constructor(entries: () => readonly RowEntry[]) {
    this.entries = entries;
  }

  /** The live rows per value of `column`, keyed by `keyOf` (the normalised key by default). */
  get(column: number, keyOf: GroupKey = normalizeKey): Map<Key, RowEntry[]> {
    const grouping = this.grouping(column, keyOf);
    if (!grouping.rows) grouping.rows = this.build(column, keyOf);
    return grouping.rows as Map<Key, RowEntry[]>;
  }

  /**
   * The live rows whose `column` holds `key` under `keyOf`, or null while one scan is cheaper: the
   * groups are built at the second look-up since the column last changed (a lone query would pay
   * for the Map and use it once; a loop in a session pays once).
   */
  lookup(column: number, keyOf: GroupKey, key: unknown): readonly RowEntry[] | null {
    const grouping = this.grouping(column, keyOf);
    if (!grouping.rows && ++grouping.asked < 2) return null;
    return this.get(column, keyOf).get(key as Key) || [];
  }

  /** Adds a new row (the last in order) to the groups built so far. */
  noteInsert(entry: RowEntry): void {
    for (const { column, keyOf, rows } of this.groupings) if (rows) add(rows, keyOf(entry.values[column]), entry);
  }

  /** Takes a deleted row out of the groups built so far. */
  noteRemove(entry: RowEntry): void {
    for (const { column, keyOf, rows } of this.groupings) {
      const group = rows && rows.get(keyOf(entry.values[column]));
      const at = group ? group.indexOf(entry) : -1;
      if (at >= 0) (group as RowEntry[]).splice(at, 1);
    }
  }

  /** Drops the groups of `column` (every column for null); they are rebuilt when next asked for. */
  forget(column: number | null): void {
    if (!this.groupings.length) return;
    this.groupings = column === null ? [] : this.groupings.filter((grouping) => grouping.column !== column);
  }

  private grouping(column: number, keyOf: GroupKey): Grouping {
    for (const grouping of this.groupings) if (grouping.column === column && grouping.keyOf === keyOf) return grouping;
    const grouping: Grouping = { column, keyOf, rows: null, asked: 0 };
    this.groupings.push(grouping);
    return grouping;
  }

  private build(column: number, keyOf: GroupKey): Map<unknown, RowEntry[]> {
    const rows = new Map<unknown, RowEntry[]>();
    const entries = this.entries();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (!entry.deleted) add(rows, keyOf(entry.values[column]), entry);
    }
    return rows;
  }
}

function add(groups: Map<unknown, RowEntry[]>, key: unknown, entry: RowEntry): void {
  const group = groups.get(key);
  if (group) group.push(entry);
  else groups.set(key, [entry]);
}
