/**
 * The options for deleting scattered rows with SpreadsheetApp (docs/performance.md), measured on
 * the strict stand-in: per-run deleteRows keeps formulas; rewriting the block is cheaper in calls
 * but damages them, which is why sheetorm does not do it.
 */
import { Model } from '../../src';
import { gas, seedSheets, sheetRows } from '../support/seed';

class Row extends Model {
  static _table = 'Rows';
}

const ROWS = 2000;
const doomed = new Set(Array.from({ length: 200 }, (_, i) => 7 + i * 9)); // scattered ids

function seed() {
  seedSheets({ Rows: [['id', 'n', 'double'], ...Array.from({ length: ROWS }, (_, i) => [i + 1, i + 1, `=B${i + 2}*2`])] });
}

/** After deleting, every kept row must still double its own n. */
function formulasIntact(): boolean {
  const values = sheetRows('Rows').slice(1);
  const formulas = gas().sheetFormulas('Rows').slice(1);
  return values.every((row, i) => row[2] === (row[1] as number) * 2 && formulas[i][2] === `=B${i + 2}*2`);
}

it('deleteRows per run: one call per run, formulas and other cells intact', () => {
  seed();
  gas().calls.reset();
  Row.whereIn('id', Array.from(doomed)).delete();
  expect(gas().calls.count('Sheet.deleteRows')).toBe(doomed.size);
  expect(sheetRows('Rows')).toHaveLength(ROWS - doomed.size + 1);
  expect(formulasIntact()).toBe(true);
});

it('rewriting the block below the first deleted row: few calls, but formulas are damaged', () => {
  seed();
  gas().calls.reset();
  const sheet = gas().active.getSheetByName('Rows')!;
  const values = sheet.getDataRange().getValues();
  const kept = values.slice(1).filter((row) => !doomed.has(row[0] as number));
  sheet.getRange(2, 1, kept.length, 3).setValues(kept);
  sheet.deleteRows(kept.length + 2, values.length - 1 - kept.length);
  expect(gas().calls.count()).toBeLessThanOrEqual(6);
  expect(formulasIntact()).toBe(false);
});
