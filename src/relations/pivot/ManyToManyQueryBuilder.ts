/**
 * Queries over a many-to-many relation: the related sheet joined in memory with the pivot sheet
 * (one read of each) through a Map on the related key, with per-parent `groupLimit`.
 */
import type { PathsOf, PreloadArg, PreloadPath, RelationQueryCallback, WithLoaded, WithLoadedBy } from '../types';
import { Collection } from '../../collection/Collection';
import { compareForOrder, keyedValues } from '../../collection/compare';
import { ValidationError } from '../../errors';
import type { Model, ModelAttributes } from '../../model/Model';
import { Hydrator } from '../../model/hydrate';
import { tableRef } from '../../model/meta';
import { countedColumn, Direction, SortOrder } from '../../query/QueryBuilder';
import { checkColumn, compile, Condition, refuseColumnList, Source } from '../../query/conditions';
import { ConditionBuilder } from '../../query/ConditionBuilder';
import { checkGroupDirection, checkGroupLimit, groupOrder } from '../../query/groupLimit';
import { Row, RowEntry, Table } from '../../storage/Table';
import { prefetch, readScope, readTable, runWrite } from '../../storage/UnitOfWork';
import type { TableRef } from '../../storage/TableRef';
import { normalizeKey, Key } from '../../support/values';
import type { ManyToMany } from '../ManyToMany';
import { PivotQueryClauses } from './PivotQueryClauses';
import { groupByKey } from '../../query/relationAggregates';
import { onPivotOnly, pivotRowsAccepted } from './pivotScope';
import { distinctEntries, emptyJoin, Join, JoinedRow, pivotEntries, pivotRowsFor, pivotSpecOf, slotsOf } from './join';

/** A query of related models through the pivot sheet. */
export class ManyToManyQueryBuilder<R extends Model> extends PivotQueryClauses<R> {
  /** The relation queried. */
  readonly relation: ManyToMany<Model, R>;
  /** For an eager load: each wanted parent key and its slot (0, 1, … in first-seen order). */
  private readonly parentSlots: Map<Key, number> | null;
  /** The slot of each parent key given, in the order given. */
  private readonly givenSlots: number[];
  private groupLimitCount: number | null = null;
  private groupOrders: Array<{ column: string; direction: 'asc' | 'desc' }> = [];
  /** Whether this query loads the relation for parents (`with`/`preload`/`load`). */
  private readonly forParents: boolean;

  constructor(relation: ManyToMany<Model, R>, parentKeys: unknown[] | null, preload = false) {
    super(relation.relatedModel());
    this.relation = relation;
    this.forParents = preload;
    this.owner = relation.label();
    const slots = new Map<Key, number>();
    this.givenSlots = parentKeys ? slotsOf(parentKeys, slots) : [];
    this.parentSlots = parentKeys ? slots : null;
    this.selectedPivotColumns = relation.pivotColumns.slice();
  }

  /** `with()` keeping this builder's own methods (wherePivot, groupLimit, ...). */
  override with<P extends PreloadPath<R>, C = unknown>(name: P, callback: RelationQueryCallback<R, P, C> | null | undefined): ManyToManyQueryBuilder<WithLoadedBy<R, P, C>>;
  override with<A extends Array<PreloadArg<R>>>(...args: A): ManyToManyQueryBuilder<WithLoaded<R, PathsOf<A>>>;
  override with(...args: unknown[]): unknown {
    return (super.with as (...list: unknown[]) => unknown)(...args);
  }

  /** `preload()` keeping this builder's own methods. */
  override preload<P extends PreloadPath<R>, C = unknown>(name: P, callback?: RelationQueryCallback<R, P, C>): ManyToManyQueryBuilder<WithLoadedBy<R, P, C>> {
    return super.preload(name, callback) as unknown as ManyToManyQueryBuilder<WithLoadedBy<R, P, C>>;
  }

  protected override newGroup(): ConditionBuilder {
    return this.flagGroup(new ManyToManyQueryBuilder(this.relation, null));
  }

  /** Keeps at most `count` related rows per parent (a window over each parent's rows). */
  groupLimit(count: number): this {
    this.groupLimitCount = checkGroupLimit(count, this.owner);
    return this;
  }

  /** Orders each parent's rows before `groupLimit` keeps the first ones. */
  groupOrderBy(column: string, direction: Direction = 'asc'): this {
    this.groupOrders.push({ column: checkColumn(column, this.owner, 'groupOrderBy'), direction: checkGroupDirection(direction, this.owner) });
    return this;
  }

  /** The related models, each with `pivot` and `$extras.pivot_<column>`. */
  override get(): Collection<R> {
    refuseColumnList(arguments[0], this.owner, 'get');
    return readScope(() => {
      this.forgetCounts();
      const models = this.hydrateAll(this.joined());
      this.loadRelations(models);
      return Collection.wrap(models);
    });
  }

  /** The related models, and those of each parent key given to the query (`groups[i]` for the i-th). */
  getByParent(): { models: R[]; groups: R[][] } {
    const slots = this.parentSlots;
    if (!slots) throw new ValidationError(`${this.owner}: getByParent() is for a query made by eagerQuery(parents).`);
    return readScope(() => {
      this.forgetCounts();
      const join = this.joined();
      const models = this.hydrateAll(join);
      this.loadRelations(models);
      // Sized up front: a parent holds a handful of models, and 100,000 grown arrays weigh.
      const counts = new Array<number>(slots.size).fill(0);
      for (let i = 0; i < join.rows.length; i++) counts[join.slots[join.rows[i]]]++;
      const groups = counts.map((count) => new Array<R>(count));
      const filled = new Array<number>(slots.size).fill(0);
      for (let i = 0; i < models.length; i++) {
        const slot = join.slots[join.rows[i]];
        groups[slot][filled[slot]++] = models[i];
      }
      // Parents with equal keys share a slot; each still gets a list of its own.
      const shared = this.givenSlots.length !== slots.size;
      const handed = shared ? new Array<boolean>(slots.size).fill(false) : null;
      return {
        models,
        groups: this.givenSlots.map((slot) => {
          if (!handed) return groups[slot];
          if (handed[slot]) return groups[slot].slice();
          handed[slot] = true;
          return groups[slot];
        }),
      };
    });
  }

  /**
   * Whether a pivot row holds one of the parent keys given to the query. The pivot sheet is read
   * first (through SpreadsheetApp), so a load for parents it pairs with nothing reads no related sheet.
   */
  pairsAnyParent(): boolean {
    const wanted = this.parentSlots;
    if (!wanted) return true;
    return readScope(() => {
      prefetch(this.sheetsInvolved());
      const pivot = readTable(this.relation.pivotRef());
      const fk = pivot.column(this.relation.pivotForeignKey, this.owner);
      // The other key and the pivot columns asked for are checked as a load that reads on would check them.
      pivot.column(this.relation.pivotRelatedForeignKey, this.owner);
      for (const column of this.selectedPivotColumns) pivot.column(column, this.owner);
      const rows = pivotRowsFor(pivot, fk, wanted);
      for (let i = 0; i < rows.length; i++) if (wanted.has(normalizeKey(rows[i][fk]))) return true;
      return false;
    });
  }

  /** How many joined rows match; with a column (related, or pivot when qualified or only there), how many hold a value in it. */
  override count(column?: string): number {
    if (this.captured('count', column)) return this as never;
    const counted = countedColumn(column, this.owner);
    return readScope(() => {
      const { join, rows } = this.countedRows();
      if (counted === null) return rows.length;
      const read = this.resolver(join)(counted, 'model');
      return rows.filter((row) => read(row) !== null).length;
    });
  }

  /** A column of the joined rows (related, or pivot when qualified or only there), for the aggregates. */
  protected override columnValues(column: unknown, method: string): unknown[] {
    const name = checkColumn(column, this.owner, method);
    return readScope(() => {
      const { join, rows } = this.countedRows();
      return rows.map(this.resolver(join)(name, 'model'));
    });
  }

  /** The joined rows the conditions keep, before order, groupLimit and paging (what counts and aggregates read). */
  private countedRows(): { join: Join; rows: JoinedRow[] } {
    this.forgetCounts();
    const join = this.joinRows();
    // A column the sheets lack is an error even unused, as in get() (a withCount alias is left to get()).
    const orders = this.forParents ? this.orders : this.orders.concat(this.groupOrders);
    this.sortRows(join, [], orders.filter((order) => !this.mayBeCount(order.column)));
    return { join, rows: this.filtered(join) };
  }

  /** One declared attribute of the related models, for the joined rows. */
  override pluck<K extends keyof ModelAttributes<R> & string>(column: K): Collection<Exclude<ModelAttributes<R>[K], undefined>>;
  /** One column of the joined rows (a pivot column when qualified with the pivot sheet's name). */
  override pluck(column: string): Collection<unknown>;
  /** One column keyed by the text of another (either may be a pivot column). */
  override pluck(column: string, key: string): Record<string, unknown>;
  override pluck(column: string, key?: string): Collection<unknown> | Record<string, unknown> {
    checkColumn(column, this.owner, 'pluck');
    if (key !== undefined) checkColumn(key, this.owner, 'pluck');
    return readScope(() => {
      this.forgetCounts();
      const join = this.joined();
      const resolve = this.resolver(join);
      const read = resolve(column, 'model');
      return key === undefined ? Collection.wrap(join.rows.map(read)) : keyedValues(join.rows, read, resolve(key, 'model'), this.zoneOf(join.related), `${this.owner}.pluck`);
    });
  }

  /** update/increment change the matching related rows, once each. */
  protected override rowsToChange(): { table: Table; entries: () => RowEntry[] } {
    const join = this.joined();
    return { table: join.related, entries: () => distinctEntries(join) };
  }

  /**
   * Deletes the pivot rows of the matching pairs, as Lucid does: the parent no longer reaches those
   * models, and the related rows, which other parents may share, stay. Returns the number of pivot rows.
   */
  override delete(): number {
    return runWrite(`${this.owner}.delete`, () => {
      this.forgetCounts();
      const join = this.joined();
      const links = pivotEntries(join);
      links.forEach((entry) => join.pivot.remove(entry));
      return links.length;
    });
  }

  protected override rowCap(): number | null {
    return this.forParents ? null : this.groupLimitCount;
  }

  /** Joined rows per parent key (for `withCount`/`has`). */
  countByParent(): Map<Key, number> {
    return readScope(() => {
      const { join, rows } = this.countedRows();
      const fk = join.pivot.column(this.relation.pivotForeignKey, this.owner);
      const counts = new Map<Key, number>();
      for (let i = 0; i < rows.length; i++) {
        const key = normalizeKey(join.pivots[rows[i]][fk]);
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      return counts;
    });
  }

  /** A column of the joined rows (`true` per row for null) per parent key, for withSum and kin. */
  valuesByParent(column: string | null): Map<Key, unknown[]> {
    return readScope(() => {
      const { join, rows } = this.countedRows();
      const fk = join.pivot.column(this.relation.pivotForeignKey, this.owner);
      const read = column === null ? null : this.resolver(join)(column, 'model');
      return groupByKey(rows, (row) => normalizeKey(join.pivots[row][fk]), read);
    });
  }

  /** Filtered, sorted, group-limited and sliced joined rows. */
  joined(): Join {
    const join = this.joinRows();
    // One parent's query keeps the rows its preload would; without groupLimit, groupOrderBy is a plain order.
    const grouped = this.forParents || this.groupLimitCount !== null;
    let rows = this.sortRows(join, this.filtered(join), grouped ? this.orders : this.orders.concat(this.groupOrders));
    if (this.groupLimitCount !== null) rows = this.limitPerParent(join, rows);
    else if (this.forParents) this.sortRows(join, [], this.groupOrders); // a column the sheets lack is an error even unused
    const end = this.limitCount === null ? undefined : this.offsetCount + this.limitCount;
    if (this.offsetCount || end !== undefined) rows = rows.slice(this.offsetCount, end);
    return { ...join, rows };
  }

  /**
   * Which of `pivots` (pivot rows) the query's conditions accept, each with the related row it
   * reaches (blank when none): the scope of writes through a relation whose onQuery constrains it,
   * as Lucid applies onQuery to the pivot query of detach and sync.
   */
  acceptsPivotRows(pivots: readonly Row[]): boolean[] {
    const conditions = this.scopedConditions();
    if (!conditions.length) return pivots.map(() => true);
    // A scope of pivot clauses alone is decided without reading the related sheet.
    const { pivotTable } = this.relation;
    if (onPivotOnly(conditions, pivotTable)) {
      const pivot = readTable(this.relation.pivotRef());
      return pivotRowsAccepted(conditions, pivot, pivotTable, pivots, this.owner, this.zoneOf(pivot));
    }
    prefetch(this.sheetsInvolved(false));
    const related = readTable(tableRef(this.model));
    const pivot = readTable(this.relation.pivotRef());
    const rfk = pivot.column(this.relation.pivotRelatedForeignKey, this.owner);
    const byKey = related.index([related.column(this.relation.relatedKey, this.owner)]);
    const none = new RowEntry(related.header.names.map(() => null), null, null);
    const entries = pivots.map((values) => byKey.get(normalizeKey(values[rfk])) || none);
    const test = compile(conditions, this.resolver({ ...emptyJoin(related, pivot), pivots, entries }), this.zoneOf(related));
    return pivots.map((_, i) => test(i));
  }

  /** The related and pivot sheets, plus those of preloads and relation clauses. */
  override sheetsInvolved(withLoads = true): TableRef[] {
    return super.sheetsInvolved(withLoads).concat(this.relation.pivotRef());
  }

  /** Reads both sheets and pairs pivot rows of the wanted parents with their related rows. */
  private joinRows(): Join {
    const relation = this.relation;
    prefetch(this.sheetsInvolved());
    const related = readTable(tableRef(this.model));
    const pivot = readTable(relation.pivotRef());
    const fk = pivot.column(relation.pivotForeignKey, this.owner);
    const rfk = pivot.column(relation.pivotRelatedForeignKey, this.owner);
    const byKey = related.index([related.column(relation.relatedKey, this.owner)]);
    // Conditions on related columns only are tested once per related row, before pairing.
    const passing = this.relatedOnly(emptyJoin(related, pivot)) ? this.passingRelated(related, pivot) : null;
    const wanted = this.parentSlots;
    const live = pivotRowsFor(pivot, fk, wanted);
    // An unfiltered join keeps nearly every pivot row: its lists are sized once and cut to the
    // pairs found (500,000 pushes would regrow them ~30 times). A filtered one keeps few.
    const expected = passing ? 0 : live.length;
    const pivots = new Array<Row>(expected);
    const entries = new Array<RowEntry>(expected);
    const slots = new Int32Array(wanted ? live.length : 0);
    let found = 0;
    for (let i = 0; i < live.length; i++) {
      const values = live[i];
      // The related key first: with conditions on related rows, most pivot rows stop here.
      const match = byKey.get(normalizeKey(values[rfk]));
      if (!match || (passing && !passing.has(match))) continue;
      const parentKey = normalizeKey(values[fk]);
      if (parentKey === '') continue;
      if (wanted) {
        const slot = wanted.get(parentKey);
        if (slot === undefined) continue;
        slots[found] = slot;
      }
      pivots[found] = values;
      entries[found++] = match;
    }
    pivots.length = found;
    entries.length = found;
    for (const column of this.selectedPivotColumns) pivot.column(column, this.owner);
    const rows = new Array<number>(found);
    for (let i = 0; i < found; i++) rows[i] = i;
    return { pivots, entries, slots, rows, related, pivot, filtered: passing !== null };
  }

  private filtered(join: Join): JoinedRow[] {
    const conditions = this.scopedConditions();
    if (join.filtered || !conditions.length) return join.rows;
    const test = compile(conditions, this.resolver(join), this.zoneOf(join.related));
    return join.rows.filter(test);
  }

  /** Whether every condition reads related columns only (no pivot column, no relation clause). */
  private relatedOnly(join: Join): boolean {
    const pure = (conditions: readonly Condition[]): boolean =>
      conditions.every((condition) => {
        if (condition.kind === 'group') return pure(condition.conditions);
        if (condition.kind === 'deferred' || condition.source === 'pivot') return false;
        const [table, name] = this.split(condition.column, join);
        return table === 'related' || (table === null && join.related.header.has(name));
      });
    const conditions = this.scopedConditions();
    return conditions.length > 0 && pure(conditions);
  }

  private passingRelated(related: Table, pivot: Table): Set<RowEntry> {
    // Only related columns are read, so each related row is tested as a join of itself.
    const candidates = related.rows();
    const join: Join = { ...emptyJoin(related, pivot), pivots: candidates.map((entry) => entry.values), entries: candidates };
    const test = compile(this.scopedConditions(), this.resolver(join), this.zoneOf(related));
    const passing = new Set<RowEntry>();
    for (let i = 0; i < candidates.length; i++) if (test(i)) passing.add(candidates[i]);
    return passing;
  }

  /** Reads a column from a joined row: a sheet prefix (or `pivot_`) decides, else pivot clauses read the pivot row and others the related row. */
  private resolver(join: Join): (column: string, source: Source, owner?: string) => (row: JoinedRow) => unknown {
    return (column, source, owner = this.owner) => {
      const [table, name] = this.split(column, join);
      const bare = table === null && (source === 'pivot' || (!join.related.header.has(name) && join.pivot.header.has(name)));
      if (table === 'pivot' || bare) {
        const index = join.pivot.column(name, owner);
        return (row) => join.pivots[row][index];
      }
      // A withCount of the related model, by its name (orderBy('posts_count')).
      const counted = table === null && !join.related.header.has(name) ? this.countColumn(name, join.related) : null;
      if (counted) return (row) => counted(join.entries[row].values);
      const index = join.related.column(name, owner);
      return (row) => join.entries[row].values[index];
    };
  }

  private split(column: string, join: Join): ['pivot' | 'related' | null, string] {
    // Lucid's alias of a pivot column, as results carry it ($extras.pivot_role).
    if (column.startsWith('pivot_') && !join.related.header.has(column) && !join.pivot.header.has(column) && join.pivot.header.has(column.slice(6))) {
      return ['pivot', column.slice(6)];
    }
    const dot = column.lastIndexOf('.');
    if (dot < 0 || join.related.header.has(column) || join.pivot.header.has(column)) return [null, column];
    const prefix = column.slice(0, dot).toLowerCase();
    const name = column.slice(dot + 1);
    if (prefix === this.relation.pivotTable.toLowerCase()) return ['pivot', name];
    if (prefix === join.related.ref.sheetName.toLowerCase()) return ['related', name];
    return [null, column];
  }

  private sortRows(join: Join, rows: JoinedRow[], orders: readonly SortOrder[]): JoinedRow[] {
    if (!orders.length) return rows;
    const resolve = this.resolver(join);
    const keys = orders.map((order) => ({ read: resolve(order.column, 'model'), sign: order.direction === 'desc' ? -1 : 1, nullsFirst: order.nullsFirst === true }));
    return rows.slice().sort((a, b) => {
      for (const key of keys) {
        const order = compareForOrder(key.read(a), key.read(b), key.sign, key.nullsFirst);
        if (order !== 0) return order;
      }
      return 0;
    });
  }

  private limitPerParent(join: Join, rows: JoinedRow[]): JoinedRow[] {
    const fk = join.pivot.column(this.relation.pivotForeignKey, this.owner);
    // Without groupOrderBy each parent keeps its highest related keys, as Lucid's preloads do.
    const orders = groupOrder(this.groupOrders, this.model);
    const ordered = this.sortRows(join, rows, orders);
    const taken = new Map<Key, number>();
    const kept = new Set<JoinedRow>();
    for (let i = 0; i < ordered.length; i++) {
      const row = ordered[i];
      const key = normalizeKey(join.pivots[row][fk]);
      const count = taken.get(key) || 0;
      if (count < (this.groupLimitCount as number)) {
        taken.set(key, count + 1);
        kept.add(row);
      }
    }
    // The rows come in orderBy's order when there is one, else in the group order.
    return (this.orders.length ? rows : ordered).filter((row) => kept.has(row));
  }

  /** A model per joined row, each able to build its `pivot` from its pivot row. */
  private hydrateAll(join: Join): R[] {
    const hydrator = new Hydrator<R>(this.model, join.related, pivotSpecOf(this.relation, join, this.selectedPivotColumns, this.owner));
    const models = new Array<R>(join.rows.length);
    for (let i = 0; i < models.length; i++) {
      const row = join.rows[i];
      models[i] = hydrator.entry(join.entries[row], join.pivots[row]);
    }
    return models;
  }
}
