/**
 * The query of a hasMany relation: a model query plus Lucid's `groupLimit(n)` / `groupOrderBy(col,
 * dir)`. In a preload they keep at most n related rows per parent (highest keys first unless
 * ordered); on one parent's query they are a plain limit and order.
 */
import { compareValues } from '../collection/compare';
import { ValidationError } from '../errors';
import type { Model, ModelClass } from '../model/Model';
import { primaryKeys } from '../model/meta';
import { Direction, QueryBuilder } from '../query/QueryBuilder';
import type { Row, Table } from '../storage/Table';
import { Key, normalizeKey } from '../support/values';

export class HasManyQueryBuilder<R extends Model> extends QueryBuilder<R> {
  private groupLimitCount: number | null = null;
  private readonly groupOrders: Array<{ column: string; direction: Direction }> = [];
  /** The related column holding the parent key, when this query loads the relation for parents. */
  private partitionColumn: string | null = null;

  constructor(model: ModelClass<R>) {
    super(model);
  }

  /** Keeps at most `count` related rows per parent. */
  groupLimit(count: number): this {
    if (typeof count !== 'number' || !(count >= 0) || Math.floor(count) !== count) {
      throw new ValidationError(`${this.owner}.groupLimit(${String(count)}): expected a whole number ≥ 0.`);
    }
    this.groupLimitCount = count;
    return this;
  }

  /** Orders each parent's rows before `groupLimit` keeps the first ones. */
  groupOrderBy(column: string, direction: Direction = 'asc'): this {
    const dir = String(direction).toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw new ValidationError(`${this.owner}.groupOrderBy(): the direction must be 'asc' or 'desc'.`);
    this.groupOrders.push({ column, direction: dir });
    return this;
  }

  /** Makes `groupLimit` apply per value of `column` (the relation's foreign key), for a preload. */
  partitionBy(column: string): this {
    this.partitionColumn = column;
    return this;
  }

  protected override ordered<T>(table: Table, rows: T[], valuesOf: (row: T) => Row): T[] {
    if (this.groupLimitCount === null) return super.ordered(table, rows, valuesOf);
    const byKey = this.partitionColumn ? primaryKeys(this.model).map((column) => ({ column, direction: 'desc' as Direction })) : [];
    const orders = this.groupOrders.length ? this.groupOrders : byKey;
    const resolve = this.resolveColumn(table);
    const keys = orders.map((order) => ({ read: resolve(order.column, 'model'), sign: order.direction === 'desc' ? -1 : 1 }));
    const sorted = keys.length ? sortRows(rows, valuesOf, keys) : rows;
    const limit = this.groupLimitCount;
    let kept: T[];
    if (this.partitionColumn === null) kept = sorted.slice(0, limit);
    else {
      const parentKey = resolve(this.partitionColumn, 'model');
      const taken = new Map<Key, number>();
      kept = sorted.filter((row) => {
        const key = normalizeKey(parentKey(valuesOf(row)));
        const count = taken.get(key) || 0;
        if (count >= limit) return false;
        taken.set(key, count + 1);
        return true;
      });
    }
    return super.ordered(table, kept, valuesOf);
  }
}

function sortRows<T>(rows: T[], valuesOf: (row: T) => Row, keys: Array<{ read: (values: Row) => unknown; sign: number }>): T[] {
  return rows.slice().sort((a, b) => {
    for (const key of keys) {
      const order = compareValues(key.read(valuesOf(a)), key.read(valuesOf(b)));
      if (order !== 0) return order * key.sign;
    }
    return 0;
  });
}
