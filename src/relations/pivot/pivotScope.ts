/** Deciding a many-to-many scope made of pivot clauses alone (`wherePivot('role', 'lead')`) from pivot rows. */
import { compile, Condition } from '../../query/conditions';
import type { Row, Table } from '../../storage/Table';
import type { ZoneSource } from '../../collection/compare';

/** Whether every condition is a pivot clause naming a pivot column (bare, or qualified with the pivot sheet). */
export function onPivotOnly(conditions: readonly Condition[], pivotTable: string): boolean {
  return conditions.every((condition) => {
    if (condition.kind === 'group') return onPivotOnly(condition.conditions, pivotTable);
    if (condition.kind === 'deferred' || condition.source !== 'pivot') return false;
    const dot = condition.column.lastIndexOf('.');
    return dot < 0 || condition.column.slice(0, dot).toLowerCase() === pivotTable.toLowerCase();
  });
}

/** Which pivot rows meet `conditions` (all pivot clauses: see onPivotOnly), reading the pivot rows only. */
export function pivotRowsAccepted(conditions: readonly Condition[], pivot: Table, pivotTable: string, rows: readonly Row[], owner: string, zone: ZoneSource): boolean[] {
  const test = compile(
    conditions,
    (column, _source, who = owner) => {
      const index = pivot.column(pivotColumnName(column, pivot, pivotTable), who);
      return (row: number) => rows[row][index];
    },
    zone,
  );
  return rows.map((_, i) => test(i));
}

/** The pivot column a clause names: `role`, `project_member.role`, or Lucid's alias `pivot_role`. */
function pivotColumnName(column: string, pivot: Table, pivotTable: string): string {
  if (pivot.header.has(column)) return column;
  if (column.startsWith('pivot_') && pivot.header.has(column.slice(6))) return column.slice(6);
  const dot = column.lastIndexOf('.');
  return dot >= 0 && column.slice(0, dot).toLowerCase() === pivotTable.toLowerCase() ? column.slice(dot + 1) : column;
}
