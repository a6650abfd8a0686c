/** One article file: everything the JATS, the Crossref deposit and the landing page say of it. */
import * as z from 'zod';
import { classification } from './classifications.ts';
import { contributor } from './contributors.ts';
import { funding } from './funding.ts';
import { galley } from './galleys.ts';
import { publicationDates } from './issue.ts';
import { freeToRead, license } from './license.ts';
import { doi, lang, markup, page, paragraphs, partialDate, printed, slug, text } from './primitives.ts';
import { reference } from './references.ts';
import { relation } from './relations.ts';
import { pageValue } from './pages.ts';
import { withdrawal } from './withdrawal.ts';

const titleAndSubtitle = z.strictObject({
  title: markup.meta({ description: 'The title in this language.', examples: ['Die Donaufrage'] }),
  subtitle: markup.optional().meta({ description: 'Its subtitle in this language.', examples: ['Quellen aus drei Sprachen'] }),
});

/** A bare string is shorthand for `{ title: … }`; a union so that the JSON Schema admits both forms. */
const titleWithSubtitle = z
  .union([markup, titleAndSubtitle])
  .transform((v): z.output<typeof titleAndSubtitle> => (Array.isArray(v) ? { title: v } : v));

export const pages = z
  .strictObject({ first: page.meta({ description: 'First page as printed: arabic, roman or a label.', examples: [375, 'xiv', 'S12'] }), last: page.optional().meta({ description: 'Last page as printed.', examples: [396] }) })
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
    doi: doi.optional().meta({ description: 'The DOI of the article, under the journal\'s doi_prefix: 10.2298/BALC1950375E. Leave it out when journal.yaml has a doi_pattern: Colophon gives the article its DOI and publish writes it here.', examples: ['10.2298/BALC1950375E'] }),
    /** The language of the main title and text; defaults to the journal's first language. */
    language: lang.optional().meta({ description: 'Language tag of the title and text (en, fr, sr-Latn); defaults to the journal\'s first language.', examples: ['en', 'sr-Latn'] }),
    section: slug.optional().meta({ description: 'The id of one of the sections listed in issue.yaml.', examples: ['articles'] }),
    title: markup.meta({ description: 'The title in the article\'s language; inline markup <i> <b> <sub> <sup> <sc> allowed. Text holding ": " goes in quotes.', examples: ['Additional Evidence on the Final Break between Moscow and Tirana in 1960–1961'] }),
    subtitle: markup.optional().meta({ description: 'The subtitle, if the title has one (joined to the title with ": ", in French " : ").', examples: ['Sources in Serbian, Albanian and Russian'] }),
    /** Titles in other languages, keyed by language tag. */
    translated_titles: z.record(lang, titleWithSubtitle).default({}).describe('Titles in other languages, by language tag: text, or title and subtitle.'),
    contributors: z.array(contributor).default([]).describe('Authors, editors and translators, in byline order (none for an unsigned editorial or notice).'),
    /** Abstracts keyed by language tag; a blank line separates paragraphs. */
    abstract: z.record(lang, paragraphs).default({}).describe('Abstracts by language tag; a blank line separates paragraphs.'),
    keywords: z
      .record(lang, z.array(text.meta({ description: 'One keyword or phrase.', examples: ['Soviet-Albanian conflict'] })).min(1, 'list at least one keyword or drop the language'))
      .default({})
      .describe('Keywords by language tag.'),
    classifications: z.array(classification).default([]).describe('Terms from a classification scheme, apart from the keywords: [{scheme: JEL, terms: [N44, F51]}].'),
    pages: pages.optional().describe('First and last page as printed: arabic (375), roman (xiv) or prefixed (S12).'),
    /** For journals that number articles instead of paging them (Crossref `publisher_item`). */
    article_number: printed.optional().meta({ description: 'Article number, for journals that number articles instead of paging them (e7).', examples: ['e7'] }),
    dates: z
      .strictObject({
        received: partialDate.optional().meta({ description: 'When the manuscript was received: YYYY, YYYY-MM or YYYY-MM-DD.', examples: ['2024-01-12'] }),
        accepted: partialDate.optional().meta({ description: 'When it was accepted (on or after received).', examples: ['2024-06-30'] }),
        /** Defaults to the issue's dates. */
        published: publicationDates.optional().meta({ description: 'This article\'s own publication dates, when not the issue\'s (print, online or both).' }),
      })
      .default({}).meta({ description: 'Dates of the article: received, accepted, published.' }),
    license: license.optional().describe('Licence of this article, if not the journal\'s.'),
    free_to_read: freeToRead.optional(),
    funding: z.array(funding).default([]).describe('Funders (name and Funder Registry DOI or ROR) and award numbers.'),
    references: z.array(reference).default([]).meta({ description: 'The reference list: each citation as printed (text), or the citation with its type and parts (authors, year, title, source, volume, pages, doi, …).', examples: [['Hoxha, Enver. <i>Hrushovianët</i>. Tiranë: 8 Nëntori, 1980.']] }),
    galleys: z.array(galley).default([]).describe('Files readers download: format and a file name beside this YAML (path) or a url.'),
    relations: z.array(relation).default([]).describe('Works this article corrects, retracts or translates, by DOI.'),
    withdrawn: withdrawal.optional().describe('Set when the article is withdrawn: its page becomes a notice that keeps the citation, OAI-PMH marks it deleted, the sitemap drops it and Crossref is told. The DOI and the records stay. Example: { date: 2025-06-01, reason: "Published in error: a duplicate of 10.5555/x.1." }'),
  })
  .describe('Colophon article file (one per article)');

/** An article file as the importers and `colophon new` write it: always with a `doi` line (the file may leave it out when the journal has a doi_pattern). */
export type ArticleInput = Omit<z.input<typeof articleSchema>, 'doi'> & { doi: string };
export type ArticleFile = z.output<typeof articleSchema>;
