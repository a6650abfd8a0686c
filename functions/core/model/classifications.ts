/**
 * Classifications: terms from a scheme other than the authors' own keywords (JEL codes, MSC,
 * research organisms, a subject scheme). JATS keeps them as a `kwd-group` typed by the scheme
 * (`kwd-group-type`); the page shows each under its scheme's name. Importers keep the typed groups
 * their sources have instead of dropping them.
 */
import * as z from 'zod';
import { lang, text } from './primitives.ts';

/** Types the authors' keywords already have: those terms belong in `keywords`. */
const AUTHOR_KEYWORDS = /^(?:author|author-keywords?|keywords?|author-generated)$/i;

export const classification = z
  .strictObject({
    scheme: text
      .refine((v) => !AUTHOR_KEYWORDS.test(v), 'the authors\' own keywords go in keywords, not classifications')
      .refine((v) => v.length <= 64, 'must be at most 64 characters: the name of a scheme (JEL, MSC2020, research-organism)')
      .meta({ description: 'The scheme the terms come from, as JATS names it in kwd-group-type: JEL, MSC2020, research-organism, subject.', examples: ['JEL'] }),
    terms: z.array(text.meta({ description: 'One term or code of the scheme.', examples: ['N44'] })).min(1, 'list at least one term or drop the classification').describe('The terms or codes, in order: [N44, F51].'),
    language: lang.optional().meta({ description: 'Language of the terms when they are words not in the article\'s language (codes have none).', examples: ['en'] }),
  })
  .describe('Terms from one scheme: {scheme: JEL, terms: [N44, F51]}.');

export type Classification = { readonly scheme: string; readonly terms: readonly string[]; readonly lang?: string | undefined };
