/**
 * `Collection.load(...)`'s link to the model layer, which sits above collections (models, queries and
 * relations import Collection): Model.ts registers the bulk loader here as it loads, as it registers
 * its base save with persistence.
 */
import { ValidationError } from '../errors';
import { describeValue } from '../support/values';

/** Which Collection method asks. */
export type LoadKind = 'load' | 'loadCount' | 'loadExists' | 'loadSum' | 'loadAvg' | 'loadMin' | 'loadMax' | 'loadAggregate';

/** What the model layer registers: loads `load()` (or `loadCount()` and kin) arguments onto a non-empty list, refusing anything but models of one class. */
export type CollectionLoader = (items: ArrayLike<unknown>, args: unknown[], kind: LoadKind) => void;

let loader: CollectionLoader | null = null;

/** Registers the model layer's bulk loader (model/Model.ts does, once). */
export function registerCollectionLoader(fn: CollectionLoader): void {
  loader = fn;
}

/** Loads relations onto every model of `items` with one read per sheet; an empty list reads nothing. */
export function loadItems(items: ArrayLike<unknown>, args: unknown[], kind: LoadKind): void {
  if (!items.length) return;
  // Without the model layer loaded, no item can be a model.
  if (!loader) throw notModelsError(items[0], 0, kind);
  loader(items, args, kind);
}

/** The refusal of an item that is no model. */
export function notModelsError(item: unknown, index: number, kind: LoadKind): ValidationError {
  return new ValidationError(
    `Collection.${kind}(): expected a collection of models, got ${describeValue(item)} at index ${index}; ${kind === 'load' ? "load relations onto the models a query returns (Post.all().load('tags')), or use with('tags') in the query" : `call it on the models a query returns (Post.all().${kind}(…)), or use with${kind.slice(4)}(…) in the query`}.`,
  );
}
