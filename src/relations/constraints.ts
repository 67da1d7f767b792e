/**
 * Constraints chained onto a relation, Eloquent's way (`this.hasMany(Post).where('published', true)`):
 * filters and orderings join the relation's onQuery, so they hold for every query of it (eager
 * loads, `related()`, `has`, `withCount`) and scope its writes as onQuery does; `pivotColumns`
 * joins the pivot columns it defines.
 */
import type { Relation } from './Relation';
import { ValidationError } from '../errors';
import { QueryBuilder } from '../query/QueryBuilder';
import { ManyToManyQueryBuilder } from './pivot/ManyToManyQueryBuilder';
import { describeValue } from '../support/values';

type Members = Record<string, unknown>;
type AnyRelation = Relation<any, any, any>;

/** Filters and orderings: what narrows or orders the related rows, not what runs a query or selects columns. */
const CONSTRAINT = /^((and|or)?(where|has|doesntHave)([A-Z]\w*)?|orderBy\w*|latest|oldest|when|unless|if|pivotColumns)$/i;

/** Whether `method` is a filter or ordering of the relation's queries: what chains onto the relation itself. */
export function isConstraint(relation: AnyRelation, method: string): boolean {
  const query = (relation.type === 'manyToMany' ? ManyToManyQueryBuilder : QueryBuilder).prototype as unknown as Members;
  return CONSTRAINT.test(method) && typeof query[method] === 'function';
}

/** Adds a chained constraint to the relation (its onQuery, or its pivot columns); refuses what is none. */
export function addConstraint(relation: AnyRelation, method: string, args: unknown[]): void {
  if (method === 'as' && relation.type === 'manyToMany') {
    throw new ValidationError(
      `${relation.label()}: as() cannot rename the pivot: each related model carries its pivot row as \`pivot\` (and $extras.pivot_<column>); serializeAs names the relation in toJSON().`,
    );
  }
  if (!isConstraint(relation, method)) {
    throw new ValidationError(
      `${relation.label()}: ${method}() cannot be chained onto a ${relation.type} relation's definition; chain filters and orderings (where..., whereHas, orderBy${relation.type === 'manyToMany' ? ', wherePivot..., pivotColumns' : ''}) or pass { onQuery: (query) => ... }, and call ${method}() on the query: related(...).query().${method}(...).`,
    );
  }
  if (method === 'pivotColumns') return addPivotColumns(relation as AnyRelation & { pivotColumns: string[] }, args[0]);
  const previous = relation.onQuery;
  relation.onQuery = (builder: Members) => {
    if (previous) previous(builder);
    (builder[method] as (...values: unknown[]) => unknown)(...args);
  };
}

function addPivotColumns(relation: AnyRelation & { pivotColumns: string[] }, columns: unknown): void {
  const list = typeof columns === 'string' ? [columns] : columns;
  if (!Array.isArray(list) || list.some((column) => typeof column !== 'string' || !column.trim())) {
    throw new ValidationError(`${relation.label()}.pivotColumns(): expected a list of pivot column names, such as ['role'], got ${describeValue(columns)}.`);
  }
  for (const column of list as string[]) if (relation.pivotColumns.indexOf(column) < 0) relation.pivotColumns.push(column);
}
