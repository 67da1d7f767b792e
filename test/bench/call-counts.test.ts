/**
 * Service calls of the benchmark workloads (bench/workloads) on dist/Code.js, at 200 posts: the
 * ORM's counts are pinned exactly (they are deterministic), both sides must return the same result
 * and leave the same sheets, and the ORM never reads or writes more than the hand-written Apps
 * Script baseline (bench/baseline); the model-shaped baselines (bench/baseline/shaped) do the same job
 * with the baseline's calls. Times are measured by `npm run bench`, never here.
 */
import { createAppsScript } from '../../src/testing';
import { builtBundle } from '../dist/bundle';

type Calls = Record<string, number>;
interface Workload {
  name: string;
}
interface Run {
  calls: Calls;
  summary: string;
  sheets: string;
}
interface RunOptions {
  testing: { createAppsScript: typeof createAppsScript };
  code: string;
  data: unknown;
  workload: Workload;
  side: 'orm' | 'baseline' | 'shaped';
  profile: boolean;
}

// The harness is plain Node JavaScript (bench/ is not compiled).
const { fixtureData } = require('../../bench/lib/fixture') as { fixtureData(rows: number): unknown };
const { runOnce, shapedFile } = require('../../bench/lib/measure') as { runOnce(options: RunOptions): Run; shapedFile(workload: Workload): string | null };
const WORKLOADS = require('../../bench/workloads') as Workload[];

/** The calls and writes that cost a round trip each and scale with the data. */
const READS_AND_WRITES = ['Range.getValues', 'Range.setValues', 'Sheet.deleteRows', 'Sheet.insertRowsAfter'];

const open = (n: number) => ({ 'SpreadsheetApp.getActiveSpreadsheet': 1, 'Spreadsheet.getSheetByName': n });
const readAll = (n: number) => ({ ...open(n), 'Sheet.getDataRange': n, 'Range.getValues': n });
const locked = { 'LockService.getScriptLock': 1, 'Lock.tryLock': 1, 'SpreadsheetApp.flush': 1, 'Lock.releaseLock': 1 };
const cells = (n: number) => ({ 'Sheet.getRange': n, 'Range.setValues': n });
/** Cells that get one value, scattered: one RangeList write per value (see src/storage/sameValueBlocks.ts). */
const rangeLists = (n: number) => ({ 'Sheet.getRangeList': n, 'RangeList.setValue': n });

/**
 * The ORM's calls per workload at 200 posts (50 picked posts, 50 featured, a hub post with 150
 * tags), and for update-save also at 10,000 posts, where Posts (60,000 cells) is past the size
 * above which a transaction re-checks a sheet by its header and key column instead of reading it again.
 */
const EXPECTED: Record<string, Calls> = {
  'with-tags @ 200': readAll(3),
  'nested @ 200': readAll(4),
  'where-has @ 200': readAll(3),
  'create-many @ 200': { ...locked, ...readAll(1), 'Sheet.getMaxRows': 1, ...cells(1) },
  // 100 hub rows detached in 99 runs: two of them are adjacent in the fixture.
  'sync @ 200': { ...locked, ...readAll(2), 'Sheet.getMaxRows': 1, 'Sheet.insertRowsAfter': 1, ...cells(1), 'Sheet.deleteRows': 99 },
  'detach @ 200': { ...locked, ...readAll(2), 'Sheet.deleteRows': 50 },
  'update-save @ 200': { ...locked, ...readAll(1), 'Sheet.getDataRange': 2, 'Range.getValues': 2, ...cells(50) },
  // 1,000 views cells, written as 100 RangeLists: the new counts repeat (the fixture's views are (id × 37) mod 1000).
  'update-save @ 10000': { ...locked, ...readAll(1), 'Sheet.getLastRow': 1, 'Range.getValues': 3, 'Sheet.getRange': 2, ...rangeLists(100) },
  'update-where-in @ 200': { ...locked, ...readAll(1), ...rangeLists(1) },
  'delete @ 200': { ...locked, ...readAll(1), 'Sheet.deleteRows': 50 },
};

/**
 * Reads the ORM makes on purpose beyond the baseline: a transaction re-checks each sheet it writes
 * before writing, because people may have inserted or deleted rows while it ran (docs/performance.md):
 * one more read of a sheet under 50,000 cells, two small ones (header row, key column) of a bigger one.
 * The exact counts are pinned in EXPECTED above.
 */
const RECHECK: Record<string, Calls> = {
  'update-save': { 'Range.getValues': 2 },
};

const testing = { createAppsScript };
const fixtures = new Map<number, unknown>();
const data = (rows: number) => fixtures.get(rows) ?? fixtures.set(rows, fixtureData(rows)).get(rows);
let code: string;

beforeAll(() => {
  code = builtBundle().code;
});

const CASES = Object.keys(EXPECTED).map((label) => {
  const [name, rows] = label.split(' @ ');
  const workload = WORKLOADS.find((w) => w.name === name);
  if (!workload) throw new Error(`No workload ${name} in bench/workloads`);
  return [label, workload, Number(rows)] as const;
});

it('covers every workload', () => {
  expect(WORKLOADS.map((w) => w.name).filter((name) => !CASES.some(([, w]) => w.name === name))).toEqual([]);
});

describe.each(CASES)('%s', (label, workload, rows) => {
  let orm: Run;
  let baseline: Run;
  beforeAll(() => {
    const run = (side: 'orm' | 'baseline') => runOnce({ testing, code, data: data(rows), workload, side, profile: true });
    orm = run('orm');
    baseline = run('baseline');
  });

  it('makes exactly the pinned service calls', () => {
    expect(orm.calls).toEqual(EXPECTED[label]);
  });

  it('does the same job as the baseline (result and sheets)', () => {
    expect(orm.summary).toBe(baseline.summary);
    expect(orm.sheets).toBe(baseline.sheets);
  });

  if (shapedFile(workload)) {
    it('has a model-shaped baseline that does the same job with the baseline\'s calls', () => {
      const shaped = runOnce({ testing, code, data: data(rows), workload, side: 'shaped', profile: true });
      expect([shaped.summary, shaped.sheets]).toEqual([baseline.summary, baseline.sheets]);
      expect(shaped.calls).toEqual(baseline.calls);
    });
  }

  const allowed = RECHECK[workload.name] || {};
  it(`reads and writes no more than the baseline${RECHECK[workload.name] ? ' (plus the transaction re-check)' : ''}`, () => {
    // A RangeList write stands in for setValues calls: each counts as one write.
    const count = (calls: Calls, method: string) => (calls[method] || 0) + (method === 'Range.setValues' ? calls['RangeList.setValue'] || 0 : 0);
    const over = READS_AND_WRITES.filter((m) => count(orm.calls, m) > count(baseline.calls, m) + count(allowed, m)).map(
      (m) => `${m}: ORM ${count(orm.calls, m)}, baseline ${count(baseline.calls, m)}`,
    );
    expect(over).toEqual([]);
  });
});
