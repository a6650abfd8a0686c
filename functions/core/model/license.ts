/** Licence and copyright: the journal's default, overridable per article. */
import { z } from 'zod';
import { text, url } from './primitives.ts';

export const license = z.strictObject({
  /** The licence URL, for example https://creativecommons.org/licenses/by/4.0/. */
  url,
  copyright_holder: text.optional(),
  copyright_year: z.number().int().min(1000).max(9999).optional(),
});

export type License = z.output<typeof license>;
