#!/usr/bin/env node
/**
 * How much of the with-tags gap is the shape of the result. The baseline shares one object per tag
 * between posts; the ORM gives every post its own Tag model per pivot row, carrying `pivot`. This
 * times, on the benchmark's fixture and harness, the hand-written baseline, the same job written by
 * hand to return the ORM's shape (bench/shape/with-tags-shape.js), and the ORM.
 *
 *   node --expose-gc bench/shape.js [rows=100000] [runs=5]
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { fixtureData } = require('./lib/fixture');
const { measureWorkload } = require('./lib/measure');
const withTags = require('./workloads/with-tags');

const root = path.join(__dirname, '..');
const testing = require(path.join(root, 'lib', 'testing'));
const code = fs.readFileSync(path.join(root, 'dist', 'Code.js'), 'utf8');

function main([rows = '100000', runs = '5']) {
  const data = fixtureData(Number(rows));
  const common = { testing, code, data, runs: Number(runs) };
  const both = measureWorkload({ ...common, workload: withTags });
  // The same-shape job runs as the baseline side, from its own file.
  const shape = measureWorkload({ ...common, workload: { ...withTags, baselineFile: 'shape/with-tags-shape.js' }, sides: ['baseline'] });
  if (shape.baseline.summary !== both.orm.summary) throw new Error('the same-shape job and the ORM disagree');
  const base = both.baseline.ms;
  const line = (label, ms) => `| ${label} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)}× |`;
  console.log(`with-tags at ${data.rows.toLocaleString('en-US')} posts, median of ${runs} runs (script CPU ms, as in RESULTS.md)\n`);
  console.log('| job | ms | / baseline |\n| --- | --- | --- |');
  console.log(line('baseline (shared tag objects)', base));
  console.log(line("by hand, the ORM's shape (a tag object per pivot row, with its pivot)", shape.baseline.ms));
  console.log(line("ORM: Post.with('tags').get()", both.orm.ms));
}

main(process.argv.slice(2));
