/**
 * Runs README.md, so the docs cannot rot.
 *
 * - The tables marked `<!-- test: sheet NAME -->` seed the spreadsheet.
 * - ```js fences run in order as the files of one Apps Script project (dist/Code.js first) in a
 *   context holding only the Apps Script stand-in. After a fence runs, each top-level function it
 *   declares is called in order, as from the editor's Run menu; a ```text fence right after it must
 *   be exactly what Logger.log printed.
 * - A ```js fence marked `<!-- test: library -->` is a script that added the library: it runs in a
 *   second realm that only gets the SheetORM namespace of a library context.
 * - Fences marked `<!-- test: file PATH -->` make up the TypeScript npm project of "From npm": it is
 *   set up with sheetorm installed from lib/, built with its build.mjs, type-checked with its
 *   tsconfig.json, its jest test is run, and its bundle is loaded as Apps Script loads Code.js.
 * - ```bash fences are not run. Any other fence fails the test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createAppsScript, AppsScriptEnv } from '../../src/testing';
import { Bundle, builtBundle, loadCodeJs, ROOT, withBuildLock } from '../dist/bundle';
import { syntaxAbove2020, topLevelDeclarations } from '../dist/syntax';
import { Fence, fences, seededSheets } from './markdown';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const FENCES = fences(README);
const SHEETS = seededSheets(README);

/** The ```text fence that follows `fence`, as lines, if the next fence is one. */
function expectedLog(fence: Fence): string[] | null {
  const next = FENCES[FENCES.indexOf(fence) + 1];
  return next && next.lang === 'text' ? next.code.split('\n') : null;
}

const isTour = (fence: Fence) => fence.lang === 'js' && fence.marker === null;
const isLibrary = (fence: Fence) => fence.lang === 'js' && fence.marker === 'library';
const fileOf = (fence: Fence) => (fence.marker && /^file\s+(.+)$/.exec(fence.marker)?.[1]) || null;

/** Runs a fence's code, then each function it declares; returns what Logger.log printed. */
function runFence(fence: Fence, context: vm.Context, env: AppsScriptEnv): string[] {
  const before = env.logs.length;
  vm.runInContext(fence.code, context, { filename: `README.md:${fence.line}` });
  for (const name of topLevelDeclarations(fence.code).functions) vm.runInContext(`${name}()`, context, { filename: `README.md:${fence.line}` });
  return env.logs.slice(before);
}

let bundle: Bundle;
beforeAll(() => {
  bundle = builtBundle({ lib: true });
}, 180_000);

describe('README.md fences', () => {
  it('are all of a known kind, and every output fence belongs to code that runs', () => {
    for (const fence of FENCES) {
      const where = `README.md:${fence.line} (${fence.lang || 'no language'})`;
      const kind =
        isTour(fence) || isLibrary(fence) ? 'run' : fileOf(fence) ? 'file' : fence.lang === 'bash' && !fence.marker ? 'shell' : fence.lang === 'text' ? 'output' : 'unknown';
      expect([where, kind]).not.toEqual([where, 'unknown']);
      if (kind === 'output') {
        const previous = FENCES[FENCES.indexOf(fence) - 1];
        expect([where, previous && (isTour(previous) || isLibrary(previous))]).toEqual([where, true]);
      }
    }
    expect(FENCES.filter(isTour).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(SHEETS).sort()).toEqual(['PostTag', 'Posts', 'Tags', 'Users']);
  });
});

describe('README.md tour, as one Apps Script project', () => {
  const env = createAppsScript({ sheets: SHEETS });
  let context: vm.Context;
  beforeAll(() => {
    context = loadCodeJs(bundle, env.globals());
  });

  for (const fence of FENCES.filter(isTour)) {
    const functions = topLevelDeclarations(fence.code).functions;
    it(`README.md:${fence.line} ${functions.length ? `runs ${functions.join(', ')}` : 'loads'}`, () => {
      const logged = runFence(fence, context, env);
      const expected = expectedLog(fence);
      if (expected) expect(logged).toEqual(expected);
    });
  }

  it('left the sheets as the tour says', () => {
    expect(env.sheetValues('Posts').map((row) => row[1])).toEqual(['title', 'First Post', 'Second Post', 'Third Post', 'Draft']);
    expect(env.sheetValues('PostTag').slice(1)).toEqual([[1, 1], [1, 2], [2, 2], [3, 2], [4, 1], [4, 2]]);
  });
});

describe('README.md library section, in a second realm that only sees SheetORM', () => {
  for (const fence of FENCES.filter(isLibrary)) {
    it(`README.md:${fence.line} runs as a script that added the library`, () => {
      const env = createAppsScript({ sheets: SHEETS });
      const library = loadCodeJs(bundle, env.globals());
      const user = vm.createContext({ ...env.globals(), SheetORM: library.SheetORM });
      expect(vm.runInContext('typeof Model', user)).toBe('undefined');
      const logged = runFence(fence, user, env);
      const expected = expectedLog(fence);
      if (expected) expect(logged).toEqual(expected);
      expect(env.calls.count('LockService.getScriptLock')).toBe(1);
    });
  }
});

describe('README.md "From npm": a TypeScript project that bundles sheetorm', () => {
  const files = new Map(FENCES.filter(fileOf).map((fence) => [fileOf(fence)!, fence.code]));
  let dir: string;

  const node = (args: string[]): string => {
    try {
      return execFileSync(process.execPath, args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`node ${args.join(' ')} failed in ${dir}:\n${stdout ?? ''}${stderr ?? ''}`);
    }
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetorm-readme-'));
    for (const [file, code] of files) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), `${code}\n`);
    }
    fs.copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(dir, 'appsscript.json'));
    // sheetorm as npm installs it (package.json and lib/, copied under the build lock), and the tools.
    const modules = path.join(dir, 'node_modules');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    withBuildLock(() => {
      fs.mkdirSync(path.join(modules, 'sheetorm'), { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(modules, 'sheetorm', 'package.json'));
      fs.cpSync(path.join(ROOT, 'lib'), path.join(modules, 'sheetorm', 'lib'), { recursive: true });
    });
    fs.mkdirSync(path.join(modules, '@types'));
    fs.mkdirSync(path.join(modules, '@swc'));
    for (const name of [...Object.keys(pkg.dependencies ?? {}), 'esbuild', '@types/google-apps-script', '@types/jest', '@types/node', '@swc/jest', '@swc/core']) {
      fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name), 'dir');
    }
  }, 60_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has the files the section shows', () => {
    expect([...files.keys()].sort()).toEqual(['build.mjs', 'jest.config.js', 'src/main.ts', 'test/posts.test.ts', 'tsconfig.json']);
  });

  it('type-checks with its tsconfig.json', () => {
    node([path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir]);
  }, 120_000);

  it('builds with its build.mjs into a Code.js that Apps Script can load and run', () => {
    node(['build.mjs']);
    expect(fs.readdirSync(path.join(dir, 'dist')).sort()).toEqual(['Code.js', 'appsscript.json']);
    const code = fs.readFileSync(path.join(dir, 'dist', 'Code.js'), 'utf8');
    expect(syntaxAbove2020(code)).toEqual([]);

    const env = createAppsScript({ sheets: SHEETS });
    const context = vm.createContext(env.globals());
    vm.runInContext(code, context, { filename: 'Code.js' });
    expect(env.calls.count()).toBe(0);
    const functions = topLevelDeclarations(code).functions;
    expect(functions).toEqual(['popularPosts']);
    vm.runInContext('popularPosts()', context);
    expect(env.logs).toEqual(['First Post (120 views)']);
  }, 60_000);

  it('passes its jest test, importing sheetorm and sheetorm/testing', () => {
    // The README's own jest.config.js: the section must be enough for a reader's `npx jest`.
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, JEST_WORKER_ID: undefined },
    });
    const output = `${run.stdout}${run.stderr}`;
    expect({ status: run.status, output }).toEqual({ status: 0, output: expect.stringMatching(/Tests:\s+1 passed, 1 total/) });
  }, 120_000);
});
