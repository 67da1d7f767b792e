import { Key } from '../support/values';
import { keyOf, RowEntry } from './RowEntry';

/** A table's Maps from normalised key to row, one per set of key columns: built on first use, kept up to date on insert and delete. */
export class RowIndexes {
  private indexes = new Map<string, Map<Key, RowEntry>>();
  /** Per index: the keys more than one live row holds (typed twice in the sheet). */
  private duplicates = new Map<string, Set<Key>>();
  private signatures = new Map<string, number[]>();
  private readonly entries: () => readonly RowEntry[];

  constructor(entries: () => readonly RowEntry[]) {
    this.entries = entries;
  }

  /** The index of the given key columns. */
  get(columns: readonly number[]): Map<Key, RowEntry> {
    const signature = columns.join(',');
    let index = this.indexes.get(signature);
    if (!index) {
      index = new Map();
      const duplicates = new Set<Key>();
      const entries = this.entries();
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (entry.deleted) continue;
        const key = keyOf(entry.values, columns);
        if (key === '') continue;
        if (!index.has(key)) index.set(key, entry);
        else duplicates.add(key);
      }
      this.indexes.set(signature, index);
      this.duplicates.set(signature, duplicates);
    }
    return index;
  }

  /** Whether more than one live row holds `key` in the given key columns. */
  isDuplicated(columns: readonly number[], key: Key): boolean {
    this.get(columns);
    return (this.duplicates.get(columns.join(',')) as Set<Key>).has(key);
  }

  /** Adds a new row to the indexes built so far. */
  noteInsert(entry: RowEntry): void {
    if (!this.indexes.size) return;
    this.indexes.forEach((index, signature) => {
      const key = keyOf(entry.values, this.columnsOf(signature));
      if (key === '') return;
      if (!index.has(key)) index.set(key, entry);
      else (this.duplicates.get(signature) as Set<Key>).add(key);
    });
  }

  /**
   * Takes a deleted row out of the indexes built so far. An index where another row shares its key
   * is dropped instead (rebuilt when next asked for): which row holds the key then needs a scan.
   */
  noteRemove(entry: RowEntry): void {
    if (!this.indexes.size) return;
    for (const signature of Array.from(this.indexes.keys())) {
      const index = this.indexes.get(signature) as Map<Key, RowEntry>;
      const key = keyOf(entry.values, this.columnsOf(signature));
      if (key === '') continue;
      if ((this.duplicates.get(signature) as Set<Key>).has(key)) {
        this.indexes.delete(signature);
        this.duplicates.delete(signature);
      } else if (index.get(key) === entry) index.delete(key);
    }
  }

  /** Drops the indexes that use `column` (every index for null); they are rebuilt when next asked for. */
  forget(column: number | null): void {
    if (column === null) {
      this.indexes.clear();
      this.duplicates.clear();
      return;
    }
    for (const signature of Array.from(this.indexes.keys())) {
      if (this.columnsOf(signature).indexOf(column) >= 0) {
        this.indexes.delete(signature);
        this.duplicates.delete(signature);
      }
    }
  }

  private columnsOf(signature: string): number[] {
    let columns = this.signatures.get(signature);
    if (!columns) this.signatures.set(signature, (columns = signature.split(',').map(Number)));
    return columns;
  }
}
