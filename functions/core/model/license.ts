/** Licence and copyright: the journal's default, overridable per article. */
import * as z from 'zod';
import { canonicalLicenseUrl } from './license-url.ts';
import { text, url } from './primitives.ts';

export const license = z.strictObject({
  /** The licence URL, for example https://creativecommons.org/licenses/by/4.0/. */
  url: url.transform(canonicalLicenseUrl).meta({ description: 'The licence URL; Creative Commons URLs are written in their canonical form (https://creativecommons.org/licenses/by/4.0/) whatever is typed.', examples: ['https://creativecommons.org/licenses/by/4.0/'] }),
  copyright_holder: text.optional().meta({ description: 'Who holds the copyright.', examples: ['Jelena Petrović and Arben Hoxha'] }),
  copyright_year: z.number().int().min(1000).max(9999).optional().meta({ description: 'The year of the copyright statement.', examples: [2024] }),
});

export type License = z.output<typeof license>;

/** NISO ALI `free_to_read`: anyone may read the article without charge (stated by the journal, not implied by a licence). */
export const freeToRead = z
  .boolean()
  .meta({ description: 'true when anyone may read the articles free of charge (open access), whatever the licence; JATS ali:free_to_read, Crossref ai:free_to_read. Example: true.', examples: [true] });
