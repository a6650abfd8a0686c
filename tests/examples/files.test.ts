/**
 * The example journal's galleys are committed (so `colophon validate examples` works on a fresh
 * clone); each must be byte for byte what scripts/make-example-files.ts makes, and every galley
 * the example's YAML names by path must be one of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { EXAMPLE_FILES, EXAMPLES_DIR } from '../../scripts/make-example-files.ts';

test.each(EXAMPLE_FILES.map((f) => [f.path, f] as const))('%s is what the generator makes', (_path, file) => {
  expect(Buffer.compare(readFileSync(join(EXAMPLES_DIR, file.path)), Buffer.from(file.bytes()))).toBe(0);
});

test('every non-YAML file in examples/ comes from the generator', () => {
  const files = readdirSync(EXAMPLES_DIR, { recursive: true, encoding: 'utf8', withFileTypes: false })
    .filter((f) => /\.[a-z]+$/i.test(f) && !/\.(ya?ml|md)$/i.test(f))
    .sort();
  expect(files).toEqual(EXAMPLE_FILES.map((f) => f.path).sort());
});
