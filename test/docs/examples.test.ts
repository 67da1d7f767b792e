/**
 * The files in examples/ are Apps Script code users copy: each must run on dist/Code.js, print what
 * the demo promises, and behave the same pushed into a project and with sheetorm added as a library.
 * `npm run demo` itself must run and print the Logger output and the call counts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createAppsScript, AppsScriptEnv } from '../../src/testing';
import { Bundle, builtBundle, loadCodeJs, ROOT, withBuildLock } from '../dist/bundle';

interface Example {
  file: string;
  run: string[];
}
const { EXAMPLES } = require('../../examples/demo.js') as { EXAMPLES: Example[] };
const EXAMPLES_DIR = path.join(ROOT, 'examples');

/** Runs an example's steps; `asLibrary` puts the user code in a second realm that only sees SheetORM. */
function runExample(bundle: Bundle, example: Example, asLibrary: boolean): { env: AppsScriptEnv; logs: string[][]; reads: number[] } {
  const sheets = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, example.file.replace(/\.js$/, '.sheets.json')), 'utf8'));
  const env = createAppsScript({ sheets });
  const library = loadCodeJs(bundle, env.globals());
  const context = asLibrary ? vm.createContext({ ...env.globals(), SheetORM: library.SheetORM }) : library;
  vm.runInContext(fs.readFileSync(path.join(EXAMPLES_DIR, example.file), 'utf8'), context, { filename: example.file });
  const logs: string[][] = [];
  const reads: number[] = [];
  for (const step of example.run) {
    const before = env.logs.length;
    env.calls.reset();
    vm.runInContext(`${step}()`, context);
    logs.push(env.logs.slice(before));
    reads.push(env.calls.reads());
  }
  return { env, logs, reads };
}

const byFile = (file: string) => EXAMPLES.find((example) => example.file === file)!;

let bundle: Bundle;
beforeAll(() => {
  bundle = builtBundle();
}, 120_000);

describe('examples/', () => {
  it('lists every example file in the demo, each with its sheets', () => {
    const files = fs.readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.js') && name !== 'demo.js').sort();
    expect(EXAMPLES.map((example) => example.file).sort()).toEqual(files);
    for (const file of files) expect(fs.existsSync(path.join(EXAMPLES_DIR, file.replace(/\.js$/, '.sheets.json')))).toBe(true);
  });

  it.each(EXAMPLES.map((example) => [example.file, example] as const))('%s logs the same pushed into a project and as a library', (_file, example) => {
    const pushed = runExample(bundle, example, false);
    const library = runExample(bundle, example, true);
    expect(library.logs).toEqual(pushed.logs);
    expect(pushed.logs.every((lines) => lines.length > 0)).toBe(true);
  });

  it('posts-tags.js prints each post with its tags, from one read per sheet', () => {
    const { logs, reads } = runExample(bundle, byFile('posts-tags.js'), false);
    expect(logs[0]).toEqual(['First Post - Tags: JavaScript, Tutorial', 'Second Post - Tags: Tutorial']);
    expect(reads[0]).toBe(3);
    expect(logs[2]).toContain('Third Post - Tags: JavaScript, Tutorial');
  });

  it('students-courses.js counts with withCount, has and doesntHave', () => {
    const { logs } = runExample(bundle, byFile('students-courses.js'), false);
    expect(logs[0]).toEqual(['Art: 1 student', 'History: 0 students', 'Math: 3 students', 'Physics: 1 student']);
    expect(logs[2]).toEqual(['At least 2 students: Math', 'No students: History']);
    expect(logs[3]).toEqual(['Dan takes Art, Math', 'Art: 2 students', 'History: 0 students', 'Math: 4 students', 'Physics: 1 student']);
  });

  it('users-roles.js reads and saves pivot data through the pivot model', () => {
    const { env, logs } = runExample(bundle, byFile('users-roles.js'), false);
    expect(logs[0]).toEqual(['Ada: admin (granted by root), editor (granted by root)', 'Linus: editor (granted by Ada), viewer (granted by Ada)', 'Grace: no roles']);
    expect(logs[2][0]).toBe('Pivot of Ada/admin is a RoleUser: {"user_id":1,"role_id":1,"granted_by":"root","granted_on":null}');
    const rows = env.sheetValues('RoleUser');
    expect(rows.slice(1).map((row) => row.slice(0, 3))).toEqual([[1, 1, 'board'], [1, 2, 'board'], [2, 2, 'Ada'], [2, 3, 'Ada'], [3, 2, 'Ada']]);
    expect((rows[5][3] as Date).getTime()).toBe(Date.UTC(2024, 5, 1));
  });

  it('users-projects.js syncs with pivot data as a diff', () => {
    const { env, logs } = runExample(bundle, byFile('users-projects.js'), false);
    expect(logs[1]).toEqual(['attached: 2; updated: 1; detached: 3']);
    expect(logs[3]).toEqual(['Apollo: Ada (lead, 12 h)', 'Gemini: Linus (lead, 10 h), Ada (dev, 4 h)', 'Mercury: Linus (reviewer, 2 h)']);
    expect(env.sheetValues('project_user').slice(1)).toEqual([[1, 1, 'lead', 12], [2, 2, 'lead', 10], [1, 2, 'dev', 4], [2, 3, 'reviewer', 2]]);
  });
});

describe('npm run demo', () => {
  it('prints what Logger.log printed and what each step cost', () => {
    builtBundle({ lib: true });
    const run = withBuildLock(() => spawnSync(process.execPath, [path.join(EXAMPLES_DIR, 'demo.js')], { cwd: ROOT, encoding: 'utf8' }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  ▶ postsAndTags()\n    First Post - Tags: JavaScript, Tutorial\n    Second Post - Tags: Tutorial\n    — 10 service calls (3 reads, 0 writes)');
    expect(run.stdout.match(/\(loading Code\.js and the example: 0 service calls\)/g)).toHaveLength(EXAMPLES.length);
    expect(run.stdout).toContain('    sheet project_user:');
  }, 180_000);
});
