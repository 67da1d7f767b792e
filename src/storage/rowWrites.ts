/**
 * Writes addressed by row numbers (a block of cells, appended rows, clearing them again). A passing
 * fault is retried after a pause, but a person may insert, delete or sort rows during the pause, and
 * the same row numbers would then hit other rows: the write is repeated only when its sheets hold
 * exactly what they held when it failed. Checking costs two reads per sheet, on failure only.
 */
import { ServiceError } from '../errors';
import { sameValue } from '../support/values';
import { isTransient, messageOf, retried } from './service';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A failed write not tried again because its sheet changed during the pause: its row numbers are stale. */
export class ChangedDuringRetry extends ServiceError {}

/** Runs `write`, retrying the faults `canRetry` accepts while `sheets` stay as they were at the failure. */
export function retriedInPlace(label: string, sheets: readonly Sheet[], write: () => void, canRetry: (error: unknown) => boolean = isTransient): void {
  let before: unknown[][][] | null = null;
  let fault: unknown = null;
  const attempt = (): void => {
    if (before && !sameGrids(before, snapshot(sheets))) {
      throw new ChangedDuringRetry(
        `${label} failed (${messageOf(fault)}) and was not tried again: the sheet changed while sheetorm waited to retry, so the same row numbers could reach other rows.`,
        fault,
      );
    }
    write();
  };
  retried(label, attempt, (error) => {
    if (!canRetry(error)) return false;
    try {
      before = snapshot(sheets);
    } catch (unreadable) {
      return false;
    }
    fault = error;
    return true;
  });
}

function snapshot(sheets: readonly Sheet[]): unknown[][][] {
  return sheets.map((sheet) => sheet.getDataRange().getValues());
}

function sameGrids(a: unknown[][][], b: unknown[][][]): boolean {
  if (a.length !== b.length) return false;
  for (let s = 0; s < a.length; s++) {
    const one = a[s];
    const other = b[s];
    if (one.length !== other.length) return false;
    for (let r = 0; r < one.length; r++) {
      if (one[r].length !== other[r].length) return false;
      for (let c = 0; c < one[r].length; c++) if (!sameValue(one[r][c], other[r][c])) return false;
    }
  }
  return true;
}
