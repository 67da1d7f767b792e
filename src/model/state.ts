/** The private state of a model instance, kept off its enumerable properties. */
import { CellValue, cloneValue, setOwn } from '../support/values';

/** Per-instance bookkeeping; the objects are created on first use (reads make many instances). */
export interface ModelState {
  persisted: boolean;
  deleted: boolean;
  /** The sheet's columns when the model was last read or written. */
  columns: readonly string[] | null;
  /** Values of `columns` as last read or written (for dirty-checking and finding the row again). */
  original: CellValue[] | null;
  /** Attributes whose names collide with the model's API (`save`, `constructor`, …). */
  shadow: Record<string, unknown> | null;
  extras: Record<string, unknown> | null;
  /** Loaded relations as `[name, value, name, value, …]` (a model holds one or two; no dictionary per model). */
  relations: unknown[] | null;
  pivot: unknown;
  /** For a model reached through a many-to-many relation: its pivot row, turned into `pivot` and `$extras` on first use. */
  pivotRow: readonly CellValue[] | null;
  pivotSpec: PivotSpec | null;
}

/** How a query's results build `pivot` and `$extras.pivot_*` from their pivot rows (one per query). */
export interface PivotSpec {
  extras(row: readonly CellValue[]): Record<string, unknown>;
  pivot(row: readonly CellValue[]): unknown;
}

/** The model's `pivot` (built from its pivot row on first use). */
export function pivotOf(state: ModelState): unknown {
  if (state.pivot === undefined && state.pivotSpec && state.pivotRow) state.pivot = state.pivotSpec.pivot(state.pivotRow);
  return state.pivot;
}

/** Key of the hidden state property. */
export const STATE: unique symbol = Symbol('sheetorm.model');

/**
 * Attaches fresh state to an instance. A symbol-keyed property stays out of `Object.keys`, JSON
 * and for-in, and plain assignment is far cheaper than defineProperty for thousands of rows.
 */
export function attachState(target: object): ModelState {
  const state: ModelState = {
    persisted: false,
    deleted: false,
    columns: null,
    original: null,
    shadow: null,
    extras: null,
    relations: null,
    pivot: undefined,
    pivotRow: null,
    pivotSpec: null,
  };
  (target as { [STATE]: ModelState })[STATE] = state;
  return state;
}

/** The state of an instance. */
export function stateOf(model: object): ModelState {
  return (model as { [STATE]: ModelState })[STATE];
}

/** The model's `$extras` object. */
export function extrasOf(model: object): Record<string, unknown> {
  const state = stateOf(model);
  if (!state.extras) state.extras = state.pivotSpec && state.pivotRow ? state.pivotSpec.extras(state.pivotRow) : {};
  return state.extras;
}

/** Records a loaded relation on a model's state. */
export function setLoadedRelation(model: object, name: string, value: unknown): void {
  const state = stateOf(model);
  const list = state.relations;
  if (!list) {
    // A literal of two: push onto [] would reserve room for seventeen, on every model loaded.
    state.relations = [name, value];
    return;
  }
  for (let i = 0; i < list.length; i += 2) {
    if (list[i] === name) {
      list[i + 1] = value;
      return;
    }
  }
  list.push(name, value);
}

/** Whether `name` is a relation loaded on the model. */
export function isLoadedRelation(state: ModelState, name: string): boolean {
  const list = state.relations;
  if (list) for (let i = 0; i < list.length; i += 2) if (list[i] === name) return true;
  return false;
}

/** The loaded relations, in the order they were loaded. */
export function loadedRelations(state: ModelState): Array<[string, unknown]> {
  const pairs: Array<[string, unknown]> = [];
  const list = state.relations;
  if (list) for (let i = 0; i < list.length; i += 2) pairs.push([list[i] as string, list[i + 1]]);
  return pairs;
}

/** The model's attributes kept aside because their names collide with its API. */
export function shadowOf(model: object): Record<string, unknown> {
  const state = stateOf(model);
  return state.shadow || (state.shadow = Object.create(null) as Record<string, unknown>);
}

const positions = new WeakMap<readonly string[], Map<string, number>>();

/** Position of a column in a header (cached per header array), or -1. */
export function columnIndex(columns: readonly string[], name: string): number {
  let map = positions.get(columns);
  if (!map) {
    map = new Map(columns.map((column, i) => [column, i]));
    positions.set(columns, map);
  }
  const index = map.get(name);
  return index === undefined ? -1 : index;
}

/** The original value of one attribute, or undefined when the model has none for it. */
export function originalValue(state: ModelState, name: string): CellValue | undefined {
  if (!state.original || !state.columns) return undefined;
  const index = columnIndex(state.columns, name);
  return index < 0 ? undefined : state.original[index];
}

/** The original values as an object (column → value). */
export function originalRecord(state: ModelState): Record<string, CellValue> {
  const record: Record<string, CellValue> = {};
  const { original, columns } = state;
  if (!original || !columns) return record;
  columns.forEach((name, i) => setOwn(record, name, cloneValue(original[i])));
  return record;
}
