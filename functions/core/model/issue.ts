/** `issue.yaml`: one issue as printed (volume and/or number kept exactly as printed). */
import { z } from 'zod';
import { doi, markup, partialDate, printedLabel, slug, text } from './primitives.ts';

export const publicationDates = z
  .strictObject({ print: partialDate.optional(), online: partialDate.optional() })
  .refine((v) => v.print !== undefined || v.online !== undefined, 'give a print or an online date');

export const section = z.strictObject({ id: slug, title: text });

export const issueSchema = z
  .strictObject({
    /** Volume as printed: `L` stays `L`. */
    volume: printedLabel.optional().describe('Volume exactly as printed, spaces and signs included (L stays L, n° 95 stays n° 95); give a volume, a number or both.'),
    number: printedLabel.optional().describe('Issue number exactly as printed (3, 3–4, Suppl. 2).'),
    year: z.number().int().min(1000).max(9999).describe('The year the issue is dated (as printed on it).'),
    title: markup.optional().describe('Title of a themed issue; inline markup <i> <b> <sub> <sup> <sc> allowed.'),
    published: publicationDates.describe('Publication dates (YYYY, YYYY-MM or YYYY-MM-DD): print, online or both. Articles inherit them.'),
    doi: doi.optional().describe('DOI of the issue itself, if it has one.'),
    sections: z.array(section).optional().describe('Sections of the issue (id and title); an article names its section by id.'),
  })
  .describe('Colophon issue file (issue.yaml)');

export type IssueInput = z.input<typeof issueSchema>;
export type Issue = z.output<typeof issueSchema> & { readonly id: string };
export type PublicationDates = z.output<typeof publicationDates>;
