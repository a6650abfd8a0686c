/**
 * The references as each output states them, read back independently of the renderers: count,
 * DOIs and types, each output's type mapped back to the model's words by this file's own table.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { all, parseXml, text } from './xml-query.ts';

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
