/** The private state of a model instance, kept off its enumerable properties. */
import { CellValue, cloneValue, setOwn } from '../support/values';

/**
 * Per-instance bookkeeping. A model read from a sheet starts without one: it holds its row and the
 * read it came from (a `ReadBatch` shared by every model of that read), and gets its own state the
 * first time something asks for it. Reads make hundreds of thousands of models; most are only read.
 */
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

/** What the models of one read share until each needs a state of its own. */
export class ReadBatch {
  constructor(
    /** The sheet's columns. */
    readonly columns: readonly string[],
    /** For models reached through a many-to-many relation: how their `pivot` is built. */
    readonly pivotSpec: PivotSpec | null,
  ) {}
}

// Symbol-keyed properties stay out of `Object.keys`, JSON and for-in, and plain assignment is far
// cheaper than defineProperty for thousands of rows.
/** Key of the hidden state: a ModelState, or the ReadBatch of a model read and not yet asked about. */
export const STATE: unique symbol = Symbol('sheetorm.model');
/** The row a model was read from (its original values) while it has no state of its own. */
const READ_ROW: unique symbol = Symbol('sheetorm.row');
/** The pivot row of a model read through a many-to-many relation, likewise. */
const READ_PIVOT: unique symbol = Symbol('sheetorm.pivotRow');
/** Loaded relations as `[name, value, name, value, …]` (a model holds one or two; no dictionary per model). */
const RELATIONS: unique symbol = Symbol('sheetorm.relations');

interface Held {
  [STATE]?: ModelState | ReadBatch;
  [READ_ROW]?: CellValue[];
  [READ_PIVOT]?: readonly CellValue[];
  [RELATIONS]?: unknown[];
}

function newState(): ModelState {
  return {
    persisted: false,
    deleted: false,
    columns: null,
    original: null,
    shadow: null,
    extras: null,
    pivot: undefined,
    pivotRow: null,
    pivotSpec: null,
  };
}

/** Whether a value is a model instance (every model holds a state or the read it came from). */
export function isModelInstance(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as Held)[STATE] !== undefined;
}

/** States of models a script froze (Object.freeze) before they got one: they cannot hold it themselves. */
const frozenStates = new WeakMap<object, ModelState>();

/** Attaches fresh state to an instance. */
export function attachState(target: object): ModelState {
  const state = newState();
  // A model class's prototype (a getter read on Post.prototype) gets none: its instances would inherit it.
  if (isPrototype(target)) return state;
  if (Object.isExtensible(target)) (target as Held)[STATE] = state;
  else frozenStates.set(target, state);
  return state;
}

function isPrototype(target: object): boolean {
  const owner = Object.prototype.hasOwnProperty.call(target, 'constructor') ? (target as { constructor: unknown }).constructor : null;
  return typeof owner === 'function' && owner.prototype === target;
}

/**
 * Records that a model was read from `row` (kept as its original: the caller guarantees the array
 * never changes in place). Returns false when the model already has a state (its constructor asked
 * for one): the caller then fills that state instead.
 */
export function holdRead(model: object, batch: ReadBatch, row: CellValue[], pivotRow: readonly CellValue[] | null): boolean {
  const held = model as Held;
  if (held[STATE] !== undefined) return false;
  held[STATE] = batch;
  held[READ_ROW] = row;
  if (pivotRow) held[READ_PIVOT] = pivotRow;
  return true;
}

/** The state of an instance (made now for a model that was only read so far). */
export function stateOf(model: object): ModelState {
  const held = (model as Held)[STATE];
  if (held !== undefined && !(held instanceof ReadBatch)) return held;
  const frozen = frozenStates.get(model);
  if (frozen) return frozen;
  const state = attachState(model);
  if (held) {
    state.persisted = true;
    state.columns = held.columns;
    state.original = (model as Held)[READ_ROW] || null;
    state.pivotRow = (model as Held)[READ_PIVOT] || null;
    state.pivotSpec = held.pivotSpec;
  }
  return state;
}

/** The attributes kept aside (collisions with the API), without making a state for a model only read. */
export function heldShadow(model: object): Record<string, unknown> | null {
  const held = (model as Held)[STATE];
  if (held instanceof ReadBatch) {
    const frozen = frozenStates.get(model);
    return frozen ? frozen.shadow : null;
  }
  return held !== undefined ? held.shadow : null;
}

/** The model's `$extras` object. */
export function extrasOf(model: object): Record<string, unknown> {
  const state = stateOf(model);
  if (!state.extras) state.extras = state.pivotSpec && state.pivotRow ? state.pivotSpec.extras(state.pivotRow) : {};
  return state.extras;
}

/** Records a loaded relation on a model. */
export function setLoadedRelation(model: object, name: string, value: unknown): void {
  const list = (model as Held)[RELATIONS];
  if (!list) {
    // A literal of two: push onto [] would reserve room for seventeen, on every model loaded.
    (model as Held)[RELATIONS] = [name, value];
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

/** Forgets a loaded relation (a rolled-back associate on a model that had not loaded it). */
export function forgetLoadedRelation(model: object, name: string): void {
  const list = (model as Held)[RELATIONS];
  if (!list) return;
  for (let i = 0; i < list.length; i += 2) {
    if (list[i] === name) {
      list.splice(i, 2);
      break;
    }
  }
  if (!list.length) (model as Held)[RELATIONS] = undefined;
}

/** Whether the model has loaded any relation. */
export function hasLoadedRelations(model: object): boolean {
  return (model as Held)[RELATIONS] !== undefined;
}

/** Whether `name` is a relation loaded on the model. */
export function isLoadedRelation(model: object, name: string): boolean {
  const list = (model as Held)[RELATIONS];
  if (list) for (let i = 0; i < list.length; i += 2) if (list[i] === name) return true;
  return false;
}

/** The loaded relations, in the order they were loaded. */
export function loadedRelations(model: object): Array<[string, unknown]> {
  const pairs: Array<[string, unknown]> = [];
  const list = (model as Held)[RELATIONS];
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
