/** References: the citation as printed (with inline markup) and its DOI when known. */
import { z } from 'zod';
import { doi, markup } from './primitives.ts';

const full = z.strictObject({ citation: markup, doi: doi.optional() });

/**
 * A bare string is shorthand for `{ citation: … }`. A union (not a preprocess step) so that the
 * JSON Schema editors get admits both forms.
 */
export const reference = z.union([markup, full]).transform((v): z.output<typeof full> => (Array.isArray(v) ? { citation: v } : v));

export type Reference = z.output<typeof reference>;
