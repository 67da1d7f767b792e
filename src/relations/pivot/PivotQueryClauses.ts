import type { ValueList } from '../../collection/Collection';
/** Lucid's pivot clauses for many-to-many queries: the where-family, applied to pivot columns. */
import type { Model } from '../../model/Model';
import { QueryBuilder } from '../../query/QueryBuilder';
import type { WhereArgs } from '../../query/ConditionBuilder';
import { ValidationError } from '../../errors';
import { describeValue } from '../../support/values';

/** `wherePivot`, `orWherePivot`, `whereInPivot`, `whereNullPivot`, … and `pivotColumns`. */
export abstract class PivotQueryClauses<R extends Model> extends QueryBuilder<R> {
  /** Pivot columns selected into `pivot` and `$extras.pivot_<column>`. */
  selectedPivotColumns: string[] = [];

  /** Adds pivot columns to each result's `pivot` and `$extras`. */
  pivotColumns(columns: string[] | string): this {
    const list = typeof columns === 'string' ? [columns] : columns;
    // Array.from: a hole is an item too (some() would skip it).
    if (!Array.isArray(list) || Array.from(list).some((column) => typeof column !== 'string' || !column.trim())) {
      throw new ValidationError(`${this.owner}.pivotColumns(): expected a list of pivot column names, such as ['role'], got ${describeValue(columns)}.`);
    }
    for (const column of list) if (this.selectedPivotColumns.indexOf(column) < 0) this.selectedPivotColumns.push(column);
    return this;
  }

  /** `where` on a pivot column. */
  wherePivot(...args: WhereArgs<this>): this {
    return this.addWhere('and', false, args, 'wherePivot', 'pivot');
  }
  /** Alias of `wherePivot`. */
  andWherePivot(...args: WhereArgs<this>): this {
    return this.addWhere('and', false, args, 'andWherePivot', 'pivot');
  }
  /** OR-ed `wherePivot`. */
  orWherePivot(...args: WhereArgs<this>): this {
    return this.addWhere('or', false, args, 'orWherePivot', 'pivot');
  }
  /** Negated `wherePivot`. */
  whereNotPivot(...args: WhereArgs<this>): this {
    return this.addWhere('and', true, args, 'whereNotPivot', 'pivot');
  }
  /** Alias of `whereNotPivot`. */
  andWhereNotPivot(...args: WhereArgs<this>): this {
    return this.addWhere('and', true, args, 'andWhereNotPivot', 'pivot');
  }
  /** OR-ed `whereNotPivot`. */
  orWhereNotPivot(...args: WhereArgs<this>): this {
    return this.addWhere('or', true, args, 'orWhereNotPivot', 'pivot');
  }
  /** `whereIn` on a pivot column. */
  whereInPivot(column: string, values: ValueList): this {
    return this.addIn('and', false, column, values, 'whereInPivot', 'pivot');
  }
  /** Alias of `whereInPivot`. */
  andWhereInPivot(column: string, values: ValueList): this {
    return this.addIn('and', false, column, values, 'andWhereInPivot', 'pivot');
  }
  /** OR-ed `whereInPivot`. */
  orWhereInPivot(column: string, values: ValueList): this {
    return this.addIn('or', false, column, values, 'orWhereInPivot', 'pivot');
  }
  /** `whereNotIn` on a pivot column. */
  whereNotInPivot(column: string, values: ValueList): this {
    return this.addIn('and', true, column, values, 'whereNotInPivot', 'pivot');
  }
  /** Alias of `whereNotInPivot`. */
  andWhereNotInPivot(column: string, values: ValueList): this {
    return this.addIn('and', true, column, values, 'andWhereNotInPivot', 'pivot');
  }
  /** OR-ed `whereNotInPivot`. */
  orWhereNotInPivot(column: string, values: ValueList): this {
    return this.addIn('or', true, column, values, 'orWhereNotInPivot', 'pivot');
  }
  /** Pivot cell is empty. */
  whereNullPivot(column: string): this {
    return this.addNull('and', false, column, 'whereNullPivot', 'pivot');
  }
  /** Alias of `whereNullPivot`. */
  andWhereNullPivot(column: string): this {
    return this.addNull('and', false, column, 'andWhereNullPivot', 'pivot');
  }
  /** OR-ed `whereNullPivot`. */
  orWhereNullPivot(column: string): this {
    return this.addNull('or', false, column, 'orWhereNullPivot', 'pivot');
  }
  /** Pivot cell is not empty. */
  whereNotNullPivot(column: string): this {
    return this.addNull('and', true, column, 'whereNotNullPivot', 'pivot');
  }
  /** Alias of `whereNotNullPivot`. */
  andWhereNotNullPivot(column: string): this {
    return this.addNull('and', true, column, 'andWhereNotNullPivot', 'pivot');
  }
  /** OR-ed `whereNotNullPivot`. */
  orWhereNotNullPivot(column: string): this {
    return this.addNull('or', true, column, 'orWhereNotNullPivot', 'pivot');
  }
}
