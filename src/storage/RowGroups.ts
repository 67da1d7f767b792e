import { Key, normalizeKey } from '../support/values';
import type { RowEntry } from './RowEntry';

/**
 * A table's live rows grouped by the normalised value of one column (a pivot sheet's rows per
 * parent key), in sheet order: built on first use, kept up to date on insert and delete, dropped
 * when a cell of the column changes. Lets per-parent writes in a loop skip a scan of the sheet each.
 */
export class RowGroups {
  private groups = new Map<number, Map<Key, RowEntry[]>>();
  private readonly entries: () => readonly RowEntry[];

  constructor(entries: () => readonly RowEntry[]) {
    this.entries = entries;
  }

  /** The live rows per value of `column`. */
  get(column: number): Map<Key, RowEntry[]> {
    let groups = this.groups.get(column);
    if (!groups) {
      groups = new Map();
      const entries = this.entries();
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (!entry.deleted) add(groups, normalizeKey(entry.values[column]), entry);
      }
      this.groups.set(column, groups);
    }
    return groups;
  }

  /** Adds a new row (the last in order) to the groups built so far. */
  noteInsert(entry: RowEntry): void {
    this.groups.forEach((groups, column) => add(groups, normalizeKey(entry.values[column]), entry));
  }

  /** Takes a deleted row out of the groups built so far. */
  noteRemove(entry: RowEntry): void {
    this.groups.forEach((groups, column) => {
      const group = groups.get(normalizeKey(entry.values[column]));
      const at = group ? group.indexOf(entry) : -1;
      if (at >= 0) (group as RowEntry[]).splice(at, 1);
    });
  }

  /** Drops the groups of `column` (every column for null); they are rebuilt when next asked for. */
  forget(column: number | null): void {
    if (column === null) this.groups.clear();
    else this.groups.delete(column);
  }
}

function add(groups: Map<Key, RowEntry[]>, key: Key, entry: RowEntry): void {
  const group = groups.get(key);
  if (group) group.push(entry);
  else groups.set(key, [entry]);
}
