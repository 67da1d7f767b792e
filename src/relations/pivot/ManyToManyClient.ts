/**
 * Writing a many-to-many relation for one parent (Lucid's query client plus Eloquent's toggle and
 * updateExistingPivot). Every method runs in one unit of work: the pivot sheet is read once under
 * the lock, the change is computed in memory, and written as one append, changed-cell blocks and
 * bottom-up deletion runs. Rows of other parents and unchanged rows are never touched.
 */
import type { List } from '../../collection/Collection';
import { ValidationError } from '../../errors';
import type { Model, ModelAttributes } from '../../model/Model';
import { modelName } from '../../model/meta';
import { readAttribute } from '../../model/attributes';
import { saveInWrite } from '../../model/persistence';
import { checkAttributeList, checkAttributeObjects } from '../../model/staticArguments';
import { findOrCreate } from '../../model/findOrCreate';
import type { RowEntry } from '../../storage/Table';
import { firstMade } from '../../storage/UnitOfWork';
import { describeValue, isBlankKey, isPlainObject, normalizeKey, Key } from '../../support/values';
import type { ManyToMany } from '../ManyToMany';
import type { PivotIds, RelatedInput } from '../types';
import { assertParentNotDeleted, checkPivotAttributes, checkPivotList, requireRelated } from '../clients/support';
import type { ManyToManyQueryBuilder } from './ManyToManyQueryBuilder';
import { assertPivotFilled, IdList } from './pivotRows';
import { PivotRowWriter } from './PivotRowWriter';
import { diffSync, normalizeRecords, PivotRecords } from './syncPlan';

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
  private readonly rows: PivotRowWriter<P, R>;

  constructor(relation: ManyToMany<P, R>, parent: P) {
    this.relation = relation;
    this.parent = parent;
    this.rows = new PivotRowWriter(relation, parent);
  }

  /** A query of this parent's related models. */
  query(): ManyToManyQueryBuilder<R> {
    return this.rows.query();
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
      this.rows.parentKey();
      return;
    }
    this.rows.write('attach', (pivot) => records.forEach((record) => this.rows.insert(pivot, record, 'attach')));
  }

  /** Removes this parent's pivot rows for `ids` (all of them without an argument). Returns how many rows went (Eloquent). */
  detach(ids?: PivotIds<R>): number {
    return this.rows.write('detach', (pivot) => {
      const only = ids === undefined ? null : this.records(ids, 'detach');
      let removed = 0;
      for (const row of this.rows.current(pivot)) {
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
    return this.rows.write(method, (pivot) => {
      const records = this.records(ids, method, attributes);
      const diff = diffSync(this.rows.current(pivot), records, detach);
      const rfk = this.rows.column(pivot, this.relation.pivotRelatedForeignKey);
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
        this.rows.setAttributes(pivot, change.row, change.changes, method);
        updated.add(normalizeKey(change.row.values[rfk]), change.row.values[rfk]);
      }
      result.updated = updated.ids;
      for (const record of diff.attach) {
        result.attached.push(this.rows.insert(pivot, record, method).values[rfk]);
      }
      return result;
    });
  }

  /** Attaches the ids not attached and detaches the ones that are. */
  toggle(ids: PivotIds<R>): { attached: unknown[]; detached: unknown[] } {
    const records = this.records(ids, 'toggle');
    if (!records.size) {
      this.rows.parentKey();
      return { attached: [], detached: [] };
    }
    return this.rows.write('toggle', (pivot) => {
      const rfk = this.rows.column(pivot, this.relation.pivotRelatedForeignKey);
      const result = { attached: [] as unknown[], detached: [] as unknown[] };
      const detached = new IdList();
      for (const row of this.rows.current(pivot)) {
        if (!records.has(row.key)) continue;
        pivot.remove(row.row);
        detached.add(row.key, row.row.values[rfk]);
      }
      result.detached = detached.ids;
      const present = detached.keys;
      records.forEach((record, key) => {
        if (present.has(key)) return;
        result.attached.push(this.rows.insert(pivot, record, 'toggle').values[rfk]);
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
    return this.rows.write('updateExistingPivot', (pivot) => {
      // Every column and value is checked, not only when a row matches: a typo is an error either way.
      Object.keys(attributes).forEach((name) => {
        const column = this.rows.column(pivot, name);
        if (attributes[name] !== undefined) pivot.cell(attributes[name], this.relation.label(), pivot.header.names[column]);
      });
      const { pivotModel } = this.relation;
      if (pivotModel) assertPivotFilled(pivotModel, attributes, this.relation.label(), 'updateExistingPivot', false);
      let changed = 0;
      for (const row of this.rows.current(pivot)) {
        if (keys.has(row.key) && this.rows.setAttributes(pivot, row.row, attributes, 'updateExistingPivot')) changed++;
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
    checkPivotList(this.relation.label(), pivotList, 'createMany', list.length);
    assertParentNotDeleted(this.parent, this.relation.label(), 'createMany');
    return this.createModels('createMany', list, pivotList);
  }

  private createModels(method: string, list: List<Record<string, unknown>>, pivotList: Array<Record<string, unknown> | undefined>): R[] {
    return this.rows.write(method, (pivot) => {
      const related = this.relation.relatedModel();
      const models = related.createMany(list as any) as unknown as R[];
      models.forEach((model, i) => this.rows.insert(pivot, { id: this.pairedKey(model, method), attributes: pivotList[i] || {}, model }, method));
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
    // Attaching a related row found among all of them is a write: only the parent's own are looked at unlocked.
    const peek = (): R | null => this.query().where(where).first();
    return findOrCreate(owner, method, find, (merged) => this.create(merged as ModelAttributes<R>, pivotAttributes), search as object, attributes as object, update, peek);
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
    checkPivotList(this.relation.label(), pivotList, 'saveMany', models.length);
    const list = (pivotList || []) as Array<Record<string, unknown> | undefined>;
    return this.saveModels('saveMany', models, list, checkExistingFlag(this.relation.label(), 'saveMany', checkExisting));
  }

  private saveModels<T extends RelatedInput<R>>(method: string, models: T[], pivotList: Array<Record<string, unknown> | undefined>, checkExisting: boolean): T[] {
    const related = this.relation.relatedModel();
    // Each is checked to be of the related class here: from now on it is one.
    const checked = models as unknown as R[];
    checked.forEach((model) => requireRelated(model, related, this.relation.label(), 'save'));
    return this.rows.write(method, (pivot) => {
      // Every row of a pair gets the attributes, as Lucid's save (a sync without detaching) updates them all.
      const existing = new Map<Key, RowEntry[]>();
      if (checkExisting) for (const row of this.rows.current(pivot)) existing.set(row.key, (existing.get(row.key) || []).concat(row.row));
      checked.forEach((model, i) => {
        saveInWrite(model);
        const id = this.pairedKey(model, method);
        const attributes = pivotList[i] || {};
        const rows = existing.get(normalizeKey(id));
        if (rows) rows.forEach((row) => this.rows.setAttributes(pivot, row, attributes, method));
        else existing.set(normalizeKey(id), [this.rows.insert(pivot, { id, attributes, model }, method)]);
      });
      return models;
    }, checked.some((model) => !model.$isPersisted || model.$isDirty), true);
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
