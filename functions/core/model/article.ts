/** One article file: everything the JATS, the Crossref deposit and the landing page say of it. */
import { z } from 'zod';
import { contributor } from './contributors.ts';
import { funding } from './funding.ts';
import { galley } from './galleys.ts';
import { publicationDates } from './issue.ts';
import { license } from './license.ts';
import { doi, lang, markup, page, paragraphs, partialDate, printed, slug, text } from './primitives.ts';
import { reference } from './references.ts';
import { relation } from './relations.ts';
import { pageValue } from './pages.ts';

const titleAndSubtitle = z.strictObject({ title: markup, subtitle: markup.optional() });

/** A bare string is shorthand for `{ title: … }`; a union so that the JSON Schema admits both forms. */
const titleWithSubtitle = z
  .union([markup, titleAndSubtitle])
  .transform((v): z.output<typeof titleAndSubtitle> => (Array.isArray(v) ? { title: v } : v));

export const pages = z
  .strictObject({ first: page, last: page.optional() })
  .superRefine((v, ctx) => {
    if (v.last === undefined) return;
    const first = pageValue(v.first);
    const last = pageValue(v.last);
    const sameKind = /^\d+$/.test(v.first) === /^\d+$/.test(v.last);
    if (first !== null && last !== null && sameKind && last < first) {
      ctx.addIssue({ code: 'custom', message: `last page ${v.last} comes before first page ${v.first}`, path: ['last'] });
    }
  });

export const articleSchema = z
  .strictObject({
    doi,
    /** The language of the main title and text; defaults to the journal's first language. */
    language: lang.optional(),
    section: slug.optional(),
    title: markup,
    subtitle: markup.optional(),
    /** Titles in other languages, keyed by language tag. */
    translated_titles: z.record(lang, titleWithSubtitle).default({}),
    contributors: z.array(contributor).min(1, 'list at least one contributor'),
    /** Abstracts keyed by language tag; a blank line separates paragraphs. */
    abstract: z.record(lang, paragraphs).default({}),
    keywords: z.record(lang, z.array(text).min(1, 'list at least one keyword or drop the language')).default({}),
    pages: pages.optional(),
    /** For journals that number articles instead of paging them (Crossref `publisher_item`). */
    article_number: printed.optional(),
    dates: z
      .strictObject({
        received: partialDate.optional(),
        accepted: partialDate.optional(),
        /** Defaults to the issue's dates. */
        published: publicationDates.optional(),
      })
      .default({}),
    license: license.optional(),
    funding: z.array(funding).default([]),
    references: z.array(reference).default([]),
    galleys: z.array(galley).default([]),
    relations: z.array(relation).default([]),
  })
  .describe('Colophon article file (one per article)');

export type ArticleInput = z.input<typeof articleSchema>;
export type ArticleFile = z.output<typeof articleSchema>;
