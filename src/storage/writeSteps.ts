/**
 * The service calls that carry out the write plans of one commit, in order. Each sheet's writes go
 * appended block, changed cells, then deletions bottom-up. With the Sheets API, the scattered cell
 * blocks of every sheet of a spreadsheet go in one `Values.batchUpdate` and their deletion runs in
 * one `Spreadsheets.batchUpdate`: other sheets' writes never move a sheet's rows, so only each
 * sheet's own order matters.
 */
import { isDate } from '../support/values';
import { once, retried } from './service';
import { clearAppended, fillerBlocks, restoreBlock, restoreFiller, RowKeyCheck } from './rowWrites';
import { CellBlock, DeleteRun, TablePlan } from './WritePlan';
import { blockA1, sameValueGroups } from './sameValueBlocks';
import { OpenedSheet } from './TableRef';
import { bySpreadsheet as groupBySpreadsheet, sheetsApi } from './sheetsApi/api';
import { batchDeleteRows, batchUpdateCells, SheetBlocks, SheetRuns } from './sheetsApi/batchWrite';

/** A sheet's plan, ready to write. */
export interface SheetWrite {
  opened: OpenedSheet;
  plan: TablePlan;
  /** The sheet's name. */
  name: string;
  /** The model or method writing, for error messages. */
  owner: string;
  /** The 1-based columns of the sheet's keys, which tell appended rows from a person's (null: not known). */
  keys?: readonly number[] | null;
  /** The header of a 1-based sheet column (null: one the model does not know), for error messages. */
  columnName?: (column: number) => string | null;
}

/** One service call (or one run of them), with what it does to which sheets, for error reports. */
export interface WriteStep {
  writes: readonly SheetWrite[];
  /** Per sheet: what the step writes, before it runs. */
  todo: string[];
  /** Per sheet: what it wrote, once done. */
  done: string[];
  viaApi: boolean;
  run(): void;
  /** Takes the step back, for steps that can be (an append, changed cells; a flush writes nothing of its own). */
  undo?: () => void;
  /** What the step does: after a failure, a write is taken back unless a deletion ran (see takeBack). */
  kind: 'append' | 'update' | 'delete' | 'flush';
  /** Whether it makes several calls without saying which ran: a refusal of one tells nothing of the others. */
  severalCalls?: boolean;
}

/** The steps that write `writes`, flushing SpreadsheetApp's held-back writes before API deletions. */
export function stepsOf(writes: readonly SheetWrite[], grown = false): WriteStep[] {
  const api = sheetsApi() !== null;
  // Blocks holding Dates go through setValues, which keeps them exact; the others may batch.
  const cellsByApi = api ? batchedByApi(writes, (w) => apiBlocks(w).length) : new Set<SheetWrite>();
  const runsByApi = api ? batchedByApi(writes, (w) => w.plan.deletions.length) : new Set<SheetWrite>();
  const steps: WriteStep[] = [];
  // SpreadsheetApp holds writes back until a flush; a Sheets API write goes at once. API deletions
  // after SpreadsheetApp writes must flush them first, or they could land after it, on rows that
  // have moved. API cell values need no flush: they never share a cell with the held-back writes.
  // Rows inserted to grow a grid are held back too.
  let unflushed = grown;
  const add = (step: WriteStep, movesRows = false): void => {
    if (movesRows && unflushed) {
      const each = (what: string): string[] => step.writes.map(() => what);
      steps.push({ writes: step.writes, todo: each('flush'), done: each('flushed'), viaApi: false, run: flushBeforeApi, undo: () => undefined, kind: 'flush' });
      unflushed = false;
    }
    steps.push(step);
    if (!step.viaApi) unflushed = true;
  };
  // Every sheet's appends go first: a failed append can then be taken back whole (see takeBack).
  for (const write of writes) if (write.plan.appendRows.length) add(appendStep(write));
  for (const write of writes) {
    const own = cellsByApi.has(write) ? write.plan.updates.filter(hasDates) : write.plan.updates;
    const { groups, rest } = sameValueGroups(own, own.length > 1 && hasRangeLists(write.opened.sheet));
    groups.forEach((group) => add(rangeListStep(write, group.blocks, group.value)));
    rest.forEach((block) => add(blockStep(write, block)));
  }
  for (const group of bySpreadsheet(writes.filter((w) => cellsByApi.has(w)))) add(apiCellsStep(group));
  for (const write of writes) if (!runsByApi.has(write)) write.plan.deletions.forEach((run) => add(deleteStep(write, run)));
  for (const group of bySpreadsheet(writes.filter((w) => runsByApi.has(w)))) add(apiDeletionsStep(group), true);
  return steps;
}

/** The writes whose items go in a spreadsheet's single API call: those with any, where all together number more than one. */
function batchedByApi(writes: readonly SheetWrite[], items: (write: SheetWrite) => number): Set<SheetWrite> {
  const batched = new Set<SheetWrite>();
  for (const group of bySpreadsheet(writes)) {
    const withItems = group.filter((write) => items(write) > 0);
    if (withItems.reduce((sum, write) => sum + items(write), 0) > 1) withItems.forEach((write) => batched.add(write));
  }
  return batched;
}

/** Writes grouped by spreadsheet (see sheetsApi/api bySpreadsheet). */
function bySpreadsheet(writes: readonly SheetWrite[]): SheetWrite[][] {
  return groupBySpreadsheet(writes, (write) => write.opened.spreadsheet);
}

/**
 * Through the API a Date would land as a bare serial number, without the date format setValues gives
 * it. Not even over a cell that reads as a Date: a formula's date shows in its automatic format,
 * which a number replacing the formula does not keep.
 */
function hasDates(block: CellBlock): boolean {
  return block.values.some((row) => row.some(isDate));
}

/** The blocks of a sheet's update that a Values.batchUpdate may carry. */
function apiBlocks(write: SheetWrite): CellBlock[] {
  return write.plan.updates.filter((block) => !hasDates(block));
}

function appendStep(write: SheetWrite): WriteStep {
  const { opened, plan, name } = write;
  const span = `rows ${plan.appendAt}–${plan.appendAt + plan.appendRows.length - 1}`;
  const { over, below } = fillerBlocks(plan);
  const belowAt = plan.appendAt + plan.filler.length;
  const run = (): void => {
    for (const block of over) {
      once(`"${name}" setValues ${block.values.length}×${block.values[0].length} at row ${block.row}, column ${block.column}`, () => {
        opened.sheet.getRange(block.row, block.column, block.values.length, block.values[0].length).setValues(block.values);
      });
    }
    if (!below.length) return;
    once(`"${name}" setValues ${below.length}×${below[0].length} at row ${belowAt}`, () => {
      opened.sheet.getRange(belowAt, 1, below.length, below[0].length).setValues(below);
    });
  };
  const undo = (): void => {
    // Filler rows get back what they held; the rows below them were empty under the lock, so
    // clearing them takes the append back without moving any row.
    // Rows this write deletes may hold what it appends: then blank where it appended means nothing landed.
    const lookElsewhere = !plan.deletions.length;
    if (over.length) restoreFiller(`"${name}" restoring rows ${plan.appendAt}–${belowAt - 1}`, opened.sheet, plan, over, write.keys || null, lookElsewhere);
    if (below.length) clearAppended(`"${name}" clearContent of rows ${belowAt}–${belowAt + below.length - 1}`, opened.sheet, belowAt, below, write.keys || null, lookElsewhere);
  };
  return { writes: [write], todo: [`append ${span}`], done: [`appended ${span}`], viaApi: false, run, undo, kind: 'append', severalCalls: over.length + (below.length ? 1 : 0) > 1 };
}

function blockStep(write: SheetWrite, block: CellBlock): WriteStep {
  const size = describeBlock(write, block);
  const run = (): void => writeBlock(write, block);
  const undo = (): void => restoreBlock(`"${write.name}" restoring ${size}`, write.opened.sheet, block, keyCheck(write));
  return { writes: [write], todo: [`update ${size}`], done: [`updated ${size}`], viaApi: false, run, undo, kind: 'update' };
}

/** Test doubles of Sheet (the user's own, gas-local's) often lack getRangeList: blocks then go one by one. */
function hasRangeLists(sheet: OpenedSheet['sheet']): boolean {
  return typeof (sheet as Partial<OpenedSheet['sheet']>).getRangeList === 'function';
}

/** Blocks that all get one value, in one RangeList write (see sameValueBlocks). */
function rangeListStep(write: SheetWrite, blocks: readonly CellBlock[], value: CellBlock['values'][0][0]): WriteStep {
  const what = listed(blocks.map((block) => describeBlock(write, block)));
  const run = (): void => {
    once(`"${write.name}" RangeList.setValue over ${blocks.length} ranges`, () => {
      write.opened.sheet.getRangeList(blocks.map(blockA1)).setValue(value);
    });
  };
  const undo = (): void => blocks.forEach((block) => restoreBlock(`"${write.name}" restoring ${describeBlock(write, block)}`, write.opened.sheet, block, keyCheck(write)));
  return { writes: [write], todo: [`update ${what}`], done: [`updated ${what}`], viaApi: false, run, undo, kind: 'update' };
}

/** What a take-back checks each updated row's key against (none when the keys' columns are not known). */
function keyCheck(write: SheetWrite): RowKeyCheck | null {
  return write.keys ? { columns: write.keys, rows: write.plan.rowKeys } : null;
}

/** `1×2 cells at row 4 (title, status)`: the columns named, so a failure says which attributes landed. */
function describeBlock(write: SheetWrite, block: CellBlock): string {
  const size = `${block.values.length}×${block.values[0].length} cells at row ${block.row}`;
  if (!write.columnName) return size;
  const names: string[] = [];
  for (let i = 0; i < block.values[0].length; i++) names.push(write.columnName(block.column + i) || `column ${block.column + i}`);
  return `${size} (${names.join(', ')})`;
}

function writeBlock(write: SheetWrite, block: CellBlock): void {
  const { row, column, values } = block;
  once(`"${write.name}" setValues ${values.length}×${values[0].length} at row ${row}, column ${column}`, () => {
    write.opened.sheet.getRange(row, column, values.length, values[0].length).setValues(values);
  });
}

function deleteStep(write: SheetWrite, run: DeleteRun): WriteStep {
  const rows = runRows(run);
  const call = (): void => deleteRun(write, run);
  return { writes: [write], todo: [`delete ${rows}`], done: [`deleted ${rows}`], viaApi: false, run: call, kind: 'delete' };
}

function runRows(run: DeleteRun): string {
  return `rows ${run.start}–${run.start + run.count - 1}`;
}

function deleteRun(write: SheetWrite, run: DeleteRun): void {
  once(`"${write.name}" deleteRows(${run.start}, ${run.count})`, () => write.opened.sheet.deleteRows(run.start, run.count));
}

// A call the Sheets API refused for quota did nothing: SpreadsheetApp, which has no per-minute quota,
// does the same work at once, call by call, rather than wait up to a minute with the lock held.

function apiCellsStep(group: SheetWrite[]): WriteStep {
  const sheets: SheetBlocks[] = group.map((write) => ({ opened: write.opened, name: write.name, blocks: apiBlocks(write) }));
  const what = sheets.map((sheet, i) => listed(sheet.blocks.map((block) => describeBlock(group[i], block))));
  const run = (): void => {
    if (batchUpdateCells(sheets)) return;
    oneByOne(group.flatMap((write) => fallbackCalls(write, apiBlocks(write))));
    // Deletions through the API may follow: the held-back values must land before rows move.
    flushBeforeApi();
  };
  // Taken back through SpreadsheetApp, block by block: rare, and each block is checked first.
  const undo = (): void => {
    for (const write of group) for (const block of apiBlocks(write)) restoreBlock(`"${write.name}" restoring ${describeBlock(write, block)}`, write.opened.sheet, block, keyCheck(write));
  };
  return { writes: group, todo: what.map((n) => `update ${n}`), done: what.map((n) => `updated ${n}`), viaApi: true, run, undo, kind: 'update' };
}

function apiDeletionsStep(group: SheetWrite[]): WriteStep {
  const sheets: SheetRuns[] = group.map((write) => ({ opened: write.opened, name: write.name, runs: write.plan.deletions }));
  const what = group.map((write) => listed(write.plan.deletions.map(runRows)));
  const run = (): void => {
    if (batchDeleteRows(sheets)) return;
    oneByOne(group.flatMap((write) => write.plan.deletions.map((each) => ({ write, what: runRows(each), verb: ['delete', 'deleted'], run: () => deleteRun(write, each) }))));
  };
  return { writes: group, todo: what.map((n) => `delete ${n}`), done: what.map((n) => `deleted ${n}`), viaApi: true, run, kind: 'delete' };
}

/** SpreadsheetApp calls doing what a refused batch would have: blocks of one value in a RangeList each, as without the API. */
function fallbackCalls(write: SheetWrite, blocks: readonly CellBlock[]): SingleCall[] {
  const { groups, rest } = sameValueGroups(blocks, blocks.length > 1 && hasRangeLists(write.opened.sheet));
  const verb = ['update', 'updated'];
  const calls: SingleCall[] = groups.map((list) => ({
    write,
    what: listed(list.blocks.map((block) => describeBlock(write, block))),
    verb,
    run: () => once(`"${write.name}" RangeList.setValue over ${list.blocks.length} ranges`, () => write.opened.sheet.getRangeList(list.blocks.map(blockA1)).setValue(list.value)),
  }));
  return calls.concat(rest.map((block) => ({ write, what: describeBlock(write, block), verb, run: () => writeBlock(write, block) })));
}

/** One call of a step done call by call. */
interface SingleCall {
  write: SheetWrite;
  what: string;
  verb: string[];
  run(): void;
}

/** A step done call by call that failed part-way: what it did and what it left, per sheet. */
export class StepPartlyDone {
  readonly cause: unknown;
  readonly done: Array<[SheetWrite, string]>;
  readonly left: Array<[SheetWrite, string]>;

  constructor(cause: unknown, done: Array<[SheetWrite, string]>, left: Array<[SheetWrite, string]>) {
    this.cause = cause;
    this.done = done;
    this.left = left;
  }
}

function oneByOne(calls: readonly SingleCall[]): void {
  calls.forEach((call, i) => {
    try {
      call.run();
    } catch (error) {
      const done = calls.slice(0, i).map((each): [SheetWrite, string] => [each.write, `${each.verb[1]} ${each.what}`]);
      throw new StepPartlyDone(error, done, calls.slice(i).map((each): [SheetWrite, string] => [each.write, `${each.verb[0]} ${each.what}`]));
    }
  });
}

/** What a batched call does to one sheet, as the single calls would say it (`rows 9–9, rows 4–5`); long lists end in a count. */
function listed(items: string[]): string {
  const shown = items.slice(0, LISTED);
  return items.length > LISTED ? `${shown.join(', ')} and ${items.length - LISTED} more` : shown.join(', ');
}

const LISTED = 10;

/** SpreadsheetApp batches writes: flush them before the Sheets API writes to the same spreadsheet. */
function flushBeforeApi(): void {
  retried('SpreadsheetApp.flush', () => SpreadsheetApp.flush());
}
