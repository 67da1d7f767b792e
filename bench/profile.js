#!/usr/bin/env node
/**
 * The top self-time functions of a `node --cpu-prof` profile of bench/run.js, counting only the
 * samples taken while a workload's job ran (ORM or baseline: a stack through workloads/*.js or
 * baseline/*.js) plus the garbage collection in between them. Fixture building, loading and
 * checks are left out; time inside the stand-in's services (lib/testing) is summed as one line,
 * and so is the harness's own metering.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/run.js --rows 100000 --only with-tags --side orm --runs 1
 *   node bench/profile.js /tmp/prof/<largest>.cpuprofile [top=25]
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Line → source file of dist/Code.js, from esbuild's `// src/...` markers. */
const SOURCES = (() => {
  const code = path.join(__dirname, '..', 'dist', 'Code.js');
  if (!fs.existsSync(code)) return [];
  const marks = [];
  fs.readFileSync(code, 'utf8').split('\n').forEach((line, i) => {
    const match = /^\s*\/\/ (src\/\S+)$/.exec(line);
    if (match) marks.push({ line: i + 1, file: match[1] });
  });
  return marks;
})();

function sourceOf(line) {
  let file = null;
  for (const mark of SOURCES) if (mark.line <= line) file = mark.file;
  return file;
}

const JOB = /\/?(workloads|baseline)\/[\w-]+\.js$/;

function main([file, top = '25']) {
  if (!file) throw new Error('usage: node bench/profile.js <file.cpuprofile> [top]');
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children || []) parent.set(child, node.id);
  const inJob = new Map();
  const isJob = (id) => {
    if (!inJob.has(id)) {
      const node = nodes.get(id);
      const here = node.callFrame.url !== '' && JOB.test(node.callFrame.url) && !/common\.js$/.test(node.callFrame.url);
      inJob.set(id, here || (parent.has(id) ? isJob(parent.get(id)) : false));
    }
    return inJob.get(id);
  };
  // A sample counts when it is in a job; garbage collection counts when it falls between two job samples.
  const self = new Map();
  let total = 0;
  let inside = false;
  let gc = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] || 0) / 1000;
    const name = nodes.get(id).callFrame.functionName;
    if (isJob(id)) {
      if (gc) add('(garbage collector)', gc);
      gc = 0;
      inside = true;
      add(label(nodes.get(id)), ms);
    } else if (inside && name === '(garbage collector)') {
      gc += ms;
    } else if (inside && name !== '(program)') {
      inside = false;
      gc = 0;
    }
  });
  function add(key, ms) {
    self.set(key, (self.get(key) || 0) + ms);
    total += ms;
  }
  console.log(`${total.toFixed(0)} ms in jobs (self time, GC between job samples included)`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

function label(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  if (/\/testing\//.test(url)) return '(stand-in services, lib/testing)';
  if (/\/bench\/lib\//.test(url) || ['cpuUsage', 'memoryUsage'].includes(functionName)) return '(benchmark metering)';
  const where = url === 'Code.js' && sourceOf(lineNumber + 1) ? `${sourceOf(lineNumber + 1)} (Code.js:${lineNumber + 1})` : `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'} ${where}`;
}

main(process.argv.slice(2));
