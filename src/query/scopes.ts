/** Query scopes (Lucid's `scope` and `withScopes`): reusable constraints declared on a model class. */
import { ValidationError } from '../errors';
import { describeValue } from '../support/values';

/** A constraint declared with `scope(...)`, called as `query.withScopes(s => s.name(...args))`. */
export type QueryScope<Q = any, A extends unknown[] = any[]> = ((query: Q, ...args: A) => unknown) & { readonly isQueryScope: true };

/** The scopes a model class declares, as `withScopes` hands them to its callback. */
export type ScopesOf<C> = {
  [K in keyof C as C[K] extends QueryScope ? K : never]: C[K] extends QueryScope<any, infer A> ? (...args: A) => ScopesOf<C> : never;
};

/** What `withScopes` hands its callback when the caller does not name the model's scopes' type. */
export type AnyScopes = Record<string, (...args: any[]) => any>;

// Kept by identity, so a scope made by this copy of sheetorm is told apart from any function.
const scopes = new WeakSet<object>();

/**
 * Declares a query scope: `Post.published = SheetORM.scope(q => q.where('status', 'published'))`
 * (`static published = scope(...)` in TypeScript), then `Post.query().withScopes(s => s.published())`.
 * Extra arguments pass through: `scope((q, user) => q.where('user_id', user.id))`.
 */
export function scope<Q = any, A extends unknown[] = []>(callback: (query: Q, ...args: A) => unknown): QueryScope<Q, A> {
  if (typeof callback !== 'function') {
    throw new ValidationError(`scope(callback): expected a function such as q => q.where('status', 'published'), got ${describeValue(callback)}.`);
  }
  const declared = ((query: Q, ...args: A) => callback(query, ...args)) as QueryScope<Q, A>;
  Object.defineProperty(declared, 'isQueryScope', { value: true });
  scopes.add(declared);
  return declared;
}

/** The scopes declared on a model class and the classes it extends, by name. */
function declaredScopes(model: Function): Map<string, QueryScope> {
  const found = new Map<string, QueryScope>();
  for (let cls: Function | null = model; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    for (const name of Object.getOwnPropertyNames(cls)) {
      const value = Object.getOwnPropertyDescriptor(cls, name)?.value;
      if (!found.has(name) && typeof value === 'function' && scopes.has(value)) found.set(name, value as QueryScope);
    }
  }
  return found;
}

// Names a caller inspecting the object may read (console, JSON, promises) answer undefined, not an error.
const introspected = new Set(['toJSON', 'then', 'inspect', 'constructor', 'toString', 'valueOf']);

/**
 * The object `withScopes` hands its callback: each declared scope, applied to `query` when called.
 * An unknown name is an error naming the scopes there are, not a silent no-op.
 */
export function scopesFor(model: Function, modelName: string, query: unknown, method: string): AnyScopes {
  const declared = declaredScopes(model);
  const applied: AnyScopes = {};
  for (const [name, declaredScope] of declared) {
    applied[name] = (...args: unknown[]) => {
      declaredScope(query, ...args);
      return proxy;
    };
  }
  const proxy: AnyScopes = new Proxy(applied, {
    get(target, name) {
      if (typeof name !== 'string' || name in target || introspected.has(name)) return Reflect.get(target, name);
      const known = declared.size ? `its scopes: ${[...declared.keys()].join(', ')}` : 'it declares none';
      throw new ValidationError(
        `${modelName}.${method}(): ${modelName} has no scope "${name}" (${known}). Declare one as ${modelName}.${name} = SheetORM.scope(q => q.where(...)).`,
      );
    },
  });
  return proxy;
}
