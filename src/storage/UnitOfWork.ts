/**
 * Units of work. Every write runs in one: the lock is taken before its first read, each sheet
 * involved is read at most once under it, changes are collected in memory and validated, then
 * written in batches, flushed, and the lock released. `transaction()` is a unit of work around user
 * code: its sheets are re-checked before writing, because people may have edited them while the code ran.
 */
import { ServiceError, WriteError, SheetORMError } from '../errors';
import { configGeneration } from '../config';
import { acquireLock, HeldLock } from './lock';
import { growAll, PlanInterrupted, Progress, writeSheets } from './applyPlan';
import { adviceOn, askedBy, failureOf, isNotAllowed } from './service';
import { Table } from './Table';
import { cacheKeyOf, OpenedSheet, openSheet, TableRef } from './TableRef';
import { spreadsheetIdOf } from './sheetsApi/api';
import { batchRead } from './sheetsApi/batchRead';
import { isEmptyPlan, Layout, layoutAsRead, planTable, TablePlan } from './WritePlan';
import { FULL_READ_LIMIT, recheckLayout, unchangedSinceRead } from './recheck';
import { keepFormulas, takeFillerCells } from './rowWrites';

/** The sheets read and changed by one write operation or transaction. */
export class UnitOfWork {
  readonly transactional: boolean;
  private readonly tables = new Map<string, Table>();
  private readonly journal: Array<() => void> = [];
  private readonly stale = new Set<Table>();
  /** Whether commit() began changing sheets (true even when a later write failed). */
  changedSheets = false;
  /** Whether user code (an overridden save()) ran inside: people may have edited the sheets meanwhile. */
  ranUserCode = false;
  /** Models a transaction inserted: rolled back, they lose their keys (and rows linked to them their links). */
  readonly inserted = new WeakSet<object>();

  /** Takes the lock, for a unit that takes it when it first reads (cleared once taken). */
  private takeLock: (() => void) | null;

  constructor(transactional: boolean, takeLock: (() => void) | null = null) {
    this.transactional = transactional;
    this.takeLock = takeLock;
  }

  /** Takes the lock before the unit's first read: every read a write relies on is made under it. */
  private lockBeforeReading(): void {
    if (!this.takeLock) return;
    this.takeLock();
    this.takeLock = null;
  }

  /**
   * The table for a ref, read on first use (under the lock). With `byKey`, for writes that find
   * rows by key only (save, delete, create), a big sheet read earlier in the session is reused
   * when its header and keys are unchanged (not in a transaction, whose later queries select rows by
   * value); writes that select rows by value always read afresh.
   */
  table(ref: TableRef, byKey = false): Table {
    this.lockBeforeReading();
    const opened = openSheet(ref);
    let table = this.tables.get(opened.cacheKey) || this.sameSheet(ref.sheetName, opened);
    if (!table) {
      // Only a one-operation unit may reuse: a transaction's later queries select rows by value.
      const session = sessionTables();
      const cached = byKey && session && !this.transactional ? session.get(opened.cacheKey) : undefined;
      // Reused only for a model keyed like the one that read it: the re-check compares those keys.
      const sameKeys = cached !== undefined && cached.ref.keyColumns.join('\u0000') === ref.keyColumns.join('\u0000');
      if (cached && sameKeys && cached.size * cached.header.width > FULL_READ_LIMIT && unchangedSinceRead(cached)) {
        table = cached;
      } else {
        table = Table.read(ref, opened);
      }
      table.journal = this.journal;
      this.tables.set(opened.cacheKey, table);
    }
    return table;
  }

  /** Remembers how to undo a change to something outside the tables (a model's state). */
  record(undo: () => void): void {
    this.journal.push(undo);
  }

  /** Runs `fn`; if it throws, every change it made to this unit is undone before the error propagates. */
  savepoint<T>(fn: () => T): T {
    const mark = this.journal.length;
    try {
      return fn();
    } catch (error) {
      this.rollback(mark);
      throw error;
    }
  }

  /** Undoes changes back to a journal mark (0: everything). */
  rollback(mark = 0): void {
    while (this.journal.length > mark) (this.journal.pop() as () => void)();
  }

  /** Validates and writes every change; returns whether anything was written. */
  commit(): boolean {
    const changed = this.heldTables().filter((table) => table.hasChanges());
    // 1. Plan every sheet (re-checking positions when user code ran in between): may throw, nothing written yet.
    const plans = changed
      .map((table) => {
        const layout = this.transactional || this.ranUserCode ? recheckLayout(table) : layoutAsRead(table);
        const columnName = (column: number) => table.header.names[layout.indexOf(column)] ?? null;
        return { table, layout, plan: planTable(table, layout), asRead: layout.asRead === true, keys: keyColumnsNow(table, layout), columnName };
      })
      .filter(({ plan }) => !isEmptyPlan(plan));
    if (!plans.length) return false;
    this.changedSheets = true;
    // New rows take filler rows only where they replace no formula (read now, under the lock).
    for (const { table, plan, layout } of plans) if (plan.appendRows.length) keepFormulas(table.opened.sheet, plan, table.ref.sheetName, layout.filler);
    // 2. Grow grids first: a spreadsheet at its cell limit fails here, before any value is written.
    const grown = growAll(plans.map(({ table, plan }) => ({ opened: table.opened, plan, owner: table.ref.owner, name: table.ref.sheetName }))).length > 0;
    // 3. Write, then bring each table in line with its sheet (for reuse in a session).
    const progress: Progress = [];
    const writes = plans.map(({ table, plan, keys, columnName }) => ({ opened: table.opened, plan, name: table.ref.sheetName, owner: table.ref.owner, keys, columnName }));
    try {
      writeSheets(writes, progress, grown);
    } catch (error) {
      throw writeFailure(error, progress);
    }
    for (const { table, layout, plan, asRead } of plans) {
      assignRows(plan);
      takeFillerCells(plan, (index) => layout.columnOf(index));
      if (asRead) table.settle(plan.appendAt, plan.deletedRows, plan.appendRows.length, plan.filler.length);
      else this.stale.add(table);
    }
    return true;
  }

  /** Reads the sheets this unit does not hold yet in one batch, when the Sheets API is enabled. */
  prefetch(refs: readonly TableRef[]): void {
    const missing = refs.filter((ref) => !this.tables.has(cacheKeyOf(ref)));
    if (missing.length < 2) return;
    this.lockBeforeReading();
    batchRead(missing).forEach((table, key) => {
      if (this.sameSheet(table.ref.sheetName, table.opened)) return;
      table.journal = this.journal;
      this.tables.set(key, table);
    });
  }

  /**
   * A table this unit holds for the same sheet under another key (the active spreadsheet also named
   * by its id, say): two tables of one sheet would plan their writes over each other. Only sheets of
   * the same name in different keys cost a look at the spreadsheets' ids.
   */
  private sameSheet(sheetName: string, opened: OpenedSheet): Table | undefined {
    for (const table of this.tables.values()) {
      if (table.ref.sheetName !== sheetName || table.opened.cacheKey === opened.cacheKey) continue;
      if (sameSpreadsheet(table.opened, opened)) {
        this.tables.set(opened.cacheKey, table);
        return table;
      }
    }
    return undefined;
  }

  /** Each table this unit holds, once (a table may be held under two keys). */
  private heldTables(): Table[] {
    return Array.from(new Set(this.tables.values()));
  }

  /** The tables this unit read, under each key it holds them by, with whether each still matches its sheet. */
  results(): Array<{ key: string; table: Table; current: boolean }> {
    return Array.from(this.tables, ([key, table]) => ({ key, table, current: !this.stale.has(table) }));
  }
}

/** The 1-based columns the table's keys are in now, or null when one is missing. */
function keyColumnsNow(table: Table, layout: Layout): number[] | null {
  const columns = table.ref.keyColumns.map((name) => {
    const index = table.header.indexOf(name);
    return index < 0 ? -1 : layout.columnOf(index);
  });
  return columns.length && columns.every((column) => column > 0) ? columns : null;
}

function assignRows(plan: TablePlan): void {
  plan.appended.forEach((entry, i) => {
    entry.rowNumber = plan.appendAt + i;
  });
}

/** The error for a write that failed part-way: what was written and what not. */
function writeFailure(error: unknown, done: Progress): unknown {
  if (!(error instanceof PlanInterrupted)) return error;
  const { cause, failed, uncertain, remaining } = error;
  if (cause instanceof SheetORMError && !(cause instanceof ServiceError)) return cause;
  const where = failed.map((write) => write.opened.describe()).join(' and ');
  // Running it again cannot help where the script runs (a custom function): say where it can.
  const raw = cause instanceof ServiceError ? cause.cause : cause;
  const context = isNotAllowed(raw) ? ` ${adviceOn(raw)}` : '';
  if (error.undone) {
    const again = context ? '' : ', so running it again is safe';
    return new WriteError(
      `${failed[0].owner}: writing to ${where} failed (${failureOf(cause)}). Nothing was written: what was written before the failure was taken back${again}.${context}`,
    );
  }
  const perhaps = uncertain.length ? ` Perhaps written (the call that failed may have gone through): ${describeSteps(uncertain)}.` : '';
  const never = remaining.length ? ` Not written: ${describeSteps(remaining)}.` : '';
  return new WriteError(`${failed[0].owner}: writing to ${where} failed (${failureOf(cause)}). Written: ${describeProgress(done) || 'nothing'}.${perhaps}${never}${context}`);
}

/** Steps grouped by sheet: `sheet "A" in spreadsheet "S": delete rows 3–3, delete rows 1–1; sheet "B" …: append rows 2–4` */
function describeSteps(remaining: ReadonlyArray<[string, string]>): string {
  const parts: string[] = [];
  let sheet: string | null = null;
  for (const [where, what] of remaining) {
    if (where === sheet) parts[parts.length - 1] += `, ${what}`;
    else parts.push(`${where}: ${what}`);
    sheet = where;
  }
  return parts.join('; ');
}

/** `sheet "A" in spreadsheet "S": appended rows 2–3, updated 1×1 cells at row 2; sheet "B" …: …` */
function describeProgress(done: Progress): string {
  return describeSteps(done.map(([write, what]): [string, string] => [write.opened.describe(), what]));
}

let active: UnitOfWork | null = null;
let readCache: Map<string, Table> | null = null;
let sessionCache: Map<string, Table> | null = null;
/** The configure() generation the session's tables were read under. */
let sessionGeneration = 0;

/** The session's tables, emptied when configure() ran since they were read (sheets are looked up again). */
function sessionTables(): Map<string, Table> | null {
  if (sessionCache && sessionGeneration !== configGeneration()) {
    sessionCache.clear();
    sessionGeneration = configGeneration();
  }
  return sessionCache;
}

/** Runs `fn` in the current unit of work, or in a new one under the lock. */
export function runWrite<T>(purpose: string, fn: (unit: UnitOfWork) => T, transactional = false): T {
  if (writesBlocked) throw new WriteBlocked(purpose);
  if (active) {
    const unit = active;
    return askedBy(purpose, () => unit.savepoint(() => fn(unit)));
  }
  return askedBy(purpose, () => writeUnderLock(purpose, fn, transactional));
}

/** `fn()[0]` for calls that hand back one of the models a write made; a WriteError's `result` is narrowed alike. */
export function firstMade<T>(fn: () => T[]): T {
  try {
    return fn()[0];
  } catch (error) {
    if (error instanceof WriteError && Array.isArray(error.result)) error.result = error.result[0];
    throw error;
  }
}

function writeUnderLock<T>(purpose: string, fn: (unit: UnitOfWork) => T, transactional: boolean): T {
  // A transaction holds the lock while its function runs; a single write takes it when it first
  // reads, so one that turns out to change nothing (a related model that already belongs) takes none.
  const lock: { held: HeldLock | null } = { held: null };
  // Named by the write that takes it, even when a nested one (the related create) reads first.
  const take = () => (lock.held = askedBy(purpose, () => acquireLock(purpose)));
  if (transactional) take();
  const unit = new UnitOfWork(transactional, transactional ? null : take);
  active = unit;
  let wrote = false;
  let committed = false;
  let result: T | undefined;
  try {
    result = fn(unit);
    wrote = unit.commit();
    committed = true;
    return result;
  } catch (error) {
    unit.rollback();
    throw error;
  } finally {
    active = null;
    if (sessionCache) rememberInSession(unit, committed);
    try {
      // A write that failed part-way still flushes what it wrote before the lock goes.
      if (lock.held) lock.held.release(wrote || unit.changedSheets, !committed);
    } catch (error) {
      // The write went through (only its flush or the lock's release failed): hand over what it made.
      if (committed && error instanceof WriteError) error.result = result;
      throw error;
    }
  }
}

function rememberInSession(unit: UnitOfWork, committed: boolean): void {
  const cache = sessionCache as Map<string, Table>;
  for (const { key, table, current } of unit.results()) {
    table.journal = null;
    if (committed && current) cache.set(key, table);
    else cache.delete(key);
    // The same sheet read under another key (the active spreadsheet also pinned by its id) is stale now.
    cache.forEach((other, otherKey) => {
      if (otherKey !== key && other !== table && other.ref.sheetName === table.ref.sheetName && sameSpreadsheet(other.opened, table.opened)) cache.delete(otherKey);
    });
  }
}

/** Whether two opened sheets are in one spreadsheet (asks for ids only when the handles differ). */
function sameSpreadsheet(a: OpenedSheet, b: OpenedSheet): boolean {
  return a.spreadsheet === b.spreadsheet || spreadsheetIdOf(a.spreadsheet) === spreadsheetIdOf(b.spreadsheet);
}

/**
 * Reads a sheet for a query: from the unit of work when one is running (seeing its pending
 * changes), from the operation's read scope, or fresh.
 */
export function readTable(ref: TableRef): Table {
  return readInScope(ref, false);
}

/** Reads a sheet afresh (refresh()), unless a unit of work holds it; a session keeps the new read. */
export function rereadTable(ref: TableRef): Table {
  return readInScope(ref, true);
}

/** Reads a sheet again into the session holding it (`fresh()` inside `session`); elsewhere the next read is new anyway. */
export function rereadInSession(ref: TableRef): void {
  if (!active && sessionTables()) rereadTable(ref);
}

function readInScope(ref: TableRef, fresh: boolean): Table {
  if (active) return active.table(ref);
  return askedBy(ref.owner, () => readOutsideWrite(ref, fresh));
}

function readOutsideWrite(ref: TableRef, fresh: boolean): Table {
  const cache = sessionTables() || readCache;
  if (!cache) return Table.read(ref, openSheet(ref));
  const key = cacheKeyOf(ref);
  let table = fresh ? undefined : cache.get(key);
  if (!table) {
    table = Table.read(ref, openSheet(ref));
    cache.set(key, table);
  }
  return table;
}

/**
 * Reads, in one batch through the Sheets API when it is enabled, the sheets an operation is about
 * to need: into the unit of work when one runs (under its lock), else into the session or the
 * operation's read scope. Without the API this does nothing.
 */
export function prefetch(refs: readonly TableRef[]): void {
  if (active) return active.prefetch(refs);
  const cache = sessionTables() || readCache;
  if (!cache || refs.length < 2) return;
  const missing = refs.filter((ref) => !cache.has(cacheKeyOf(ref)));
  if (missing.length < 2) return;
  askedBy(missing[0].owner, () => batchRead(missing)).forEach((table, key) => cache.set(key, table));
}

let writesBlocked = 0;

/** Thrown by a write attempted inside `withoutWrites`. */
export class WriteBlocked extends SheetORMError {
  constructor(purpose: string) {
    super(`${purpose}: no write may run here.`);
    this.name = 'WriteBlocked';
  }
}

/** Runs `fn` with every write refused (a method called only to see what it returns). */
export function withoutWrites<T>(fn: () => T): T {
  writesBlocked++;
  try {
    return fn();
  } finally {
    writesBlocked--;
  }
}

/** Registers what undoes a change to a model, should the running unit of work roll back (outside one: nothing). */
export function recordUndo(undo: () => void): void {
  if (active) active.record(undo);
}

/** Marks the running unit of work as running user code: its sheets are re-checked before writing, as a transaction's are. */
export function userCodeRuns(): void {
  if (active) active.ranUserCode = true;
}

/** Whether a write (a transaction, or a write's own unit of work) is running. */
export function inUnitOfWork(): boolean {
  return active !== null;
}

/** Whether sheets read now are kept for later queries (in a session or a unit of work). */
export function readsAreKept(): boolean {
  return sessionCache !== null || active !== null;
}

/** Drops the sheets a session holds (their header changed under it: ensureSchema). */
export function forgetSessionSheets(): void {
  if (sessionCache) sessionCache.clear();
}

/** Runs a read operation in which each sheet is read at most once (eager loads, nested relations). */
export function readScope<T>(fn: () => T): T {
  if (readCache || sessionCache || active) return fn();
  readCache = new Map();
  try {
    return fn();
  } finally {
    readCache = null;
  }
}

/**
 * `SheetORM.session(fn)`: within fn each sheet is read once and reused by later queries; writes
 * still take the lock and re-check a reused sheet (header and key columns) before writing to it.
 */
export function session<T>(fn: () => T): T {
  if (sessionCache) return fn();
  sessionCache = new Map();
  sessionGeneration = configGeneration();
  try {
    return fn();
  } finally {
    sessionCache = null;
  }
}
