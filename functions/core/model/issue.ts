/** `issue.yaml`: one issue as printed (volume and/or number kept exactly as printed). */
import * as z from 'zod';
import { cover, type Cover } from './cover.ts';
import { license } from './license.ts';
import { doi, markup, paragraphs, partialDate, printedLabel, slug, text } from './primitives.ts';

export const publicationDates = z
  .strictObject({ print: partialDate.optional().meta({ description: 'When the print edition appeared: YYYY, YYYY-MM or YYYY-MM-DD.', examples: [2019] }), online: partialDate.optional().meta({ description: 'When it was published online: YYYY, YYYY-MM or YYYY-MM-DD.', examples: ['2023-02-01'] }) })
  .refine((v) => v.print !== undefined || v.online !== undefined, 'give a print or an online date');

/** An article's id: its file name without `.yaml`. */
const articleRef = z.string().regex(/^[^/\\]+$/, 'must be an article file name without .yaml, such as edemskiy');

export const section = z.strictObject({
  id: slug.meta({ description: 'Short id articles use in their section field (lower-case letters, digits, hyphens).', examples: ['articles'] }),
  title: text.meta({ description: 'The section heading as printed.', examples: ['Book Reviews'] }),
  articles: z
    .array(articleRef)
    .optional()
    .meta({ description: 'The articles of this section in the order they are printed: their file names without .yaml (edemskiy for edemskiy.yaml). Example: [edemskiy, petrovic].', examples: [['edemskiy', 'petrovic']] }),
});

export const issueSchema = z
  .strictObject({
    /** Volume as printed: `L` stays `L`. */
    volume: printedLabel.optional().meta({ description: 'Volume exactly as printed, spaces and signs included (L stays L, n° 95 stays n° 95); give a volume, a number or both.', examples: ['L', 12] }),
    number: printedLabel.optional().meta({ description: 'Issue number exactly as printed (3, 3–4, Suppl. 2).', examples: [3, '3-4'] }),
    year: z.number().int().min(1000).max(9999).meta({ description: 'The year the issue is dated (as printed on it).', examples: [2019] }),
    title: markup.optional().meta({ description: 'Title of a themed issue; inline markup <i> <b> <sub> <sup> <sc> allowed.', examples: ['Borders and <i>Frontiers</i>'] }),
    published: publicationDates.describe('Publication dates (YYYY, YYYY-MM or YYYY-MM-DD): print, online or both. Articles inherit them.'),
    doi: doi.optional().meta({ description: 'DOI of the issue itself, if it has one.', examples: ['10.2298/BALC1950'] }),
    sections: z
      .array(section)
      .optional()
      .describe('Sections of the issue in print order (id, title, and optionally their articles in order); an article may instead name its section by id.'),
    articles: z
      .array(articleRef)
      .optional()
      .meta({ description: 'For an issue without sections: its articles in the order they are printed, by file name without .yaml. Without any list, articles follow their first page.', examples: [['edemskiy', 'petrovic']] }),
    license: license.optional().describe('The licence of every article of this issue that gives none of its own (overrides journal.yaml for this issue only). Example: url: https://creativecommons.org/licenses/by/4.0/'),
    description: paragraphs.optional().meta({ description: 'A short text about the issue shown on its page (a themed issue\'s introduction); a blank line starts a new paragraph.', examples: ['Papers from the 2019 conference on Balkan borders.'] }),
    cover: cover.optional(),
  })
  .describe('Colophon issue file (issue.yaml)');

export type IssueInput = z.input<typeof issueSchema>;
export type IssueFile = z.output<typeof issueSchema>;
/** An issue as renderers see it: its cover carries its checked file's facts (attach.ts). */
export type Issue = Omit<IssueFile, 'cover'> & { readonly id: string; readonly cover?: Cover | undefined };
export type PublicationDates = z.output<typeof publicationDates>;
