/** `journal.yaml`: facts about the journal that every issue and article inherits. */
import * as z from 'zod';
import { journalDoiPattern } from './doi-pattern.ts';
import { doi, email, issn, lang, slug, text, url } from './primitives.ts';
import { freeToRead, license } from './license.ts';

export const journalSchema = z
  .strictObject({
    /** Short id used in JATS `journal-id` and OAI set specs; defaults to the folder name. */
    id: slug.optional().meta({ description: 'Short id (lower-case letters, digits, hyphens) for JATS journal-id, OAI sets and the output folder; defaults to the folder name.', examples: ['balcanica'] }),
    title: text.meta({ description: 'The journal title as registered with the ISSN centre.', examples: ['Balcanica - Annual of the Institute for Balkan Studies'] }),
    abbrev_title: text.optional().meta({ description: 'Abbreviated title (ISO 4), for example Stud. Balc.', examples: ['Balcanica'] }),
    issn: z
      .strictObject({ print: issn.optional().meta({ description: 'ISSN of the print edition, NNNN-NNNC; its check digit is verified.', examples: ['0350-7653'] }), electronic: issn.optional().meta({ description: 'ISSN of the online edition (eISSN), NNNN-NNNC; its check digit is verified.', examples: ['2406-0801'] }) })
      .refine((v) => v.print !== undefined || v.electronic !== undefined, 'give at least one ISSN: print or electronic')
      .describe('ISSNs as NNNN-NNNC; at least one of print and electronic.'),
    publisher: z.strictObject({ name: text.meta({ description: 'The publisher\'s name.', examples: ['Institute for Balkan Studies, SASA'] }), place: text.optional().meta({ description: 'The place of publication.', examples: ['Belgrade'] }) }).meta({ description: 'Who publishes the journal, and where.' }),
    doi_prefix: z
      .string()
      .regex(/^10\.\d{4,9}$/, 'must be a DOI prefix such as 10.2298')
      .meta({ description: 'The Crossref DOI prefix, in quotes: "10.2298". Every DOI of the journal starts with it.', examples: ['10.2298'] }),
    /** New articles without a DOI get one from it (doi-pattern.ts); the prefix is checked against doi_prefix by loadJournal. */
    doi_pattern: z
      .string()
      .superRefine((value, ctx) => {
        const parsed = journalDoiPattern(value, undefined);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
      })
      .optional()
      .meta({
        description:
          'How Colophon makes the DOI of a new article that has none: the prefix, then fixed text and tokens: {yy} (two-digit year), {year}, {volume}, {volume_arabic} (L → 50), {issue}, {first_page}, {first_page:3} (zero-padded to 3 digits), {initial} (first author\'s family-name initial), {seq} (position in the issue), {id} (file name), {journal}. Publish writes the DOI into the article\'s file. Balcanica: "10.2298/BALC{yy}{volume_arabic}{first_page:3}{initial}".',
        examples: ['10.2298/BALC{yy}{volume_arabic}{first_page:3}{initial}'],
      }),
    /** Public site root; landing pages live below it. No trailing slash. */
    base_url: url.transform((value) => value.replace(/\/+$/, '')).meta({ description: 'Public site root (https://…); landing pages live below it.', examples: ['https://balcanica.rs'] }),
    languages: z.array(lang).min(1, 'list at least one language').meta({ description: 'Language tags the journal publishes in; the first is the default language of articles.', examples: [['en', 'fr', 'de']] }),
    oai_admin_email: email
      .optional()
      .meta({
        description: "Who OAI-PMH harvesters write to about this journal's repository (Identify adminEmail). Without it: the stage's OAI address, else the Crossref depositor's e-mail.",
        examples: ['oai@balcanica.rs'],
      }),
    license: license.optional().describe('The default licence of articles; an article may give its own.'),
    free_to_read: freeToRead.optional(),
    crossref: z.strictObject({
      depositor: z.strictObject({ name: text.meta({ description: 'Who deposits with Crossref (a person or office).', examples: ['Institute for Balkan Studies SASA'] }), email: email.meta({ description: 'Where Crossref sends deposit reports: a real address staff read.', examples: ['production@balcanica.rs'] }) }).meta({ description: 'Who sends the deposits to Crossref.' }),
      registrant: text.meta({ description: 'The organisation that owns the DOIs (the Crossref member).', examples: ['Institute for Balkan Studies, Serbian Academy of Sciences and Arts'] }),
      crossmark_policy: doi
        .optional()
        .meta({ description: 'The DOI of your page on corrections and retractions (your Crossmark policy page). Crossref needs it to register corrections, retractions, expressions of concern and withdrawals. Example: 10.2298/balcanica.policy', examples: ['10.2298/balcanica.policy'] }),
    }).meta({ description: 'Crossref deposit details.' }),
  })
  .describe('Colophon journal file (journal.yaml)');

export type JournalInput = z.input<typeof journalSchema>;
export type Journal = z.output<typeof journalSchema> & { readonly id: string };
