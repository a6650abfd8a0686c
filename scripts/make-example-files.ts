/**
 * The example journal's galleys (examples/), made by scripts/sample-files.ts. They are committed
 * so that `colophon validate examples` and `colophon build examples` work on a fresh clone as
 * staff would run them, with no step before; tests/examples/files.test.ts checks that each
 * committed file is byte for byte what this script makes, so they cannot drift or hide content.
 * Regenerate with `npx tsx scripts/make-example-files.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { samplePdf } from './sample-files.ts';

/** Each example galley: its path below examples/ and its bytes. */
export const EXAMPLE_FILES: readonly { readonly path: string; readonly bytes: () => Uint8Array }[] = [
  {
    path: 'exemplaria/XII-2024/carberry.pdf',
    bytes: () =>
      samplePdf('Ledgers of the Unbuilt Harbour', [
        'Josiah Carberry and Mira Okonkwo-Vidal',
        'Studia Exemplaria XII (2024) 1-24. doi:10.5555/exemplaria.xii.1',
        'A fictional article: the galley of Colophon\'s example journal.',
      ]),
  },
];

export const EXAMPLES_DIR = resolve(import.meta.dirname, '../examples');

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const file of EXAMPLE_FILES) {
    writeFileSync(join(EXAMPLES_DIR, file.path), file.bytes());
    console.log(`wrote examples/${file.path}`);
  }
}
