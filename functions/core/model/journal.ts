/** `journal.yaml`: facts about the journal that every issue and article inherits. */
import { z } from 'zod';
import { doi, email, issn, lang, slug, text, url } from './primitives.ts';
import { freeToRead, license } from './license.ts';

export const journalSchema = z
  .strictObject({
    /** Short id used in JATS `journal-id` and OAI set specs; defaults to the folder name. */
    id: slug.optional().describe('Short id (lower-case letters, digits, hyphens) for JATS journal-id, OAI sets and the output folder; defaults to the folder name.'),
    title: text.describe('The journal title as registered with the ISSN centre.'),
    abbrev_title: text.optional().describe('Abbreviated title (ISO 4), for example Stud. Balc.'),
    issn: z
      .strictObject({ print: issn.optional(), electronic: issn.optional() })
      .refine((v) => v.print !== undefined || v.electronic !== undefined, 'give at least one ISSN: print or electronic')
      .describe('ISSNs as NNNN-NNNC; at least one of print and electronic.'),
    publisher: z.strictObject({ name: text, place: text.optional() }),
    doi_prefix: z
      .string()
      .regex(/^10\.\d{4,9}$/, 'must be a DOI prefix such as 10.2298')
      .describe('The Crossref DOI prefix, in quotes: "10.2298". Every DOI of the journal starts with it.'),
    /** Public site root; landing pages live below it. No trailing slash. */
    base_url: url.transform((value) => value.replace(/\/+$/, '')).describe('Public site root (https://…); landing pages live below it.'),
    languages: z.array(lang).min(1, 'list at least one language').describe('Language tags the journal publishes in; the first is the default language of articles.'),
    license: license.optional().describe('The default licence of articles; an article may give its own.'),
    free_to_read: freeToRead.optional(),
    crossref: z.strictObject({
      depositor: z.strictObject({ name: text, email }),
      registrant: text,
      crossmark_policy: doi
        .optional()
        .describe('The DOI of your page on corrections and retractions (your Crossmark policy page). Crossref needs it to register corrections, retractions, expressions of concern and withdrawals. Example: 10.2298/balcanica.policy'),
    }),
  })
  .describe('Colophon journal file (journal.yaml)');

export type JournalInput = z.input<typeof journalSchema>;
export type Journal = z.output<typeof journalSchema> & { readonly id: string };
