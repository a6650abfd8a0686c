/** Galleys: the files readers download (the PDF first), by path beside the metadata or by URL. */
import * as z from 'zod';
import type { AttachedFile } from './file-kinds.ts';
import { text, url } from './primitives.ts';

import { GALLEY_FORMATS, type GalleyFormat } from './galley-formats.ts';

export { GALLEY_FORMATS, type GalleyFormat } from './galley-formats.ts';

/**
 * A file beside the metadata is named by a plain file name: no folder, no `..`, no leading dot,
 * so it can never point outside the article's folder (the CLI also refuses symbolic links).
 */
export const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const plainFileName = z.string().regex(PLAIN_FILE_NAME, 'must be a plain file name such as article.pdf, beside this file (no folders, no ..)');

export const galley = z
  .strictObject({
    format: z.enum(Object.keys(GALLEY_FORMATS) as [GalleyFormat, ...GalleyFormat[]]).meta({ description: 'The file type: pdf, html, epub or xml.', examples: ['pdf'] }),
    /** A file name, relative to the article's YAML file; published beside the landing page. */
    path: plainFileName.optional().meta({ description: 'A file beside this YAML file, published beside the landing page; give path or url.', examples: ['edemskiy.pdf'] }),
    url: url.optional().meta({ description: 'Where the file is served elsewhere (https://…); give path or url.', examples: ['https://journal.example.org/files/a01.epub'] }),
    label: text.optional().meta({ description: 'The link text readers see; defaults to the format.', examples: ['PDF (English)'] }),
  })
  .refine((v) => (v.path === undefined) !== (v.url === undefined), 'give either path or url');

/**
 * A galley as renderers see it: given by `path`, it carries the file's hash and size once the
 * file is checked (`attachFiles`), so a changed file is a changed record and is published again.
 */
export type Galley = z.output<typeof galley> & { readonly file?: AttachedFile | undefined };
