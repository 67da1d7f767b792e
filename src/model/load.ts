/** `load(...)` on a model and on a Collection of models: each sheet involved is read once for all of them. */
import { LoadKind, notModelsError } from '../collection/load';
import { ValidationError } from '../errors';
import { addPreloads, loadPreloads, PreloadNode, preloadSheets } from '../query/EagerLoader';
import { inUnitOfWork, prefetch, readScope, recordUndo } from '../storage/UnitOfWork';
import { describeValue } from '../support/values';
import { classOf } from './meta';
import { forgetLoadedRelation, isLoadedRelation } from './state';
import type { Model, ModelClass } from './Model';

/** Loads `load()` arguments (names, dot paths, callbacks, Lucid's loader) onto models of `model`. */
export function loadRelations(model: ModelClass, instances: Model[], args: unknown[]): void {
  const nodes: PreloadNode[] = [];
  addPreloads(model, nodes, args, 'load');
  // In a transaction that rolls back, the models get back what they had loaded (the rows read may not exist).
  if (inUnitOfWork()) for (const instance of instances) nodes.forEach((node) => recordRelationUndo(model, instance, node.name));
  readScope(() => {
    prefetch(preloadSheets(model, nodes));
    loadPreloads(model, instances, nodes);
  });
}

/** `Collection.load(...)` / `loadCount(...)` and kin: `items` must all be instances of one class extending `base` (sheetorm's Model). */
export function loadCollection(base: ModelClass, items: ArrayLike<unknown>, args: unknown[], kind: LoadKind): void {
  if (!(items[0] instanceof base)) throw notModelsError(items[0], 0, kind);
  const model = classOf<ModelClass>(items[0]);
  for (let i = 1; i < items.length; i++) {
    if (!(items[i] instanceof base)) throw notModelsError(items[i], i, kind);
    if (classOf(items[i] as Model) !== model) {
      throw new ValidationError(
        `Collection.${kind}(): expected models of one class, got ${describeValue(items[0])} at index 0 and ${describeValue(items[i])} at index ${i}; load relations onto each class's models apart.`,
      );
    }
  }
  // Relations take parents as a plain array (a Collection's map, filter and find differ from Array's).
  const instances = Array.from(items as ArrayLike<Model>);
  if (kind === 'load') return loadRelations(model, instances, args);
  const query = model.query();
  (query[AGGREGATE_METHOD[kind]] as (...list: unknown[]) => unknown)(...args);
  query.countOnto(instances);
}

/** The query method each `load…` of aggregates stands for (`loadSum` → `withSum`). */
const AGGREGATE_METHOD = {
  loadCount: 'withCount',
  loadExists: 'withExists',
  loadSum: 'withSum',
  loadAvg: 'withAvg',
  loadMin: 'withMin',
  loadMax: 'withMax',
  loadAggregate: 'withAggregate',
} as const;

/** Records how to put back a model's loaded relation `name` (or its absence) if the unit of work rolls back. */
function recordRelationUndo(model: ModelClass, instance: Model, name: string): void {
  const wasLoaded = isLoadedRelation(instance, name);
  const previous = wasLoaded ? (instance as unknown as Record<string, unknown>)[name] : undefined;
  recordUndo(() => {
    if (wasLoaded) {
      model.$getRelation(name).setRelated(instance, previous as never);
      return;
    }
    forgetLoadedRelation(instance, name);
    delete (instance as unknown as Record<string, unknown>)[name];
  });
}
