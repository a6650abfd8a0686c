/**
 * Dublin Core meta tags (DCMI, "Expressing Dublin Core metadata using HTML/XHTML meta and link
 * elements": https://www.dublincore.org/specifications/dublin-core/dcq-html/), declared by
 * `<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">`.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { authorsOf, citedDate, fullTitle, invertedName, mainTitleText } from '#core/cite/index';
import { isoDate } from '#core/model/dates';
import { plainText } from '#core/model/markup';
import { withdrawnNotice } from '#core/model/withdrawn-view';
import { defined, doiUrl, meta } from './html.ts';
import type { PageContext } from './page-context.ts';

export const DC_SCHEMA = 'http://purl.org/dc/elements/1.1/';

/** Translated titles as `DC.title.alternative` in their own language. */
const alternativeTitles = ({ article }: PageContext): (Element | undefined)[] =>
  article.titles.slice(1).map((t) => meta('DC.title.alternative', plainText(fullTitle(t)), t.lang));

/** Every abstract, one `DC.description` per language. */
const descriptions = ({ article }: PageContext): (Element | undefined)[] => article.abstracts.map((a) => meta('DC.description', a.paragraphs.map(plainText).join('\n\n'), a.lang));

/**
 * `DC.relation` (a related resource, https://www.dublincore.org/specifications/dublin-core/dcmi-terms/elements11/relation/):
 * on a notice or a translation, the work it corrects, retracts, expresses concern about or
 * translates; on an updated article, each notice that updates it. Both ends link each other.
 */
const relationTags = ({ article }: PageContext): (Element | undefined)[] => [
  ...article.relations.map((r) => meta('DC.relation', doiUrl(r.doi))),
  ...(article.updatedBy ?? []).map((n) => meta('DC.relation', doiUrl(n.doi))),
];

/** A withdrawn article's description is its notice: its abstract is gone (withdrawn-view.ts). */
const withdrawalDescription = ({ article }: PageContext): Element | undefined => (article.withdrawn === undefined ? undefined : meta('DC.description', withdrawnNotice(article.withdrawn), article.language));

export function dublinCoreTags(page: PageContext): Element[] {
  const { article, journal } = page;
  return defined([
    h('link', { rel: 'schema.DC', href: DC_SCHEMA }),
    meta('DC.title', mainTitleText(article), article.language),
    ...alternativeTitles(page),
    ...authorsOf(article).map((a) => meta('DC.creator', invertedName(a))),
    meta('DC.date', isoDate(citedDate(page.bundle, article))),
    meta('DC.identifier', doiUrl(article.doi)),
    meta('DC.source', journal.title),
    meta('DC.publisher', journal.publisher.name),
    meta('DC.language', article.language),
    meta('DC.rights', article.license?.url),
    ...article.keywords.flatMap((group) => group.terms.map((term) => meta('DC.subject', term, group.lang))),
    ...descriptions(page),
    withdrawalDescription(page),
    ...relationTags(page),
    meta('DC.type', 'Text'),
  ]);
}
