/** Turning sheet rows into model instances. */
import type { Row, RowEntry, Table } from '../storage/Table';
import { CellValue, cloneValue } from '../support/values';
import { anyCollides, assignRow, copyRow } from './attributes';
import { constructForRow } from './defaults';
import { holdRead, PivotSpec, ReadBatch, stateOf } from './state';
import { ColumnNotFoundError } from '../errors';
import { fieldsOf } from '../relations/registry';
import { attributeFields } from './fields';
import { modelName } from './meta';

/** Builds the persisted models of one read: one model class, one sheet. */
export class Hydrator<M extends object> {
  private readonly batch: ReadBatch;
  /** Whether every column can be a plain property (none collides with the model's API). */
  private readonly plain: boolean;

  constructor(
    private readonly model: new (...args: any[]) => M,
    table: Table,
    pivotSpec: PivotSpec | null = null,
  ) {
    assertDeclaredColumns(model, table);
    this.batch = new ReadBatch(table.header.names, pivotSpec);
    this.plain = !anyCollides(model.prototype, this.batch.columns);
  }

  /** A model of a row entry (with the pivot row that reached it, for a many-to-many relation). */
  entry(entry: RowEntry, pivotRow: Row | null = null): M {
    // A row as read is never changed in place (changes copy it first), so models may share it.
    const model = this.row(entry.values, entry.values === entry.original, pivotRow);
    // A row a transaction has yet to write: if its insert is rolled back, the model has no row
    // (saving it must insert, never update a row that now holds its key).
    if (entry.rowNumber === null) (entry.onWithdraw || (entry.onWithdraw = [])).push(() => (stateOf(model).persisted = false));
    return model;
  }

  /** A model of row values; `asRead` says the array is never changed in place. */
  row(values: Row, asRead: boolean, pivotRow: Row | null = null): M {
    const instance = constructForRow(this.model);
    const columns = this.batch.columns;
    const original = asRead && values.length === columns.length ? (values as CellValue[]) : copyRow(values, columns.length);
    if (this.plain && holdRead(instance, this.batch, original, pivotRow)) {
      // Dates are the one mutable cell value: the model gets its own, so changing one in place
      // shows as dirty and never reaches the row.
      const target = instance as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) {
        const value = original[i];
        target[columns[i]] = value !== null && typeof value === 'object' ? cloneValue(value) : value;
      }
      return instance;
    }
    assignRow(instance, columns, original, true);
    const state = stateOf(instance);
    state.persisted = true;
    state.pivotRow = pivotRow;
    state.pivotSpec = this.batch.pivotSpec;
    return instance;
  }
}

/** Builds a persisted model instance from row values (copied: the row may change later). */
export function hydrateValues<M extends object>(model: new (...args: any[]) => M, table: Table, values: readonly CellValue[]): M {
  assertDeclaredColumns(model, table);
  const instance = constructForRow(model);
  assignRow(instance, table.header.names, values);
  stateOf(instance).persisted = true;
  return instance;
}

const checkedHeaders = new WeakMap<readonly string[], Set<object>>();

/** Every attribute `fields()` declares needs a column: reading without one would drop it silently. */
export function assertDeclaredColumns(model: object, table: Table): void {
  const names = table.header.names;
  let checked = checkedHeaders.get(names);
  if (!checked) checkedHeaders.set(names, (checked = new Set()));
  if (checked.has(model)) return;
  for (const [name] of attributeFields(fieldsOf(model as Parameters<typeof fieldsOf>[0]))) {
    if (!table.header.has(name)) throw declaredColumnMissing(model, table, name);
  }
  checked.add(model);
}

/** The error for an attribute `fields()` declares that the sheet has no column for. */
export function declaredColumnMissing(model: object, table: Table, name: string): ColumnNotFoundError {
  const owner = modelName(model as Parameters<typeof modelName>[0]);
  return new ColumnNotFoundError(
    `${owner}.fields() declares "${name}", but ${table.opened.describe()} has no column "${name}" (columns: ${table.header.list()}); add it to row 1 (SheetORM.ensureSchema does) or remove it from fields().`,
  );
}
