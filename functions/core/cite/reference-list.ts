/**
 * The article's reference list as citation downloads (CSL-JSON, RIS, BibTeX): none of the three
 * formats has a field for the works an item cites, so the cited works are files of their own,
 * beside the article's citation files, one item per reference in the article's order. Each item
 * carries the reference's type and the parts staff or the source gave; a reference given only as
 * text is an item titled with that text (what reference managers do with an unparsed reference).
 */
import type { Article, CitedName, ResolvedReference } from '#core/model/index';
import { isoDate } from '#core/model/dates';
import { plainText } from '#core/model/markup';
import { yearOfPrinted } from '#core/model/printed-year';
import { bibtexInline, bibtexName, bibtexPages, escapeBibtex, verbatim } from './bibtex.ts';
import { compact } from './compact.ts';
import { invertedName } from './contributors.ts';
import type { CslDate, CslName } from './csl-json.ts';
import { oneLine } from './ris.ts';
import { slashedDate } from './dates.ts';
import { BIBTEX_TYPES, CSL_TYPES, RIS_TYPES, type CslReferenceType } from './reference-types.ts';
import { toCslRichText } from './rich-text.ts';
import { cslDate, cslName, cslPage } from './to-csl.ts';

/** One cited work as a CSL-JSON item (the variables a reference can fill). */
export type CslReference = {
  readonly id: string;
  readonly type: CslReferenceType;
  readonly title: string;
  readonly 'container-title'?: string;
  readonly author?: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly issued?: CslDate;
  readonly volume?: string;
  readonly issue?: string;
  readonly page?: string;
  readonly 'page-first'?: string;
  readonly number?: string;
  readonly publisher?: string;
  readonly 'publisher-place'?: string;
  readonly edition?: string;
  readonly ISBN?: string;
  readonly ISSN?: string;
  readonly DOI?: string;
  readonly URL?: string;
  readonly accessed?: CslDate;
};

/** The year a reference's printed year holds (model/references.ts `yearOfPrinted`). */
export function referenceYear(ref: ResolvedReference): number | undefined {
  const year = yearOfPrinted(ref.year);
  return year === undefined ? undefined : Number(year);
}

/**
 * What the item is called and where it appeared. `title` in the model is the work's own title
 * (article, chapter, thesis) and `source` the journal, book or site it is in; a work with only a
 * source (a book cited whole) is titled with it; one with neither, with the citation as printed.
 */
function titles(ref: ResolvedReference): { readonly title: string; readonly container?: string } {
  if (ref.title !== undefined) return { title: plainText(ref.title), ...(ref.source === undefined ? {} : { container: plainText(ref.source) }) };
  if (ref.source !== undefined) return { title: plainText(ref.source) };
  return { title: plainText(ref.citation) };
}


const names = (list: readonly CitedName[], format: (n: CitedName) => CslName): CslName[] | undefined => (list.length === 0 ? undefined : list.map(format));

/** One reference as a CSL-JSON item; `id` is the reference's id in the JATS and on the page. */
export function referenceCsl(ref: ResolvedReference): CslReference {
  const year = referenceYear(ref);
  const { title, container } = titles(ref);
  // Rich text where the model has it, so a styled reference list keeps italics.
  const richTitle = ref.title !== undefined ? toCslRichText(ref.title) : ref.source !== undefined ? toCslRichText(ref.source) : title;
  return {
    id: ref.id,
    type: CSL_TYPES[ref.type],
    title: richTitle,
    ...compact({
      'container-title': container === undefined ? undefined : toCslRichText(ref.source!),
      author: names(ref.authors, cslName),
      editor: names(ref.editors, cslName),
      issued: year === undefined ? undefined : cslDate({ year }),
      volume: ref.volume,
      issue: ref.issue,
      page: ref.first_page === undefined ? undefined : cslPage(ref.first_page, ref.last_page),
      'page-first': ref.first_page,
      number: ref.article_number,
      publisher: ref.publisher,
      'publisher-place': ref.place,
      edition: ref.edition,
      ISBN: ref.isbn,
      ISSN: ref.issn,
      DOI: ref.doi,
      URL: ref.url,
      accessed: ref.accessed && cslDate(ref.accessed),
    }),
  };
}

/** The CSL-JSON file: an array of the cited works' items, indented for people who open it. */
export const toReferencesCslJson = (article: Article): string => `${JSON.stringify(article.references.map(referenceCsl), null, 2)}\n`;

/** One reference as a RIS record. */
function referenceRis(ref: ResolvedReference): string {
  const year = referenceYear(ref);
  const { title, container } = titles(ref);
  const fields: (readonly [string, string | undefined])[] = [
    ['TY', RIS_TYPES[ref.type]],
    ['ID', ref.id],
    ...ref.authors.map((n) => ['AU', invertedName(n)] as const),
    ...ref.editors.map((n) => ['ED', invertedName(n)] as const),
    ['TI', title],
    ['T2', container],
    ['PY', year === undefined ? undefined : String(year)],
    ['VL', ref.volume],
    ['IS', ref.issue],
    ['SP', ref.first_page],
    ['EP', ref.last_page],
    ['C7', ref.article_number],
    ['ET', ref.edition],
    ['PB', ref.publisher],
    ['CY', ref.place],
    ['SN', ref.isbn ?? ref.issn],
    ['DO', ref.doi],
    ['UR', ref.url],
    // Y2, "access date", slashed as RIS dates are (the same form as DA).
    ['Y2', ref.accessed && slashedDate(ref.accessed)],
  ];
  const lines = fields.flatMap(([tag, value]) => (value === undefined || value.trim() === '' ? [] : [`${tag}  - ${oneLine(value)}`]));
  return [...lines, 'ER  - '].join('\r\n') + '\r\n';
}

/** The RIS file: one record per cited work, in the article's order. */
export const toReferencesRis = (article: Article): string => article.references.map(referenceRis).join('\r\n');

/** Where a BibTeX entry names the work it appeared in: a journal, a book, or (other types) how it was published. */
const CONTAINER_FIELD = { article: 'journal', incollection: 'booktitle', inproceedings: 'booktitle' } as const satisfies Partial<Record<(typeof BIBTEX_TYPES)[keyof typeof BIBTEX_TYPES], string>>;

/** One reference as a biblatex entry, keyed by its id (unique within the article). */
function referenceBibtex(ref: ResolvedReference): string {
  const type = BIBTEX_TYPES[ref.type];
  const year = referenceYear(ref);
  const { title, container } = titles(ref);
  const titleTex = ref.title !== undefined ? bibtexInline(ref.title) : ref.source !== undefined ? bibtexInline(ref.source) : escapeBibtex(title);
  const containerField = type in CONTAINER_FIELD ? CONTAINER_FIELD[type as keyof typeof CONTAINER_FIELD] : 'howpublished';
  const fields: [string, string | undefined][] = [
    ['author', ref.authors.length === 0 ? undefined : ref.authors.map(bibtexName).join(' and ')],
    ['editor', ref.editors.length === 0 ? undefined : ref.editors.map(bibtexName).join(' and ')],
    // Double braces keep the title's capitals as printed.
    ['title', `{${titleTex}}`],
    [containerField, container === undefined ? undefined : bibtexInline(ref.source!)],
    ['year', year === undefined ? undefined : String(year)],
    ['volume', ref.volume === undefined ? undefined : escapeBibtex(ref.volume)],
    ['number', ref.issue === undefined ? undefined : escapeBibtex(ref.issue)],
    ['pages', ref.first_page === undefined ? undefined : bibtexPages(ref.first_page, ref.last_page)],
    ['eid', ref.article_number === undefined ? undefined : escapeBibtex(ref.article_number)],
    ['edition', ref.edition === undefined ? undefined : escapeBibtex(ref.edition)],
    ['publisher', ref.publisher === undefined ? undefined : escapeBibtex(ref.publisher)],
    ['address', ref.place === undefined ? undefined : escapeBibtex(ref.place)],
    ['isbn', ref.isbn],
    ['issn', ref.issn],
    ['doi', ref.doi === undefined ? undefined : verbatim(ref.doi)],
    ['url', ref.url === undefined ? undefined : verbatim(ref.url)],
    ['urldate', ref.accessed && isoDate(ref.accessed)],
  ];
  const body = fields.flatMap(([name, value]) => (value === undefined ? [] : [`  ${name} = {${value}},`]));
  return `@${type}{${ref.id},\n${body.join('\n')}\n}\n`;
}

/** The BibTeX file: one entry per cited work, in the article's order. */
export const toReferencesBibtex = (article: Article): string => article.references.map(referenceBibtex).join('\n');
