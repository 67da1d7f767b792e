/** The in-memory join of a many-to-many query: pivot rows paired with the related rows they reach. */
import type { Model } from '../../model/Model';
import { assertDeclaredColumns, hydrateValues } from '../../model/hydrate';
import type { PivotSpec } from '../../model/state';
import type { Row, RowEntry, Table } from '../../storage/Table';
import { normalizeKey, setOwn, Key } from '../../support/values';
import type { ManyToMany } from '../ManyToMany';

/**
 * Pivot rows paired with the related rows they reach: `pivots[i]` links to `entries[i]`. `rows`
 * lists the pairs kept (by index), so filtering and sorting move numbers, not objects.
 */
export interface Join {
  pivots: readonly Row[];
  entries: RowEntry[];
  /** For an eager load: the parent slot (see `parentSlots`) of each pair. */
  slots: Int32Array;
  rows: number[];
  related: Table;
  pivot: Table;
  /** The rows already passed the conditions (tested on the related rows before pairing). */
  filtered: boolean;
}

/** A joined pair, by its index in a Join. */
export type JoinedRow = number;

/** How results build `pivot` and `$extras.pivot_*` from their pivot rows, when first asked. */
export function pivotSpecOf(relation: Pick<ManyToMany<Model, Model>, 'pivotModel' | 'pivotForeignKey' | 'pivotRelatedForeignKey'>, join: Join, selectedPivotColumns: readonly string[], owner: string): PivotSpec {
  const { pivotModel } = relation;
  // Checked now, not when a result's `pivot` is first read: a declared column the sheet lacks fails the load.
  if (pivotModel) assertDeclaredColumns(pivotModel, join.pivot);
  const selected = [relation.pivotForeignKey, relation.pivotRelatedForeignKey].concat(selectedPivotColumns);
  // A pivot model's `pivot` holds every column of its sheet, and `$extras` mirrors it.
  const columns = pivotModel ? selected.concat(join.pivot.header.names.filter((name) => !selected.includes(name))) : selected;
  const layout = columns.map((column): [string, string, number] => [column, `pivot_${column}`, join.pivot.column(column, owner)]);
  return {
    extras(row) {
      const extras: Record<string, unknown> = {};
      for (const [, extra, index] of layout) extras[extra] = row[index];
      return extras;
    },
    pivot(row) {
      if (pivotModel) return hydrateValues(pivotModel, join.pivot, row);
      const plain: Record<string, unknown> = {};
      for (const [column, , index] of layout) setOwn(plain, column, row[index]);
      return plain;
    },
  };
}

/** The related rows of the kept pairs, each once. */
export function distinctEntries(join: Join): RowEntry[] {
  return Array.from(new Set(join.rows.map((row) => join.entries[row])));
}

/** The pivot rows of the kept pairs, as entries of the pivot table (a pair's row is its own). */
export function pivotEntries(join: Join): RowEntry[] {
  const kept = new Set(join.rows.map((row) => join.pivots[row]));
  return join.pivot.rows().filter((entry) => kept.has(entry.values));
}

/** A join of no pairs, for resolving columns before any pairing. */
export function emptyJoin(related: Table, pivot: Table): Join {
  return { pivots: [], entries: [], slots: new Int32Array(0), rows: [], related, pivot, filtered: false };
}

/** Gives each distinct normalised key a slot in `slots` (in first-seen order); returns each key's slot. */
export function slotsOf(keys: readonly unknown[], slots: Map<Key, number>): number[] {
  return keys.map((value) => {
    const key = normalizeKey(value);
    let slot = slots.get(key);
    if (slot === undefined) slots.set(key, (slot = slots.size));
    return slot;
  });
}

/**
 * The pivot rows a join pairs: for one parent, those holding its key, looked up in a Map once the
 * pivot sheet is queried parent after parent (see Table.rowsHolding); else every live row.
 */
export function pivotRowsFor(pivot: Table, fk: number, wanted: ReadonlyMap<Key, number> | null): readonly Row[] {
  if (wanted && wanted.size === 1) {
    const rows = pivot.rowsHolding(fk, normalizeKey, wanted.keys().next().value);
    if (rows) return rows.map((entry) => entry.values);
  }
  return pivot.liveValues();
}
