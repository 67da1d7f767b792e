/** Which rows of a table a model query matches: its key scope, its predicate, and column resolution. */
import { equalityKey, isoDateOf, ZoneSource } from '../collection/compare';
import type { Model } from '../model/Model';
import { timeZoneOf } from '../storage/sheetsApi/api';
import { Row, RowEntry, Table } from '../storage/Table';
import { CellValue, normalizeKey } from '../support/values';
import { compile, Condition, Source } from './conditions';
import { unqualified } from './increment';
import { equalityOf } from './narrowing';
import { OrderedQuery } from './OrderedQuery';

/** The rows of a table that a model query's clauses, key scope and order pick. */
export abstract class MatchingQuery<M extends Model> extends OrderedQuery<M> {
  /** Conditions ANDed with all the others (see scopeToKeys). */
  private readonly scope: Condition[] = [];
  /** A relation's own filters, ANDed after the key scope (which narrowing looks up first) and before the caller's clauses. */
  private sealed: Condition | null = null;

  /**
   * Throws for an order column the table lacks: order changes no count, but a typo is an error in
   * counts too (a withCount alias is left to get(): telling it would mean counting).
   */
  assertOrderColumns(table: Table): void {
    for (const order of this.orders) {
      const name = this.unqualify(order.column, table);
      if (!table.header.has(name) && !this.mayBeCount(name)) table.column(name, this.owner);
    }
  }

  /** The matching rows of a table, to change: filtered, sorted, sliced. */
  matchingEntries(table: Table): RowEntry[] {
    const test = this.predicate(table);
    const rows = this.narrowed(table) || table.rows();
    return this.ordered(table, rows.filter((entry) => test(entry.values)), (entry) => entry.values);
  }

  /** The current values of the matching rows, to read (no row entries needed): filtered, sorted, sliced. */
  selectValues(table: Table): Row[] {
    return this.ordered(table, this.matchingValues(table), (values) => values);
  }

  /**
   * The current values of every matching row, unsorted and unsliced: what withCount/has count, as
   * a correlated SQL count ignores its sub-query's limit.
   */
  matchingValues(table: Table): Row[] {
    // Without conditions a copy does: filter would call the predicate once per row for nothing.
    if (!this.conditions.length && !this.scope.length && !this.sealed) return table.liveValues().slice();
    const test = this.predicate(table);
    return this.candidateValues(table).filter(test);
  }

  /** The live rows the query's predicate needs to test: those `narrowed` gives, else every one. */
  protected candidateValues(table: Table): readonly Row[] {
    const narrowed = this.narrowed(table);
    return narrowed ? narrowed.map((entry) => entry.values) : table.liveValues();
  }

  /**
   * The only live rows an AND-ed equality lets match, in order, from the table's groups of its
   * column (a script querying by key in a session's loop looks each up in a Map); null to scan.
   */
  private narrowed(table: Table): readonly RowEntry[] | null {
    const equality = equalityOf(this.scopedConditions());
    if (!equality) return null;
    const name = this.unqualify(equality.column, table);
    return table.header.has(name) ? table.rowsHolding(table.header.indexOf(name), equality.normalised ? normalizeKey : equalityKey, equality.key) : null;
  }

  /** The where-conditions as one predicate over a table's rows. */
  predicate(table: Table): (values: Row) => boolean {
    return compile(this.scopedConditions(), this.resolveColumn(table), this.zoneOf(table));
  }

  /** The clauses, ANDed as one group with the scope's key conditions (see scopeToKeys). */
  protected scopedConditions(): Condition[] {
    if (!this.scope.length && !this.sealed) return this.conditions;
    const group: Condition = { kind: 'group', bool: 'and', not: false, conditions: this.conditions };
    return this.scope.concat(this.sealed ? [this.sealed] : [], this.conditions.length ? [group] : []);
  }

  /** The time zone date text in conditions is read in: the spreadsheet's, asked for only when a Date cell is compared. */
  protected zoneOf(table: Table): ZoneSource {
    return () => timeZoneOf(table.opened.spreadsheet);
  }

  /**
   * Keeps the query to rows whose column holds one of `keys`, ANDed with every clause as one group
   * (as Lucid's relation queries wrap theirs): `orWhere` cannot reach other parents' rows.
   */
  scopeToKeys(column: string, keys: Iterable<unknown>): this {
    this.scope.push(this.keyInCondition(column, keys, 'model', 'query'));
    return this;
  }

  /**
   * Seals the clauses so far (a relation's onQuery and chained filters) into one group, ANDed after
   * the key scope and before the caller's clauses, so that an `orWhere` cannot widen them.
   */
  sealConditions(): this {
    if (this.conditions.length) this.sealed = { kind: 'group', bool: 'and', not: false, conditions: this.conditions.splice(0) };
    return this;
  }

  /** Runs `read` with the query kept to the rows holding one primary key (`find`); the key is not kept on the builder. */
  protected readByKey<T>(keys: readonly string[], values: readonly unknown[], read: () => T): T {
    const mark = this.scope.length;
    try {
      keys.forEach((key, i) => {
        const value = values[i];
        // Date text finds a date key as whereIn and findMany do (in the spreadsheet's time zone).
        if (typeof value === 'string' && isoDateOf(value)) this.scope.push({ kind: 'in', bool: 'and', not: false, source: 'model', column: key, values: [value] });
        else this.scopeToKeys(key, [value]);
      });
      return read();
    } finally {
      this.scope.length = mark;
    }
  }

  /** How a column name is read from a row of this query's table. */
  protected resolveColumn(table: Table): (column: string, source: Source, owner?: string) => (values: Row) => CellValue {
    return (column, source, owner = this.owner) => {
      const name = this.unqualify(column, table);
      const counted = table.header.has(name) ? null : this.countColumn(name, table);
      if (counted) return counted;
      const index = table.column(name, owner);
      return (values) => values[index];
    };
  }

  /** `posts.title` → `title` when `posts` names this query's sheet. */
  protected unqualify(column: string, table: Table): string {
    return unqualified(column, table);
  }
}
