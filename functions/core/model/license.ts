/** Licence and copyright: the journal's default, overridable per article. */
import { z } from 'zod';
import { text, url } from './primitives.ts';

export const license = z.strictObject({
  /** The licence URL, for example https://creativecommons.org/licenses/by/4.0/. */
  url: url.meta({ description: 'The licence\'s URL.', examples: ['https://creativecommons.org/licenses/by/4.0/'] }),
  copyright_holder: text.optional().meta({ description: 'Who holds the copyright.', examples: ['Jelena Petrović and Arben Hoxha'] }),
  copyright_year: z.number().int().min(1000).max(9999).optional().meta({ description: 'The year of the copyright statement.', examples: [2024] }),
});

export type License = z.output<typeof license>;
