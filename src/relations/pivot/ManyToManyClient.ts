/**
 * Writing a many-to-many relation for one parent (Lucid's query client plus Eloquent's toggle and
 * updateExistingPivot). Every method runs in one unit of work: the pivot sheet is read once under
 * the lock, the change is computed in memory, and written as one append, changed-cell blocks and
 * bottom-up deletion runs. Rows of other parents and unchanged rows are never touched.
 */
import type { List } from '../../collection/Collection';
import { ValidationError } from '../../errors';
import type { Model, ModelAttributes } from '../../model/Model';
import { assertKeyMaker, modelName, tableRef, usesUuid } from '../../model/meta';
import { readAttribute } from '../../model/attributes';
import { saveInWrite } from '../../model/persistence';
import { checkAttributeList, checkAttributeObjects } from '../../model/staticArguments';
import { findOrCreate } from '../../model/findOrCreate';
import { RowEntry, Table } from '../../storage/Table';
import { firstMade, runWrite, UnitOfWork } from '../../storage/UnitOfWork';
import { newUuid } from '../../storage/service';
import { describeValue, isBlankKey, isPlainObject, normalizeKey, sameValue, Key } from '../../support/values';
import type { ManyToMany } from '../ManyToMany';
import type { PivotIds, RelatedInput } from '../types';
import { assertParentNotDeleted, blankParentKey, checkPivotAttributes, checkPivotList, requireRelated, saveParentFirst } from '../clients/support';
import { ManyToManyQueryBuilder } from './ManyToManyQueryBuilder';
import { assertInScope, fillPivotDefaults, IdList, likeColumn } from './pivotRows';
import { CurrentPivotRow, diffSync, normalizeRecords, PivotRecord, PivotRecords } from './syncPlan';

/** What `sync` did, as related ids. */
export interface SyncResult {
  attached: unknown[];
  detached: unknown[];
  updated: unknown[];
}

/** The many-to-many client returned by `parent.related(name)`. */
export class ManyToManyClient<out P extends Model, R extends Model> {
  readonly relation: ManyToMany<P, R>;
  readonly parent: P;
  /** Pivot rows this write adds and changes, checked against the onQuery (only when there is one). */
  private written: { inserted: RowEntry[]; updated: RowEntry[] } | null = null;

  constructor(relation: ManyToMany<P, R>, parent: P) {
    this.relation = relation;
    this.parent = parent;
  }

  /** A query of this parent's related models. */
  query(): ManyToManyQueryBuilder<R> {
    return this.relation.newQuery([this.parentKey()], false);
  }

  /**
   * Adds pivot rows: `attach([1, 2])`, `attach({ 1: { role: 'admin' } })`, or Eloquent's
   * `attach([1, 2], { role: 'admin' })` (an id's own attributes win). One append.
   */
  attach(ids: PivotIds<R>, attributes?: Record<string, unknown>): void {
    checkPivotAttributes(this.relation.label(), attributes, 'attach');
    const records = this.records(ids, 'attach', attributes);
    // Nothing to attach takes no lock and reads nothing, as save() without changes.
    if (!records.size) {
      this.parentKey();
      return;
    }
    this.write('attach', (pivot) => records.forEach((record) => this.insertRow(pivot, record, 'attach')));
  }

  /** Removes this parent's pivot rows for `ids` (all of them without an argument). Returns how many rows went (Eloquent). */
  detach(ids?: PivotIds<R>): number {
    return this.write('detach', (pivot) => {
      const only = ids === undefined ? null : this.records(ids, 'detach');
      let removed = 0;
      for (const row of this.currentRows(pivot)) {
        if (only && !only.has(row.key)) continue;
        pivot.remove(row.row);
        removed++;
      }
      return removed;
    });
  }

  /**
   * Makes the pivot rows exactly `ids` (with their attributes); `detach = false` keeps the others.
   * The ids reported are the related keys as the pivot sheet holds them.
   */
  sync(ids: PivotIds<R>, detach = true): SyncResult {
    return this.syncRecords('sync', ids, undefined, detach);
  }

  /** `sync(ids)` with the same pivot attributes for every id (Eloquent's syncWithPivotValues). */
  syncWithPivotValues(ids: PivotIds<R>, attributes: Record<string, unknown>, detach = true): SyncResult {
    if (attributes === undefined || attributes === null) {
      throw new ValidationError(`${this.relation.label()}.syncWithPivotValues(): pass the pivot attributes as the second argument ({ role: 'admin' }).`);
    }
    checkPivotAttributes(this.relation.label(), attributes, 'syncWithPivotValues');
    return this.syncRecords('syncWithPivotValues', ids, attributes, detach);
  }

  /** `sync(ids, false)`. */
  syncWithoutDetaching(ids: PivotIds<R>): SyncResult {
    return this.sync(ids, false);
  }

  private syncRecords(method: string, ids: unknown, attributes: Record<string, unknown> | undefined, detach: boolean): SyncResult {
    // Pivot attributes here would be dropped, and the text 'false' would detach.
    if ((detach !== null && typeof detach === 'object') || typeof detach === 'string') {
      const hint = attributes || typeof detach === 'string' ? '' : '; give pivot attributes as { id: { column: value } } or with syncWithPivotValues(ids, attributes)';
      throw new ValidationError(
        `${this.relation.label()}.${method}(): the last argument says whether to detach the ids not given (true or false), got ${describeValue(detach)}${hint}.`,
      );
    }
    return this.write(method, (pivot) => {
      const records = this.records(ids, method, attributes);
      const diff = diffSync(this.currentRows(pivot), records, detach);
      const rfk = this.column(pivot, this.relation.pivotRelatedForeignKey);
      const result: SyncResult = { attached: [], detached: [], updated: [] };
      const detached = new IdList();
      for (const row of diff.detach) {
        pivot.remove(row);
        detached.add(normalizeKey(row.values[rfk]), row.values[rfk]);
      }
      result.detached = detached.ids;
      // An id the pivot holds twice has both rows updated, and is reported once.
      const updated = new IdList();
      for (const change of diff.update) {
        this.setAttributes(pivot, change.row, change.changes);
        updated.add(normalizeKey(change.row.values[rfk]), change.row.values[rfk]);
      }
      result.updated = updated.ids;
      for (const record of diff.attach) {
        result.attached.push(this.insertRow(pivot, record, method).values[rfk]);
      }
      return result;
    });
  }

  /** Attaches the ids not attached and detaches the ones that are. */
  toggle(ids: PivotIds<R>): { attached: unknown[]; detached: unknown[] } {
    const records = this.records(ids, 'toggle');
    if (!records.size) {
      this.parentKey();
      return { attached: [], detached: [] };
    }
    return this.write('toggle', (pivot) => {
      const rfk = this.column(pivot, this.relation.pivotRelatedForeignKey);
      const result = { attached: [] as unknown[], detached: [] as unknown[] };
      const detached = new IdList();
      for (const row of this.currentRows(pivot)) {
        if (!records.has(row.key)) continue;
        pivot.remove(row.row);
        detached.add(row.key, row.row.values[rfk]);
      }
      result.detached = detached.ids;
      const present = detached.keys;
      records.forEach((record, key) => {
        if (present.has(key)) return;
        result.attached.push(this.insertRow(pivot, record, 'toggle').values[rfk]);
      });
      return result;
    });
  }

  /** Changes pivot attributes of this parent's row(s) for one related id. Returns the rows whose values changed. */
  updateExistingPivot(id: unknown, attributes: Record<string, unknown>): number {
    if (isPlainObject(id)) {
      throw new ValidationError(`${this.relation.label()}.updateExistingPivot(): expected a related id or model (or a list of them), got ${describeValue(id)}.`);
    }
    const keys = this.records(id, 'updateExistingPivot');
    if (!isPlainObject(attributes)) {
      throw new ValidationError(`${this.relation.label()}.updateExistingPivot(): expected an object of pivot columns such as { role: 'lead' }, got ${describeValue(attributes)}.`);
    }
    return this.write('updateExistingPivot', (pivot) => {
      // Every column and value is checked, not only when a row matches: a typo is an error either way.
      Object.keys(attributes).forEach((name) => {
        const column = this.column(pivot, name);
        if (attributes[name] !== undefined) pivot.cell(attributes[name], this.relation.label(), pivot.header.names[column]);
      });
      let changed = 0;
      for (const row of this.currentRows(pivot)) {
        if (keys.has(row.key) && this.setAttributes(pivot, row.row, attributes)) changed++;
      }
      return changed;
    });
  }

  /** Creates a related model and attaches it. */
  create(attributes: ModelAttributes<R> = {} as ModelAttributes<R>, pivotAttributes?: Record<string, unknown>): R {
    checkAttributeList(attributes, this.relation.label(), 'create', this.relation.relatedModel());
    checkPivotAttributes(this.relation.label(), pivotAttributes, 'create');
    assertParentNotDeleted(this.parent, this.relation.label(), 'create');
    return firstMade(() => this.createModels('create', [attributes], [pivotAttributes]));
  }

  /** Creates related models and attaches them (one append per sheet). */
  createMany(list: List<ModelAttributes<R>>, pivotList: Array<Record<string, unknown> | undefined> = []): R[] {
    checkAttributeList(list, this.relation.label(), 'createMany', this.relation.relatedModel());
    checkPivotList(this.relation.label(), pivotList, 'createMany');
    assertParentNotDeleted(this.parent, this.relation.label(), 'createMany');
    return this.createModels('createMany', list, pivotList);
  }

  private createModels(method: string, list: List<Record<string, unknown>>, pivotList: Array<Record<string, unknown> | undefined>): R[] {
    return this.write(method, (pivot) => {
      const related = this.relation.relatedModel();
      const models = related.createMany(list as any) as unknown as R[];
      models.forEach((model, i) => this.insertRow(pivot, { id: this.pairedKey(model, method), attributes: pivotList[i] || {}, model }, method));
      return models;
    }, true, true);
  }

  /**
   * The parent's related model matching `search`; else a row of the related sheet matching it,
   * attached; else a new one made from `search` and `attributes`, created and attached (Eloquent's).
   */
  firstOrCreate(search: ModelAttributes<R>, attributes: ModelAttributes<R> = {} as ModelAttributes<R>, pivotAttributes?: Record<string, unknown>): R {
    return this.findOrCreate('firstOrCreate', search, attributes, pivotAttributes, false);
  }

  /** `firstOrCreate`, then `attributes` set on the model found and saved (Eloquent's updateOrCreate). */
  updateOrCreate(search: ModelAttributes<R>, attributes: ModelAttributes<R>, pivotAttributes?: Record<string, unknown>): R {
    return this.findOrCreate('updateOrCreate', search, attributes, pivotAttributes, true);
  }

  private findOrCreate(method: string, search: ModelAttributes<R>, attributes: ModelAttributes<R>, pivotAttributes: Record<string, unknown> | undefined, update: boolean): R {
    const owner = this.relation.label();
    checkAttributeObjects(owner, method, search, attributes);
    checkPivotAttributes(owner, pivotAttributes, method);
    assertParentNotDeleted(this.parent, owner, method);
    const where = search as Record<string, unknown>;
    const find = (): R | null => {
      const own = this.query().where(where).first();
      if (own) return own;
      const other = this.relation.relatedModel().query().where(where).first();
      if (other) this.attach([other as unknown as RelatedInput<R>], pivotAttributes);
      return other;
    };
    return findOrCreate(owner, method, find, (merged) => this.create(merged as ModelAttributes<R>, pivotAttributes), search as object, attributes as object, update);
  }

  /** Saves a related model (inserting it if new) and attaches it; `checkExisting` avoids a duplicate pivot row. */
  save<T extends RelatedInput<R>>(model: T, pivotAttributes?: Record<string, unknown>, checkExisting?: boolean): T;
  /** Lucid's argument order: `save(model, checkExisting, pivotAttributes?)`. */
  save<T extends RelatedInput<R>>(model: T, checkExisting: boolean | undefined, pivotAttributes?: Record<string, unknown>): T;
  save<T extends RelatedInput<R>>(model: T, second?: Record<string, unknown> | boolean, third?: Record<string, unknown> | boolean): T {
    const [pivotAttributes, checkExisting] = lucidOrder(second, third) ? [third, second] : [second, third];
    checkPivotAttributes(this.relation.label(), pivotAttributes, 'save');
    return firstMade(() => this.saveModels('save', [model], [pivotAttributes as Record<string, unknown> | undefined], checkExistingFlag(this.relation.label(), 'save', checkExisting)));
  }

  /** Saves related models and attaches them. */
  saveMany<T extends RelatedInput<R>>(models: List<T>, pivotList?: Array<Record<string, unknown> | undefined>, checkExisting?: boolean): T[];
  /** Lucid's argument order: `saveMany(models, checkExisting, pivotList?)`. */
  saveMany<T extends RelatedInput<R>>(models: List<T>, checkExisting: boolean | undefined, pivotList?: Array<Record<string, unknown> | undefined>): T[];
  saveMany<T extends RelatedInput<R>>(models: List<T>, second?: Array<Record<string, unknown> | undefined> | boolean, third?: Array<Record<string, unknown> | undefined> | boolean): T[] {
    if (!Array.isArray(models)) throw new ValidationError(`${this.relation.label()}.saveMany(): expected an array of models, got ${describeValue(models)}.`);
    const [pivotList, checkExisting] = lucidOrder(second, third) ? [third, second] : [second, third];
    checkPivotList(this.relation.label(), pivotList, 'saveMany');
    const list = (pivotList || []) as Array<Record<string, unknown> | undefined>;
    return this.saveModels('saveMany', models, list, checkExistingFlag(this.relation.label(), 'saveMany', checkExisting));
  }

  private saveModels<T extends RelatedInput<R>>(method: string, models: T[], pivotList: Array<Record<string, unknown> | undefined>, checkExisting: boolean): T[] {
    const related = this.relation.relatedModel();
    // Each is checked to be of the related class here: from now on it is one.
    const checked = models as unknown as R[];
    checked.forEach((model) => requireRelated(model, related, this.relation.label(), 'save'));
    return this.write(method, (pivot) => {
      const existing = checkExisting ? new Map(this.currentRows(pivot).map((row) => [row.key, row.row])) : new Map<Key, RowEntry>();
      checked.forEach((model, i) => {
        saveInWrite(model);
        const id = this.pairedKey(model, method);
        const attributes = pivotList[i] || {};
        const row = existing.get(normalizeKey(id));
        if (row) this.setAttributes(pivot, row, attributes);
        else existing.set(normalizeKey(id), this.insertRow(pivot, { id, attributes, model }, method));
      });
      return models;
    }, checked.some((model) => !model.$isPersisted || model.$isDirty), true);
  }

  /**
   * Runs fn in one unit of work; `relatedFirst` opens the related sheet first, so its rows are written
   * first. `saveParent` first saves a new or changed parent (Lucid's create and save do), so it has its key.
   */
  private write<T>(method: string, fn: (pivot: Table, unit: UnitOfWork) => T, relatedFirst = false, saveParent = false): T {
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

  private parentKey(): unknown {
    this.relation.assertParentColumn([this.parent], this.relation.localKey);
    const key = readAttribute(this.parent, this.relation.localKey);
    if (isBlankKey(key)) {
      throw blankParentKey(this.parent, this.relation.localKey, this.relation.label());
    }
    return key;
  }

  /** The ids and attributes of `input`, each given `common` attributes under its own. */
  private records(input: unknown, method: string, common?: Record<string, unknown>): PivotRecords {
    return normalizeRecords(input, (model) => this.modelKey(model, method), this.relation.label(), method, common);
  }

  /** The key of a related model named in attach/sync/toggle/detach: one of the related class, with a key (a deleted one is refused only where a row would be added). */
  private modelKey(model: object, method: string): unknown {
    const related = this.relation.relatedModel();
    if (!(model instanceof related)) requireRelated(model, related, this.relation.label(), method);
    return this.pairedKey(model as R, method);
  }

  private idOf(item: unknown): unknown {
    if (item !== null && typeof item === 'object') return readAttribute(item, this.relation.relatedKey);
    return item;
  }

  /** A saved related model's key for its pivot row; a blank one would make a row that pairs with nothing. */
  private pairedKey(model: R, method: string): unknown {
    const id = this.idOf(model);
    if (isBlankKey(id)) {
      const { relatedKey } = this.relation;
      const name = modelName(this.relation.relatedModel());
      const fix = model.$isPersisted ? `give it a ${relatedKey}` : `save() the ${name} first`;
      throw new ValidationError(`${this.relation.label()}.${method}(): the ${name} has no ${relatedKey}, the key its pivot rows pair on; ${fix}. Nothing was written.`);
    }
    return id;
  }

  private column(pivot: Table, name: string): number {
    return pivot.column(name, this.relation.label());
  }

  /**
   * This parent's pivot rows with the related key they hold and all their columns. An onQuery
   * constraint (`wherePivot('role', 'lead')`) scopes them: rows outside it are not this relation's.
   */
  private currentRows(pivot: Table): Array<CurrentPivotRow<RowEntry>> {
    const fk = this.column(pivot, this.relation.pivotForeignKey);
    const rfk = this.column(pivot, this.relation.pivotRelatedForeignKey);
    const parent = normalizeKey(this.parentKey());
    const names = pivot.header.names;
    let rows = pivot.rows().filter((entry) => normalizeKey(entry.values[fk]) === parent);
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
  private insertRow(pivot: Table, { id, attributes, model }: PivotRecord, method: string): RowEntry {
    // A row pointing at a deleted parent or related model points at nothing (detach stays allowed).
    assertParentNotDeleted(this.parent, this.relation.label(), method);
    if (model) requireRelated(model, this.relation.relatedModel(), this.relation.label(), method);
    const { pivotForeignKey, pivotRelatedForeignKey } = this.relation;
    const rfk = this.column(pivot, pivotRelatedForeignKey);
    const record: Record<string, unknown> = { ...attributes };
    record[pivotForeignKey] = this.parentKey();
    record[pivotRelatedForeignKey] = model ? id : likeColumn(pivot, rfk, id);
    const { pivotModel } = this.relation;
    if (pivotModel) fillPivotDefaults(pivotModel, pivot, record);
    const own = this.fillPivotKey(pivot, record);
    // A pivot model's key is unique, as its create() checks, and so is the id column a plain pivot
    // sheet's rows are numbered in; a plain pivot sheet may repeat a pair.
    const keys = pivotModel ? this.relation.pivotRef().keyColumns : own ? [own] : [];
    const unique = keys.every((name) => pivot.header.has(name)) ? keys.map((name) => this.column(pivot, name)) : [];
    const entry = pivot.insert(record, this.relation.label(), unique);
    if (this.written) this.written.inserted.push(entry);
    return entry;
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
  private setAttributes(pivot: Table, row: RowEntry, attributes: Record<string, unknown>): boolean {
    let changed = false;
    const own = this.ownKeyColumn(pivot);
    const { pivotForeignKey, pivotRelatedForeignKey, pivotModel } = this.relation;
    // Keys that pair or number pivot rows: changing one could repeat a key or move the row to another pair.
    const keys = [pivotForeignKey, pivotRelatedForeignKey].concat(own ? [own] : [], pivotModel ? this.relation.pivotRef().keyColumns : []);
    for (const name of Object.keys(attributes)) {
      const column = this.column(pivot, name);
      if (attributes[name] === undefined || sameValue(row.values[column], attributes[name])) continue;
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

/** Whether save/saveMany got Lucid's order: `(model, checkExisting, pivot)`, `checkExisting` maybe left undefined. */
function lucidOrder(second: unknown, third: unknown): boolean {
  return typeof second === 'boolean' || (second === undefined && third !== undefined && typeof third !== 'boolean');
}

/** `checkExisting` as given (default true); anything but a boolean is a mistake worth naming. */
function checkExistingFlag(owner: string, method: string, value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value === 'boolean') return value;
  throw new ValidationError(`${owner}.${method}(): checkExisting must be true or false, got ${describeValue(value)}.`);
}
