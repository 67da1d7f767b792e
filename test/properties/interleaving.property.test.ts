/**
 * Randomized multi-execution test (issue 7): random sequences of writes from 2–3 simulated
 * executions, interleaved at service-call boundaries, plus a person editing the sheets, must leave
 * the sheets equal to a plain in-memory oracle after every step. See interleaving/world.ts.
 *
 * Quick in `npm test`; `npm run test:soak` (SOAK=1) runs ≥ 10,000 operations. SOAK_RUNS sets the
 * number of sequences, SEED replays one (fast-check prints the seed, the path and the steps).
 */
import fc from 'fast-check';
import { scenarioArb } from './interleaving/ops';
import { loadLibraries, World } from './interleaving/world';

const soak = !!process.env.SOAK;
const runs = Number(process.env.SOAK_RUNS || (soak ? 700 : 50));
const seed = process.env.SEED === undefined ? undefined : Number(process.env.SEED);
const path = process.env.SEED_PATH;

const libs = loadLibraries();

test(`${runs} random sequences of interleaved operations leave the sheets equal to the oracle`, () => {
  let ops = 0;
  const stats: Record<string, number> = {};
  const started = Date.now();
  fc.assert(
    fc.property(scenarioArb(1, 20), (scenario) => {
      const world = new World(libs, stats);
      try {
        world.run(scenario.steps);
      } finally {
        ops += world.ops;
      }
    }),
    { numRuns: runs, seed, path },
  );
  if (soak) {
    console.log(`interleaving soak: ${runs} sequences, ${ops} operations in ${((Date.now() - started) / 1000).toFixed(1)} s\n${JSON.stringify(stats, null, 1)}`);
    if (!process.env.SOAK_RUNS) expect(ops).toBeGreaterThanOrEqual(10000);
  }
}, soak ? 3600000 : 60000);

test('the same holds with the Sheets advanced service enabled (batched reads and writes)', () => {
  let apiCalls = 0;
  fc.assert(
    fc.property(scenarioArb(1, 20), (scenario) => {
      const world = new World(libs, {}, true);
      try {
        world.run(scenario.steps);
      } finally {
        apiCalls += world.env.calls.all().filter((call) => call.method.startsWith('Sheets.')).length;
      }
    }),
    { numRuns: soak ? Math.ceil(runs / 4) : 25, seed, path },
  );
  expect(apiCalls).toBeGreaterThan(0);
}, soak ? 3600000 : 60000);
