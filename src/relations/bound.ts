/**
 * A relation method called on a model (`post.tags()`) gives its definition bound to that model, as
 * Eloquent's does: the definition's own members stay as they are, while the writer's methods
 * (`attach`, `create`, `associate`, ...) and the query's (`where`, `get`, ...) act for that model
 * through the definition the method just built, with its own keys and `onQuery`. Filters and
 * orderings chained on it join that definition (its writes keep them) and give the relation back;
 * one query is kept per call, so `q = post.tags(); q.where(...); q.get()` filters as in Eloquent.
 */
import type { Relation } from './Relation';
import { SheetORMError, ValidationError } from '../errors';
import { modelName } from '../model/meta';
import { addConstraint, isConstraint } from './constraints';
import { isModelInstance } from '../model/state';
import { QueryBuilder } from '../query/QueryBuilder';
import { HasManyQueryBuilder } from './HasManyQueryBuilder';
import { ManyToManyQueryBuilder } from './pivot/ManyToManyQueryBuilder';
import { isDefinitionHost } from './registry';
import { callerName, rememberCaller } from './callerName';

type Members = Record<string, unknown>;

declare const DEFINITION: unique symbol;

/**
 * The type of `post.tags()`: the definition's members, then the writer's (`attach`, `create`, ...),
 * then the query's (`where`, `get`, ...), in the order the bound relation looks them up; `QueryFirst`
 * names the definition members it leaves to the query.
 */
export type BoundRelation<D, C, Q, QueryFirst extends keyof D = never> = Omit<D, QueryFirst> &
  Omit<C, keyof D> &
  Omit<MethodsOf<Q>, Exclude<keyof D, QueryFirst> | keyof C> & { readonly [DEFINITION]: D };

/** Only the query's methods are forwarded (its fields, such as `conditions`, are not). */
type MethodsOf<Q> = { [K in keyof Q as Q[K] extends (...args: any[]) => unknown ? K : never]: Q[K] };

/** The definition behind a bound relation type (what `$getRelation` gives). */
export type DefinitionOf<R> = R extends { readonly [DEFINITION]: infer D } ? D : R;

/**
 * The relation itself while a definition is being read; bound to `parent` when a model calls its
 * relation method. Typed as bound (`B`): only the relation registry sees the bare definition.
 */
export function bindToParent<B>(relation: Relation<any, any, any>, parent: object): B {
  if (isDefinitionHost(parent)) return constrainable(relation) as unknown as B;
  if (!isModelInstance(parent)) return relation as unknown as B;
  rememberCaller(relation, bindToParent, (name) => definesRelation(relation, parent, name));
  let writer: Members | null = null;
  let query: Members | null = null;
  const writerOf = (): Members => {
    if (!writer) {
      relation.boot();
      writer = relation.client(parent as never) as Members;
    }
    return writer;
  };
  const forwards = (property: string) => property in writerOf() || queryMethods().has(property);
  const bound = new Proxy(relation, {
    get(target, property) {
      if (property === 'relationName') return target.relationName || callerName(target) || '';
      if (typeof property !== 'string' || (property in target && QUERY_FIRST.indexOf(property) < 0) || !forwards(property)) {
        return Reflect.get(target, property, target);
      }
      if (property in writerOf()) return member(writerOf(), property);
      // Constraints join this relation, as in a definition, so its writes keep them and the chain stays the relation.
      if (isConstraint(target, property)) {
        return (...args: unknown[]) => {
          addConstraint(target, property, args);
          if (query) (query[property] as (...values: unknown[]) => unknown).apply(query, args);
          return bound;
        };
      }
      // Built when called: reading the member (JSON.stringify reads pivotColumns) never builds a query.
      return (...args: unknown[]) => {
        const builder = query || (query = (writerOf().query as () => Members)());
        const method = builder[property];
        if (typeof method !== 'function') throw new SheetORMError(`${relation.label()}: ${property}() is not a method of a ${relation.type} query.`);
        return method.apply(builder, args);
      };
    },
    has(target, property) {
      return property in target || (typeof property === 'string' && forwards(property));
    },
  });
  return bound as unknown as B;
}

const definitions = new WeakMap<object, Relation<any, any, any>>();

/**
 * The relation a method (or `static fields()`) returns while its definition is read: constraints
 * chained onto it become part of the definition (see constraints.ts).
 */
export function constrainable(relation: Relation<any, any, any>): Relation<any, any, any> {
  const chain: Relation<any, any, any> = new Proxy(relation, {
    get(target, property) {
      if (typeof property !== 'string' || !queryMethods().has(property) || (property in target && QUERY_FIRST.indexOf(property) < 0)) {
        return Reflect.get(target, property, target);
      }
      return (...args: unknown[]) => {
        if (/where/i.test(property) && args.indexOf(undefined) >= 0) throw blankThis(target, property);
        addConstraint(target, property, args);
        return chain;
      };
    },
  });
  definitions.set(chain, relation);
  return chain;
}

/** A filter given undefined while a definition is read: most likely an attribute of the blank model it is read on. */
function blankThis(relation: Relation<any, any, any>, method: string): ValidationError {
  const model = modelName(relation.model);
  return new ValidationError(
    `${relation.label()}: ${method}() was given undefined while the relation's definition was read. A definition is read once per class, on a blank ${model}, so its attributes (this.id, ...) are not set there: filter by one model's values on its query instead (related(...).query().${method}(...)).`,
  );
}

/** The relation behind what a relation method returned while its definition was read. */
export function definitionBehind(value: unknown): unknown {
  return (typeof value === 'object' && value !== null && definitions.get(value)) || value;
}

/** Definition members a chained call reaches as methods: `post.tags().pivotColumns(['weight'])` is the constraint, not the list. */
const QUERY_FIRST = ['pivotColumns'];

let queryNames: Set<string> | null = null;

/** Methods of the relation query builders: only these names are forwarded (a look-up of `then` or `toJSON` is not). */
function queryMethods(): Set<string> {
  if (queryNames) return queryNames;
  const names = new Set<string>();
  for (const builder of [QueryBuilder, HasManyQueryBuilder, ManyToManyQueryBuilder]) {
    for (let proto = builder.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function') names.add(name);
    }
  }
  return (queryNames = names);
}

/**
 * Whether `name`, a call that led to the relation, is the parent class's method defining it: null
 * for what is no method of the class's own (plain functions, Model's members such as `manyToMany`).
 */
function definesRelation(relation: Relation<any, any, any>, parent: object, name: string): boolean | null {
  const model = relation.model as unknown as { $getRelation(name: string): { type: string } };
  if (typeof (Object.getPrototypeOf(parent) as Members)[name] !== 'function' || name in baseApiOf(model)) return null;
  try {
    return model.$getRelation(name).type === relation.type;
  } catch {
    return false;
  }
}

/** Model.prototype, reached from a model class: the prototype of the class that defines `$getRelation`. */
function baseApiOf(model: object): object {
  let base = model as { prototype: object };
  for (let c: object | null = model; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (Object.prototype.hasOwnProperty.call(c, '$getRelation')) base = c as { prototype: object };
  }
  return base.prototype;
}

function member(owner: Members, name: string): unknown {
  const value = owner[name];
  return typeof value === 'function' ? value.bind(owner) : value;
}
