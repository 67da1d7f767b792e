/**
 * A relation method called on a model (`post.tags()`) gives its definition bound to that model, as
 * Eloquent's does: the definition's own members stay as they are, while the writer's methods
 * (`attach`, `create`, `associate`, ...) and query methods (`where`, `get`, ...) act on
 * `post.related('tags')`. One query is kept per call, so `q = post.tags(); q.where(...); q.get()`
 * filters as in Eloquent.
 */
import { SheetORMError } from '../errors';
import { classOf, modelName } from '../model/meta';
import { isModelInstance } from '../model/state';
import type { Relation } from './Relation';
import { isDefinitionHost, nameOfRelation } from './registry';

interface RelatedHost {
  related(name: string): Record<string, unknown> & { query(): Record<string, unknown> };
}

/** The relation itself while a definition is being read; bound to `parent` when a model calls its relation method. */
export function bindToParent<T extends Relation<any, any, any>>(relation: T, parent: object): T {
  if (isDefinitionHost(parent) || !isModelInstance(parent)) return relation;
  let client: ReturnType<RelatedHost['related']> | null = null;
  let query: Record<string, unknown> | null = null;
  const clientOf = () => client || (client = (parent as RelatedHost).related(relationName(relation, parent)));
  return new Proxy(relation, {
    get(target, property) {
      if (typeof property !== 'string' || (property in target && QUERY_FIRST.indexOf(property) < 0)) return Reflect.get(target, property, target);
      const writer = clientOf();
      if (property in writer) return member(writer, property);
      const builder = query || (query = writer.query());
      return property in builder ? member(builder, property) : undefined;
    },
  });
}

/** Definition members a bound relation leaves to its query: `post.tags().pivotColumns(['weight'])` is the query method. */
const QUERY_FIRST = ['pivotColumns'];

function member(owner: Record<string, unknown>, name: string): unknown {
  const value = owner[name];
  return typeof value === 'function' ? value.bind(owner) : value;
}

function relationName(relation: Relation<any, any, any>, parent: object): string {
  const model = classOf<Relation['model']>(parent);
  const name = nameOfRelation(model, relation, baseApiOf(parent));
  if (name) return name;
  const owner = modelName(model);
  throw new SheetORMError(
    `${owner}: this ${relation.type} relation (to ${modelName(relation.relatedModel())}) is not what any of ${owner}'s relation methods returns, so it cannot act for a ${owner}; return it from a method (name() { return this.${relation.type}(...) }) and call model.name() or model.related('name').`,
  );
}

/** Model.prototype: the first prototype up the chain that defines `related` itself. */
function baseApiOf(parent: object): object {
  let proto = Object.getPrototypeOf(parent);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'related')) proto = Object.getPrototypeOf(proto);
  return proto || Object.prototype;
}
