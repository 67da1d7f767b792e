/** The relation side of a model query: eager loads, relation counts and relation existence. */
import { operatorMatcher, Operator } from '../collection/compare';
import type { Model, ModelClass } from '../model/Model';
import { modelName, tableRef } from '../model/meta';
import type { TableRef } from '../storage/TableRef';
import { inUnitOfWork, prefetch, readScope, recordUndo } from '../storage/UnitOfWork';
import { extrasOf } from '../model/state';
import { readAttribute } from '../model/attributes';
import { describeValue, digitsAsNumber, isPlainObject, normalizeKey, Key } from '../support/values';
import type { Row, Table } from '../storage/Table';
import { ValidationError } from '../errors';
import { ConditionBuilder } from './ConditionBuilder';
import { Bool, checkOperator } from './conditions';
import { addPreloads, loadPreloads, PreloadNode, preloadSheets } from './EagerLoader';
import type { OperatorInput } from '../collection/select';
import type { QueryBuilder } from './QueryBuilder';
import type { CountName, PathsOf, PreloadArg, PreloadPath, RelationQueryCallback, WithLoaded, WithLoadedBy } from '../relations/types';

/** A callback that constrains a relation's query. */
export type RelationCallback = (query: any) => unknown;

interface CountSpec {
  relation: string;
  alias: string;
  callback?: RelationCallback;
}

/** A withCount's counts by parent key, under the name it gives them. */
interface CountResult {
  alias: string;
  keyColumn: string;
  counts: Map<Key, number>;
}

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
  protected counts: CountSpec[] = [];
  /** The `$extras` name a withCount sub-query gave its count with `as()`. */
  countAlias: string | null = null;
  /** Relations whose sheets `has`/`whereHas` conditions read. */
  protected tested: Array<{ tables(): TableRef[] }> = [];
  /** Counts already made in this read (to order by), for loadRelations to reuse. */
  private countsMade: { table: Table; results: Map<CountSpec, CountResult> } | null = null;

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
    if (args.length === 2 && typeof args[0] === 'string' && (typeof args[1] === 'function' || args[1] === undefined || args[1] === null)) {
      return this.addCount(args[0], (args[1] || undefined) as RelationCallback | undefined);
    }
    const names = ([] as unknown[]).concat(...args.map((arg) => (Array.isArray(arg) ? arg : [arg])));
    if (!names.length) throw new ValidationError(`${this.owner}.withCount(): expected relation names, such as withCount('tags'), got none.`);
    for (const name of names) {
      if (isPlainObject(name)) {
        this.addConstrainedCounts(name);
        continue;
      }
      if (typeof name === 'function') {
        throw new ValidationError(`${this.owner}.withCount(): a callback goes right after one relation name: withCount('tags', q => ...).`);
      }
      this.addCount(name, undefined);
    }
    return this;
  }

  private addConstrainedCounts(constrained: Record<string, unknown>): void {
    for (const name of Object.keys(constrained)) {
      const callback = constrained[name];
      if (callback !== undefined && callback !== null && typeof callback !== 'function') {
        throw new ValidationError(`${this.owner}.withCount(): the value for "${name}" must be a callback constraining the count (q => ...), got ${describeValue(callback)}.`);
      }
      this.addCount(name, (callback || undefined) as RelationCallback | undefined);
    }
  }

  private addCount(name: unknown, callback: RelationCallback | undefined): this {
    if (typeof name !== 'string' || !name.trim()) {
      throw new ValidationError(`${this.owner}.withCount(): expected a relation name such as 'tags' or 'tags as total', got ${describeValue(name)}.`);
    }
    if (/\s+as$/i.test(name.trim())) {
      throw new ValidationError(`${this.owner}.withCount('${name}'): give the count a name after "as", such as '${name.trim().replace(/\s+as$/i, '')} as total'.`);
    }
    const [relation, alias] = name.split(/\s+as\s+/i).map((part) => part.trim());
    if (relation.indexOf('.') >= 0) {
      const dot = relation.indexOf('.');
      const [first, rest] = [relation.slice(0, dot), relation.slice(dot + 1)];
      throw new ValidationError(
        `${this.owner}.withCount('${relation}'): a count takes a relation of ${this.owner}, not a dot path; count on the loaded ones instead: with('${first}', q => q.withCount('${rest}')).`,
      );
    }
    this.model.$getRelation(relation);
    if (alias) this.checkCountName(alias, `withCount('${name}')`);
    this.counts.push({ relation, alias: alias || `${relation}_count`, callback });
    return this;
  }

  /** Inside a withCount callback, names the count (Lucid's `withCount('posts', q => q.as('total'))`). */
  as(alias: string): this {
    if (typeof alias !== 'string' || !alias.trim()) {
      throw new ValidationError(`${this.owner}.as(): expected a name for the count such as 'total', got ${describeValue(alias)}.`);
    }
    this.checkCountName(alias.trim(), `as('${alias}')`);
    this.countAlias = alias.trim();
    return this;
  }

  /** `$extras.__proto__ = n` would set the prototype, not a count. */
  private checkCountName(alias: string, call: string): void {
    if (alias === '__proto__') throw new ValidationError(`${this.owner}.${call}: "__proto__" cannot name a count; choose another name, such as 'total'.`);
  }

  /** Keeps rows with related rows (`has('tags')`, `has('tags', '>=', 2)`, `has('posts.tags')`). */
  has(name: PreloadPath<M>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('and', name, undefined, operator, count);
  }
  /** Alias of `has` (Lucid). */
  andHas(name: PreloadPath<M>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('and', name, undefined, operator, count);
  }
  /** OR-ed `has`. */
  orHas(name: PreloadPath<M>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('or', name, undefined, operator, count);
  }
  /** Keeps rows with related rows matching the callback's query. */
  whereHas<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('and', name, callback, operator, count);
  }
  /** Alias of `whereHas` (Lucid). */
  andWhereHas<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('and', name, callback, operator, count);
  }
  /** OR-ed `whereHas`. */
  orWhereHas<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N>, operator: OperatorInput = '>=', count: number | string = 1): this {
    return this.addHas('or', name, callback, operator, count);
  }
  /** Keeps rows without related rows. */
  doesntHave(name: PreloadPath<M>): this {
    return this.addHas('and', name, undefined, '<', 1);
  }
  /** Alias of `doesntHave` (Lucid). */
  andDoesntHave(name: PreloadPath<M>): this {
    return this.addHas('and', name, undefined, '<', 1);
  }
  /** OR-ed `doesntHave`. */
  orDoesntHave(name: PreloadPath<M>): this {
    return this.addHas('or', name, undefined, '<', 1);
  }
  /** Keeps rows without related rows matching the callback's query. */
  whereDoesntHave<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N>): this {
    return this.addHas('and', name, callback, '<', 1);
  }
  /** Alias of `whereDoesntHave` (Lucid). */
  andWhereDoesntHave<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N>): this {
    return this.addHas('and', name, callback, '<', 1);
  }
  /** OR-ed `whereDoesntHave`. */
  orWhereDoesntHave<N extends PreloadPath<M>>(name: N, callback?: RelationQueryCallback<M, N>): this {
    return this.addHas('or', name, callback, '<', 1);
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

  /** `only`: the counts are for `models` alone (loadCount), not for a query's every parent. */
  private setCounts(models: M[], made: { results: Map<CountSpec, CountResult> } | null, undoable = false, only = false): void {
    for (const spec of this.counts) {
      const { alias, keyColumn, counts } = (made && made.results.get(spec)) || this.countFor(spec, only ? models : undefined);
      // A missing key column would count 0 for every model, silently.
      this.model.$getRelation(spec.relation).assertParentColumn(models, keyColumn);
      if (undoable) recordExtrasUndo(models, alias);
      models.forEach((model) => {
        extrasOf(model)[alias] = counts.get(normalizeKey(readAttribute(model, keyColumn))) || 0;
      });
    }
  }

  /** Whether a withCount may give `name` (one with a callback may rename itself with as()). */
  protected mayBeCount(name: string): boolean {
    return this.counts.some((spec) => spec.callback || spec.alias === name);
  }

  /**
   * A withCount's count as a column of the rows of `table` (`orderBy('comments_count', 'desc')`, as
   * Lucid orders by the alias), or null when no withCount gives that name.
   */
  protected countColumn(name: string, table: Table): ((values: Row) => number) | null {
    if (!this.counts.length) return null;
    if (!this.countsMade || this.countsMade.table !== table) this.countsMade = { table, results: new Map() };
    const results = this.countsMade.results;
    for (const spec of this.counts) {
      // A callback may rename the count with as(): it has to run to tell.
      if (!spec.callback && spec.alias !== name) continue;
      let result = results.get(spec);
      if (!result) results.set(spec, (result = this.countFor(spec)));
      if (result.alias !== name) continue;
      const index = table.column(result.keyColumn, this.owner);
      const counts = result.counts;
      return (values) => counts.get(normalizeKey(values[index])) || 0;
    }
    return null;
  }

  private countFor(spec: CountSpec, parents?: readonly M[]): CountResult {
    const relation = this.model.$getRelation(spec.relation);
    let alias = spec.alias;
    const counts = relation.countByParent((query: EagerQuery<Model>) => {
      if (spec.callback) spec.callback(query);
      if (query.countAlias) alias = query.countAlias;
    }, parents);
    return { alias, keyColumn: parentKeyColumn(relation), counts };
  }

  private addHas(bool: Bool, name: string, callback: RelationCallback | undefined, operator: OperatorInput, count: number | string): this {
    if (typeof name !== 'string' || !name) {
      throw new ValidationError(`${this.owner}: has/whereHas/doesntHave need a relation name such as 'tags' or 'posts.tags', got ${describeValue(name)}.`);
    }
    if (callback !== undefined && typeof callback !== 'function') {
      throw new ValidationError(`${this.owner}.whereHas('${name}', ...): the second argument is a callback constraining the related query, got ${describeValue(callback)}.`);
    }
    count = digitsAsNumber(count) as number | string;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new ValidationError(`${this.owner}.has('${name}', ...): the count must be a whole number of 0 or more, got ${describeValue(count)}.`);
    }
    const op = checkOperator(operator, `${this.owner}.has('${name}', …)`);
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
      return this.addHas(bool, first, nested, absent ? '<' : '>=', 1);
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
