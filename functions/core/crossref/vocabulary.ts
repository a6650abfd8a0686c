/**
 * Crossref deposit schema 5.4.0: namespaces, and how Colophon's inline markup maps onto it.
 * Schema docs: https://data.crossref.org/reports/help/schema_doc/5.4.0/index.html
 */
import type { InlineTag } from '../model/markup.ts';
import type { ReferenceType } from '../model/reference-types.ts';

export const CROSSREF_SCHEMA_VERSION = '5.4.0';

/** The namespaces a 5.4.0 `journal_article` deposit uses, by the prefix the deposit gives them. */
export const NAMESPACES = {
  crossref: 'http://www.crossref.org/schema/5.4.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  jats: 'http://www.ncbi.nlm.nih.gov/JATS1',
  ai: 'http://www.crossref.org/AccessIndicators.xsd',
  fr: 'http://www.crossref.org/fundref.xsd',
  rel: 'http://www.crossref.org/relations.xsd',
} as const;

export const SCHEMA_LOCATION = `${NAMESPACES.crossref} https://www.crossref.org/schemas/crossref5.4.0.xsd`;

/** Crossref "face markup" (titles, citations): small caps is `scp`. */
export const FACE_MARKUP = { i: 'i', b: 'b', sub: 'sub', sup: 'sup', sc: 'scp' } as const satisfies Record<InlineTag, string>;

/** JATS inline elements in Crossref's JATS namespace, for `jats:abstract`. */
export const JATS_MARKUP = { i: 'jats:italic', b: 'jats:bold', sub: 'jats:sub', sup: 'jats:sup', sc: 'jats:sc' } as const satisfies Record<InlineTag, string>;

/**
 * Crossref's `language` attribute takes a bare ISO 639 code from a closed list (languages5.4.0.xsd),
 * not a BCP 47 tag: `sr-Latn` is deposited as `sr`. (`xml:lang` on JATS abstracts keeps the full tag.)
 */
export const crossrefLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * `citation/@type` per reference type (crossref5.4.0.xsd, `citation_key.atts`): the values Crossref
 * added in 5.4.0 for reference matching.
 */
export const CITATION_TYPES = {
  'journal-article': 'journal_article',
  book: 'book',
  chapter: 'book_chapter',
  'conference-paper': 'conference_paper',
  thesis: 'dissertation',
  report: 'report',
  dataset: 'dataset',
  software: 'software',
  preprint: 'preprint',
  'web-page': 'web_resource',
  other: 'other',
} as const satisfies Record<ReferenceType, string>;
