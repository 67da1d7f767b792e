/**
 * The model query builder. Each terminal call reads the model's sheet once (or uses the rows of
 * the running unit of work), filters, sorts and slices in memory, and hydrates only the rows
 * returned.
 */
import { Collection } from '../collection/Collection';
import { Paginator } from '../collection/Paginator';
import { isoDateOf, keyedValues } from '../collection/compare';
import { ModelNotFoundError, ValidationError } from '../errors';
import type { Model, ModelClass, ModelAttributes } from '../model/Model';
import { Hydrator } from '../model/hydrate';
import { keyValues, modelName, primaryKeys, tableRef } from '../model/meta';
import { describeRef } from '../storage/TableRef';
import { RowEntry, Table } from '../storage/Table';
import { prefetch, readsAreKept, readScope, readTable, runWrite, UnitOfWork } from '../storage/UnitOfWork';
import { describeValue, isPlainObject, normalizeCompositeKey, normalizeKey, Key } from '../support/values';
import { ConditionBuilder } from './ConditionBuilder';
import { checkColumn, columnListError, refuseColumnList } from './conditions';
import { MatchingQuery } from './MatchingQuery';
import { refusePaginateInCallback } from './relationCallback';
import { addAmounts, Increment, incrementOf, refuseKeyExtras } from './increment';
import { setAttributes } from './update';
import { AnyScopes, scopesFor } from './scopes';
import { groupByKey } from './relationAggregates';

export type { Direction, Nulls, SortOrder } from './OrderedQuery';

/** Columns named with their sheet (`{ 'Tags.name': 'z' }`), as a relation's query takes them. */
export type QualifiedColumns = { [column: `${string}.${string}`]: unknown };

/** A fluent query over one model's sheet. */
export class QueryBuilder<M extends Model> extends MatchingQuery<M> {
  constructor(model: ModelClass<M>) {
    super(model);
  }

  protected override newGroup(): ConditionBuilder {
    // A group's errors name who asked, as the query's own do (`User.posts.where(...)`).
    const group = this.flagGroup(new QueryBuilder(this.model));
    group.owner = this.owner;
    return group;
  }

  /**
   * Applies scopes the model declares with `scope(...)` (Lucid's withScopes):
   * `Post.query().withScopes(s => s.published().by(user))`. TypeScript callers may name the type:
   * `(s: ScopesOf<typeof Post>) => ...`.
   */
  withScopes<S = AnyScopes>(callback: (scopes: S) => unknown): this {
    return this.applyScopes(callback as (scopes: AnyScopes) => unknown, 'withScopes');
  }

  /** Lucid 5's spelling of `withScopes`. */
  apply<S = AnyScopes>(callback: (scopes: S) => unknown): this {
    return this.applyScopes(callback as (scopes: AnyScopes) => unknown, 'apply');
  }

  private applyScopes(callback: (scopes: AnyScopes) => unknown, method: string): this {
    if (typeof callback !== 'function') {
      throw new ValidationError(`${this.owner}.${method}(callback): expected a function such as s => s.published(), got ${describeValue(callback)}.`);
    }
    callback(scopesFor(this.model, modelName(this.model), this, method));
    return this;
  }

  /** The matching models. */
  get(): Collection<M> {
    refuseColumnList(arguments[0], this.owner, 'get');
    return readScope(() => {
      this.forgetCounts();
      prefetch(this.sheetsInvolved());
      const table = readTable(tableRef(this.model));
      const hydrator = new Hydrator<M>(this.model, table);
      // A table with no row entries is exactly as read, so models may share its row arrays.
      const models = table.hasEntries
        ? this.matchingEntries(table).map((entry) => hydrator.entry(entry))
        : this.selectValues(table).map((values) => hydrator.row(values, true));
      this.loadRelations(models);
      return Collection.wrap(models);
    });
  }

  /** Lucid's and Eloquent's column selection: refused (rows are read whole), pointing to serialize and pluck. */
  select(..._columns: string[]): never {
    throw columnListError(this.owner, 'select');
  }

  /**
   * Hands the matching models to `callback(models, page)` `size` at a time (Eloquent's chunk), after
   * one read per sheet; returning false stops. Returns whether every chunk was handed over.
   */
  chunk(size: number | string, callback: (models: Collection<M>, page: number) => unknown): boolean {
    const count = this.checkCount(size, 'chunk', 'size', 1);
    if (typeof callback !== 'function') {
      throw new ValidationError(`${this.owner}.chunk(size, callback): expected a size of 1 or more and a function, got ${describeValue(size)} and ${describeValue(callback)}.`);
    }
    const models = this.get();
    for (let start = 0, page = 1; start < models.length; start += count, page++) {
      if (callback(models.slice(start, start + count), page) === false) return false;
    }
    return true;
  }

  /** The first matching model, or null. */
  first(): M | null {
    refuseColumnList(arguments[0], this.owner, 'first');
    const previous = this.limitCount;
    this.limitCount = 1;
    try {
      return this.get().first();
    } finally {
      this.limitCount = previous;
    }
  }

  /** The first matching model, or ModelNotFoundError. */
  firstOrFail(): M {
    refuseColumnList(arguments[0], this.owner, 'firstOrFail');
    const found = this.first();
    if (!found) throw new ModelNotFoundError(`${this.owner}: no row of ${describeRef(tableRef(this.model))} matches the query.`);
    return found;
  }

  /**
   * The matching model with this primary key (an array or object for composite keys), or null. The
   * key is ANDed with the query's clauses as a whole (`orWhere` cannot reach other keys) and not
   * kept on the builder.
   */
  find(id: unknown): M | null {
    refuseColumnList(arguments[1], this.owner, 'find');
    const keys = primaryKeys(this.model);
    const values = keyValues(this.owner, keys, id);
    if (!values) return null;
    if (this.findsInIndex(values)) {
      const indexed = this.findInIndex(keys, values);
      if (indexed !== undefined) return indexed;
    }
    return this.readByKey(keys, values, () => this.first());
  }

  /**
   * Whether `find` may look the key up in the table's key index: a plain find (no clauses, order or
   * offset) on a model's own query, in a session or transaction, which keeps the sheet for the
   * finds after it (scripts find in loops). Date text is matched by the scan.
   */
  private findsInIndex(values: readonly unknown[]): boolean {
    if (Object.getPrototypeOf(this) !== QueryBuilder.prototype || !readsAreKept()) return false;
    if (this.scopedConditions().length || this.orders.length || this.offsetCount) return false;
    return !values.some((value) => typeof value === 'string' && isoDateOf(value));
  }

  /** The model with the key, looked up in the table's index; undefined for a key typed twice (the scan decides). */
  private findInIndex(keys: readonly string[], values: readonly unknown[]): M | null | undefined {
    return readScope(() => {
      this.forgetCounts();
      prefetch(this.sheetsInvolved());
      const table = readTable(tableRef(this.model));
      const columns = keys.map((key) => table.column(key, this.owner));
      const key = normalizeCompositeKey(values);
      if (table.isDuplicated(columns, key)) return undefined;
      const entry = table.find(columns, key);
      if (!entry) return null;
      const model = new Hydrator<M>(this.model, table).entry(entry);
      this.loadRelations([model]);
      return model;
    });
  }

  /** `find`, or ModelNotFoundError. */
  findOrFail(id: unknown): M {
    refuseColumnList(arguments[1], this.owner, 'findOrFail');
    const found = this.find(id);
    if (!found) {
      const keys = primaryKeys(this.model);
      const values = keys.length > 1 ? keyValues(this.owner, keys, id) : null;
      const shown = values ? keys.map((key, i) => `${key} ${describeValue(values[i])}`).join(', ') : `${keys.join(', ')} ${describeValue(id)}`;
      throw new ModelNotFoundError(`${this.owner} with ${shown} not found in ${describeRef(tableRef(this.model))}.`);
    }
    return found;
  }

  /**
   * How many rows match (limit and offset do not apply); with a column, how many of them hold a
   * value in it (SQL's `count(column)` skips nulls, and an empty cell is null).
   */
  count(column?: string): number {
    if (this.captured('count', column)) return this as never;
    const counted = countedColumn(column, this.owner);
    return readScope(() => {
      const table = this.tableToCount();
      const test = this.predicate(table);
      const index = counted === null ? -1 : table.column(this.unqualify(counted, table), this.owner);
      let total = 0;
      const rows = this.candidateValues(table);
      for (let i = 0; i < rows.length; i++) if (test(rows[i]) && (index < 0 || rows[i][index] !== null)) total++;
      return total;
    });
  }

  /** Whether any row matches, after offset and limit (`forPage(n + 1, size).exists()` asks for a next page). */
  exists(): boolean {
    if (this.limitCount === 0) return false;
    const cap = this.rowCap();
    // Counted here, not asked for: a withAggregate callback testing exists() names no aggregate by it.
    const capturing = this.capturedAggregate;
    this.capturedAggregate = undefined;
    let total: number;
    try {
      total = this.count();
    } finally {
      this.capturedAggregate = capturing;
    }
    return (cap === null ? total : Math.min(total, cap)) > this.offsetCount;
  }

  /** Whether no row matches (Eloquent's doesntExist). */
  doesntExist(): boolean {
    return !this.exists();
  }

  /**
   * Page `page` (1-based) of `perPage` rows, with the total and page links (Lucid's paginate). One
   * read of each sheet gives both the page and the total.
   */
  paginate(page: number | string, perPage: number | string = 20): Paginator<M> {
    refusePaginateInCallback(this, this.owner);
    const current = Math.max(1, this.checkCount(page, 'paginate', 'page'));
    const size = this.checkCount(perPage, 'paginate', 'perPage (a page holds at least one row)', 1);
    return readScope(() => {
      // Every sheet first, so the Sheets API path reads them in one batch (count() needs only the model's).
      prefetch(this.sheetsInvolved());
      const total = this.count();
      const rows = this.clone().forPage(current, size).get();
      return Paginator.page(rows as unknown as M[], total, size, current);
    });
  }

  /** The total of a column's numbers over the matching rows (0 for none); numeric text counts, other values are skipped. Limit and offset do not apply, as in count(). */
  sum(column: string): number {
    if (this.captured('sum', column)) return this as never;
    return Collection.wrap(this.columnValues(column, 'sum')).sum();
  }

  /** The mean of a column's numbers over the matching rows, or null when there are none. */
  avg(column: string): number | null {
    if (this.captured('avg', column)) return this as never;
    return Collection.wrap(this.columnValues(column, 'avg')).avg();
  }

  /** The smallest value of a declared attribute over the matching rows (blanks skipped), or null. */
  min<K extends keyof ModelAttributes<M> & string>(column: K): NonNullable<ModelAttributes<M>[K]> | null;
  /** The smallest value of a column over the matching rows (numbers, text or dates; blanks skipped), or null. */
  min(column: string): unknown;
  min(column: string): unknown {
    if (this.captured('min', column)) return this;
    return Collection.wrap(this.columnValues(column, 'min')).min();
  }

  /** The largest value of a declared attribute over the matching rows (blanks skipped), or null. */
  max<K extends keyof ModelAttributes<M> & string>(column: K): NonNullable<ModelAttributes<M>[K]> | null;
  /** The largest value of a column over the matching rows (numbers, text or dates; blanks skipped), or null. */
  max(column: string): unknown;
  max(column: string): unknown {
    if (this.captured('max', column)) return this;
    return Collection.wrap(this.columnValues(column, 'max')).max();
  }

  /** A column's values for every matching row, unsorted, limit and offset aside (what the aggregates read). */
  protected columnValues(column: unknown, method: string): unknown[] {
    const name = checkColumn(column, this.owner, method);
    return readScope(() => {
      const table = this.tableToCount();
      return this.matchingValues(table).map(this.resolveColumn(table)(name, 'model'));
    });
  }

  /** A column's values (`true` per row for null) of the matching rows, by the normalised value of `keyColumn`: a relation's withSum and kin. */
  valuesByKey(keyColumn: string, column: string | null): Map<Key, unknown[]> {
    return readScope(() => {
      const table = this.tableToCount();
      const index = table.column(keyColumn, this.owner);
      const read = column === null ? null : this.resolveColumn(table)(column, 'model');
      return groupByKey(this.matchingValues(table), (row) => normalizeKey(row[index]), read);
    });
  }

  /** The model's table for a count or an aggregate (preloads aside; order columns still checked). */
  private tableToCount(): Table {
    this.forgetCounts();
    prefetch(this.sheetsInvolved(false));
    const table = readTable(tableRef(this.model));
    this.assertOrderColumns(table);
    return table;
  }

  /** How many rows the query keeps before offset and limit apply (a relation's groupLimit on one parent), or null for all. */
  protected rowCap(): number | null {
    return null;
  }

  /** The values of one declared attribute for the matching rows, in query order. */
  pluck<K extends keyof ModelAttributes<M> & string>(column: K): Collection<Exclude<ModelAttributes<M>[K], undefined>>;
  /** The values of one column for the matching rows, in query order. */
  pluck(column: string): Collection<unknown>;
  /** The values of one column keyed by the text of another (Eloquent's `pluck('title', 'id')`); the last row wins a shared key. */
  pluck(column: string, key: string): Record<string, unknown>;
  pluck(column: string, key?: string): Collection<unknown> | Record<string, unknown> {
    checkColumn(column, this.owner, 'pluck');
    if (key !== undefined) checkColumn(key, this.owner, 'pluck');
    return readScope(() => {
      this.forgetCounts();
      prefetch(this.sheetsInvolved(false));
      const table = readTable(tableRef(this.model));
      const resolve = this.resolveColumn(table);
      const read = resolve(column, 'model');
      const readKey = key === undefined ? null : resolve(key, 'model');
      const rows = this.selectValues(table);
      return readKey ? keyedValues(rows, read, readKey, this.zoneOf(table), `${this.owner}.pluck`) : Collection.wrap(rows.map(read));
    });
  }

  /**
   * Sets attributes on every matching row. Only cells whose value changes are written: a formula
   * already showing the value stays a formula. Returns the number of matching rows.
   */
  update(attributes: ModelAttributes<M> & QualifiedColumns): number {
    this.checkUpdate(attributes);
    return runWrite(`${this.owner}.update`, (unit) => {
      this.forgetCounts();
      const { table, entries } = this.rowsToChange(unit);
      return this.setOnRows(table, attributes, entries);
    });
  }

  /**
   * Adds `amount` (default 1) to a column of every matching row, or several: `increment({ views: 1,
   * likes: 2 })`, setting Eloquent's `extra` columns in the same write. The cells are read under the
   * write's lock, so concurrent counts all count; an empty cell counts as 0. Returns the number of rows.
   */
  increment(column: string, amount?: number | string, extra?: Record<string, unknown>): number;
  increment(amounts: Record<string, number | string>, extra?: Record<string, unknown>): number;
  increment(column: unknown, amount: unknown = 1, extra?: unknown): number {
    return this.addToRows(incrementOf(column, amount, extra, this.owner, 'increment'), 'increment');
  }

  /** Subtracts `amount` (default 1) from a column of every matching row (see increment). */
  decrement(column: string, amount?: number | string, extra?: Record<string, unknown>): number;
  decrement(amounts: Record<string, number | string>, extra?: Record<string, unknown>): number;
  decrement(column: unknown, amount: unknown = 1, extra?: unknown): number {
    return this.addToRows(incrementOf(column, amount, extra, this.owner, 'decrement'), 'decrement');
  }

  private addToRows(change: Increment, method: string): number {
    return runWrite(`${this.owner}.${method}`, (unit) => {
      this.forgetCounts();
      const { table, entries } = this.rowsToChange(unit);
      const rows = entries();
      const keys = primaryKeys(this.model);
      const amounts = change.amounts.map(([name, amount]): [string, number] => [this.unqualify(name, table), amount]);
      refuseKeyExtras(table, change, keys, this.owner, method, (name) => this.unqualify(name, table));
      addAmounts(table, rows, amounts, keys, this.owner, method);
      // A failure here undoes the amounts too: the write is all or nothing.
      if (change.extra) this.setOnRows(table, change.extra, () => rows);
      return rows.length;
    });
  }

  /** The table writes change and its matching rows (a many-to-many query changes its related rows). */
  protected rowsToChange(unit: UnitOfWork): { table: Table; entries: () => RowEntry[] } {
    const table = unit.table(tableRef(this.model));
    return { table, entries: () => this.matchingEntries(table) };
  }

  /** Refuses anything but an object of attributes, before any read or write. */
  protected checkUpdate(attributes: unknown): asserts attributes is Record<string, unknown> {
    if (!isPlainObject(attributes)) {
      throw new ValidationError(`${this.owner}.update(): expected an object of attributes such as { status: 'done' }, got ${describeValue(attributes)}.`);
    }
  }

  /** Sets `attributes` on the rows `entries()` gives; cells that already hold the value are left alone (formulas too). Returns the number of rows. */
  protected setOnRows(table: Table, attributes: Record<string, unknown>, entries: () => RowEntry[]): number {
    return setAttributes(this.model, table, attributes, entries, this.owner, (name) => this.unqualify(name, table));
  }

  /** Deletes every matching row. Returns the number of rows. */
  delete(): number {
    return runWrite(`${this.owner}.delete`, (unit) => {
      this.forgetCounts();
      const { table, entries } = this.rowsToChange(unit);
      const rows = entries();
      rows.forEach((entry) => table.remove(entry));
      return rows.length;
    });
  }
}

/** The column `count(column)` counts values of, or null for every row (none given, or `'*'`). */
export function countedColumn(column: unknown, owner: string): string | null {
  if (column === undefined || column === '*') return null;
  return checkColumn(column, owner, 'count');
}
