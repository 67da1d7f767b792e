/**
 * The name of the method that built a relation for one model: `post.tags()` builds a Post relation
 * that no registry named, and its messages should still say `Post.tags`. V8 records the calls that
 * led to the build cheaply (a few microseconds) and formats them only when a message asks.
 */

/** The part of V8's call-site API read here. */
interface CallSite {
  getMethodName(): string | null;
  getFunctionName(): string | null;
}

interface V8ErrorConstructor {
  captureStackTrace?(target: object, above?: (...args: never[]) => unknown): void;
  prepareStackTrace?: (error: unknown, frames: CallSite[]) => unknown;
  stackTraceLimit?: number;
}

const V8Error = Error as unknown as V8ErrorConstructor;
const FRAMES = 6;
const namers = new WeakMap<object, () => string | null>();

/**
 * What a call's name says: the relation's method (`true`), a method of the model that is not it
 * (`false`: the search stops, so no method further out is ever run to check it), or neither (`null`:
 * a base method such as `manyToMany`, or a plain function).
 */
export type CallCheck = (name: string) => boolean | null;

/** Remembers the calls above `above` that built `relation`, to name it when first asked. */
export function rememberCaller(relation: object, above: (...args: never[]) => unknown, check: CallCheck): void {
  const record = recordCalls(above);
  if (!record) return;
  let name: string | null | undefined;
  namers.set(relation, () => {
    if (name === undefined) {
      // Checking a name may build other relations and their messages: asked again meanwhile, none.
      name = null;
      name = firstRelationMethod(calledNames(record), check);
    }
    return name;
  });
}

function firstRelationMethod(names: readonly string[], check: CallCheck): string | null {
  for (const name of names) {
    const verdict = name === '' ? null : check(name);
    if (verdict !== null) return verdict ? name : null;
  }
  return null;
}

/** The name of the method that built `relation`, where it was remembered and found. */
export function callerName(relation: object): string | null {
  const namer = namers.get(relation);
  return namer ? namer() : null;
}

function recordCalls(above: (...args: never[]) => unknown): { stack?: unknown } | null {
  if (typeof V8Error.captureStackTrace !== 'function') return null;
  const record: { stack?: unknown } = {};
  const limit = V8Error.stackTraceLimit;
  try {
    setting(() => (V8Error.stackTraceLimit = FRAMES));
    V8Error.captureStackTrace(record, above);
  } catch {
    return null;
  } finally {
    setting(() => (V8Error.stackTraceLimit = limit));
  }
  return record;
}

/** Innermost first; '' for a call without a name. */
function calledNames(record: { stack?: unknown }): string[] {
  const prepare = V8Error.prepareStackTrace;
  try {
    if (!setting(() => (V8Error.prepareStackTrace = (_error, frames) => frames.map(nameOf)))) return [];
    const names = record.stack;
    return Array.isArray(names) ? names : [];
  } catch {
    return [];
  } finally {
    setting(() => (V8Error.prepareStackTrace = prepare));
  }
}

/** Sets a property of Error; false where the script froze it (the name is then not found, nothing fails). */
function setting(assign: () => unknown): boolean {
  try {
    assign();
    return true;
  } catch {
    return false;
  }
}

function nameOf(frame: CallSite): string {
  const name = frame.getMethodName() || frame.getFunctionName() || '';
  // Some runtimes give `Post.tags` for a method.
  return name.slice(name.lastIndexOf('.') + 1);
}

let defining: string | null = null;

/** Runs `fn` while the registry reads the definition of relation `name`, so relations built then are named after it. */
export function whileDefining<T>(name: string, fn: () => T): T {
  const outer = defining;
  defining = name;
  try {
    return fn();
  } finally {
    defining = outer;
  }
}

/** The relation whose definition is being read (see whileDefining), if any. */
export function definingName(): string | null {
  return defining;
}
