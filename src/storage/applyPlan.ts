/** Carries out write plans on sheets in as few service calls as the plan allows. */
import { ValidationError } from '../errors';
import { once, retried } from './service';
import { TablePlan } from './WritePlan';
import { OpenedSheet } from './TableRef';
import { sheetsApi } from './sheetsApi/api';
import { batchDeleteRows, batchUpdateCells } from './sheetsApi/batchWrite';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A human-readable list of what has been written so far, for error reports. */
export type Progress = string[];

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
  // Sheets refuses to delete every non-frozen row: keep one spare row below the data.
  const needed = plan.appendRows.length ? appendEnd : deletesAllData(plan) ? plan.lastRow + 1 : 0;
  if (needed <= maxRows) return;
  try {
    once(`"${name}" insertRowsAfter(${maxRows}, ${needed - maxRows})`, () => sheet.insertRowsAfter(maxRows, needed - maxRows));
  } catch (error) {
    throw new ValidationError(
      `${owner}: could not add ${needed - maxRows} rows to ${opened.describe()} (${messageOf(error)}). A spreadsheet holds at most 10,000,000 cells: delete unused rows, columns or sheets. Nothing was written.`,
    );
  }
}

function deletesAllData(plan: TablePlan): boolean {
  const deleted = plan.deletions.reduce((sum, run) => sum + run.count, 0);
  return deleted >= plan.lastRow - 1;
}

/** Writes a plan: the appended block, the changed-cell blocks, then deletions bottom-up. */
export function writePlan(opened: OpenedSheet, plan: TablePlan, progress: Progress, name = ''): void {
  const sheet = opened.sheet;
  const rows = plan.appendRows;
  if (rows.length) {
    retried(`"${name}" setValues ${rows.length}×${rows[0].length} at row ${plan.appendAt}`, () =>
      sheet.getRange(plan.appendAt, 1, rows.length, rows[0].length).setValues(rows),
    );
    progress.push(`appended rows ${plan.appendAt}–${plan.appendAt + rows.length - 1}`);
  }
  if (rows.length && sheetsApi() && (plan.updates.length > 1 || plan.deletions.length > 1)) flushBeforeApi();
  if (batchUpdateCells(opened, name, plan.updates)) {
    progress.push(`updated ${plan.updates.length} cell blocks`);
  } else {
    writeBlocks(sheet, plan, progress, name);
  }
  if (batchDeleteRows(opened, name, plan.deletions)) {
    progress.push(`deleted ${plan.deletions.length} runs of rows`);
    return;
  }
  for (const run of plan.deletions) {
    once(`"${name}" deleteRows(${run.start}, ${run.count})`, () => sheet.deleteRows(run.start, run.count));
    progress.push(`deleted rows ${run.start}–${run.start + run.count - 1}`);
  }
}

function writeBlocks(sheet: Sheet, plan: TablePlan, progress: Progress, name: string): void {
  for (const block of plan.updates) {
    retried(`"${name}" setValues ${block.values.length}×${block.values[0].length} at row ${block.row}, column ${block.column}`, () =>
      sheet.getRange(block.row, block.column, block.values.length, block.values[0].length).setValues(block.values),
    );
    progress.push(`updated ${block.values.length}×${block.values[0].length} cells at row ${block.row}`);
  }
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

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String((error as Error).message) : String(error);
}
