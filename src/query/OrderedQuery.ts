/** Order and paging of a query: orderBy, limit, offset, forPage, and applying them to rows. */
import { compareForOrder } from '../collection/compare';
import { ValidationError } from '../errors';
import type { Model } from '../model/Model';
import type { Row, Table } from '../storage/Table';
import { CellValue, describeValue, digitsAsNumber, isPlainObject } from '../support/values';
import { checkColumn, Source } from './conditions';
import { EagerQuery } from './EagerQuery';

/** Sort direction (either case). */
export type Direction = 'asc' | 'desc' | 'ASC' | 'DESC';

/** Where empty cells sort (knex's `nulls`); last by default, in both directions. */
export type Nulls = 'first' | 'last';

/** One orderBy: a column, its direction, and whether empty cells come first. */
export interface SortOrder {
  column: string;
  direction: 'asc' | 'desc';
  nullsFirst?: boolean;
}

/** The order and paging clauses of a model query. */
export abstract class OrderedQuery<M extends Model> extends EagerQuery<M> {
  protected orders: SortOrder[] = [];
  protected limitCount: number | null = null;
  protected offsetCount = 0;

  /** Sorts by a column (stable; empty cells last in both directions, as Sheets sorts). Call again for further keys. */
  orderBy(column: string | Array<string | { column: string; order?: Direction; nulls?: Nulls }>, direction: Direction = 'asc', nulls?: Nulls): this {
    if (Array.isArray(column)) {
      column.forEach((item) => {
        if (typeof item === 'string') this.orderBy(item, direction, nulls);
        else if (isPlainObject(item)) this.orderBy(item.column, item.order || 'asc', item.nulls);
        else throw new ValidationError(`${this.owner}.orderBy([...]): each item is a column or { column, order?, nulls? }, got ${describeValue(item)}.`);
      });
      return this;
    }
    checkColumn(column, this.owner, 'orderBy');
    const dir = typeof direction === 'string' ? (direction.toLowerCase() as 'asc' | 'desc') : direction;
    if (dir !== 'asc' && dir !== 'desc') {
      throw new ValidationError(`${this.owner}.orderBy('${column}', ${describeValue(direction)}): the direction must be 'asc' or 'desc'.`);
    }
    if (nulls !== undefined && nulls !== 'first' && nulls !== 'last') {
      throw new ValidationError(`${this.owner}.orderBy('${column}', '${dir}', ${describeValue(nulls)}): empty cells go 'first' or 'last' (the default).`);
    }
    this.orders.push({ column, direction: dir, nullsFirst: nulls === 'first' });
    return this;
  }

  /** `orderBy(column, 'desc')` (Eloquent's orderByDesc). */
  orderByDesc(column: string): this {
    return this.orderBy(column, 'desc');
  }

  /** Newest first: `orderBy(column, 'desc')`, by `created_at` unless told (Eloquent's latest). */
  latest(column = 'created_at'): this {
    return this.orderBy(column, 'desc');
  }

  /** Oldest first: `orderBy(column, 'asc')`, by `created_at` unless told (Eloquent's oldest). */
  oldest(column = 'created_at'): this {
    return this.orderBy(column, 'asc');
  }

  /** Keeps at most `count` rows (a whole number, or its digits as text: a doGet's `e.parameter`). */
  limit(count: number | string): this {
    this.limitCount = this.checkCount(count, 'limit');
    return this;
  }

  /** Skips the first `count` rows. */
  offset(count: number | string): this {
    this.offsetCount = this.checkCount(count, 'offset');
    return this;
  }

  /** `limit(count)` (Eloquent's take). */
  take(count: number | string): this {
    this.limitCount = this.checkCount(count, 'take');
    return this;
  }

  /** `offset(count)` (Eloquent's skip). */
  skip(count: number | string): this {
    this.offsetCount = this.checkCount(count, 'skip');
    return this;
  }

  /** Page `page` (1-based; 0 reads as 1, as Eloquent's) of `perPage` rows. */
  forPage(page: number | string, perPage: number | string = 20): this {
    const p = this.checkCount(page, 'forPage', 'page');
    const size = this.checkCount(perPage, 'forPage', 'perPage');
    // Page 1 (or 0) starts at row 0 whatever the size (0 × Infinity would be NaN).
    return this.offset(p <= 1 ? 0 : (p - 1) * size).limit(size);
  }

  /** How a column name is read from a row of this query's table. */
  protected abstract resolveColumn(table: Table): (column: string, source: Source, owner?: string) => (values: Row) => CellValue;

  /** Rows sorted by orderBy, then cut by offset and limit (`limit` overrides limit()). */
  protected ordered<T>(table: Table, rows: T[], valuesOf: (row: T) => Row, orders = this.orders, limit = this.limitCount): T[] {
    if (orders.length) rows = this.sortedBy(table, rows, valuesOf, orders);
    const end = limit === null ? undefined : this.offsetCount + limit;
    return this.offsetCount || end !== undefined ? rows.slice(this.offsetCount, end) : rows;
  }

  /** A sorted copy of the rows. */
  protected sortedBy<T>(table: Table, rows: T[], valuesOf: (row: T) => Row, orders: readonly SortOrder[]): T[] {
    const resolve = this.resolveColumn(table);
    const keys = orders.map((order) => ({ read: resolve(order.column, 'model'), sign: order.direction === 'desc' ? -1 : 1, nullsFirst: order.nullsFirst === true }));
    return rows.slice().sort((a, b) => {
      for (const key of keys) {
        const order = compareForOrder(key.read(valuesOf(a)), key.read(valuesOf(b)), key.sign, key.nullsFirst);
        if (order !== 0) return order;
      }
      return 0;
    });
  }

  /** A whole number ≥ `least`; `argument` names which one when the method takes two. */
  protected checkCount(given: unknown, method: string, argument?: string, least = 0): number {
    const value = digitsAsNumber(given);
    if (typeof value !== 'number' || !(value >= least) || Math.floor(value) !== value) {
      if (argument) throw new ValidationError(`${this.owner}.${method}(): ${argument} must be a whole number ≥ ${least}, not ${describeValue(given)}.`);
      throw new ValidationError(`${this.owner}.${method}(${describeValue(given)}): expected a whole number ≥ ${least}.`);
    }
    return value;
  }
}
