/** The relation side of a model query: eager loads, relation counts and relation existence. */
import { operatorMatcher, Operator } from '../collection/compare';
import type { Model, ModelClass } from '../model/Model';
import { modelName, tableRef } from '../model/meta';
import type { TableRef } from '../storage/TableRef';
import { inUnitOfWork, prefetch, readScope, recordUndo } from '../storage/UnitOfWork';
import { extrasOf } from '../model/state';
import { readAttribute } from '../model/attributes';
import { CellValue, cloneValue, describeValue, digitsAsNumber, isPlainObject, normalizeKey, Key } from '../support/values';
import type { Row, Table } from '../storage/Table';
import { ValidationError } from '../errors';
import { ConditionBuilder } from './ConditionBuilder';
import { Bool, checkOperator } from './conditions';
import { addPreloads, loadPreloads, PreloadNode, preloadSheets } from './EagerLoader';
import type { OperatorInput } from '../collection/select';
import type { QueryBuilder } from './QueryBuilder';
import type { AggregateMap, AggregateQueryCallback, CountName, PathsOf, PreloadArg, PreloadPath, RelationQueryCallback, WithLoaded, WithLoadedBy } from '../relations/types';
import { AggregateFunction, AggregateResult, AggregateSpec, aggregatePlan, CapturedAggregate, CapturedFunction, captureAggregate, checkAlias, defaultAlias, foldValues, noneValue, parseRelationName, RelationCallback } from './relationAggregates';
import { checkColumn } from './conditions';

export type { RelationCallback } from './relationAggregates';

/** Eager-loading, counting and existence clauses of a query. */
export class EagerQuery<M extends Model> extends ConditionBuilder {
  /** The model queried. */
  readonly model: ModelClass<M>;
  /** Relations to load with the results, as a tree of dot paths. */
  preloads: PreloadNode[] = [];
  /** True on a query made by a relation (Lucid's flags, for onQuery and callbacks to tell where they run). */
  isRelatedQuery = false;
  /** True inside the sub-queries of `withCount`, `has` and `whereHas`. */
  isRelatedSubQuery = false;
  /** True on the query that preloads a relation (`with`, `preload`, `load`, `eagerQuery`). */
  isRelatedPreloadQuery = false;
  protected counts: AggregateSpec[] = [];
  /** The `$extras` name a withCount/withAggregate sub-query gave its result with `as()`. */
  countAlias: string | null = null;
  /** Inside a withAggregate callback (null until it calls one), what its sum/avg/min/max/count asked for. */
  capturedAggregate: CapturedAggregate | null | undefined = undefined;
  /** Relations whose sheets `has`/`whereHas` conditions read. */
  protected tested: Array<{ tables(): TableRef[] }> = [];
  /** Counts already made in this read (to order by), for loadRelations to reuse. */
  private countsMade: { table: Table; results: Map<AggregateSpec, AggregateResult> } | null = null;

  /** Starts a read: counts made by an earlier one may be out of date (writes in a session). */
  protected forgetCounts(): void {
    this.countsMade = null;
  }

  constructor(model: ModelClass<M>) {
    super(modelName(model));
    this.model = model;
  }

  /** A where-group runs where its query runs: it carries the query's flags. */
  protected flagGroup<G extends Pick<EagerQuery<M>, 'isRelatedQuery' | 'isRelatedSubQuery' | 'isRelatedPreloadQuery'>>(group: G): G {
    group.isRelatedQuery = this.isRelatedQuery;
    group.isRelatedSubQuery = this.isRelatedSubQuery;
    group.isRelatedPreloadQuery = this.isRelatedPreloadQuery;
    return group;
  }

  /**
   * A copy of the query (clauses, order, paging, preloads, counts) that changes apart from this one
   * (Lucid's `clone()`: `const total = query.clone().count()`).
   */
  clone(): this {
    const copy = Object.create(Object.getPrototypeOf(this)) as this;
    const fields = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const value = fields[key];
      (copy as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? value.slice() : value;
    }
    copy.preloads = copyPreloads(this.preloads);
    copy.countsMade = null;
    return copy;
  }

  /** Loads a relation with the results, its query constrained by the callback: `with('tags', q => q.wherePivot(…))`. */
  with<P extends PreloadPath<M>, C = unknown>(name: P, callback: RelationQueryCallback<M, P, C> | null | undefined): QueryBuilder<WithLoadedBy<M, P, C>>;
  /** Loads relations with the results: `with('tags', 'author')`, `with('posts.tags')`, `with('tags', q => …)`. */
  with<A extends Array<PreloadArg<M>>>(...args: A): QueryBuilder<WithLoaded<M, PathsOf<A>>>;
  with(...args: unknown[]): unknown {
    addPreloads(this.model, this.preloads, args);
    return this;
  }

  /** Lucid's spelling of `with(name, callback?)`. */
  preload<P extends PreloadPath<M>, C = unknown>(name: P, callback?: RelationQueryCallback<M, P, C>): QueryBuilder<WithLoadedBy<M, P, C>> {
    addPreloads(this.model, this.preloads, callback ? [name, callback] : [name]);
    return this as unknown as QueryBuilder<WithLoadedBy<M, P, C>>;
  }

  /** Sets `$extras.<relation>_count` (or `$extras.<alias>` for `'tags as total'`) on each result. */
  withCount<N extends CountName<M>>(name: N, callback?: RelationQueryCallback<M, N>): this;
  /** Counts several relations: `withCount('tags', 'comments')`, `withCount(['tags', 'comments'])` (Eloquent). */
  withCount(...names: Array<CountName<M> | Array<CountName<M>>>): this;
  /** Counts relations each constrained by its callback: `withCount({ tags: q => q.where(...) })` (Eloquent's `withCount(['tags' => fn])`). */
  withCount(constrained: { [N in CountName<M>]?: RelationQueryCallback<M, N> | null }): this;
  withCount(...args: unknown[]): this {
    return this.addRowAggregates('withCount', 'count', args);
  }

  /** Sets `$extras.<relation>_exists` (or `$extras.<alias>`) to whether each result has related rows (Eloquent's withExists). */
  withExists<N extends CountName<M>>(name: N, callback?: RelationQueryCallback<M, N>): this;
  /** Tests several relations: `withExists('tags', 'comments')`. */
  withExists(...names: Array<CountName<M> | Array<CountName<M>>>): this;
  /** Tests relations each constrained by its callback: `withExists({ tags: q => q.where(...) })`. */
  withExists(constrained: { [N in CountName<M>]?: RelationQueryCallback<M, N> | null }): this;
  withExists(...args: unknown[]): this {
    return this.addRowAggregates('withExists', 'exists', args);
  }

  /**
   * Sets `$extras.<relation>_sum_<column>` (or `$extras.<alias>` for `'posts as total'`): the total of
   * the related rows' numbers in `column`, or null when there are none, as SQL's SUM (Eloquent's
   * withSum). Constrain the rows with `withSum({ posts: q => q.where(...) }, 'likes')`.
   */
  withSum(relation: CountName<M> | AggregateMap<M>, column: string): this {
    return this.addColumnAggregates('withSum', 'sum', relation, column, arguments.length);
  }
  /** Sets `$extras.<relation>_avg_<column>`: the mean of the related rows' numbers in `column`, or null (Eloquent's withAvg). */
  withAvg(relation: CountName<M> | AggregateMap<M>, column: string): this {
    return this.addColumnAggregates('withAvg', 'avg', relation, column, arguments.length);
  }
  /** Sets `$extras.<relation>_min_<column>`: the smallest value (number, text or Date) in `column`, or null (Eloquent's withMin). */
  withMin(relation: CountName<M> | AggregateMap<M>, column: string): this {
    return this.addColumnAggregates('withMin', 'min', relation, column, arguments.length);
  }
  /** Sets `$extras.<relation>_max_<column>`: the largest value (number, text or Date) in `column`, or null (Eloquent's withMax). */
  withMax(relation: CountName<M> | AggregateMap<M>, column: string): this {
    return this.addColumnAggregates('withMax', 'max', relation, column, arguments.length);
  }

  /**
   * Lucid's withAggregate: the callback constrains the related query and names one aggregate on it,
   * `withAggregate('posts', q => q.where('published', true).sum('likes').as('totalLikes'))`
   * (sum, avg, min, max or count; without `as()` the name is Eloquent's, `posts_sum_likes`).
   */
  withAggregate<N extends CountName<M>>(name: N, callback: AggregateQueryCallback<M, N>): this {
    if (typeof callback !== 'function') {
      throw new ValidationError(`${this.owner}.withAggregate(${describeValue(name)}, …): expected a callback naming the aggregate, such as q => q.sum('likes').as('total'), got ${describeValue(callback)}.`);
    }
    const { relation, alias } = parseRelationName(this.model, this.owner, name, 'withAggregate');
    this.counts.push({ relation, alias: alias || '', named: alias !== null, fn: null, column: null, callback: callback as RelationCallback });
    return this;
  }

  /** withCount/withExists: names, lists of names, a name and its callback, or names mapped to callbacks. */
  private addRowAggregates(method: string, fn: AggregateFunction, args: unknown[]): this {
    if (args.length === 2 && typeof args[0] === 'string' && (typeof args[1] === 'function' || args[1] === undefined || args[1] === null)) {
      return this.addAggregate(method, fn, args[0], (args[1] || undefined) as RelationCallback | undefined, null);
    }
    const names = ([] as unknown[]).concat(...args.map((arg) => (Array.isArray(arg) ? arg : [arg])));
    if (!names.length) throw new ValidationError(`${this.owner}.${method}(): expected relation names, such as ${method}('tags'), got none.`);
    for (const name of names) {
      if (isPlainObject(name)) {
        this.addConstrained(method, fn, name, null);
        continue;
      }
      if (typeof name === 'function') {
        throw new ValidationError(`${this.owner}.${method}(): a callback goes right after one relation name: ${method}('tags', q => ...).`);
      }
      this.addAggregate(method, fn, name, undefined, null);
    }
    return this;
  }

  /** withSum and kin: a relation name (or names mapped to callbacks) and the column. */
  private addColumnAggregates(method: string, fn: AggregateFunction, relation: unknown, column: unknown, given: number): this {
    const name = checkColumn(column, this.owner, method).trim();
    if (given > 2) {
      const shown = typeof relation === 'string' ? relation.trim() : 'posts';
      const key = /^[A-Za-z_$][\w$]*$/.test(shown) ? shown : `'${shown}'`;
      const naming = /\sas\s/i.test(shown) ? '' : `, or name the result with '${shown} as total'`;
      throw new ValidationError(`${this.owner}.${method}(): it takes a relation and a column, and got ${given} arguments; constrain the rows with ${method}({ ${key}: q => q.where(…) }, '${name}')${naming}.`);
    }
    if (isPlainObject(relation)) this.addConstrained(method, fn, relation, name);
    else this.addAggregate(method, fn, relation, undefined, name);
    return this;
  }

  private addConstrained(method: string, fn: AggregateFunction, constrained: Record<string, unknown>, column: string | null): void {
    const what = fn === 'count' ? 'count' : fn === 'exists' ? 'test' : 'rows';
    for (const name of Object.keys(constrained)) {
      const callback = constrained[name];
      if (callback !== undefined && callback !== null && typeof callback !== 'function') {
        throw new ValidationError(`${this.owner}.${method}(): the value for "${name}" must be a callback constraining the ${what} (q => ...), got ${describeValue(callback)}.`);
      }
      this.addAggregate(method, fn, name, (callback || undefined) as RelationCallback | undefined, column);
    }
  }

  private addAggregate(method: string, fn: AggregateFunction, name: unknown, callback: RelationCallback | undefined, column: string | null): this {
    const { relation, alias } = parseRelationName(this.model, this.owner, name, method);
    this.counts.push({ relation, alias: alias || defaultAlias(relation, fn, column), named: alias !== null, fn, column, callback });
    return this;
  }

  /** Inside a withCount or withAggregate callback, names the result (Lucid's `withCount('posts', q => q.as('total'))`). */
  as(alias: string): this {
    if (typeof alias !== 'string' || !alias.trim()) {
      throw new ValidationError(`${this.owner}.as(): expected a name for the count such as 'total', got ${describeValue(alias)}.`);
    }
    checkAlias(alias.trim(), this.owner, `as('${alias}')`, 'withCount');
    this.countAlias = alias.trim();
    return this;
  }

  /** In a withAggregate callback, sum/avg/min/max/count name the aggregate instead of computing it (true then). */
  protected captured(fn: CapturedFunction, column: unknown): boolean {
    if (this.capturedAggregate === undefined) return false;
    captureAggregate(this, this.owner, fn, column);
    return true;
  }

  /** Keeps rows with related rows (`has('tags')`, `has('tags', '>=', 2)`, `has('posts.tags')`). */
  has(name: PreloadPath<M>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('has', 'and', name, undefined, operator, count);
  }
  /** Alias of `has` (Lucid). */
  andHas(name: PreloadPath<M>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('andHas', 'and', name, undefined, operator, count);
  }
  /** OR-ed `has`. */
  orHas(name: PreloadPath<M>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('orHas', 'or', name, undefined, operator, count);
  }
  /** Keeps rows with related rows matching the callback's query. */
  whereHas<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N> | null, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('whereHas', 'and', name, callback, operator, count);
  }
  /** Alias of `whereHas` (Lucid). */
  andWhereHas<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N> | null, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('andWhereHas', 'and', name, callback, operator, count);
  }
  /** OR-ed `whereHas`. */
  orWhereHas<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N> | null, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('orWhereHas', 'or', name, callback, operator, count);
  }
  /** Keeps rows without related rows. */
  doesntHave(name: PreloadPath<M>): this {
    return this.addHas('doesntHave', 'and', name, undefined, '<', 1);
  }
  /** Alias of `doesntHave` (Lucid). */
  andDoesntHave(name: PreloadPath<M>): this {
    return this.addHas('andDoesntHave', 'and', name, undefined, '<', 1);
  }
  /** OR-ed `doesntHave`. */
  orDoesntHave(name: PreloadPath<M>): this {
    return this.addHas('orDoesntHave', 'or', name, undefined, '<', 1);
  }
  /** Keeps rows without related rows matching the callback's query. */
  whereDoesntHave<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N> | null): this {
    return this.addHas('whereDoesntHave', 'and', name, callback, '<', 1);
  }
  /** Alias of `whereDoesntHave` (Lucid). */
  andWhereDoesntHave<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N> | null): this {
    return this.addHas('andWhereDoesntHave', 'and', name, callback, '<', 1);
  }
  /** OR-ed `whereDoesntHave`. */
  orWhereDoesntHave<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N> | null): this {
    return this.addHas('orWhereDoesntHave', 'or', name, callback, '<', 1);
  }

  /** The sheets this query will read that are known before it runs (for one batched read). */
  protected override adoptGroup(group: ConditionBuilder): void {
    // A group's has/whereHas are known now, so their sheets join the query's one batched read.
    if (group instanceof EagerQuery) this.tested.push(...group.tested);
  }

  sheetsInvolved(withLoads = true): TableRef[] {
    const refs = [tableRef(this.model)];
    for (const relation of this.tested) refs.push(...relation.tables());
    if (!withLoads) return refs;
    preloadSheets(this.model, this.preloads, refs);
    return refs.concat(this.countSheets());
  }

  /** The sheets the withCounts read. */
  private countSheets(): TableRef[] {
    const refs: TableRef[] = [];
    for (const spec of this.counts) refs.push(...this.model.$getRelation(spec.relation).tables());
    return refs;
  }

  /** Loads preloads and counts onto freshly read models. */
  protected loadRelations(models: M[]): void {
    const made = this.countsMade;
    this.countsMade = null;
    if (!models.length) return;
    if (this.preloads.length) loadPreloads(this.model, models, this.preloads);
    this.setCounts(models, made);
  }

  /**
   * Sets the withCounts on models already read, reading only the relations' sheets (Lucid's
   * loadCount). In a transaction that rolls back, the models get their `$extras` back: the rows
   * counted may never be written.
   */
  countOnto(models: M[]): void {
    if (!models.length) return;
    readScope(() => {
      prefetch(this.countSheets());
      this.setCounts(models, null, inUnitOfWork(), true);
    });
  }

  /** `only`: the results are for `models` alone (loadCount and kin), not for a query's every parent. */
  private setCounts(models: M[], made: { results: Map<AggregateSpec, AggregateResult> } | null, undoable = false, only = false): void {
    for (const spec of this.counts) {
      const { alias, keyColumn, values, none } = (made && made.results.get(spec)) || this.aggregateFor(spec, only ? models : undefined);
      // A missing key column would count 0 for every model, silently.
      this.model.$getRelation(spec.relation).assertParentColumn(models, keyColumn);
      if (undoable) recordExtrasUndo(models, alias);
      models.forEach((model) => {
        const value = values.get(normalizeKey(readAttribute(model, keyColumn)));
        // Each model gets its own copy of a Date (min/max).
        extrasOf(model)[alias] = value === undefined ? none : cloneValue(value);
      });
    }
  }

  /** Whether a withCount (or kin) may give `name` (one with a callback may rename itself with as()). */
  protected mayBeCount(name: string): boolean {
    return this.counts.some((spec) => spec.callback || spec.alias === name);
  }

  /**
   * A withCount's count (or a withSum's total, ...) as a column of the rows of `table`
   * (`orderBy('comments_count', 'desc')`, as Lucid orders by the alias), or null when none gives that name.
   */
  protected countColumn(name: string, table: Table): ((values: Row) => CellValue) | null {
    if (!this.counts.length) return null;
    if (!this.countsMade || this.countsMade.table !== table) this.countsMade = { table, results: new Map() };
    const results = this.countsMade.results;
    for (const spec of this.counts) {
      // A callback may rename the count with as(): it has to run to tell.
      if (!spec.callback && spec.alias !== name) continue;
      let result = results.get(spec);
      if (!result) results.set(spec, (result = this.aggregateFor(spec)));
      if (result.alias !== name) continue;
      const index = table.column(result.keyColumn, this.owner);
      const { values, none } = result;
      return (row) => {
        const value = values.get(normalizeKey(row[index]));
        return (value === undefined ? none : value) as CellValue;
      };
    }
    return null;
  }

  private aggregateFor(spec: AggregateSpec, parents?: readonly M[]): AggregateResult {
    const relation = this.model.$getRelation(spec.relation);
    const plan = aggregatePlan(spec, this.owner);
    let values: Map<Key, unknown>;
    if (spec.fn === 'count' || spec.fn === 'exists') {
      const counts = relation.countByParent(plan.constrain, parents);
      // Every key counted holds at least one row.
      values = spec.fn === 'count' ? counts : new Map(Array.from(counts.keys(), (key) => [key, true]));
    } else {
      const groups = relation.valuesByParent(plan.constrain, parents, () => plan.result().column);
      const fn = plan.result().fn;
      values = new Map();
      groups.forEach((list, key) => values.set(key, foldValues(fn, list)));
    }
    const { alias, fn } = plan.result();
    return { alias, keyColumn: parentKeyColumn(relation), values, none: noneValue(fn) };
  }

  private addHas(method: string, bool: Bool, name: string, callback: RelationCallback | null | undefined, operator: OperatorInput, count: number | string): this {
    if (typeof name !== 'string' || !name || name.split('.').some((part) => !part)) {
      throw new ValidationError(`${this.owner}.${method}(): expected a relation name such as 'tags' or a path such as 'posts.tags', got ${describeValue(name)}.`);
    }
    // As Eloquent's `?Closure $callback = null`: null constrains nothing.
    if (callback === null) callback = undefined;
    if (callback !== undefined && typeof callback !== 'function') {
      throw new ValidationError(`${this.owner}.${method}('${name}', ...): the second argument is a callback constraining the related query, got ${describeValue(callback)}.`);
    }
    count = digitsAsNumber(count) as number | string;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new ValidationError(`${this.owner}.${method}('${name}', ...): the count must be a whole number of 0 or more, got ${describeValue(count)}.`);
    }
    const op = checkOperator(operator, `${this.owner}.${method}('${name}', …)`);
    const dot = name.indexOf('.');
    if (dot > 0) {
      // Eloquent's hasNested: the count applies to the last level, but "doesn't have" negates the first.
      const first = name.slice(0, dot);
      const rest = name.slice(dot + 1);
      let related: ModelClass<Model> = this.model.$getRelation(first).relatedModel();
      for (const part of rest.split('.')) {
        const deeper = related.$getRelation(part);
        // Known now, so the whole path's sheets go in one batched read.
        this.tested.push(deeper);
        related = deeper.relatedModel();
      }
      const absent = op === '<' && count === 1;
      const nested: RelationCallback = absent ? (query) => query.whereHas(rest, callback) : (query) => query.whereHas(rest, callback, op, count);
      return this.addHas(method, bool, first, nested, absent ? '<' : '>=', 1);
    }
    const relation = this.model.$getRelation(name);
    this.tested.push(relation);
    const accept = countMatcher(op, count);
    this.conditions.push({
      kind: 'deferred',
      bool,
      not: false,
      late: true,
      prepare: (resolve) => {
        const read = resolve(parentKeyColumn(relation), 'model', relation.label());
        // Counted when a row first gets here: none may (where('id', 999).has('tags')).
        let counts: Map<Key, number> | null = null;
        return (row) => accept((counts || (counts = relation.countByParent(callback))).get(normalizeKey(read(row))) || 0);
      },
    });
    return this;
  }
}

/** Records how to put back each model's `$extras[alias]` (or its absence). */
function recordExtrasUndo(models: readonly object[], alias: string): void {
  const had = models.map((model) => Object.prototype.hasOwnProperty.call(extrasOf(model), alias));
  const before = models.map((model) => extrasOf(model)[alias]);
  recordUndo(() =>
    models.forEach((model, i) => {
      if (had[i]) extrasOf(model)[alias] = before[i];
      else delete extrasOf(model)[alias];
    }),
  );
}

/** The parent column a relation matches on. */
function parentKeyColumn(relation: { type: string; localKey: string; boot(): void } & { foreignKey?: string }): string {
  relation.boot();
  return relation.type === 'belongsTo' ? (relation.foreignKey as string) : relation.localKey;
}

/** Tests a count of related rows against `operator count` (plain number comparisons: this runs per row). */
function countMatcher(operator: Operator, count: number): (actual: number) => boolean {
  if (typeof count !== 'number') return operatorMatcher(operator, count);
  switch (operator) {
    case '>=':
      return (actual) => actual >= count;
    case '>':
      return (actual) => actual > count;
    case '<':
      return (actual) => actual < count;
    case '<=':
      return (actual) => actual <= count;
    case '=':
    case '==':
      return (actual) => actual === count;
    case '!=':
    case '<>':
      return (actual) => actual !== count;
    default:
      return operatorMatcher(operator, count);
  }
}

/** Preload trees are extended in place by later `with()` calls, so a clone gets its own. */
function copyPreloads(nodes: readonly PreloadNode[]): PreloadNode[] {
  return nodes.map((node) => ({ ...node, children: copyPreloads(node.children) }));
}
