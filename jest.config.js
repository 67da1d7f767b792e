/** Tests run through swc (no type-checking here: `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.js'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { target: 'es2019' } }] },
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.soak\\.test\\.'],
  // A worker per core: jest's default (cores - 1) runs the suite in one worker on a 2-core machine.
  maxWorkers: '100%',
};
