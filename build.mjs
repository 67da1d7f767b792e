// Builds dist/Code.js (the Apps Script file), dist/appsscript.json and the npm build in lib/.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import vm from 'node:vm';
import { writeLibraryDeclarations } from './tools/library-dts.mjs';

const quiet = process.argv.includes('--quiet');
const log = (...args) => { if (!quiet) console.log(...args); };
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const shared = {
  entryPoints: ['src/index.ts'],
  bundle: true,
  target: 'es2019',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  write: false,
};

/** The public export names, read from esbuild's metafile so the footer can never drift. */
async function exportNames() {
  const result = await build({ ...shared, format: 'esm', metafile: true, outfile: 'out.mjs' });
  const names = Object.values(result.metafile.outputs).flatMap((output) => output.exports);
  return [...new Set(names)].filter((name) => name !== 'default').sort();
}

async function buildAppsScript() {
  const names = await exportNames();
  const result = await build({ ...shared, format: 'iife', globalName: 'SheetORM', outfile: 'Code.js' });
  const body = bindBuiltins(result.outputFiles[0].text);
  const banner = `// sheetorm ${pkg.version} — ${pkg.description}\n// Built file: edit src/ and run \`npm run build\`.\n`;
  const footer = names.map((name) => `var ${name} = SheetORM.${name};`).join('\n');
  const code = `${banner}${body}${footer}\n`;
  assertLoadsBare(code, names);
  rmSync('dist', { recursive: true, force: true });
  mkdirSync('dist');
  writeFileSync('dist/Code.js', code);
  copyFileSync('appsscript.json', 'dist/appsscript.json');
  log(`dist/Code.js: ${(code.length / 1024).toFixed(1)} KiB, ${names.length} exports`);
}

// Built-ins the bundle binds once. Outside Apps Script's own V8 (gas-local, the test kit, any Node
// `vm` context) every lookup of a free global goes through the context's interceptor: 40–300 ns,
// paid per cell on the hot paths. Locals cost nothing anywhere.
const BUILTINS = ['Array', 'Date', 'Error', 'JSON', 'Map', 'Math', 'Number', 'Object', 'RegExp', 'Set', 'String', 'Symbol', 'WeakMap', 'isFinite', 'isNaN'];

function bindBuiltins(body) {
  const opening = 'var SheetORM = (() => {\n';
  if (!body.includes(opening)) throw new Error(`esbuild's bundle no longer opens with ${JSON.stringify(opening)}`);
  const used = BUILTINS.filter((name) => new RegExp(`\\b${name}\\b`).test(body));
  return body.replace(opening, `${opening}  const { ${used.join(', ')} } = globalThis;\n`);
}

/** Apps Script loads the file in a bare scope on every execution: it must not touch a service. */
function assertLoadsBare(code, names) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  for (const name of ['SheetORM', ...names]) {
    if (context[name] === undefined) throw new Error(`dist/Code.js does not declare a top-level ${name}`);
  }
}

function buildLib() {
  rmSync('lib', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  log('lib/: CommonJS build with declarations');
  const count = writeLibraryDeclarations();
  log(`types/library.d.ts: SheetORM namespace with ${count} members`);
}

await buildAppsScript();
if (!process.argv.includes('--no-lib')) buildLib();
