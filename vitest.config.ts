import { defineConfig } from 'vitest/config';

/** Tests that talk to the AWS emulators (DynamoDB Local, s3rver, fauxqs): one shared set, started by the global setup. */
const AWS_TESTS = ['tests/integration/**/*.test.ts', 'tests/adapters/**/*.test.ts'];

/**
 * Tests that replace a module with `vi.mock`: with `isolate: false` below, a module another test file
 * in the same worker loaded first keeps the real import and escapes the mock, so these run with a
 * module cache of their own.
 */
const MOCKING_TESTS = ['tests/core/site/to-html.test.ts'];

export default defineConfig({
  test: {
    // Compiling the Crossref or JATS XSD takes ~6 s; sharing the module cache between test
    // files in a worker lets tests/helpers/xsd.ts compile each schema once per worker.
    isolate: false,
    pool: 'threads',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...AWS_TESTS, ...MOCKING_TESTS] } },
      { extends: true, test: { name: 'unit-isolated', include: MOCKING_TESTS, isolate: true } },
      { extends: true, test: { name: 'aws', include: AWS_TESTS, globalSetup: ['tests/setup/emulators.ts'] } },
    ],
  },
});
