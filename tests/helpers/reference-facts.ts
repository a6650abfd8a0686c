/**
 * The references as each output states them, read back independently of the renderers: count,
 * DOIs and types, each output's type mapped back to the model's words by this file's own table.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { AST as risAst } from 'astrocite-ris';
import { all, parseXml, text, type XmlNode } from './xml-query.ts';

export type ReferenceFacts = { readonly count: number; readonly dois: readonly string[]; readonly types: readonly string[] };

/** JATS `@publication-type` → model type; a `book` citation with a chapter title is a chapter. */
const FROM_JATS: Readonly<Record<string, string>> = { journal: 'journal-article', book: 'book', confproc: 'conference-paper', thesis: 'thesis', report: 'report', data: 'dataset', software: 'software', preprint: 'preprint', webpage: 'web-page', other: 'other' };
const FROM_CROSSREF: Readonly<Record<string, string>> = { journal_article: 'journal-article', book: 'book', book_chapter: 'chapter', conference_paper: 'conference-paper', dissertation: 'thesis', report: 'report', dataset: 'dataset', software: 'software', preprint: 'preprint', web_resource: 'web-page', other: 'other' };

export function jatsReferences(xml: string): ReferenceFacts {
  const cits = all(parseXml(xml), 'back/ref-list/ref/mixed-citation');
  return {
    count: cits.length,
    dois: cits.flatMap((c) => all(c, 'pub-id').map(text)),
    types: cits.map((c) => {
      const type = FROM_JATS[c.attrs['publication-type'] ?? ''] ?? '?';
      return type === 'book' && all(c, 'chapter-title').length > 0 ? 'chapter' : type;
    }),
  };
}

export function crossrefReferences(xml: string, doi: string): ReferenceFacts {
  const article = all(parseXml(xml), 'body/journal/journal_article').find((a) => all(a, 'doi_data/doi').map(text)[0] === doi);
  const cits = article ? all(article, 'citation_list/citation') : [];
  return { count: cits.length, dois: cits.flatMap((c) => all(c, 'doi').map(text)), types: cits.map((c) => FROM_CROSSREF[c.attrs.type ?? ''] ?? '?') };
}

export function landingReferences(html: string): ReferenceFacts {
  const items = selectAll('ol.references > li', fromHtml(html));
  return {
    count: items.length,
    dois: items.flatMap((li) => selectAll('a[href^="https://doi.org/"]', li).map((a) => decodeURIComponent(String(a.properties.href).slice('https://doi.org/'.length)))),
    types: items.map((li) => String(li.properties.dataType ?? '?')),
  };
}

/**
 * The reference-list downloads, each read by a parser that is not ours: CSL-JSON as JSON, RIS by
 * astrocite-ris (its grammar; the record type from `TY`), BibTeX by citation.js's biblatex reader
 * (its own entry-type → CSL mapping). Types are mapped back to the model's words by these tables.
 */
const FROM_CSL: Readonly<Record<string, string>> = { 'article-journal': 'journal-article', book: 'book', chapter: 'chapter', 'paper-conference': 'conference-paper', thesis: 'thesis', report: 'report', dataset: 'dataset', software: 'software', article: 'preprint', webpage: 'web-page', document: 'other' };
const FROM_RIS: Readonly<Record<string, string>> = { JOUR: 'journal-article', BOOK: 'book', CHAP: 'chapter', CPAPER: 'conference-paper', THES: 'thesis', RPRT: 'report', DATA: 'dataset', COMP: 'software', UNPB: 'preprint', ELEC: 'web-page', GEN: 'other' };
/** citation.js reads biblatex's `unpublished` as CSL `manuscript` and `misc` as `document`. */
const FROM_CITATION_JS: Readonly<Record<string, string>> = { ...FROM_CSL, manuscript: 'preprint' };

type CslLike = { readonly type?: string; readonly DOI?: string };

export function cslReferences(json: string): ReferenceFacts {
  const items = JSON.parse(json) as CslLike[];
  return { count: items.length, dois: items.flatMap((i) => (i.DOI === undefined ? [] : [i.DOI])), types: items.map((i) => FROM_CSL[i.type ?? ''] ?? '?') };
}

export function risReferences(text: string): ReferenceFacts {
  const entries = text.trim() === '' ? [] : risAst.parse(text).children;
  return {
    count: entries.length,
    dois: entries.flatMap((e) => e.properties.filter((p) => p.key === 'DO').map((p) => p.value)),
    types: entries.map((e) => FROM_RIS[e.type] ?? '?'),
  };
}

export function bibtexReferences(text: string): ReferenceFacts {
  const items = (text.trim() === '' ? [] : new Cite(text).data) as CslLike[];
  return { count: items.length, dois: items.flatMap((i) => (i.DOI === undefined ? [] : [i.DOI])), types: items.map((i) => FROM_CITATION_JS[i.type ?? ''] ?? '?') };
}

/** Per reference, the parts every format can carry: the year's four digits, volume, first page. */
export type ReferenceParts = { readonly year?: string; readonly volume?: string; readonly firstPage?: string };

const partsOf = (year: string | number | undefined, volume: string | undefined, firstPage: string | undefined): ReferenceParts => {
  const y = year === undefined ? undefined : /\d{4}/.exec(String(year))?.[0];
  return { ...(y === undefined ? {} : { year: y }), ...(volume === undefined ? {} : { volume }), ...(firstPage === undefined ? {} : { firstPage }) };
};

export function jatsReferenceParts(xml: string): ReferenceParts[] {
  const first = (node: XmlNode, name: string): string | undefined => all(node, name).map(text)[0];
  return all(parseXml(xml), 'back/ref-list/ref/mixed-citation').map((c) => partsOf(first(c, 'year'), first(c, 'volume'), first(c, 'fpage')));
}

type CslParts = CslLike & { readonly issued?: { readonly 'date-parts'?: readonly (readonly number[])[] }; readonly volume?: string | number; readonly page?: string | number; readonly 'page-first'?: string | number };
const cslParts = (i: CslParts): ReferenceParts =>
  partsOf(i.issued?.['date-parts']?.[0]?.[0], i.volume === undefined ? undefined : String(i.volume), i['page-first'] !== undefined ? String(i['page-first']) : i.page === undefined ? undefined : String(i.page).split(/[-–]/)[0]);

export const cslReferenceParts = (json: string): ReferenceParts[] => (JSON.parse(json) as CslParts[]).map(cslParts);
export const bibtexReferenceParts = (bib: string): ReferenceParts[] => (bib.trim() === '' ? [] : (new Cite(bib).data as CslParts[])).map(cslParts);
export function risReferenceParts(ris: string): ReferenceParts[] {
  return (ris.trim() === '' ? [] : risAst.parse(ris).children).map((e) => {
    const tag = (key: string): string | undefined => e.properties.find((p) => p.key === key)?.value;
    return partsOf(tag('PY'), tag('VL'), tag('SP'));
  });
}
