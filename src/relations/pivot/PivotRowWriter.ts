/**
 * The pivot rows of one parent, as its many-to-many client writes them: found (scoped by the
 * relation's onQuery), appended with their keys filled, and changed cell by cell. Inside a relation
 * with an onQuery, every row added or changed is checked to stay in its scope before the write ends.
 */
import { ValidationError } from '../../errors';
import type { Model } from '../../model/Model';
import { assertKeyMaker, tableRef, usesUuid } from '../../model/meta';
import { readAttribute } from '../../model/attributes';
import { RowEntry, Table } from '../../storage/Table';
import { runWrite, UnitOfWork } from '../../storage/UnitOfWork';
import { newUuid } from '../../storage/service';
import { describeValue, isBlankKey, normalizeKey, sameAsOwnText, sameValue } from '../../support/values';
import type { ManyToMany } from '../ManyToMany';
import { assertParentNotDeleted, blankParentKey, requireRelated, saveParentFirst } from '../clients/support';
import type { ManyToManyQueryBuilder } from './ManyToManyQueryBuilder';
import { assertInScope, assertPivotFilled, fillPivotDefaults, likeColumn } from './pivotRows';
import type { CurrentPivotRow, PivotRecord } from './syncPlan';

/** Reads and writes one parent's pivot rows for its ManyToManyClient. */
export class PivotRowWriter<P extends Model, R extends Model> {
  /** Pivot rows this write adds and changes, checked against the onQuery (only when there is one). */
  private written: { inserted: RowEntry[]; updated: RowEntry[] } | null = null;

  constructor(
    private readonly relation: ManyToMany<P, R>,
    private readonly parent: P,
  ) {}

  /** A query of this parent's related models. */
  query(): ManyToManyQueryBuilder<R> {
    return this.relation.newQuery([this.parentKey()], false);
  }

  /**
   * Runs fn in one unit of work; `relatedFirst` opens the related sheet first, so its rows are written
   * first. `saveParent` first saves a new or changed parent (Lucid's create and save do), so it has its key.
   */
  write<T>(method: string, fn: (pivot: Table, unit: UnitOfWork) => T, relatedFirst = false, saveParent = false): T {
    // A parent with a row is checked before the lock is taken; a new one once it is saved.
    if (!saveParent || this.parent.$isPersisted) this.parentKey();
    return runWrite(`${this.relation.label()}.${method}`, (unit) => {
      if (saveParent) {
        saveParentFirst(this.parent);
        this.parentKey();
      }
      // A failure between the two writes then leaves a related row without links, never links to no row.
      // By key only without onQuery: its conditions select pivot rows by the related rows' values.
      if (relatedFirst) unit.table(tableRef(this.relation.relatedModel()), !this.relation.onQuery);
      const pivot = unit.table(this.relation.pivotRef());
      if (!this.relation.onQuery) return fn(pivot, unit);
      const written = { inserted: [] as RowEntry[], updated: [] as RowEntry[] };
      this.written = written;
      try {
        const result = fn(pivot, unit);
        const query = this.query();
        assertInScope(query, written.inserted, pivot, this.relation.label(), method);
        assertInScope(query, written.updated, pivot, this.relation.label(), method, true);
        return result;
      } finally {
        this.written = null;
      }
    });
  }

  /** The parent's key, checked: a blank one pairs with nothing. */
  parentKey(): unknown {
    this.relation.assertParentColumn([this.parent], this.relation.localKey);
    const key = readAttribute(this.parent, this.relation.localKey);
    if (isBlankKey(key)) {
      throw blankParentKey(this.parent, this.relation.localKey, this.relation.label());
    }
    return key;
  }

  /** A pivot column's position, or ColumnNotFoundError naming the relation. */
  column(pivot: Table, name: string): number {
    return pivot.column(name, this.relation.label());
  }

  /**
   * This parent's pivot rows with the related key they hold and all their columns. An onQuery
   * constraint (`wherePivot('role', 'lead')`) scopes them: rows outside it are not this relation's.
   */
  current(pivot: Table): Array<CurrentPivotRow<RowEntry>> {
    const fk = this.column(pivot, this.relation.pivotForeignKey);
    const rfk = this.column(pivot, this.relation.pivotRelatedForeignKey);
    const parent = normalizeKey(this.parentKey());
    const names = pivot.header.names;
    // Grouped once per table: a transaction that syncs parent after parent reads no pivot row twice.
    let rows = (pivot.groupedBy(fk).get(parent) || []).slice();
    if (this.relation.onQuery) {
      const accepted = this.query().acceptsPivotRows(rows.map((entry) => entry.values));
      rows = rows.filter((_, i) => accepted[i]);
    }
    return rows.map((entry) => {
      const attributes: Record<string, unknown> = {};
      names.forEach((name, i) => (attributes[name] = entry.values[i]));
      return { key: normalizeKey(entry.values[rfk]), row: entry, attributes };
    });
  }

  /**
   * Appends a pivot row. A key a model gives (the parent's, a related model's) is written as the
   * model holds it, so it stays the type of the sheet the model came from; a bare id is stored the
   * way the pivot column holds its keys.
   */
  insert(pivot: Table, { id, attributes, model }: PivotRecord, method: string): RowEntry {
    // A row pointing at a deleted parent or related model points at nothing (detach stays allowed).
    assertParentNotDeleted(this.parent, this.relation.label(), method);
    if (model) requireRelated(model, this.relation.relatedModel(), this.relation.label(), method);
    const { pivotForeignKey, pivotRelatedForeignKey } = this.relation;
    const rfk = this.column(pivot, pivotRelatedForeignKey);
    const record: Record<string, unknown> = { ...attributes };
    record[pivotForeignKey] = this.parentKey();
    record[pivotRelatedForeignKey] = model ? id : likeColumn(pivot, rfk, id);
    this.refuseOtherKeys(attributes, record, method);
    const { pivotModel } = this.relation;
    if (pivotModel) fillPivotDefaults(pivotModel, pivot, record);
    const own = this.fillPivotKey(pivot, record);
    if (pivotModel) assertPivotFilled(pivotModel, record, this.relation.label(), method, true);
    // A pivot model's key is unique, as its create() checks, and so is the id column a plain pivot
    // sheet's rows are numbered in; a plain pivot sheet may repeat a pair.
    const keys = pivotModel ? this.relation.pivotRef().keyColumns : own ? [own] : [];
    const unique = keys.every((name) => pivot.header.has(name)) ? keys.map((name) => this.column(pivot, name)) : [];
    const entry = pivot.insert(record, this.relation.label(), unique);
    if (this.written) this.written.inserted.push(entry);
    return entry;
  }

  /** Pivot attributes naming other keys than the row links would be overridden unnoticed (Lucid drops them silently). */
  private refuseOtherKeys(attributes: Record<string, unknown>, record: Record<string, unknown>, method: string): void {
    for (const name of [this.relation.pivotForeignKey, this.relation.pivotRelatedForeignKey]) {
      const given = attributes[name];
      if (given === undefined || normalizeKey(given) === normalizeKey(record[name])) continue;
      throw new ValidationError(
        `${this.relation.label()}.${method}(): the pivot attributes give ${name} = ${describeValue(given)}, but the row links ${name} = ${describeValue(record[name])}; the relation sets its keys, so leave "${name}" out of the pivot attributes. Nothing was written.`,
      );
    }
  }

  /**
   * A pivot row with its own single key column (say `id`) gets a new key there, as its model's
   * create would. Returns that column's name, or null when the pivot sheet has none.
   */
  private fillPivotKey(pivot: Table, record: Record<string, unknown>): string | null {
    const { pivotModel } = this.relation;
    const own = this.ownKeyColumn(pivot);
    if (!own || !isBlankKey(record[own])) return own;
    const column = pivot.column(own);
    if (pivotModel) assertKeyMaker(pivotModel);
    if (pivotModel && usesUuid(pivotModel)) record[own] = newUuid();
    else record[own] = pivot.keysAreText(column) ? String(pivot.nextKey(column)) : pivot.nextKey(column);
    return own;
  }

  /** The pivot sheet's own single key column (say `id`, not one of the two foreign keys), or null. */
  private ownKeyColumn(pivot: Table): string | null {
    const keys = this.relation.pivotRef().keyColumns;
    const own = keys.length === 1 ? keys[0] : pivot.header.has('id') && !this.relation.pivotModel ? 'id' : null;
    if (!own || own === this.relation.pivotForeignKey || own === this.relation.pivotRelatedForeignKey || !pivot.header.has(own)) return null;
    return own;
  }

  /** Sets the attributes that differ from the row (unchanged cells are never rewritten); returns whether any did. */
  setAttributes(pivot: Table, row: RowEntry, attributes: Record<string, unknown>, method: string): boolean {
    let changed = false;
    const own = this.ownKeyColumn(pivot);
    const { pivotForeignKey, pivotRelatedForeignKey, pivotModel } = this.relation;
    // Keys that pair or number pivot rows: changing one could repeat a key or move the row to another pair.
    const keys = [pivotForeignKey, pivotRelatedForeignKey].concat(own ? [own] : [], pivotModel ? this.relation.pivotRef().keyColumns : []);
    if (pivotModel) assertPivotFilled(pivotModel, attributes, this.relation.label(), method, false);
    for (const name of Object.keys(attributes)) {
      const column = this.column(pivot, name);
      if (attributes[name] === undefined || sameValue(row.values[column], attributes[name]) || sameAsOwnText(attributes[name], row.values[column])) continue;
      if (keys.indexOf(name) >= 0) {
        // The same key in another type ('1' for 1) is the same key: left as the sheet holds it.
        if (normalizeKey(row.values[column]) === normalizeKey(attributes[name])) continue;
        throw new ValidationError(
          `${this.relation.label()}: a pivot row's key "${name}" is not changed through sync or updateExistingPivot (it could repeat another row's key or pair the row with another model); detach the id and attach the new one instead. Nothing was written.`,
        );
      }
      pivot.set(row, column, attributes[name], this.relation.label());
      changed = true;
    }
    if (changed && this.written) this.written.updated.push(row);
    return changed;
  }
}
