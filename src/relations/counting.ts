/** Counting related rows per parent key, for `withCount`, `has` and `whereHas`. */
import { tableRef, ModelSettings } from '../model/meta';
import { Row, Table } from '../storage/Table';
import { readTable } from '../storage/UnitOfWork';
import { normalizeKey, Key } from '../support/values';

/** A query of a related model that can select its rows from a table. */
interface SelectingQuery {
  model: ModelSettings;
  matchingValues(table: Table): Row[];
  assertOrderColumns(table: Table): void;
}

/** Counts the query's rows by the normalised value of `column` (`owner` names who asks, in errors). */
export function countsByKey(query: SelectingQuery, column: string, owner: string): Map<Key, number> {
  const table = readTable(tableRef(query.model));
  const index = table.column(column, owner);
  query.assertOrderColumns(table);
  const counts = new Map<Key, number>();
  const rows = query.matchingValues(table);
  for (let i = 0; i < rows.length; i++) {
    const key = normalizeKey(rows[i][index]);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return counts;
}
