/** Carries out write plans on sheets in as few service calls as the plan allows. */
import { ServiceError, ValidationError } from '../errors';
import { adviceOn, failureOf, isRefusal, messageOf, once, retried, whoAsked } from './service';
import { TablePlan } from './WritePlan';
import { OpenedSheet } from './TableRef';
import { SheetWrite, StepPartlyDone, stepsOf, WriteStep } from './writeSteps';
import { UnsentCall } from './sheetsApi/batchWrite';
import { TakeBackUnsure } from './rowWrites';

/** What has been written so far, sheet by sheet, for error reports (described only when one is made). */
export type Progress = Array<[sheet: SheetWrite, what: string]>;

/** Rows a write added below a sheet's grid, which `shrinkBack` removes again. */
export interface Grown {
  opened: OpenedSheet;
  from: number;
  count: number;
  name: string;
}

/**
 * Grows the grids of every plan so its writes fit; returns what it added. Runs before any value is
 * written, so that a spreadsheet at its cell limit fails before anything changes: rows already
 * added to other sheets are removed again.
 */
export function growAll(plans: ReadonlyArray<{ opened: OpenedSheet; plan: TablePlan; owner: string; name: string }>): Grown[] {
  const grown: Grown[] = [];
  try {
    for (const { opened, plan, owner, name } of plans) {
      const added = growFor(opened, plan, owner, name);
      if (added) grown.push({ opened, name, ...added });
    }
  } catch (error) {
    shrinkBack(grown);
    throw error;
  }
  return grown;
}

// Best effort: the added rows are blank, and a failure here must not hide the one being reported.
function shrinkBack(grown: readonly Grown[]): void {
  for (const { opened, from, count, name } of grown) {
    try {
      once(`"${name}" deleteRows(${from}, ${count})`, () => opened.sheet.deleteRows(from, count));
    } catch {
      // The rows stay: blank, below the data.
    }
  }
}

function growFor(opened: OpenedSheet, plan: TablePlan, owner: string, name: string): { from: number; count: number } | null {
  const { sheet } = opened;
  const appendEnd = plan.appendAt + plan.appendRows.length - 1;
  const deletesLastRow = plan.deletions.some((run) => run.start + run.count - 1 >= plan.lastRow);
  // New rows that only take filler rows fit in the grid as it is.
  if ((!plan.appendRows.length || appendEnd <= plan.lastRow) && !deletesLastRow) return null;
  // A test double of Sheet may lack getMaxRows (or getFrozenRows): its grid is then taken to end
  // at the last row read, and rows are inserted after it, which is safe on any grid.
  const maxRows = typeof (sheet as Partial<typeof sheet>).getMaxRows === 'function' ? retried(`"${name}" getMaxRows()`, () => sheet.getMaxRows()) : plan.lastRow;
  let needed = plan.appendRows.length ? appendEnd : 0;
  const deleted = plan.deletions.reduce((sum, run) => sum + run.count, 0);
  const left = Math.max(maxRows, needed) - deleted;
  // Sheets refuses to delete every non-frozen row: when few rows would be left, keep one below the frozen ones.
  if (deleted && left <= FEW_ROWS_LEFT) {
    const frozen = typeof (sheet as Partial<typeof sheet>).getFrozenRows === 'function' ? Math.max(1, retried(`"${name}" getFrozenRows()`, () => sheet.getFrozenRows())) : 1;
    if (left <= frozen) needed = Math.max(needed, deleted + frozen + 1);
  }
  if (needed <= maxRows) return null;
  try {
    once(`"${name}" insertRowsAfter(${maxRows}, ${needed - maxRows})`, () => sheet.insertRowsAfter(maxRows, needed - maxRows));
    return { from: maxRows + 1, count: needed - maxRows };
  } catch (error) {
    const what = `${whoAsked() || owner}: could not add ${needed - maxRows} row${needed - maxRows === 1 ? '' : 's'} to ${opened.describe()} (${failureOf(error)}).`;
    if (/above the limit|10,?000,?000 cells|maximum number of cells/i.test(messageOf(error))) {
      throw new ValidationError(`${what} A spreadsheet holds at most 10,000,000 cells: delete unused rows, columns or sheets. Nothing was written.`);
    }
    const cause = error instanceof ServiceError ? error.cause : error;
    throw new ServiceError(`${what} No value was written. ${adviceOn(cause)}`, cause);
  }
}

/** Below this many rows left after deletions, the frozen rows are asked for (one call) to keep a row below them. */
const FEW_ROWS_LEFT = 10;

/** A write interrupted by a failure, with what was left undone. */
export class PlanInterrupted {
  readonly cause: unknown;
  /** The sheets the failed call wrote to. */
  readonly failed: readonly SheetWrite[];
  /** What the failed call was to do, `[sheet description, what]`: it may have gone through although it reported an error. */
  readonly uncertain: Array<[sheet: string, what: string]>;
  /** What was never sent, in the order it would have run. */
  readonly remaining: Array<[sheet: string, what: string]>;
  /** Whether what was written before the failure was taken back: the sheets are as before. */
  readonly undone: boolean;

  constructor(cause: unknown, failed: readonly SheetWrite[], uncertain: Array<[sheet: string, what: string]>, remaining: Array<[sheet: string, what: string]>, undone = false) {
    this.cause = cause;
    this.failed = failed;
    this.uncertain = uncertain;
    this.remaining = remaining;
    this.undone = undone;
  }
}

/** Writes the plans of a commit (see writeSteps), recording each step in `progress` as it is done; `grown`: rows were inserted first. */
export function writeSheets(writes: readonly SheetWrite[], progress: Progress, grown = false): void {
  const steps = stepsOf(writes, grown);
  // Where each step's entries start in `progress`, so a step taken back can take them out.
  const starts: number[] = [];
  steps.forEach((step, i) => {
    starts.push(progress.length);
    try {
      step.run();
    } catch (thrown) {
      const partly = thrown instanceof StepPartlyDone ? thrown : null;
      const failure = partly ? partly.cause : thrown;
      const unsent = failure instanceof UnsentCall;
      const error = unsent ? failure.failure : failure;
      if (partly) partly.done.forEach((entry) => progress.push(entry));
      // A flush writes nothing of its own: reports list sheet work only.
      const left = partly ? partly.left.map(([write, what]): [string, string] => [write.opened.describe(), what]) : sheetWork([step]);
      // Of a step made call by call, only the call that failed may have landed; a batched call is one call.
      const failedCall = partly ? left.slice(0, 1) : left;
      // A call never sent, or refused (not allowed where the script runs, quota, protected cells), did
      // nothing; the step did nothing when that call was its only one, or its first.
      const unrun = unsent || isRefusal(error instanceof ServiceError ? error.cause : error);
      const stepUnrun = unrun && !(partly && partly.done.length) && !step.severalCalls;
      const { all, failedStep, unsure } = takeBack(steps.slice(0, i + 1), starts, progress, stepUnrun);
      const unwritten = failedStep || stepUnrun;
      const uncertain = unsure.concat(unwritten ? [] : failedCall);
      const remaining = (unwritten ? left : left.slice(failedCall.length)).concat(sheetWork(steps.slice(i + 1)));
      throw new PlanInterrupted(error, step.writes, uncertain, remaining, all);
    }
    if (step.kind !== 'flush') step.writes.forEach((write, w) => progress.push([write, step.done[w]]));
  });
}

function sheetWork(steps: readonly WriteStep[]): Array<[string, string]> {
  return steps.filter((step) => step.kind !== 'flush').flatMap((step) => step.writes.map((write, w): [string, string] => [write.opened.describe(), step.todo[w]]));
}

/**
 * Takes back a failed write (`steps`, the failed one last) when no deletion ran: changed cells get
 * back what they held and appended rows are cleared, the failed step's too, as it may have landed
 * although it reported an error. The write is then all-or-nothing after all. After a deletion
 * nothing is taken back: one that ran, or failed and may have run, moved rows and cannot be undone
 * (`failedUnrun`: the failed step surely did nothing, a deletion too). Each step taken back
 * leaves `progress` (its entries start at `starts[i]`); one that cannot be stays listed there, or,
 * when the take-back's own write failed (it may have landed), moves to `unsure`.
 * Says whether every step was taken back, and whether the failed one was.
 */
function takeBack(steps: readonly WriteStep[], starts: readonly number[], progress: Progress, failedUnrun: boolean): { all: boolean; failedStep: boolean; unsure: Array<[string, string]> } {
  const unsure: Array<[string, string]> = [];
  const deletions = steps.filter((step) => step.kind === 'delete').length;
  const unrunDeletion = deletions === 1 && steps[steps.length - 1].kind === 'delete' && failedUnrun;
  if (deletions && !unrunDeletion) return { all: false, failedStep: false, unsure };
  let all = true;
  // A failed step that surely did nothing has nothing to take back (and no sheet to read for it).
  let failedStep = failedUnrun;
  for (let i = steps.length - 1; i >= 0; i--) {
    const { undo } = steps[i];
    if (steps[i].kind === 'flush' || !undo || (i === steps.length - 1 && failedUnrun)) continue;
    const end = i === steps.length - 1 ? progress.length : starts[i + 1];
    try {
      undo();
    } catch (error) {
      all = false;
      if (error instanceof TakeBackUnsure) {
        progress.splice(starts[i], end - starts[i]).forEach(([write, what]) => unsure.push([write.opened.describe(), what]));
      }
      continue;
    }
    if (i === steps.length - 1) failedStep = true;
    progress.splice(starts[i], end - starts[i]);
  }
  return { all, failedStep, unsure };
}
