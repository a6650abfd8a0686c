/**
 * The example journal's galleys and cover (examples/), made by scripts/sample-files.ts and sample-image.ts. They are committed
 * so that `colophon validate examples` and `colophon build examples` work on a fresh clone as
 * staff would run them, with no step before; tests/examples/files.test.ts checks that each
 * committed file is byte for byte what this script makes, so they cannot drift or hide content.
 * Regenerate with `npx tsx scripts/make-example-files.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { samplePdf } from './sample-files.ts';
import { samplePng } from './sample-image.ts';

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
  {
    // The XIII-2025 cover: a sea-blue field with a sand-coloured harbour wall and a lighthouse.
    path: 'exemplaria/XIII-2025/cover.png',
    bytes: () =>
      samplePng(120, 160, (x, y) => {
        if (x >= 76 && x < 86 && y >= 40 && y < 110) return y < 50 ? [250, 210, 60] : [235, 235, 230];
        if (y >= 110 && y < 124 && x >= 20) return [214, 190, 140];
        return y < 60 ? [170, 205, 230] : [40, 90, 140];
      }),
  },
];

export const EXAMPLES_DIR = resolve(import.meta.dirname, '../examples');

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const file of EXAMPLE_FILES) {
    writeFileSync(join(EXAMPLES_DIR, file.path), file.bytes());
    console.log(`wrote examples/${file.path}`);
  }
}
