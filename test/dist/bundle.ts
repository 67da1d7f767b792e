/**
 * The built artifacts for tests of dist/Code.js, README blocks and the npm entry.
 *
 * Caveat: jest runs test files in parallel workers and dist/ is rebuilt in place (build.mjs removes
 * it first), so every build and every read of dist/ happens under a lock directory, and tests load
 * a private copy of dist/. dist/Code.js is committed, so its mtime says nothing about its source on a
 * fresh clone: it counts as fresh only when a stamp written after our last build matches both the
 * current inputs (src/, tools/, build.mjs, package.json, ...) and the file. lib/ is not committed, so its
 * mtime is trusted.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'sheetorm-tests');
const LOCK = path.join(CACHE, 'build.lock');
const STAMP = path.join(CACHE, 'build-stamp.json');
const INPUT_FILES = ['build.mjs', 'package.json', 'appsscript.json', 'tsconfig.json'];

/** gas-local has no type declarations: `require(folder, globals)` runs every .js file of a folder in a vm context. */
const gasLocal: { require(folder: string, globals: object): vm.Context } = require('gas-local');

/** A private copy of the built dist/ (the folder) and its Code.js text. */
export interface Bundle {
  dir: string;
  code: string;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function inputPaths(): string[] {
  const tools = path.join(ROOT, 'tools');
  const folders = [path.join(ROOT, 'src'), ...(fs.existsSync(tools) ? [tools] : [])];
  return [...folders.flatMap(walk), ...INPUT_FILES.map((file) => path.join(ROOT, file))].sort();
}

function sha(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of inputPaths()) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn holding the build lock (a directory; one left behind by a crashed run expires after 2 minutes). */
export function withBuildLock<T>(fn: () => T): T {
  fs.mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the build lock ${LOCK}`);
      sleep(50);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

function distIsFresh(inputs: string): boolean {
  const code = path.join(ROOT, 'dist', 'Code.js');
  if (!fs.existsSync(code) || !fs.existsSync(STAMP)) return false;
  const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  return stamp.inputs === inputs && stamp.code === sha(fs.readFileSync(code));
}

function libIsFresh(): boolean {
  const entries = ['index.js', 'index.d.ts', 'testing/index.js', 'testing/index.d.ts'].map((file) => path.join(ROOT, 'lib', file));
  if (!entries.every((file) => fs.existsSync(file))) return false;
  const newestInput = Math.max(...inputPaths().map((file) => fs.statSync(file).mtimeMs));
  return fs.statSync(entries[0]).mtimeMs >= newestInput;
}

function runBuild(withLib: boolean): void {
  try {
    execFileSync(process.execPath, ['build.mjs', '--quiet', ...(withLib ? [] : ['--no-lib'])], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`node build.mjs failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** Builds dist/ (and lib/ when `lib`) unless they are already built from the current sources. Call under the lock. */
function ensureBuiltLocked(lib: boolean): void {
  const inputs = inputsHash();
  const needLib = lib && !libIsFresh();
  if (!needLib && distIsFresh(inputs)) return;
  // A full build rewrites dist/ too; a --no-lib build leaves lib/ alone.
  runBuild(needLib);
  const code = sha(fs.readFileSync(path.join(ROOT, 'dist', 'Code.js')));
  fs.writeFileSync(STAMP, JSON.stringify({ inputs, code }));
}

/** Makes sure dist/ (and lib/ when asked) is built from the current sources. */
export function ensureBuilt(options: { lib?: boolean } = {}): void {
  withBuildLock(() => ensureBuiltLocked(Boolean(options.lib)));
}

let cached: Bundle | null = null;

/** The built dist/, copied to a private folder so that a rebuild by another worker cannot change it mid-test. */
export function builtBundle(options: { lib?: boolean } = {}): Bundle {
  if (cached && !options.lib) return cached;
  cached = withBuildLock(() => {
    ensureBuiltLocked(Boolean(options.lib));
    const dist = path.join(ROOT, 'dist');
    const names = fs.readdirSync(dist).sort();
    const contents = names.map((name) => fs.readFileSync(path.join(dist, name)));
    // One folder per distinct build, so repeated runs do not pile up copies.
    const dir = path.join(os.tmpdir(), `sheetorm-dist-${sha(Buffer.concat(contents)).slice(0, 16)}`);
    if (!fs.existsSync(dir)) {
      const staging = fs.mkdtempSync(`${dir}-`);
      names.forEach((name, i) => fs.writeFileSync(path.join(staging, name), contents[i]));
      try {
        fs.renameSync(staging, dir);
      } catch (error) {
        // Another checkout's tests placed the same build there first.
        fs.rmSync(staging, { recursive: true, force: true });
        if (!fs.existsSync(dir)) throw error;
      }
      removeStaleCopies(dir);
    }
    return { dir, code: fs.readFileSync(path.join(dir, 'Code.js'), 'utf8') };
  });
  return cached;
}

/** Removes copies of other builds untouched for a day: no test run still uses them. */
function removeStaleCopies(current: string): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    const dir = path.join(os.tmpdir(), name);
    if (!name.startsWith('sheetorm-dist-') || dir === current) continue;
    try {
      if (fs.statSync(dir).mtimeMs < dayAgo) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another run.
    }
  }
}

/** The names in dist/ right now (read under the build lock). */
export function distEntries(): string[] {
  return withBuildLock(() => fs.readdirSync(path.join(ROOT, 'dist')).sort());
}

/**
 * Loads Code.js with gas-local into a new vm context whose globals are exactly `globals` (plus
 * what JavaScript itself defines), as Apps Script loads a project's files. Returns the context.
 */
export function loadCodeJs(bundle: Bundle, globals: Record<string, unknown>): vm.Context {
  return gasLocal.require(bundle.dir, globals);
}
