/** Helpers shared by the relation clients: argument checks and foreign-key writes undone on failure. */
import { ColumnNotFoundError, SheetORMError, ValidationError } from '../../errors';
import type { Model, ModelClass } from '../../model/Model';
import { readAttribute, writeAttribute } from '../../model/attributes';
import { modelName } from '../../model/meta';
import { saveInWrite } from '../../model/persistence';
import { originalValue, stateOf } from '../../model/state';
import type { UnitOfWork } from '../../storage/UnitOfWork';
import { describeValue, isBlankKey, isPlainObject, normalizeKey, sameValue } from '../../support/values';

/** Throws a ValidationError naming `Parent.relation.method()` unless `value` is an instance of `related` that was not deleted. */
export function requireRelated<R extends Model>(value: unknown, related: ModelClass<R>, owner: string, method: string): asserts value is R {
  if (!(value instanceof related)) {
    throw new ValidationError(`${owner}.${method}(): expected a ${modelName(related)} model, got ${describeValue(value)}.`);
  }
  if (stateOf(value).deleted) {
    const harm = method === 'associate' || method.startsWith('save') ? 'saving it here would write its row again' : 'its pivot row would point at a row that is gone';
    throw new ValidationError(`${owner}.${method}(): this ${modelName(related)} was deleted, and ${harm}; save() it first if it should come back. Nothing was written.`);
  }
}

/** A deleted parent's relations are not written: its new related rows would point at a row that is gone (Lucid refuses too). */
export function assertParentNotDeleted(parent: object, owner: string, method: string): void {
  if (!stateOf(parent).deleted) return;
  throw new ValidationError(`${owner}.${method}(): the parent was deleted, so its relations cannot be written; save() it first if it should come back. Nothing was written.`);
}

/** Saves a parent that is new or changed (inside the caller's write), so its related rows get its key, as Lucid's clients do. */
export function saveParentFirst(parent: { $isPersisted: boolean; $isDirty: boolean; save(): unknown }): void {
  if (!parent.$isPersisted || parent.$isDirty) saveInWrite(parent);
}

/** The error for a parent whose key is blank: never saved, or saved with an empty key cell. */
export function blankParentKey(parent: object, key: string, owner: string): SheetORMError {
  if (!stateOf(parent).persisted) return new SheetORMError(`${owner}: the parent has no ${key}; save it before using its relations.`);
  return new SheetORMError(`${owner}: the parent's ${key} is blank in its row; give it a value (its related rows are found by it).`);
}

/**
 * Sets a model's foreign key for a write; if the write fails, the model gets its old value back. A
 * cell already holding that key as relations match it (text '1' for 1) is left alone: rewriting it
 * would replace a formula showing the key.
 */
export function setForeignKey(unit: UnitOfWork, model: object, name: string, value: unknown): void {
  const previous = readAttribute(model, name);
  if (holdsKeyAsRead(model, name, previous, value)) return;
  writeAttribute(model, name, value);
  unit.record(() => writeAttribute(model, name, previous));
}

/** Whether the attribute still holds what its cell held when read, and that is `key` as relations match keys ('1' for 1). */
function holdsKeyAsRead(model: object, name: string, current: unknown, key: unknown): boolean {
  const state = stateOf(model);
  if (!state.persisted || isBlankKey(current) || isBlankKey(key) || normalizeKey(current) !== normalizeKey(key)) return false;
  const original = originalValue(state, name);
  // A value the caller assigned since (a form's ' 2 ') is replaced by the key, as Lucid and Eloquent do.
  return original !== undefined && sameValue(current, original);
}

/** Pivot attributes must be an object (or left out); anything else would be dropped silently. */
export function checkPivotAttributes(owner: string, attributes: unknown, method: string, what = 'pivot attributes'): void {
  if (attributes === undefined || attributes === null || isPlainObject(attributes)) return;
  throw new ValidationError(`${owner}.${method}(): ${what} must be an object of pivot columns, got ${describeValue(attributes)}.`);
}

/** A list of pivot attributes, one object (or nothing) per item of `items`: more would be dropped unnoticed. */
export function checkPivotList(owner: string, list: unknown, method: string, items: number): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    throw new ValidationError(`${owner}.${method}(): the pivot attributes must be an array with one object per item, got ${describeValue(list)}.`);
  }
  if (list.length > items) {
    throw new ValidationError(`${owner}.${method}(): got ${list.length} pivot attribute objects for ${items} item${items === 1 ? '' : 's'}; give one per item, in the same order (an item without one gets none).`);
  }
  list.forEach((attributes, i) => checkPivotAttributes(owner, attributes, method, `pivot attributes ${i}`));
}

/**
 * Runs a write through a relation. A sheet lacking the relation's key column is told as the
 * relation's (`User.posts`): the model's own name would not show whose key it is.
 */
export function writingKey<T>(owner: string, key: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof ColumnNotFoundError) || error.column !== key || error.detail === undefined || error.message.startsWith(`${owner}`)) throw error;
    throw new ColumnNotFoundError(`${owner}: ${error.detail} "${key}" is the relation's key: add the column, or name the one the sheet has in the relation's definition.`, key, error.detail);
  }
}
