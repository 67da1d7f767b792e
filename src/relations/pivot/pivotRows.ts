/** Building the pivot rows a many-to-many client writes, and reporting the ids it touched. */
import type { ModelClass } from '../../model/Model';
import { forEachDefault } from '../../model/defaults';
import { notNullableNames } from '../../model/fields';
import { assertDeclaredColumns } from '../../model/hydrate';
import { modelName } from '../../model/meta';
import { fieldsOf } from '../registry';
import { ValidationError } from '../../errors';
import type { RowEntry, Table } from '../../storage/Table';
import { describeValue, isPlainNumberText, Key } from '../../support/values';
import type { Row } from '../../storage/RowEntry';

/** Related ids, each once (a pivot sheet may hold a pair twice). */
export class IdList {
  readonly ids: unknown[] = [];
  readonly keys = new Set<Key>();

  add(key: Key, id: unknown): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.ids.push(id);
  }
}

/**
 * A pivot model's `fields()` hold for the rows its relation writes, as for its own create(): every
 * declared attribute has a column, and defaults fill the columns the row leaves out.
 */
export function fillPivotDefaults(pivotModel: ModelClass<any>, pivot: Table, record: Record<string, unknown>): void {
  assertDeclaredColumns(pivotModel, pivot);
  forEachDefault(pivotModel, (name, value) => {
    if (record[name] === undefined) record[name] = value;
  });
}

/**
 * A pivot model's `notNullable()` attributes hold a value in a row written through its relation:
 * all of them in a new row (`inserting`), the ones given in a change.
 */
export function assertPivotFilled(pivotModel: ModelClass<any>, record: Record<string, unknown>, label: string, method: string, inserting: boolean): void {
  for (const name of notNullableNames(fieldsOf(pivotModel))) {
    if (!inserting && !(name in record)) continue;
    const value = record[name];
    if (value !== null && value !== undefined && value !== '') continue;
    throw new ValidationError(
      `${label}.${method}: ${modelName(pivotModel)}.${name} is declared notNullable() in fields(), and the pivot row would hold ${describeValue(value === undefined ? null : value)}; give it in the pivot attributes (for attach and sync: { [id]: { ${name}: ... } }) or a default in fields(). Nothing was written.`,
    );
  }
}

/**
 * A key is stored the way its column mostly holds keys, so lookups in the sheet (MATCH, VLOOKUP)
 * keep working: an id given as text ('3', from a form) becomes a number in a column of numbers, and
 * a number becomes text in a column of text keys. One odd cell does not decide for the column.
 */
export function likeColumn(pivot: Table, column: number, id: unknown): unknown {
  const text = pivot.holdsText(column);
  if (typeof id === 'string' && !text && isPlainNumberText(id)) return Number(id);
  if (typeof id === 'number' && text) return String(id);
  return id;
}

/**
 * Pivot rows written through a relation must meet its onQuery: a new row outside it is not this
 * relation's, so the relation would never list it and each sync or toggle would add it again; a
 * changed row outside it would drop out of the relation unseen.
 */
export function assertInScope(
  query: { acceptsPivotRows(rows: readonly Row[]): boolean[] },
  rows: readonly RowEntry[],
  pivot: Table,
  label: string,
  method: string,
  changed = false,
): void {
  if (!rows.length) return;
  const accepted = query.acceptsPivotRows(rows.map((entry) => entry.values));
  const outside = rows.findIndex((_, i) => !accepted[i]);
  if (outside < 0) return;
  const pair = pivot.header.names.map((name, i) => `${name} ${describeValue(rows[outside].values[i])}`).join(', ');
  const consequence = changed ? `${label} would no longer list it` : `${label} would not list it and every ${method} would add it again`;
  throw new ValidationError(
    `${label}.${method}(): the ${changed ? 'changed' : 'new'} pivot row (${pair}) would fall outside the relation's onQuery, so ${consequence}. ` +
      'Give pivot values that meet the onQuery, or write through a relation without it. Nothing was written.',
  );
}
