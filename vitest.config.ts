import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Compiling the Crossref or JATS XSD takes ~6 s; sharing the module cache between test
    // files in a worker lets tests/helpers/xsd.ts compile each schema once per worker.
    isolate: false,
    pool: 'threads',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
