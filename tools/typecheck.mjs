// Type-checks the sources (with their stricter settings) and the tests at once: two tsc runs in
// parallel take the time of the longer one. Exits non-zero when either finds an error.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = (project) =>
  new Promise((done) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit' });
    child.on('close', (code) => done(code));
  });

const codes = await Promise.all([run('tsconfig.json'), run('test/tsconfig.json')]);
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
