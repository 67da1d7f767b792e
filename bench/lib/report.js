/** Printing the results as Markdown tables (readable in a terminal too). */
'use strict';

/** The cost of one Apps Script service round trip assumed for projections, in seconds. */
const SECONDS_PER_CALL = 0.15;

const fixed = (n, digits = 0) => (n === null || n === undefined ? '–' : n.toFixed(digits));
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : a ? '∞' : '1.00×');
const callRatio = (a, b) => `${ratio(a, b)}${a === b ? '' : ` (${a > b ? '+' : ''}${a - b})`}`;
const mb = (bytes) => (bytes === null ? '–' : (bytes / 1048576).toFixed(1));
const projected = (side) => side.total * SECONDS_PER_CALL + side.ms / 1000;

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * One row per workload and size: calls, script CPU and elapsed ms, heap and projected time, ORM vs
 * baseline; and the CPU ms of the model-shaped baseline where the workload has one.
 */
function summaryTable(results) {
  const rows = results.map(({ workload, rows: size, orm, baseline, shaped }) => [
    workload.name,
    size.toLocaleString('en-US'),
    orm.total,
    baseline.total,
    callRatio(orm.total, baseline.total),
    fixed(orm.ms, 1),
    fixed(baseline.ms, 1),
    ratio(orm.ms, baseline.ms),
    shaped ? fixed(shaped.ms, 1) : '–',
    shaped ? ratio(orm.ms, shaped.ms) : '–',
    fixed(orm.wallMs, 1),
    fixed(baseline.wallMs, 1),
    ratio(orm.wallMs, baseline.wallMs),
    `${fixed(orm.serviceMs)} / ${fixed(baseline.serviceMs)}`,
    mb(orm.heapBytes),
    mb(baseline.heapBytes),
    fixed(projected(orm), 1),
    fixed(projected(baseline), 1),
  ]);
  const header = ['workload', 'rows', 'calls ORM', 'calls base', 'calls ORM/base', 'CPU ms ORM', 'CPU ms base', 'CPU ORM/base', 'CPU ms shaped', 'CPU ORM/shaped', 'elapsed ms ORM', 'elapsed ms base', 'elapsed ORM/base', 'stand-in ms ORM / base', 'heap MB ORM', 'heap MB base', 'Apps Script s ORM', 'Apps Script s base'];
  return table(header, rows);
}

function kinds(calls) {
  return Object.entries(calls)
    .map(([method, n]) => `${method} ${n}`)
    .join(', ');
}

/** Calls by kind, per workload, size and side; differences marked. */
function callsTable(results) {
  const rows = [];
  for (const { workload, rows: size, orm, baseline } of results) {
    const methods = [...new Set([...Object.keys(orm.calls), ...Object.keys(baseline.calls)])];
    const extra = methods.filter((m) => (orm.calls[m] || 0) !== (baseline.calls[m] || 0)).map((m) => `${m} ${orm.calls[m] || 0} vs ${baseline.calls[m] || 0}`);
    rows.push([workload.name, size.toLocaleString('en-US'), kinds(orm.calls), extra.length ? `**${extra.join('; ')}**` : 'same']);
  }
  return table(['workload', 'rows', 'ORM calls by kind', 'differs from baseline (ORM vs base)'], rows);
}

module.exports = { SECONDS_PER_CALL, summaryTable, callsTable };
