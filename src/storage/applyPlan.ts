/** Carries out write plans on sheets in as few service calls as the plan allows. */
import { ValidationError } from '../errors';
import { messageOf, once, retried } from './service';
import { CellBlock, TablePlan } from './WritePlan';
import { OpenedSheet } from './TableRef';
import { sheetsApi } from './sheetsApi/api';
import { batchDeleteRows, batchUpdateCells, canBatchCells } from './sheetsApi/batchWrite';


/** What has been written so far, sheet by sheet, for error reports. */
export type Progress = Array<[sheet: string, what: string]>;

/**
 * Grows the grid so the plan's writes fit. Runs for every sheet before any value is written, so
 * that a spreadsheet at its cell limit fails before anything changes.
 */
export function growFor(opened: OpenedSheet, plan: TablePlan, owner: string, name = ''): void {
  const { sheet } = opened;
  const appendEnd = plan.appendAt + plan.appendRows.length - 1;
  const deletesLastRow = plan.deletions.some((run) => run.start + run.count - 1 >= plan.lastRow);
  if (!plan.appendRows.length && !deletesLastRow) return;
  const maxRows = retried(`"${name}" getMaxRows()`, () => sheet.getMaxRows());
  let needed = plan.appendRows.length ? appendEnd : 0;
  const deleted = plan.deletions.reduce((sum, run) => sum + run.count, 0);
  const left = Math.max(maxRows, needed) - deleted;
  // Sheets refuses to delete every non-frozen row: when few rows would be left, keep one below the frozen ones.
  if (deleted && left <= FEW_ROWS_LEFT) {
    const frozen = Math.max(1, retried(`"${name}" getFrozenRows()`, () => sheet.getFrozenRows()));
    if (left <= frozen) needed = Math.max(needed, deleted + frozen + 1);
  }
  if (needed <= maxRows) return;
  try {
    once(`"${name}" insertRowsAfter(${maxRows}, ${needed - maxRows})`, () => sheet.insertRowsAfter(maxRows, needed - maxRows));
  } catch (error) {
    throw new ValidationError(
      `${owner}: could not add ${needed - maxRows} rows to ${opened.describe()} (${messageOf(error)}). A spreadsheet holds at most 10,000,000 cells: delete unused rows, columns or sheets. Nothing was written.`,
    );
  }
}

/** Below this many rows left after deletions, the frozen rows are asked for (one call) to keep a row below them. */
const FEW_ROWS_LEFT = 10;

/** A write interrupted by a failure, with what of its plan was left undone. */
export class PlanInterrupted {
  readonly cause: unknown;
  readonly remaining: string[];

  constructor(cause: unknown, remaining: string[]) {
    this.cause = cause;
    this.remaining = remaining;
  }
}

interface Step {
  /** What the step writes, before it runs. */
  todo: string;
  /** What it wrote, once done. */
  done: string;
  run(): void;
}

/** Writes a plan: the appended block, the changed-cell blocks, then deletions bottom-up. */
export function writePlan(opened: OpenedSheet, plan: TablePlan, progress: Progress, name = ''): void {
  const steps = stepsOf(opened, plan, name);
  steps.forEach((step, i) => {
    try {
      step.run();
    } catch (error) {
      throw new PlanInterrupted(error, steps.slice(i).map((s) => s.todo));
    }
    progress.push([name, step.done]);
  });
}

function stepsOf(opened: OpenedSheet, plan: TablePlan, name: string): Step[] {
  const steps: Step[] = [];
  // SpreadsheetApp holds writes back until a flush; a Sheets API write goes at once. An API write
  // after SpreadsheetApp ones (a deletion after an update) must flush them first, or they could
  // land after it, on rows that have moved.
  let unflushed = false;
  const add = (step: Step, viaApi: boolean): void => {
    if (viaApi && unflushed) steps.push({ todo: 'flush', done: 'flushed', run: flushBeforeApi });
    steps.push(step);
    unflushed = !viaApi;
  };
  const rows = plan.appendRows;
  if (rows.length) {
    const last = plan.appendAt + rows.length - 1;
    add(
      {
        todo: `append rows ${plan.appendAt}–${last}`,
        done: `appended rows ${plan.appendAt}–${last}`,
        run: () =>
          retried(`"${name}" setValues ${rows.length}×${rows[0].length} at row ${plan.appendAt}`, () =>
            opened.sheet.getRange(plan.appendAt, 1, rows.length, rows[0].length).setValues(rows),
          ),
      },
      false,
    );
  }
  const api = sheetsApi() !== null;
  if (api && canBatchCells(plan.updates)) {
    const count = plan.updates.length;
    add({ todo: `update ${count} cell blocks`, done: `updated ${count} cell blocks`, run: () => batchUpdateCells(opened, name, plan.updates) }, true);
  } else {
    for (const block of plan.updates) add(blockStep(opened, block, name), false);
  }
  if (api && plan.deletions.length > 1) {
    const count = plan.deletions.length;
    add({ todo: `delete ${count} runs of rows`, done: `deleted ${count} runs of rows`, run: () => batchDeleteRows(opened, name, plan.deletions) }, true);
  } else {
    for (const run of plan.deletions) {
      const rowsText = `rows ${run.start}–${run.start + run.count - 1}`;
      add(
        {
          todo: `delete ${rowsText}`,
          done: `deleted ${rowsText}`,
          run: () => once(`"${name}" deleteRows(${run.start}, ${run.count})`, () => opened.sheet.deleteRows(run.start, run.count)),
        },
        false,
      );
    }
  }
  return steps;
}

function blockStep(opened: OpenedSheet, block: CellBlock, name: string): Step {
  const size = `${block.values.length}×${block.values[0].length} cells at row ${block.row}`;
  return {
    todo: `update ${size}`,
    done: `updated ${size}`,
    run: () =>
      retried(`"${name}" setValues ${block.values.length}×${block.values[0].length} at row ${block.row}, column ${block.column}`, () =>
        opened.sheet.getRange(block.row, block.column, block.values.length, block.values[0].length).setValues(block.values),
      ),
  };
}

/** SpreadsheetApp batches writes: flush them before the Sheets API writes to the same sheet. */
function flushBeforeApi(): void {
  retried('SpreadsheetApp.flush', () => SpreadsheetApp.flush());
}

/** Counts the writes a plan will make (for error reports). */
export function describePlan(plan: TablePlan): string {
  const parts: string[] = [];
  if (plan.appendRows.length) parts.push(`append ${plan.appendRows.length} rows`);
  if (plan.updates.length) parts.push(`${plan.updates.length} cell blocks`);
  if (plan.deletions.length) parts.push(`${plan.deletions.length} row deletions`);
  return parts.join(', ');
}
