/**
 * `doi_data`: the DOI and the landing page it resolves to; for articles also the PDF for Similarity
 * Check (`crawler-based`, crawler `iParadigms`) and the full-text files for text and data mining.
 * https://www.crossref.org/documentation/similarity-check/participate/urls-for-new-deposits/
 * https://www.crossref.org/documentation/retrieve-metadata/rest-api/text-and-data-mining-for-members/
 */
import type { Journal } from '../model/journal.ts';
import type { Article } from '../model/resolved.ts';
import { GALLEY_FORMATS } from '../model/galley-formats.ts';
import { articleFileUrl, galleyUrl, landingUrl } from '../urls.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

export function doiData(doi: string, resource: string, ...collections: (XmlElement | undefined)[]): XmlElement {
  return el('doi_data', null, leaf('doi', doi), leaf('resource', resource), collections);
}

/**
 * The article's landing page, its first PDF galley (if any) and its JATS XML, which is always
 * published beside the landing page. A withdrawn article's galleys are not published (Render), so
 * its deposit names no PDF.
 */
export function articleDoiData(journal: Journal, article: Article): XmlElement {
  const pdf = article.withdrawn === undefined ? article.galleys.find((g) => g.format === 'pdf') : undefined;
  const pdfUrl = pdf === undefined ? undefined : galleyUrl(journal, article.doi, pdf);
  return doiData(
    article.doi,
    landingUrl(journal, article.doi),
    collection('crawler-based', pdfUrl === undefined ? [] : [el('item', { crawler: 'iParadigms' }, leaf('resource', pdfUrl))]),
    collection('text-mining', [
      pdfUrl === undefined ? undefined : textMiningItem(pdfUrl, GALLEY_FORMATS.pdf),
      textMiningItem(articleFileUrl(journal, article.doi, 'jats'), GALLEY_FORMATS.xml),
    ]),
  );
}

export function collection(property: 'crawler-based' | 'text-mining', items: readonly (XmlElement | undefined)[]): XmlElement | undefined {
  const kept = items.filter((item) => item !== undefined);
  return kept.length === 0 ? undefined : el('collection', { property }, kept);
}

const textMiningItem = (url: string, mimeType: string): XmlElement => el('item', null, leaf('resource', url, { mime_type: mimeType, content_version: 'vor' }));
