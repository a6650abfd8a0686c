/** Funding: who paid, identified by a Crossref Funder Registry DOI or a ROR id, and the awards. */
import { z } from 'zod';
import { doi, ror, text } from './primitives.ts';

export const funding = z.strictObject({
  funder: z.strictObject({
    name: text,
    /** Funder Registry DOI, 10.13039/…. */
    doi: doi.optional(),
    ror: ror.optional(),
  }),
  awards: z.array(text).default([]),
});

export type Funding = z.output<typeof funding>;
