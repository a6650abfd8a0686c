/**
 * Funding: who paid, identified by a Crossref Funder Registry DOI or a ROR id, and the awards. A
 * source may name an award without its funder: it is kept (JATS states it as a funding statement,
 * the page shows it), but Crossref's funding data needs a funder, so the deposit leaves it out.
 */
import * as z from 'zod';
import { doi, ror, text } from './primitives.ts';

export const funding = z.strictObject({
  funder: z.strictObject({
    name: text.meta({ description: 'The funder\'s name.', examples: ['European Research Council'] }),
    /** Funder Registry DOI, 10.13039/…. */
    doi: doi.optional().meta({ description: 'The funder\'s Crossref Funder Registry DOI (10.13039/…).', examples: ['10.13039/501100000781'] }),
    ror: ror.optional().meta({ description: 'The funder\'s ROR id.', examples: ['https://ror.org/0472cxd90'] }),
  }).optional().meta({ description: 'Who paid: a name and, where known, a Funder Registry DOI or a ROR id. Leave it out only when the source names the award but not the funder (Crossref then cannot register that award).' }),
  awards: z.array(text.meta({ description: 'One award or grant number as the funder writes it.', examples: ['ERC-2020-STG 948000'] })).default([]).meta({ description: 'Award (grant) numbers from this funder.' }),
}).refine((f) => f.funder !== undefined || f.awards.length > 0, { message: 'give the funder, or at least the award number', path: ['funder'] });

export type Funding = z.output<typeof funding>;
