/**
 * Per-parent aggregates of a relation's rows, into `$extras`: withCount and withExists (counted
 * rows), withSum/withAvg/withMin/withMax (Eloquent) and withAggregate (Lucid, whose callback names
 * the aggregate: `q => q.sum('likes').as('total')`).
 */
import { extremeOf, meanOf, numbersOf } from '../collection/aggregate';
import { ValidationError } from '../errors';
import type { Model, ModelClass } from '../model/Model';
import { describeValue, Key } from '../support/values';
import { checkColumn } from './conditions';

/** What a relation aggregate computes per parent. */
export type AggregateFunction = 'count' | 'exists' | 'sum' | 'avg' | 'min' | 'max';

/** The aggregates a withAggregate callback may call on its query. */
export type CapturedFunction = 'count' | 'sum' | 'avg' | 'min' | 'max';

/** A callback that constrains a relation's query. */
export type RelationCallback = (query: any) => unknown;

/** One withCount/withSum/…/withAggregate of a query. */
export interface AggregateSpec {
  relation: string;
  /** The `$extras` name; a callback's `as()` may rename it. */
  alias: string;
  /** Whether the alias was given (`'posts as total'`), not made from the names. */
  named: boolean;
  /** Null for withAggregate: its callback says. */
  fn: AggregateFunction | null;
  /** The column aggregated (null: rows are counted). */
  column: string | null;
  callback?: RelationCallback;
}

/** What a withAggregate callback asked for. */
export interface CapturedAggregate {
  fn: CapturedFunction;
  column: string | null;
}

/** A spec's values by parent key, under the name it gives them. */
export interface AggregateResult {
  alias: string;
  keyColumn: string;
  values: Map<Key, unknown>;
  /** A parent with no related rows gets this. */
  none: unknown;
}

/** What the query side lends the computation: the relation's sub-query flags. */
interface AggregatingQuery {
  countAlias: string | null;
  capturedAggregate: CapturedAggregate | null | undefined;
}

/** What `method`'s result is called in messages. */
function noun(method: string): string {
  return method === 'withCount' || method === 'loadCount' ? 'count' : 'result';
}

/** Parses `'posts'` / `'posts as total'` for `method` (withCount, withSum, ...), checking the relation exists. */
export function parseRelationName(model: ModelClass<Model>, owner: string, name: unknown, method: string): { relation: string; alias: string | null } {
  if (typeof name !== 'string' || !name.trim()) {
    throw new ValidationError(`${owner}.${method}(): expected a relation name such as 'tags' or 'tags as total', got ${describeValue(name)}.`);
  }
  if (/\s+as$/i.test(name.trim())) {
    throw new ValidationError(`${owner}.${method}('${name}'): give the ${noun(method)} a name after "as", such as '${name.trim().replace(/\s+as$/i, '')} as total'.`);
  }
  const [relation, alias] = name.split(/\s+as\s+/i).map((part) => part.trim());
  if (relation.indexOf('.') >= 0) {
    const dot = relation.indexOf('.');
    const [first, rest] = [relation.slice(0, dot), relation.slice(dot + 1)];
    const verb = method === 'withCount' ? 'count' : 'aggregate';
    throw new ValidationError(
      `${owner}.${method}('${relation}'): ${verb === 'count' ? 'a' : 'an'} ${verb} takes a relation of ${owner}, not a dot path; ${verb} on the loaded ones instead: with('${first}', q => q.${method}('${rest}'${method === 'withCount' || method === 'withExists' ? '' : ", …"})).`,
    );
  }
  model.$getRelation(relation);
  if (alias) checkAlias(alias, owner, `${method}('${name}')`, method);
  return { relation, alias: alias || null };
}

/** `$extras.__proto__ = n` would set the prototype, not a value. */
export function checkAlias(alias: string, owner: string, call: string, method: string): void {
  if (alias === '__proto__') throw new ValidationError(`${owner}.${call}: "__proto__" cannot name a ${noun(method)}; choose another name, such as 'total'.`);
}

/** Eloquent's default names: `posts_count`, `posts_exists`, `posts_sum_likes`. */
export function defaultAlias(relation: string, fn: AggregateFunction, column: string | null): string {
  if (column === null) return `${relation}_${fn}`;
  return `${relation}_${fn}_${column.trim().replace(/[^A-Za-z0-9_]+/g, '_')}`;
}

/** Records an aggregate a withAggregate callback calls (`q.sum('likes')`); one per callback. */
export function captureAggregate(query: AggregatingQuery, owner: string, fn: CapturedFunction, column: unknown): void {
  if (query.capturedAggregate) {
    throw new ValidationError(`${owner}.${fn}(): a withAggregate callback computes one aggregate, and it already asked for ${query.capturedAggregate.fn}(); use one withAggregate per aggregate.`);
  }
  const counted = fn === 'count' && (column === undefined || column === '*');
  query.capturedAggregate = { fn, column: counted ? null : checkColumn(column, owner, fn) };
}

/** How a spec's sub-query is constrained and what it turns out to aggregate (known once its callback ran). */
export function aggregatePlan(spec: AggregateSpec, owner: string): { constrain: RelationCallback; result: () => { alias: string; fn: AggregateFunction; column: string | null } } {
  let alias = spec.alias;
  let fn = spec.fn;
  let column = spec.column;
  const constrain = (query: AggregatingQuery) => {
    if (spec.fn === null) query.capturedAggregate = null;
    if (spec.callback) spec.callback(query);
    if (spec.fn === null) {
      const captured = query.capturedAggregate;
      query.capturedAggregate = undefined;
      if (!captured) {
        throw new ValidationError(`${owner}.withAggregate('${spec.relation}', …): the callback asked for no aggregate; call one on its query, such as q => q.sum('likes').as('total') (sum, avg, min, max or count).`);
      }
      fn = captured.fn;
      column = captured.column;
      if (!spec.named) alias = defaultAlias(spec.relation, fn, column);
    }
    if (query.countAlias) alias = query.countAlias;
  };
  return { constrain, result: () => ({ alias, fn: fn as AggregateFunction, column }) };
}

/** The aggregate of one parent's values (a column's cells, or `true` per row when none was named). */
export function foldValues(fn: AggregateFunction, values: unknown[]): unknown {
  switch (fn) {
    case 'count':
      return values.reduce((total: number, value) => (value === null ? total : total + 1), 0);
    case 'exists':
      return values.length > 0;
    case 'sum': {
      // As SQL's SUM: null, not 0, when no number is there to add.
      const numbers = numbersOf(values);
      return numbers.length ? numbers.reduce((total, n) => total + n, 0) : null;
    }
    case 'avg':
      return meanOf(values);
    case 'min':
      return extremeOf(values, -1);
    case 'max':
      return extremeOf(values, 1);
  }
}

/** `read(row)` (`true` when null) of each row, grouped by `keyOf(row)`. */
export function groupByKey<T>(rows: ArrayLike<T>, keyOf: (row: T) => Key, read: ((row: T) => unknown) | null): Map<Key, unknown[]> {
  const groups = new Map<Key, unknown[]>();
  for (let i = 0; i < rows.length; i++) {
    const key = keyOf(rows[i]);
    const value = read ? read(rows[i]) : true;
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** What a parent with no related rows gets: 0 counted, false existing, null otherwise (as SQL's aggregates of no rows). */
export function noneValue(fn: AggregateFunction): unknown {
  return fn === 'count' ? 0 : fn === 'exists' ? false : null;
}
