/**
 * The query of a hasMany relation: a model query plus Lucid's `groupLimit(n)` / `groupOrderBy(col,
 * dir)`. In a preload they keep at most n related rows per parent (highest keys first unless
 * ordered); on one parent's query they are a plain limit and order.
 */
import type { PathsOf, PreloadArg, PreloadPath, RelationQueryCallback, WithLoaded, WithLoadedBy } from './types';
import type { Model, ModelClass } from '../model/Model';
import { checkGroupDirection, checkGroupLimit, groupOrder } from '../query/groupLimit';
import { checkColumn } from '../query/conditions';
import { Direction, QueryBuilder } from '../query/QueryBuilder';
import type { Row, Table } from '../storage/Table';
import { Key, normalizeKey } from '../support/values';

/** A hasMany relation's query (`related('posts').query()`, the query a `with('posts', q => …)` callback gets). */
export class HasManyQueryBuilder<R extends Model> extends QueryBuilder<R> {
  private groupLimitCount: number | null = null;
  private readonly groupOrders: Array<{ column: string; direction: 'asc' | 'desc' }> = [];
  /** The related column holding the parent key, when this query loads the relation for parents. */
  private partitionColumn: string | null = null;

  constructor(model: ModelClass<R>) {
    super(model);
  }

  /** `with()` keeping this builder's own methods (wherePivot, groupLimit, ...). */
  override with<P extends PreloadPath<R>, C = unknown>(name: P, callback: RelationQueryCallback<R, P, C> | null | undefined): HasManyQueryBuilder<WithLoadedBy<R, P, C>>;
  override with<A extends Array<PreloadArg<R>>>(...args: A): HasManyQueryBuilder<WithLoaded<R, PathsOf<A>>>;
  override with(...args: unknown[]): unknown {
    return (super.with as (...list: unknown[]) => unknown)(...args);
  }

  /** `preload()` keeping this builder's own methods. */
  override preload<P extends PreloadPath<R>, C = unknown>(name: P, callback?: RelationQueryCallback<R, P, C>): HasManyQueryBuilder<WithLoadedBy<R, P, C>> {
    return super.preload(name, callback) as unknown as HasManyQueryBuilder<WithLoadedBy<R, P, C>>;
  }

  /** Keeps at most `count` related rows per parent. */
  groupLimit(count: number): this {
    this.groupLimitCount = checkGroupLimit(count, this.owner);
    return this;
  }

  /** Orders each parent's rows before `groupLimit` keeps the first ones. */
  groupOrderBy(column: string, direction: Direction = 'asc'): this {
    this.groupOrders.push({ column: checkColumn(column, this.owner, 'groupOrderBy'), direction: checkGroupDirection(direction, this.owner) });
    return this;
  }

  /** Checks groupOrderBy's columns too. */
  override assertOrderColumns(table: Table): void {
    super.assertOrderColumns(table);
    const resolve = this.resolveColumn(table);
    this.groupOrders.forEach((order) => resolve(order.column, 'model'));
  }

  protected override rowCap(): number | null {
    return this.partitionColumn === null ? this.groupLimitCount : null;
  }

  /** Makes `groupLimit` apply per value of `column` (the relation's foreign key), for a preload. */
  partitionBy(column: string): this {
    this.partitionColumn = column;
    return this;
  }

  protected override ordered<T>(table: Table, rows: T[], valuesOf: (row: T) => Row): T[] {
    if (this.partitionColumn === null) {
      // One parent's query keeps the rows its preload would, which offset and limit then page through;
      // without groupLimit, groupOrderBy is a plain order.
      if (this.groupLimitCount === null) return super.ordered(table, rows, valuesOf, this.orders.concat(this.groupOrders));
      const kept = this.sortedBy(table, rows, valuesOf, groupOrder(this.groupOrders, this.model)).slice(0, this.groupLimitCount);
      return super.ordered(table, kept, valuesOf);
    }
    if (this.groupLimitCount === null) {
      // Without groupLimit the group order decides nothing, but a column the sheet lacks is still an error.
      const resolve = this.resolveColumn(table);
      this.groupOrders.forEach((order) => resolve(order.column, 'model'));
      return super.ordered(table, rows, valuesOf);
    }
    const orders = groupOrder(this.groupOrders, this.model);
    const sorted = this.sortedBy(table, rows, valuesOf, orders);
    const parentKey = this.resolveColumn(table)(this.partitionColumn, 'model');
    const limit = this.groupLimitCount;
    const taken = new Map<Key, number>();
    const kept = sorted.filter((row) => {
      const key = normalizeKey(parentKey(valuesOf(row)));
      const count = taken.get(key) || 0;
      if (count >= limit) return false;
      taken.set(key, count + 1);
      return true;
    });
    // In orderBy's order when there is one, else in the group order.
    return super.ordered(table, kept, valuesOf);
  }
}
