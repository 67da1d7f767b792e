/**
 * Eager loading in two phases per level: each relation collects its parents' keys and reads each
 * sheet once (the read scope shares reads across levels), then matches through a Map. Dot paths
 * (`posts.tags`) load level by level onto all the models of the level above.
 */
import { ValidationError } from '../errors';
import { describeValue, isPlainObject } from '../support/values';
import type { TableRef } from '../storage/TableRef';

/** A relation to load, with its constraint and nested relations. */
export interface PreloadNode {
  name: string;
  callback?: (query: any) => unknown;
  children: PreloadNode[];
}

/** What the loader needs of a model class. */
export interface LoadableModel {
  name: string;
  $getRelation(name: string): {
    eagerLoad(parents: object[], callback?: (query: any) => unknown): object[];
    relatedModel(): LoadableModel;
    tables(): TableRef[];
  };
}

/**
 * Adds `with(...)` arguments to a preload tree: names, dot paths and arrays of them; a function
 * constrains the name just before it (the last segment of a dot path); an object maps names to
 * their callbacks (Eloquent's `with(['tags' => fn])`). Names are checked now.
 */
export function addPreloads(model: LoadableModel, nodes: PreloadNode[], args: unknown[], method = 'with'): void {
  let last: PreloadNode | null = null;
  const at = `${model.name}.${method}()`;
  for (const arg of args) {
    // A callback left out (`with('tags', undefined)`, as code passing one only when it has one does).
    if ((arg === undefined || arg === null) && last) {
      last = null;
      continue;
    }
    if (typeof arg === 'function') {
      // Lucid's `load((loader) => loader.load('profile').load('posts', q => ...))`.
      if (!last && method === 'load') {
        useLoader(model, nodes, arg as (loader: unknown) => unknown, at);
        continue;
      }
      if (!last) throw new ValidationError(`${at}: a callback must follow a relation name.`);
      last.callback = arg as (query: any) => unknown;
      continue;
    }
    if (isPlainObject(arg)) {
      last = null;
      for (const name of Object.keys(arg)) {
        const callback = arg[name];
        if (callback !== undefined && callback !== null && typeof callback !== 'function') {
          throw new ValidationError(`${at}: the value for "${name}" must be a callback constraining it (q => ...), got ${describeValue(callback)}.`);
        }
        const node = addPath(model, nodes, checkedPath(name, at));
        if (callback) node.callback = callback as (query: any) => unknown;
      }
      continue;
    }
    const names = Array.isArray(arg) ? arg : [arg];
    for (const name of names) last = addPath(model, nodes, checkedPath(name, at));
  }
}

/** Runs Lucid's loader callback, whose `load`/`preload` calls add paths while it runs. */
function useLoader(model: LoadableModel, nodes: PreloadNode[], callback: (loader: unknown) => unknown, at: string): void {
  let open = true;
  const add = (...names: unknown[]) => {
    if (!open) throw new ValidationError(`${at}: the loader is used after its callback returned; call loader.load(...) inside the callback.`);
    addPreloads(model, nodes, names, 'load');
    return loader;
  };
  // Any other method is a query's, called by a constraint callback given without a relation name.
  const loader: object = new Proxy(
    { load: add, preload: add },
    {
      get: (target, property) =>
        property in target || typeof property !== 'string'
          ? (target as Record<PropertyKey, unknown>)[property]
          : () => {
              throw new ValidationError(`${at}: a callback before any relation name receives Lucid's loader (loader.load('tags')), which has no ${property}(); to constrain a relation, name it first: load('tags', q => ...).`);
            },
    },
  );
  try {
    callback(loader);
  } finally {
    open = false;
  }
}

function checkedPath(name: unknown, at: string): string[] {
  if (typeof name !== 'string' || !name.trim()) throw new ValidationError(`${at}: expected relation names, got ${describeValue(name)}.`);
  return name.trim().split('.');
}

function addPath(model: LoadableModel, nodes: PreloadNode[], path: string[]): PreloadNode {
  let level = nodes;
  let owner = model;
  let node: PreloadNode | null = null;
  for (const name of path) {
    const relation = owner.$getRelation(name);
    node = level.find((candidate) => candidate.name === name) || null;
    if (!node) {
      node = { name, children: [] };
      level.push(node);
    }
    level = node.children;
    owner = relation.relatedModel();
  }
  // Named again, the relation loads as this call says (Lucid and Eloquent: the last call wins).
  (node as PreloadNode).callback = undefined;
  return node as PreloadNode;
}

/** Loads a preload tree onto models. */
export function loadPreloads(model: LoadableModel, models: object[], nodes: readonly PreloadNode[]): void {
  for (const node of nodes) {
    const relation = model.$getRelation(node.name);
    const related = relation.eagerLoad(models, node.callback);
    if (node.children.length && related.length) loadPreloads(relation.relatedModel(), related, node.children);
  }
}

/** Every sheet a preload tree reads (known before it runs, for one batched read). */
export function preloadSheets(model: LoadableModel, nodes: readonly PreloadNode[], refs: TableRef[] = []): TableRef[] {
  for (const node of nodes) {
    const relation = model.$getRelation(node.name);
    refs.push(...relation.tables());
    preloadSheets(relation.relatedModel(), node.children, refs);
  }
  return refs;
}
