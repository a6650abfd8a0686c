/** Galleys: the files readers download (the PDF first), by path beside the metadata or by URL. */
import { z } from 'zod';
import { text, url } from './primitives.ts';

export const GALLEY_FORMATS = {
  pdf: 'application/pdf',
  html: 'text/html',
  epub: 'application/epub+zip',
  xml: 'application/xml',
} as const;
export type GalleyFormat = keyof typeof GALLEY_FORMATS;

export const galley = z
  .strictObject({
    format: z.enum(Object.keys(GALLEY_FORMATS) as [GalleyFormat, ...GalleyFormat[]]),
    /** A file name, relative to the article's YAML file; published beside the landing page. */
    path: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a plain file name such as article.pdf').optional(),
    url: url.optional(),
    label: text.optional(),
  })
  .refine((v) => (v.path === undefined) !== (v.url === undefined), 'give either path or url');

export type Galley = z.output<typeof galley>;
