/** `issue.yaml`: one issue as printed (volume and/or number kept exactly as printed). */
import { z } from 'zod';
import { doi, markup, partialDate, printed, slug, text } from './primitives.ts';

export const publicationDates = z
  .strictObject({ print: partialDate.optional(), online: partialDate.optional() })
  .refine((v) => v.print !== undefined || v.online !== undefined, 'give a print or an online date');

export const section = z.strictObject({ id: slug, title: text });

export const issueSchema = z
  .strictObject({
    /** Volume as printed: `L` stays `L`. */
    volume: printed.optional(),
    number: printed.optional(),
    year: z.number().int().min(1000).max(9999),
    title: markup.optional(),
    published: publicationDates,
    doi: doi.optional(),
    sections: z.array(section).optional(),
  })
  .refine((v) => v.volume !== undefined || v.number !== undefined, 'give a volume or a number (or both)')
  .describe('Colophon issue file (issue.yaml)');

export type IssueInput = z.input<typeof issueSchema>;
export type Issue = z.output<typeof issueSchema> & { readonly id: string };
export type PublicationDates = z.output<typeof publicationDates>;
