/**
 * Reads `item[path]`, or follows a dot path ('author.name') through nested objects; missing →
 * undefined. A relation that was not loaded is its method on the model: it reads as undefined too.
 */
export function readPath(item: unknown, path: string): unknown {
  if (item === null || item === undefined) return undefined;
  const direct = (item as Record<string, unknown>)[path];
  if (direct !== undefined || path.indexOf('.') < 0) return typeof direct === 'function' ? undefined : direct;
  let current: unknown = item;
  for (const segment of path.split('.')) {
    if (current === null || current === undefined || typeof current === 'function') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return typeof current === 'function' ? undefined : current;
}
