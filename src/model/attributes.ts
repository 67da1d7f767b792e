/**
 * Attributes live as plain properties on the instance (`post.title`). A column whose name collides
 * with the model's API (`save`, `toJSON`, `constructor`, `__proto__`, a relation method…) is kept
 * aside and reached with `getAttribute`/`setAttribute`, so sheet headers can never break a model or
 * pollute a prototype.
 */
import { CellValue, cloneValue, getOwn, sameValue, setOwn } from '../support/values';
import { ModelState, stateOf } from './state';

type AnyModel = Record<string, unknown>;

const collisionCache = new WeakMap<object, Map<string, boolean>>();

/** Whether a column name collides with a member of the model's prototype chain. */
export function collides(prototype: object, name: string): boolean {
  let names = collisionCache.get(prototype);
  if (!names) {
    names = new Map();
    collisionCache.set(prototype, names);
  }
  let result = names.get(name);
  if (result === undefined) {
    result = name in prototype || name === 'prototype';
    names.set(name, result);
  }
  return result;
}

/** Reads an attribute, wherever it is kept. */
export function readAttribute(model: object, name: string): unknown {
  const state = stateOf(model);
  if (collides(Object.getPrototypeOf(model), name)) return state.shadow[name];
  return getOwn(model, name);
}

/** Writes an attribute, wherever it belongs. */
export function writeAttribute(model: object, name: string, value: unknown): void {
  const state = stateOf(model);
  if (collides(Object.getPrototypeOf(model), name)) state.shadow[name] = value;
  else setOwn(model as AnyModel, name, value);
}

/** Loads row values into a model and records them as its original (clean) state. */
export function assignRow(model: object, columns: readonly string[], values: readonly CellValue[]): void {
  const state = stateOf(model);
  const prototype = Object.getPrototypeOf(model);
  const target = model as AnyModel;
  state.columns = columns;
  state.original = Object.create(null);
  for (let i = 0; i < columns.length; i++) {
    const name = columns[i];
    const value = values[i] === undefined ? null : values[i];
    state.original[name] = cloneValue(value);
    if (collides(prototype, name)) state.shadow[name] = value;
    else target[name] = value;
  }
}

/** The attributes set on a model: own properties (minus loaded relations) and collided ones. */
export function attributesOf(model: object): Record<string, unknown> {
  const state = stateOf(model);
  const result: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(model)) {
    if (key in state.relations) continue;
    result[key] = (model as AnyModel)[key];
  }
  for (const key of Object.keys(state.shadow)) result[key] = state.shadow[key];
  return result;
}

/** Attributes whose value differs from the original (all set ones for a new model). */
export function dirtyAttributes(model: object): Record<string, unknown> {
  const state = stateOf(model);
  const current = attributesOf(model);
  const dirty: Record<string, unknown> = {};
  for (const key of Object.keys(current)) {
    const value = current[key];
    if (value === undefined) continue;
    if (!state.persisted || !(key in state.original) || !sameValue(value, state.original[key])) setOwn(dirty, key, value);
  }
  return dirty;
}

/** Removes every attribute from a model (its relations stay). */
export function clearAttributes(model: object): void {
  const state = stateOf(model);
  for (const key of Object.keys(model)) if (!(key in state.relations)) delete (model as AnyModel)[key];
  for (const key of Object.keys(state.shadow)) delete state.shadow[key];
}

/** Marks the current values as clean (after a write). */
export function syncOriginal(state: ModelState, model: object, columns: readonly string[]): void {
  state.columns = columns;
  const original: Record<string, CellValue> = Object.create(null);
  for (const name of columns) {
    const value = readAttribute(model, name);
    original[name] = value === undefined ? null : (cloneValue(value) as CellValue);
  }
  state.original = original;
}
