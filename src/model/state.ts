/** The private state of a model instance, kept off its enumerable properties. */
import { CellValue } from '../support/values';

/** Per-instance bookkeeping. */
export interface ModelState {
  persisted: boolean;
  deleted: boolean;
  /** Attribute values as last read or written (for dirty-checking and finding the row again). */
  original: Record<string, CellValue>;
  /** The sheet's columns when the model was last read or written. */
  columns: readonly string[] | null;
  /** Attributes whose names collide with the model's API (`save`, `constructor`, …). */
  shadow: Record<string, unknown>;
  extras: Record<string, unknown>;
  /** Loaded relations by name. */
  relations: Record<string, unknown>;
  pivot: unknown;
}

/** Key of the hidden state property. */
export const STATE: unique symbol = Symbol('sheetorm.model');

/** A fresh state for a new instance. */
export function createState(): ModelState {
  return {
    persisted: false,
    deleted: false,
    original: Object.create(null),
    columns: null,
    shadow: Object.create(null),
    extras: {},
    relations: Object.create(null),
    pivot: undefined,
  };
}

/** Attaches fresh state to an instance (non-enumerable, so it stays out of keys, JSON and spreads). */
export function attachState(target: object): ModelState {
  const state = createState();
  Object.defineProperty(target, STATE, { value: state, enumerable: false, writable: false, configurable: false });
  return state;
}

/** The state of an instance. */
export function stateOf(model: object): ModelState {
  return (model as { [STATE]: ModelState })[STATE];
}
