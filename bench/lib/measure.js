/**
 * Running one workload on one side: a fresh fixture, a fresh vm context holding the stand-in's
 * services (as Apps Script starts every execution afresh), the side's code loaded into it, then
 * the job alone timed. `orm` loads dist/Code.js and the models; `baseline` loads
 * bench/baseline/common.js and bench/baseline/<workload>.js; `shaped` bench/baseline/common.js and
 * bench/baseline/shaped/<workload>.js.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createFixture } = require('./fixture');
const { cpuMs, meteredGlobals, wallMs } = require('./metered');

const BENCH = path.resolve(__dirname, '..');
const read = (file) => fs.readFileSync(path.join(BENCH, file), 'utf8');
const MODELS = read('lib/models.js');
const COMMON = read('baseline/common.js');

/** The model-shaped baseline of a workload (bench/baseline/shaped/<name>.js), or null when it has none. */
function shapedFile(workload) {
  const file = `baseline/shaped/${workload.name}.js`;
  return fs.existsSync(path.join(BENCH, file)) ? file : null;
}

/**
 * Loads the side's code into a fresh context; returns the job as a function of the params. Sides:
 * `orm`, `baseline` (the least a script must do), `shaped` (a script that hands back what the ORM
 * hands back: bench/baseline/shaped/).
 */
function loadSide(side, workload, code, context) {
  const run = (source, filename) => vm.runInContext(source, context, { filename });
  if (side === 'orm') {
    run(code, 'Code.js');
    run(MODELS, 'models.js');
    return run(`(${workload.orm.toString()})`, `workloads/${workload.name}.js`);
  }
  run(COMMON, 'baseline/common.js');
  const file = side === 'shaped' ? shapedFile(workload) : `baseline/${workload.name}.js`;
  run(read(file), file);
  return context.run;
}

/** A digest of the sheets' values, to check that both sides leave the same spreadsheet. */
function digest(env, sheets) {
  const hash = crypto.createHash('sha256');
  for (const name of sheets) hash.update(name).update(JSON.stringify(env.sheetValues(name)));
  return hash.digest('hex').slice(0, 16);
}

const heapUsed = () => process.memoryUsage().heapUsed;

/**
 * A fresh global scope holding `globals`. A context made from a sandbox object answers every global
 * name (`Map`, `Object`, a script's own top-level functions) through Node's interceptors, ~80 ns a
 * look-up in a hot loop, which Apps Script's V8 does not have: where Node offers it, the context is
 * made without them.
 */
function newContext(globals) {
  const plain = vm.constants && vm.constants.DONT_CONTEXTIFY;
  if (!plain) return vm.createContext(globals);
  const context = vm.createContext(plain);
  Object.assign(context, globals);
  return context;
}

/**
 * One run. Options: testing (sheetorm/testing), code (dist/Code.js text), data (fixtureData),
 * workload, side ('orm' | 'baseline' | 'shaped'), profile (sample the heap at every service call and digest
 * the sheets afterwards; costs time, so timed runs leave it off).
 * Returns { calls (by method), total, ms (script CPU, all threads), wallMs (script elapsed time), serviceMs,
 * heapBytes, summary, sheets }.
 */
function runOnce({ testing, code, data, workload, side, profile = false }) {
  const env = createFixture(testing, data, workload.sheets);
  const meter = { serviceMs: 0, serviceWallMs: 0, onCall: null };
  const context = newContext(meteredGlobals(env.globals(), meter));
  const job = loadSide(side, workload, code, context);
  const params = vm.runInContext(`(${JSON.stringify(workload.params(data.facts))})`, context);
  env.calls.reset();
  if (global.gc) global.gc();
  const before = heapUsed();
  let peak = before;
  if (profile) meter.onCall = () => (peak = Math.max(peak, heapUsed()));

  const started = cpuMs();
  const startedWall = wallMs();
  const result = job(params);
  const elapsed = cpuMs() - started;
  const elapsedWall = wallMs() - startedWall;

  if (profile) peak = Math.max(peak, heapUsed());
  const calls = env.calls.byMethod();
  return {
    calls,
    total: Object.values(calls).reduce((sum, n) => sum + n, 0),
    ms: elapsed - meter.serviceMs,
    wallMs: elapsedWall - meter.serviceWallMs,
    serviceMs: meter.serviceMs,
    heapBytes: profile ? peak - before : null,
    summary: JSON.stringify(workload.summarize(result)),
    sheets: profile ? digest(env, workload.sheets) : null,
  };
}

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures a workload on each side (`shaped` only where the workload has one): one profiling run
 * each (calls, heap, result and sheet checks), then `runs` timed runs taking the sides in turn.
 * Throws when a baseline disagrees with the ORM on the result or the sheets, or when a side's calls
 * vary between runs.
 */
function measureWorkload({ testing, code, data, workload, runs = 5, sides = ['orm', 'baseline'] }) {
  sides = sides.filter((side) => side !== 'shaped' || shapedFile(workload));
  const out = {};
  for (const side of sides) out[side] = { ...runOnce({ testing, code, data, workload, side, profile: true }), times: [], wallTimes: [], serviceTimes: [] };
  for (let i = 0; i < runs; i++) {
    for (const side of sides) {
      const run = runOnce({ testing, code, data, workload, side });
      if (run.total !== out[side].total) throw new Error(`${workload.name} (${side}): ${run.total} calls in one run, ${out[side].total} in another`);
      out[side].times.push(run.ms);
      out[side].wallTimes.push(run.wallMs);
      out[side].serviceTimes.push(run.serviceMs);
    }
  }
  for (const side of sides) {
    if (runs) out[side].ms = median(out[side].times);
    if (runs) out[side].wallMs = median(out[side].wallTimes);
    if (runs) out[side].serviceMs = median(out[side].serviceTimes);
  }
  for (const other of ['baseline', 'shaped']) {
    if (!out.orm || !out[other]) continue;
    for (const key of ['summary', 'sheets']) {
      if (out.orm[key] !== out[other][key]) {
        throw new Error(`${workload.name}: ORM and ${other} differ in ${key} (ORM ${out.orm[key]}, ${other} ${out[other][key]})`);
      }
    }
  }
  return out;
}

module.exports = { runOnce, measureWorkload, median, shapedFile, newContext };
