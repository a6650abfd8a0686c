/**
 * `citation_list`: each reference with its type, the structured parts Crossref matches on, its
 * DOI and the text as printed (`unstructured_citation`, face markup kept), keyed by the model's
 * stable reference id (`ref1`, …).
 * https://www.crossref.org/documentation/schema-library/markup-guide-metadata-segments/references/
 */
import { plainText } from '../model/markup.ts';
import { yearOfPrinted } from '../model/printed-year.ts';
import type { ResolvedReference } from '../model/resolved.ts';
import { el, inline, leaf, type XmlElement } from '../xml/tree.ts';
import { CITATION_TYPES, FACE_MARKUP } from './vocabulary.ts';

export function citationList(references: readonly ResolvedReference[]): XmlElement | undefined {
  return references.length === 0 ? undefined : el('citation_list', null, references.map(citation));
}

/** A value the schema caps (volume, issue, first_page: 32; edition_number: 15): longer ones stay in the printed text only. */
const capped = (value: string | undefined, max: number): string | undefined => (value !== undefined && [...value].length <= max ? value : undefined);

/** Works in a journal (or on a preprint server) have a journal title; everything else a volume (book, proceedings) title. */
const IN_JOURNAL = new Set(['journal-article', 'preprint']);

/** crossref5.4.0.xsd `citation_t`: the elements may come in any order (xsd:all); this one follows the schema's listing. */
export function citation(r: ResolvedReference): XmlElement {
  const first = r.authors[0] ?? r.editors[0];
  const source = r.source && plainText(r.source);
  return el(
    'citation',
    { key: r.id, type: CITATION_TYPES[r.type] },
    leaf('issn', r.issn && /^\d{4}-?\d{3}[\dXx]$/.test(r.issn) ? r.issn.toUpperCase() : undefined),
    leaf('journal_title', IN_JOURNAL.has(r.type) ? source : undefined),
    // Crossref matches on the first author's surname only.
    leaf('author', first === undefined ? undefined : first.kind === 'person' ? first.surname : first.name),
    leaf('volume', capped(r.volume, 32)),
    leaf('issue', capped(r.issue, 32)),
    leaf('first_page', capped(r.first_page, 32)),
    leaf('elocation_id', r.article_number),
    leaf('cYear', yearOfPrinted(r.year)),
    leaf('doi', r.doi),
    leaf('isbn', r.isbn && /^(97[89]-)?\d[\d -]+[\dXx]$/.test(r.isbn) && r.isbn.length >= 10 && r.isbn.length <= 17 ? r.isbn.toUpperCase() : undefined),
    leaf('volume_title', IN_JOURNAL.has(r.type) ? undefined : source),
    leaf('edition_number', capped(r.edition, 15)),
    leaf('article_title', r.title && plainText(r.title)),
    el('unstructured_citation', null, inline(r.citation, FACE_MARKUP)),
  );
}
