/** Reads `item[path]`, or follows a dot path ('author.name') through nested objects; missing → undefined. */
export function readPath(item: unknown, path: string): unknown {
  if (item === null || item === undefined) return undefined;
  const direct = (item as Record<string, unknown>)[path];
  if (direct !== undefined || path.indexOf('.') < 0) return direct;
  let current: unknown = item;
  for (const segment of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
