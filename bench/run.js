#!/usr/bin/env node
/**
 * `npm run bench`: sheetorm (dist/Code.js) against hand-written Apps Script (bench/baseline/) on
 * the same in-memory spreadsheets, at 10,000 and 100,000 posts. Eager loads and createMany also
 * run a hand-written version that hands back what the ORM does (bench/baseline/shaped/).
 *
 *   node bench/run.js [--rows 10000[,100000]] [--only with-tags[,sync]] [--runs 5] [--quick]
 *                     [--side orm|baseline|shaped]
 *
 * --quick: 1,000 rows, one timed run (a smoke run). --side: measure one side only (for profiling
 * with `node --cpu-prof bench/run.js ...`). Every workload first runs once per side to count calls,
 * sample the heap and check that both sides return the same result and leave the same sheets;
 * then `--runs` timed runs per side (fresh fixture and context each, fixture build excluded) give
 * the median. Times are the script's own: time spent inside the stand-in's services is reported
 * apart, since in Apps Script that work is what the per-call cost stands for. CPU time counts every
 * thread of the process (V8 compiles and collects garbage on helper threads too); elapsed time is
 * what the script waits for, and moves with the machine's load.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fixtureData } = require('./lib/fixture');
const { measureWorkload } = require('./lib/measure');
const { SECONDS_PER_CALL, summaryTable, callsTable } = require('./lib/report');
const WORKLOADS = require('./workloads');

const ROOT = path.resolve(__dirname, '..');
const NODE_FLAGS = ['--expose-gc', '--max-old-space-size=12288'];

function parseArgs(argv) {
  const options = { rows: [10000, 100000], only: null, runs: 5, side: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--rows') options.rows = value().split(',').map(Number);
    else if (arg === '--only') options.only = value().split(',');
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--side') options.side = value();
    else if (arg === '--quick') Object.assign(options, { rows: [1000], runs: 1 });
    else throw new Error(`Unknown option ${arg} (see the comment at the top of bench/run.js)`);
  }
  if (options.rows.some((n) => !(n >= 8))) throw new Error('--rows: whole numbers ≥ 8');
  if (options.side && !['orm', 'baseline', 'shaped'].includes(options.side)) throw new Error('--side: orm, baseline or shaped');
  const unknown = (options.only || []).filter((name) => !WORKLOADS.some((w) => w.name === name));
  if (unknown.length) throw new Error(`Unknown workload ${unknown.join(', ')} (workloads: ${WORKLOADS.map((w) => w.name).join(', ')})`);
  return options;
}

function loadBuilt() {
  const code = path.join(ROOT, 'dist', 'Code.js');
  if (!fs.existsSync(code)) throw new Error('dist/Code.js is missing: run `npm run build` (npm run bench does).');
  return { code: fs.readFileSync(code, 'utf8'), testing: require(path.join(ROOT, 'lib', 'testing')) };
}

function machine() {
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || os.cpus()[0].model;
  const ram = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`;
  return `Node ${process.version}, ${cpu} (${os.cpus().length} CPUs), ${ram}, ${os.platform()} ${os.release()}; ${new Date().toISOString().slice(0, 10)}`;
}

function main() {
  // Re-run with the flags the measurement needs (gc() between runs, heap room for 100,000 rows).
  if (!global.gc) {
    const child = spawnSync(process.execPath, [...NODE_FLAGS, ...process.execArgv, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(child.status === null ? 1 : child.status);
  }
  const options = parseArgs(process.argv.slice(2));
  const { code, testing } = loadBuilt();
  const workloads = WORKLOADS.filter((w) => !options.only || options.only.includes(w.name));
  const sides = options.side ? [options.side] : ['orm', 'baseline', 'shaped'];
  console.log(`# sheetorm benchmarks\n\n${machine()}\n`);
  console.log(`Median of ${options.runs} timed run(s) per side; fresh fixture and Apps Script context per run.`);
  console.log("CPU ms: the script's CPU time on all threads (compiler and GC helpers included); elapsed ms: its wall-clock time. Both leave out time inside the stand-in's services.");
  console.log(`Projected Apps Script time = calls × ${SECONDS_PER_CALL} s + script ms (a round trip costs ~0.1–0.3 s; batch calls, as Google's Apps Script best practices say).\n`);
  const results = [];
  for (const rows of options.rows) {
    const data = fixtureData(rows);
    for (const workload of workloads) {
      const measured = measureWorkload({ testing, code, data, workload, runs: options.runs, sides });
      const result = { workload, rows, ...measured };
      if (!options.side) results.push(result);
      const line = Object.keys(measured).map((side) => `${side} ${measured[side].total} calls, ${measured[side].ms.toFixed(1)} ms CPU, ${measured[side].wallMs.toFixed(1)} ms elapsed`).join('; ');
      console.error(`  ${workload.name} @ ${rows}: ${line}`);
    }
  }
  if (!results.length) return;
  console.log(`## Summary\n\n${summaryTable(results)}\n`);
  console.log(`## Service calls by kind\n\n${callsTable(results)}`);
}

main();
