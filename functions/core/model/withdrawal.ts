/**
 * Withdrawal: an article published in error (a duplicate, an accidental publication) is withdrawn,
 * never deleted. A DOI is permanent, so its landing page stays, as a notice that keeps the citation
 * facts and says when and why; OAI-PMH answers its record with status="deleted" (OAI-PMH 2.0 §2.5.1,
 * "persistent" deleted records); the sitemap drops it; Crossref gets an in-situ Crossmark update of
 * type "withdrawal" on the article's own DOI. Staff write it into the article's file (or run
 * `colophon withdraw`), then publish as usual: the change is reviewed and versioned like any other.
 * https://www.crossref.org/documentation/crossmark/crossmark-registering-updates/
 */
import * as z from 'zod';
import { partialDate, text } from './primitives.ts';

export const withdrawal = z.strictObject({
  date: partialDate.meta({ description: 'When the article was withdrawn: YYYY-MM-DD.', examples: ['2025-06-01'] }),
  reason: text.meta({ description: 'Why, in a sentence readers see on the notice page.', examples: ['Published in error: a duplicate of an article in volume XII.'] }),
});

export type Withdrawal = z.output<typeof withdrawal>;
