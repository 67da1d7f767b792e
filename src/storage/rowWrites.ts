/**
 * Writes addressed by row numbers (a block of cells, appended rows, clearing them again). A passing
 * fault is retried after a pause, but a person may insert, delete or sort rows during the pause, and
 * the same row numbers would then hit other rows: the write is repeated only when its sheets still
 * end where they did and hold the same keys in the same rows. Checking costs two reads per sheet,
 * taken on failure only.
 */
import { ServiceError } from '../errors';
import { sameValue } from '../support/values';
import { isTransient, messageOf, retried } from './service';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sheet a write goes to, with the 1-based columns of its keys (null: compare every column). */
export interface WriteTarget {
  sheet: Sheet;
  keys: readonly number[] | null;
}

/** A failed write not tried again because its sheets changed during the pause: their row numbers are stale. */
export class ChangedDuringRetry extends ServiceError {
  readonly sheets: readonly Sheet[];

  constructor(message: string, cause: unknown, sheets: readonly Sheet[]) {
    super(message, cause);
    this.sheets = sheets;
  }
}

/** Runs `write`, retrying the faults `canRetry` accepts while the targets' rows stay where they were at the failure. */
export function retriedInPlace(label: string, targets: readonly WriteTarget[], write: () => void, canRetry: (error: unknown) => boolean = isTransient): void {
  let before: unknown[][][] | null = null;
  let fault: unknown = null;
  const attempt = (): void => {
    if (before) {
      const now = snapshot(targets);
      const changed = targets.filter((_, i) => !sameGrid((before as unknown[][][])[i], now[i])).map((target) => target.sheet);
      if (changed.length) {
        throw new ChangedDuringRetry(
          `${label} failed (${messageOf(fault)}) and was not tried again: rows of the sheet moved while sheetorm waited to retry, so the same row numbers could reach other rows.`,
          fault,
          changed,
        );
      }
    }
    write();
  };
  retried(label, attempt, (error) => {
    if (!canRetry(error)) return false;
    try {
      // Right after a fault the next call may fail too: the check read is retried like any read.
      before = retried(`${label}: reading where its rows are`, () => snapshot(targets));
    } catch (unreadable) {
      return false;
    }
    fault = error;
    return true;
  });
}

/** Per target: the last row and the key columns (every column without keys), header included. */
function snapshot(targets: readonly WriteTarget[]): unknown[][][] {
  return targets.map(({ sheet, keys }) => {
    const lastRow = sheet.getLastRow();
    if (!keys) return [[lastRow]].concat(sheet.getDataRange().getValues());
    if (lastRow === 0) return [[0]];
    const first = Math.min(...keys);
    const span = Math.max(...keys) - first + 1;
    const rows = sheet.getRange(1, first, lastRow, span).getValues();
    return [[lastRow]].concat(rows.map((row) => keys.map((key) => row[key - first])));
  });
}

function sameGrid(one: unknown[][], other: unknown[][]): boolean {
  if (one.length !== other.length) return false;
  for (let r = 0; r < one.length; r++) {
    if (one[r].length !== other[r].length) return false;
    for (let c = 0; c < one[r].length; c++) if (!sameValue(one[r][c], other[r][c])) return false;
  }
  return true;
}
