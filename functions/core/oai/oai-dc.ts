/**
 * The `oai_dc` payload (OAI-PMH 2.0 §6, https://www.openarchives.org/OAI/2.0/oai_dc.xsd): Simple
 * Dublin Core from the normalised model, one function per element, in the order DCMI lists them
 * (https://www.dublincore.org/specifications/dublin-core/dces/). Markup is flattened to text;
 * contributors' e-mail addresses never appear.
 */
import { citedDate } from '../cite/dates.ts';
import { isoDate } from '../model/dates.ts';
import { GALLEY_FORMATS } from '../model/galley-formats.ts';
import { plainText } from '../model/markup.ts';
import type { Contributor } from '../model/index.ts';
import { issueLabel } from '../site/html.ts';
import { doiUrl, landingUrl } from '../urls.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';
import type { OaiArticleRecord } from './source.ts';
import { XSI_NAMESPACE } from './vocab.ts';

export const OAI_DC = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
} as const;
const DC_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

/**
 * Resource types: the DRIVER/OpenAIRE vocabulary that aggregators read (as OJS emits it), then the
 * DCMI Type (https://www.dublincore.org/specifications/dublin-core/dcmi-type-vocabulary/).
 */
export const DC_TYPES = ['info:eu-repo/semantics/article', 'info:eu-repo/semantics/publishedVersion', 'Text'] as const;

export { doiUrl };

/** `<oai_dc:dc>` for one article. */
export function oaiDc({ journal, issue, article }: OaiArticleRecord): XmlElement {
  const bundle = { journal, issue, articles: [article] };
  return el(
    'oai_dc:dc',
    { 'xmlns:oai_dc': OAI_DC.namespace, 'xmlns:dc': DC_NAMESPACE, 'xmlns:xsi': XSI_NAMESPACE, 'xsi:schemaLocation': `${OAI_DC.namespace} ${OAI_DC.schema}` },
    titles(article),
    creators(article.contributors),
    subjects(article),
    descriptions(article),
    leaf('dc:publisher', journal.publisher.name),
    contributors(article.contributors),
    leaf('dc:date', isoDate(citedDate(bundle, article))),
    DC_TYPES.map((type) => el('dc:type', null, type)),
    formats(article),
    identifiers({ journal, issue, article }),
    sources({ journal, issue, article }),
    leaf('dc:language', article.language),
    relations(article),
    rights(article),
  );
}

/** The title in the article's language, then its translations; a subtitle follows after a colon. */
export const titles = (article: OaiArticleRecord['article']): XmlElement[] =>
  article.titles.map((t) => el('dc:title', { 'xml:lang': t.lang }, t.subtitle === undefined ? plainText(t.title) : `${plainText(t.title)}: ${plainText(t.subtitle)}`));

/** `Surname, Given names` (the inverted form DC guidelines and OJS use), or the organisation's name. */
export function contributorName(c: Contributor): string {
  if (c.kind === 'organization') return c.name;
  return [c.surname, c.given_names, c.suffix].filter((part) => part !== undefined && part !== '').join(', ');
}

/** The authors, in order. */
export const creators = (contributors: readonly Contributor[]): XmlElement[] =>
  contributors.filter((c) => c.role === 'author').map((c) => el('dc:creator', null, contributorName(c)));

/** Editors and translators. */
export const contributors = (list: readonly Contributor[]): XmlElement[] =>
  list.filter((c) => c.role !== 'author').map((c) => el('dc:contributor', null, contributorName(c)));

/** Keywords, each in its language. */
export const subjects = (article: OaiArticleRecord['article']): XmlElement[] =>
  article.keywords.flatMap((group) => group.terms.map((term) => el('dc:subject', { 'xml:lang': group.lang }, term)));

/** One description per abstract, paragraphs separated by a blank line. */
export const descriptions = (article: OaiArticleRecord['article']): XmlElement[] =>
  article.abstracts.map((a) => el('dc:description', { 'xml:lang': a.lang }, a.paragraphs.map(plainText).join('\n\n')));

/** The media types of the galleys, once each. */
export const formats = (article: OaiArticleRecord['article']): XmlElement[] =>
  [...new Set(article.galleys.map((g) => GALLEY_FORMATS[g.format]))].map((type) => el('dc:format', null, type));

/** The DOI (as a resolver URL) and the landing page. */
export const identifiers = ({ journal, article }: OaiArticleRecord): XmlElement[] => [el('dc:identifier', null, doiUrl(article.doi)), el('dc:identifier', null, landingUrl(journal, article.doi))];

/** `Journal; Vol. L (2019); 375-396` as OJS writes it, then the ISSNs. */
export function sources({ journal, issue, article }: OaiArticleRecord): XmlElement[] {
  const pages = article.pages === undefined ? article.article_number : [article.pages.first, article.pages.last].filter((p) => p !== undefined).join('-');
  const citation = [journal.title, issueLabel(issue), pages].filter((part) => part !== undefined && part !== '').join('; ');
  return [el('dc:source', null, citation), leaf('dc:source', journal.issn.print), leaf('dc:source', journal.issn.electronic)].filter((e) => e !== undefined);
}

/** Works this one corrects, retracts or translates, by DOI. */
export const relations = (article: OaiArticleRecord['article']): XmlElement[] => article.relations.map((r) => el('dc:relation', null, doiUrl(r.doi)));

/** The licence URL and the copyright statement. */
export function rights(article: OaiArticleRecord['article']): XmlElement[] {
  const license = article.license;
  if (license === undefined) return [];
  const holder = [license.copyright_year, license.copyright_holder].filter((p) => p !== undefined).join(' ');
  return [el('dc:rights', null, license.url), ...(holder === '' ? [] : [el('dc:rights', null, `Copyright (c) ${holder}`)])];
}
