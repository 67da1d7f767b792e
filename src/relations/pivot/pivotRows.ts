/** Building the pivot rows a many-to-many client writes, and reporting the ids it touched. */
import type { ModelClass } from '../../model/Model';
import { forEachDefault } from '../../model/defaults';
import type { Table } from '../../storage/Table';
import { isPlainNumberText, Key } from '../../support/values';

/** Related ids, each once (a pivot sheet may hold a pair twice). */
export class IdList {
  readonly ids: unknown[] = [];
  readonly keys = new Set<Key>();

  add(key: Key, id: unknown): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.ids.push(id);
  }
}

/** The defaults a pivot model's `fields()` declare, for its columns the row leaves out (as its create would). */
export function fillPivotDefaults(pivotModel: ModelClass<any>, pivot: Table, record: Record<string, unknown>): void {
  forEachDefault(pivotModel, (name, value) => {
    if (record[name] === undefined && pivot.header.has(name)) record[name] = value;
  });
}

/**
 * A key is stored the way its column mostly holds keys, so lookups in the sheet (MATCH, VLOOKUP)
 * keep working: an id given as text ('3', from a form) becomes a number in a column of numbers, and
 * a number becomes text in a column of text keys. One odd cell does not decide for the column.
 */
export function likeColumn(pivot: Table, column: number, id: unknown): unknown {
  const text = pivot.holdsText(column);
  if (typeof id === 'string' && !text && isPlainNumberText(id)) return Number(id);
  if (typeof id === 'number' && text) return String(id);
  return id;
}
