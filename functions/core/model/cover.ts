/**
 * An issue's cover image (issue.yaml `cover`): a JPEG, PNG or WebP file beside issue.yaml, with a
 * text alternative, published beside the issue page and shown there and on the journal's home page
 * while the issue is current. The alternative text is required: a cover is often the only place an
 * issue's theme is named, and readers who cannot see it need the same (WCAG 2.2, 1.1.1 Non-text
 * Content). The format comes from the file name's ending and is checked against the file's first
 * bytes (file-kinds.ts), like a galley's.
 */
import * as z from 'zod';
import type { AttachedFile } from './file-kinds.ts';
import { plainFileName } from './galleys.ts';
import { text } from './primitives.ts';

/** An image ending in either case, spelled out so that the JSON Schema editors use (no `i` flag there) agrees with the CLI. */
const IMAGE_ENDING = /\.(?:[jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP])$/;

export const cover = z
  .strictObject({
    path: plainFileName
      .regex(IMAGE_ENDING, 'must be a JPEG, PNG or WebP image whose name ends .jpg, .jpeg, .png or .webp')
      .meta({ description: 'The cover image: a JPEG, PNG or WebP file beside issue.yaml (its name ends .jpg, .jpeg, .png or .webp).', examples: ['cover.jpg'] }),
    alt: text.meta({
      description: 'What the cover shows, in a sentence, for readers who cannot see it (screen readers read it aloud).',
      examples: ['A hand-drawn map of an imaginary harbour, with the title of the issue across the sea.'],
    }),
  })
  .describe('The issue\'s cover image, shown on the issue page and, while the issue is current, on the journal\'s home page: a file beside issue.yaml and a text alternative. Example: { path: cover.jpg, alt: "A map of an imaginary harbour." }');

/** A cover as renderers see it: once its file is checked (`attachFiles`), it carries the file's hash and size. */
export type Cover = z.output<typeof cover> & { readonly file?: AttachedFile | undefined };

export { coverFormat } from './file-kinds.ts';
