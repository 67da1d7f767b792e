/**
 * Queries handed to a relation's callback (`with`, `preload`, `withCount`, `has`) constrain the
 * related rows of all parents at once; they are never run on their own. Lucid refuses `paginate`
 * there, as one page for every parent together means nothing; so does sheetorm.
 */
import { ValidationError } from '../errors';

const relationCallbackQueries = new WeakSet<object>();

/** Runs a relation callback on its query, marking the query as one that only constrains. */
export function constrainRelationQuery<Q extends object>(query: Q, callback: ((query: any) => unknown) | undefined): Q {
  if (typeof callback !== 'function') return query;
  relationCallbackQueries.add(query);
  callback(query);
  return query;
}

/** Refuses `paginate()` on a query a relation callback received. */
export function refusePaginateInCallback(query: object, owner: string): void {
  if (!relationCallbackQueries.has(query)) return;
  throw new ValidationError(
    `${owner}.paginate(): a relation callback (with, preload, withCount, has) only constrains the related rows of all parents at once, so a page means nothing there; use groupLimit(n) for at most n per parent, or page one parent's rows: parent.related(name).query().paginate(page, perPage).`,
  );
}
