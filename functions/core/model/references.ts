/**
 * References: the citation as printed (with inline markup), and where known what it cites: its
 * type and its parts (authors and editors, year, titles, volume, issue, pages, publisher, edition,
 * ISBN/ISSN, DOI, URL, accessed date). Staff write the text only, or the text and any parts; a
 * reference without a type gets one from the documented rule in reference-types.ts.
 */
import * as z from 'zod';
import { doi, markup, partialDate, printed, printedLabel, text, url } from './primitives.ts';
import { inferReferenceType, REFERENCE_TYPES, type ReferenceType } from './reference-types.ts';
import type { PartialDate } from './dates.ts';
import type { InlineText } from './markup.ts';
import { yearOfPrinted } from './printed-year.ts';

/** A cited person (family name, given names as printed) or an organisation. */
export const citedName = z
  .strictObject({
    family_name: text.optional().meta({ description: 'Family name as printed: Jelavich.', examples: ['Jelavich'] }),
    given_name: text.optional().meta({ description: 'Given names or initials as printed: Barbara, or B.', examples: ['Barbara'] }),
    organization: text.optional().meta({ description: 'An organisation as author: World Health Organization.', examples: ['World Health Organization'] }),
  })
  .refine((v) => (v.family_name === undefined) !== (v.organization === undefined), 'give family_name (and given_name) for a person, or organization, not both')
  .refine((v) => v.organization === undefined || v.given_name === undefined, 'an organization has no given_name')
  .describe('A cited author or editor: {family_name: Jelavich, given_name: Barbara} or {organization: UNESCO}.');

export type CitedName = { readonly kind: 'person'; readonly surname: string; readonly given_names?: string } | { readonly kind: 'organization'; readonly name: string };

const toName = (v: z.output<typeof citedName>): CitedName =>
  v.organization !== undefined ? { kind: 'organization', name: v.organization } : { kind: 'person', surname: v.family_name!, ...(v.given_name === undefined ? {} : { given_names: v.given_name }) };

export { yearOfPrinted } from './printed-year.ts';

/** A year as printed, holding a four-digit year: 1991, 1991a, 2003–2004. */
const year = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v).trim())
  .refine((v) => yearOfPrinted(v) !== undefined && v.length <= 20, 'must hold a four-digit year, as printed: 1991, 1991a')
  .meta({ description: 'The year as printed (1991, 1991a).', examples: ['1991'] });

const isbn = z
  .string()
  .trim()
  .regex(/^(?:97[89]-?)?\d[\d -]{7,14}[\dXx]$/, 'must be an ISBN-10 or ISBN-13, with or without hyphens: 978-0-521-35-7')
  .meta({ description: 'ISBN of the cited book: 978-0-521-37-2.', examples: ['978-0-521-37260-2'] });

const issn = z.string().trim().regex(/^\d{4}-?\d{3}[\dXx]$/, 'must be an ISSN: 0350-7653').meta({ description: 'ISSN of the cited journal: 0350-7653.', examples: ['0350-7653'] });

/** The long form alone (the importers check each part against it). */
export const referenceObject = z
  .strictObject({
    citation: markup.meta({ description: 'The reference as printed; inline markup <i> <b> <sub> <sup> <sc> allowed.', examples: ['Jelavich, Barbara. <i>Russia\'s Balkan Entanglements</i>. Cambridge: Cambridge University Press, 1991.'] }),
    type: z.enum(REFERENCE_TYPES).optional().describe('What it cites: journal-article, book, chapter, conference-paper, thesis, report, dataset, software, preprint, web-page or other. Without it, a rule reads the text (see README, References).'),
    authors: z.array(citedName).optional().describe('Authors in order: [{family_name: Jelavich, given_name: Barbara}].'),
    editors: z.array(citedName).optional().describe('Editors of the book or proceedings, in order.'),
    year: year.optional(),
    title: markup.optional().meta({ description: 'Title of the article, chapter, thesis or dataset (not of the journal or book): Consuls on the Danube.', examples: ['Consuls on the Danube'] }),
    source: markup.optional().meta({ description: 'Title of the journal, book, proceedings or website it appeared in: <i>Balcanica</i>.', examples: ['<i>Balcanica</i>'] }),
    volume: printedLabel.optional().meta({ description: 'Volume as printed: 50, L.', examples: ['50'] }),
    issue: printedLabel.optional().meta({ description: 'Issue as printed: 3, Pt 2, 108 Suppl.', examples: ['3'] }),
    first_page: printed.optional().meta({ description: 'First page: 375.', examples: ['375'] }),
    last_page: printed.optional().meta({ description: 'Last page: 396.', examples: ['396'] }),
    article_number: printed.optional().meta({ description: 'Article number (eLocator) instead of pages: e7.', examples: ['e7'] }),
    publisher: text.optional().meta({ description: 'Publisher: Cambridge University Press.', examples: ['Cambridge University Press'] }),
    place: text.optional().meta({ description: 'Place of publication: Cambridge.', examples: ['Cambridge'] }),
    edition: text.optional().meta({ description: 'Edition as printed: 2nd.', examples: ['2nd'] }),
    isbn: isbn.optional(),
    issn: issn.optional(),
    doi: doi.optional().meta({ description: 'The DOI of the cited work: 10.2298/BALC1950001P.', examples: ['10.2298/BALC1950001P'] }),
    url: url.optional().meta({ description: 'Where the cited work is online: https://…', examples: ['https://www.balcanica.rs/'] }),
    accessed: partialDate.optional().meta({ description: 'When the URL was visited: 2024-05-31.', examples: ['2024-05-31'] }),
  })
  .refine((v) => v.article_number === undefined || (v.first_page === undefined && v.last_page === undefined), { message: 'give pages or an article number, not both', path: ['article_number'] })
  .refine((v) => v.last_page === undefined || v.first_page !== undefined, { message: 'a last page needs a first page', path: ['last_page'] });

export type ReferenceParts = {
  readonly citation: InlineText;
  readonly type: ReferenceType;
  readonly authors: readonly CitedName[];
  readonly editors: readonly CitedName[];
  readonly year?: string | undefined;
  readonly title?: InlineText | undefined;
  readonly source?: InlineText | undefined;
  readonly volume?: string | undefined;
  readonly issue?: string | undefined;
  readonly first_page?: string | undefined;
  readonly last_page?: string | undefined;
  readonly article_number?: string | undefined;
  readonly publisher?: string | undefined;
  readonly place?: string | undefined;
  readonly edition?: string | undefined;
  readonly isbn?: string | undefined;
  readonly issn?: string | undefined;
  readonly doi?: string | undefined;
  readonly url?: string | undefined;
  readonly accessed?: PartialDate | undefined;
};

/** The parts as the model keeps them: absent parts left out (not `undefined`), names resolved, a type always. */
const PART_KEYS = ['year', 'title', 'source', 'volume', 'issue', 'first_page', 'last_page', 'article_number', 'publisher', 'place', 'edition', 'isbn', 'issn', 'doi', 'url', 'accessed'] as const satisfies readonly (keyof ReferenceParts)[];

function resolve(v: z.output<typeof referenceObject>): ReferenceParts {
  // Built field by field: a spread of the parsed object, then deleting the absent parts, cost a
  // fifth of the loader's time on reference-heavy issues (bench/render.ts, load + validate).
  const out: Record<string, unknown> = { citation: v.citation };
  for (const key of PART_KEYS) if (v[key] !== undefined) out[key] = v[key];
  out.type = v.type ?? inferReferenceType(v.citation, v);
  out.authors = v.authors === undefined ? [] : v.authors.map(toName);
  out.editors = v.editors === undefined ? [] : v.editors.map(toName);
  return out as ReferenceParts;
}

/**
 * A bare string is shorthand for `{ citation: … }`. A union (not a preprocess step) so that the
 * JSON Schema editors get admits both forms.
 */
export const reference = z.union([markup, referenceObject]).transform((v): ReferenceParts => resolve(Array.isArray(v) ? { citation: v } : v));

export type Reference = z.output<typeof reference>;
