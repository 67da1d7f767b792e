import { isModelInstance } from '../model/state';

/**
 * Reads `item[path]`, or follows a dot path ('author.name') through nested objects; missing →
 * undefined. On a model, a column named like one of its methods (`load`, `fill`) or like a relation
 * that is not loaded is read with `getAttribute`; a relation with no such column reads as undefined.
 */
export function readPath(item: unknown, path: string): unknown {
  if (item === null || item === undefined) return undefined;
  const direct = step(item, path);
  if (direct !== undefined || path.indexOf('.') < 0) return direct;
  let current: unknown = item;
  for (const segment of path.split('.')) {
    if (current === null || current === undefined || typeof current === 'function') return undefined;
    current = step(current, segment);
  }
  return current;
}

function step(current: unknown, name: string): unknown {
  // `__proto__` reads the prototype unless it is an own property: a column of that name is an attribute.
  const value = name === '__proto__' && !Object.prototype.hasOwnProperty.call(current, name) ? undefined : (current as Record<string, unknown>)[name];
  if (value !== undefined && typeof value !== 'function') return value;
  // A copy of a model ({ ...post }) carries its state key but not its methods.
  const getAttribute = (current as { getAttribute?: unknown }).getAttribute;
  if (!isModelInstance(current) || typeof getAttribute !== 'function') return undefined;
  const attribute = getAttribute.call(current, name);
  return typeof attribute === 'function' ? undefined : attribute;
}
