/**
 * Golden files for the seed (tests/fixtures/golden): byte-for-byte, so any change in output is
 * seen and reviewed. Regenerate with `npm run golden:update` and review the diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenOutputs } from '../fixtures/golden/outputs.ts';
import { repoDir } from '../helpers/shared.ts';
import { validateXml } from '../helpers/xsd.ts';

describe.each(goldenOutputs())('golden $file', ({ file, body }) => {
  it('is what the renderers produce today', () => {
    expect(body).toBe(readFileSync(join(repoDir, 'tests/fixtures/golden', file), 'utf8'));
  });
  it.runIf(file.endsWith('.xml'))('validates against its official schema', () => {
    expect(validateXml(file.includes('crossref') ? 'crossref' : 'jats', body).errors).toEqual([]);
  });
});
