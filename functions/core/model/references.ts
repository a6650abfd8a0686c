/** References: the citation as printed (with inline markup) and its DOI when known. */
import { z } from 'zod';
import { doi, markup } from './primitives.ts';

const full = z.strictObject({
  citation: markup.meta({ description: 'The reference as printed, with inline markup; text holding ": " goes in quotes.', examples: ['Jelavich, Barbara. <i>Russia\'s Balkan Entanglements</i>. Cambridge: Cambridge University Press, 1991.'] }),
  doi: doi.optional().meta({ description: 'The cited work\'s DOI, when it has one.', examples: ['10.2298/BALC1950001P'] }),
});

/**
 * A bare string is shorthand for `{ citation: … }`. A union (not a preprocess step) so that the
 * JSON Schema editors get admits both forms.
 */
export const reference = z.union([markup, full]).transform((v): z.output<typeof full> => (Array.isArray(v) ? { citation: v } : v));

export type Reference = z.output<typeof reference>;
