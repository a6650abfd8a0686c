/** `issue.yaml`: one issue as printed (volume and/or number kept exactly as printed). */
import { z } from 'zod';
import { doi, markup, partialDate, printed, slug, text } from './primitives.ts';

export const publicationDates = z
  .strictObject({ print: partialDate.optional().meta({ description: 'When the print edition appeared: YYYY, YYYY-MM or YYYY-MM-DD.', examples: [2019] }), online: partialDate.optional().meta({ description: 'When it was published online: YYYY, YYYY-MM or YYYY-MM-DD.', examples: ['2023-02-01'] }) })
  .refine((v) => v.print !== undefined || v.online !== undefined, 'give a print or an online date');

export const section = z.strictObject({ id: slug.meta({ description: 'Short id articles use in their section field (lower-case letters, digits, hyphens).', examples: ['articles'] }), title: text.meta({ description: 'The section heading as printed.', examples: ['Book Reviews'] }) });

export const issueSchema = z
  .strictObject({
    /** Volume as printed: `L` stays `L`. */
    volume: printed.optional().meta({ description: 'Volume exactly as printed (L stays L); give a volume, a number or both.', examples: ['L', 12] }),
    number: printed.optional().meta({ description: 'Issue number as printed.', examples: [3, '3-4'] }),
    year: z.number().int().min(1000).max(9999).meta({ description: 'The year the issue is dated (as printed on it).', examples: [2019] }),
    title: markup.optional().meta({ description: 'Title of a themed issue; inline markup <i> <b> <sub> <sup> <sc> allowed.', examples: ['Borders and <i>Frontiers</i>'] }),
    published: publicationDates.describe('Publication dates (YYYY, YYYY-MM or YYYY-MM-DD): print, online or both. Articles inherit them.'),
    doi: doi.optional().meta({ description: 'DOI of the issue itself, if it has one.', examples: ['10.2298/BALC1950'] }),
    sections: z.array(section).optional().describe('Sections of the issue (id and title); an article names its section by id.'),
  })
  .describe('Colophon issue file (issue.yaml)');

export type IssueInput = z.input<typeof issueSchema>;
export type IssueFile = z.output<typeof issueSchema>;
export type Issue = IssueFile & { readonly id: string };
export type PublicationDates = z.output<typeof publicationDates>;
