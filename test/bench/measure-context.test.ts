/**
 * The benchmark's contexts: a context made from a sandbox object answers global names through
 * Node's interceptors (slow in hot loops, and absent in Apps Script); where Node can, the benchmark
 * makes a plain global scope instead, holding the stand-in's services.
 */
import vm from 'node:vm';

const { newContext } = require('../../bench/lib/measure') as { newContext(globals: Record<string, unknown>): vm.Context };
test('the context is the script\'s own global object, with no sandbox in front of it', () => {
  const service = { ping: () => 'pong' };
  const context = newContext({ SpreadsheetApp: service });
  expect(vm.runInContext('this', context)).toBe(context);
  expect(vm.runInContext('SpreadsheetApp.ping()', context)).toBe('pong');
  vm.runInContext('function run() { return typeof Map; }', context);
  expect((context as { run(): string }).run()).toBe('function');
});
