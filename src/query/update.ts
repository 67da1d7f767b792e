/** Query `update()`: setting attributes on rows, writing only the cells whose value changes. */
import { assertKeyUpdate } from '../model/keyChange';
import type { ModelSettings } from '../model/meta';
import type { RowEntry, Table } from '../storage/Table';
import { sameAsOwnText, sameValue } from '../support/values';

/**
 * Sets `attributes` on the rows `entries()` gives, once every column is known to exist; a cell that
 * already holds its value (or its number or Date as text, as a form posts it) is left alone, so a
 * formula showing it stays a formula. Returns the number of rows.
 */
export function setAttributes(model: ModelSettings, table: Table, attributes: Record<string, unknown>, entries: () => RowEntry[], owner: string, unqualify: (name: string) => string): number {
  const names = Object.keys(attributes).filter((name) => attributes[name] !== undefined);
  const columns = names.map((name) => table.column(unqualify(name), owner));
  const rows = entries();
  const values = names.map((name) => attributes[name]);
  // Checked up front, so a bad value is refused even when no row would change.
  const cells = values.map((value, i) => table.cell(value, owner, table.header.names[columns[i]]));
  assertKeyUpdate(model, table, columns, rows, values, owner);
  for (const entry of rows) {
    columns.forEach((column, i) => {
      if (!sameValue(entry.values[column], cells[i]) && !sameAsOwnText(values[i], entry.values[column])) table.set(entry, column, values[i], owner);
    });
  }
  return rows.length;
}
