/**
 * What a handler's bundle carries is what its cold start pays for (issue 16: every handler ≤ 100 ms).
 * The metadata model's zod schemas and the YAML parser are needed only where metadata is read from
 * staff (Ingest, Admin, the CLI): the Oai function serves stored records, so it must import neither,
 * and Site (stored records too) needs no YAML parser.
 * Bundled here with the esbuild the stack uses (infra/constructs/colophon-function.ts), AWS SDK aside.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function packagesIn(entry: string): Promise<Set<string>> {
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, external: ['@aws-sdk/*'], logLevel: 'silent' });
  const inputs = Object.keys(result.metafile.outputs).flatMap((o) => Object.keys(result.metafile.outputs[o]!.inputs));
  return new Set(inputs.filter((i) => i.includes('node_modules/')).map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)![1]!));
}

describe('cold imports', () => {
  it('the Oai handler bundles neither zod nor yaml', async () => {
    // Act
    const packages = await packagesIn('functions/handlers/oai.ts');

    // Assess
    expect(packages.has('zod'), [...packages].join(', ')).toBe(false);
    expect(packages.has('yaml'), [...packages].join(', ')).toBe(false);
  }, 60_000);

  it.each(['render', 'deposit'])('the %s handler bundles no yaml', async (name) => {
    // Act
    const packages = await packagesIn(`functions/handlers/${name}.ts`);

    // Assess
    expect(packages.has('yaml'), [...packages].join(', ')).toBe(false);
  }, 60_000);

  it('the Site handler bundles no yaml (it reads stored records; zod stays for its job messages)', async () => {
    // Act
    const packages = await packagesIn('functions/handlers/site.ts');

    // Assess
    expect(packages.has('yaml'), [...packages].join(', ')).toBe(false);
  }, 60_000);
});
