/** References: the citation as printed (with inline markup) and its DOI when known. */
import { z } from 'zod';
import { doi, markup } from './primitives.ts';

/** A bare string is shorthand for `{ citation: … }`. */
export const reference = z.preprocess(
  (v) => (typeof v === 'string' ? { citation: v } : v),
  z.strictObject({ citation: markup, doi: doi.optional() }),
);

export type Reference = z.output<typeof reference>;
