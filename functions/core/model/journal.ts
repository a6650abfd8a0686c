/** `journal.yaml`: facts about the journal that every issue and article inherits. */
import { z } from 'zod';
import { email, issn, lang, slug, text, url } from './primitives.ts';
import { license } from './license.ts';

export const journalSchema = z
  .strictObject({
    /** Short id used in JATS `journal-id` and OAI set specs; defaults to the folder name. */
    id: slug.optional(),
    title: text,
    abbrev_title: text.optional(),
    issn: z
      .strictObject({ print: issn.optional(), electronic: issn.optional() })
      .refine((v) => v.print !== undefined || v.electronic !== undefined, 'give at least one ISSN: print or electronic'),
    publisher: z.strictObject({ name: text, place: text.optional() }),
    doi_prefix: z.string().regex(/^10\.\d{4,9}$/, 'must be a DOI prefix such as 10.2298'),
    /** Public site root; landing pages live below it. No trailing slash. */
    base_url: url.transform((value) => value.replace(/\/+$/, '')),
    languages: z.array(lang).min(1, 'list at least one language'),
    license: license.optional(),
    crossref: z.strictObject({
      depositor: z.strictObject({ name: text, email }),
      registrant: text,
    }),
  })
  .describe('Colophon journal file (journal.yaml)');

export type JournalInput = z.input<typeof journalSchema>;
export type Journal = z.output<typeof journalSchema> & { readonly id: string };
