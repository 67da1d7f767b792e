#!/usr/bin/env node
/**
 * `npm run demo`: runs the examples in this folder against an in-memory spreadsheet.
 *
 * Each example is one Apps Script project: dist/Code.js and the example file are evaluated in a
 * fresh global scope that holds only the Apps Script services (sheetorm/testing), the way Apps
 * Script loads a project's files, on a spreadsheet seeded from <example>.sheets.json. Then the
 * example's functions run one by one, as if picked in the editor's Run menu; for each we print
 * what Logger.log printed, the service calls it cost, and the sheets it changed.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const ROOT = path.resolve(__dirname, '..');
const CODE = path.join(ROOT, 'dist', 'Code.js');

const EXAMPLES = [
  { file: 'posts-tags.js', title: 'Posts and Tags: with(), attach, whereHas, a transaction', run: ['postsAndTags', 'addTaggedPost', 'postsAndTags', 'popularTutorials', 'editPost'] },
  { file: 'students-courses.js', title: 'Students and Courses: withCount, has, doesntHave', run: ['courseSizes', 'studentLoads', 'popularAndEmpty', 'enrolDan'] },
  { file: 'users-roles.js', title: 'Users and Roles: a pivot model and role.pivot', run: ['usersAndRoles', 'grantEditorToGrace', 'regrant', 'grantsByAda'] },
  { file: 'users-projects.js', title: 'Users and Projects: sync with pivot data', run: ['projectTeams', 'syncAda', 'addLinusToMercury', 'projectTeams', 'busyMembers'] },
];

const WRITES = /^(Range\.(set|clear)|Sheet\.(appendRow|insert|delete))/;

function loadTesting() {
  try {
    return require('sheetorm/testing');
  } catch (error) {
    throw new Error(`Cannot load sheetorm/testing (lib/testing): run \`npm run build\` first.\n${error.message}`);
  }
}

/** "12 calls (3 reads, 1 write): Range.getValues ×3, …", leaving out Logger.log. */
function describeCalls(calls) {
  const counted = calls.filter((call) => !call.method.startsWith('Logger.'));
  const byMethod = new Map();
  for (const call of counted) byMethod.set(call.method, (byMethod.get(call.method) || 0) + 1);
  const reads = counted.filter((call) => /^Range\.get(Values|DisplayValues|Formulas|Value)$/.test(call.method)).length;
  const writes = counted.filter((call) => WRITES.test(call.method)).length;
  const list = [...byMethod].map(([method, n]) => `${method} ×${n}`).join(', ');
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counted.length, 'service call')} (${plural(reads, 'read')}, ${plural(writes, 'write')})${list ? `: ${list}` : ''}`;
}

function cellText(value) {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return value.toISOString().slice(0, 10);
  return String(value);
}

function printSheet(env, name) {
  const rows = env.sheetValues(name).map((row) => row.map(cellText));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  console.log(`    sheet ${name}:`);
  for (const row of rows) console.log(`      ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')}`);
}

function runExample(testing, code, example) {
  const base = example.file.replace(/\.js$/, '');
  const sheets = JSON.parse(fs.readFileSync(path.join(__dirname, `${base}.sheets.json`), 'utf8'));
  const env = testing.createAppsScript({ sheets, spreadsheetName: base });
  const context = vm.createContext(env.globals());
  vm.runInContext(code, context, { filename: 'Code.js' });
  const loadCalls = env.calls.count();
  vm.runInContext(fs.readFileSync(path.join(__dirname, example.file), 'utf8'), context, { filename: example.file });

  console.log(`\n=== examples/${example.file} — ${example.title}`);
  console.log(`    (loading Code.js and the example: ${loadCalls} service calls)`);
  for (const name of example.run) {
    env.calls.reset();
    const logged = env.logs.length;
    vm.runInContext(`${name}()`, context, { filename: example.file });
    console.log(`\n  ▶ ${name}()`);
    for (const line of env.logs.slice(logged)) console.log(`    ${line}`);
    console.log(`    — ${describeCalls(env.calls.all())}`);
    const changed = [...new Set(env.calls.all().filter((call) => WRITES.test(call.method)).map((call) => call.sheet))];
    for (const sheet of changed) printSheet(env, sheet);
  }
}

function main() {
  if (!fs.existsSync(CODE)) throw new Error('dist/Code.js is missing: run `npm run build` (npm run demo does).');
  const testing = loadTesting();
  const code = fs.readFileSync(CODE, 'utf8');
  console.log('sheetorm demo: each example runs as an Apps Script project (dist/Code.js + the example file)');
  console.log('on an in-memory spreadsheet. Lines under ▶ are what Logger.log printed.');
  for (const example of EXAMPLES) runExample(testing, code, example);
}

if (require.main === module) main();

module.exports = { EXAMPLES };
