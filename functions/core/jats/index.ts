/**
 * NISO JATS Journal Publishing 1.4 for one article: front matter (journal and article metadata)
 * and back matter (references). No body: Colophon publishes metadata and galleys, not full text.
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/
 */
import type { Article, IssueBundle } from '../model/resolved.ts';
import { withdrawnView } from '../model/withdrawn-view.ts';
import { el, serializeXml, type XmlElement } from '../xml/tree.ts';
import { front } from './front.ts';
import { back } from './ref-list.ts';
import { ARTICLE_TYPES, DTD_VERSION, NAMESPACES } from './vocab.ts';

/**
 * The `<article>` tree (reused inside OAI-PMH records).
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/article.html
 */
export function jatsArticle(bundle: IssueBundle, articleData: Article): XmlElement {
  // A withdrawn article keeps its citation and says it is withdrawn; the work itself goes, as on its page.
  const article = withdrawnView(articleData);
  return el(
    'article',
    { ...NAMESPACES, 'dtd-version': DTD_VERSION, 'article-type': articleType(article), 'xml:lang': article.language },
    front(bundle, article),
    back(article),
  );
}

/** The article as a JATS XML document: deterministic, byte for byte. */
export const renderJats = (bundle: IssueBundle, article: Article): string => serializeXml(jatsArticle(bundle, article));

/** A correction or retraction notice says so; anything else is a research article (see ARTICLE_TYPES). */
export function articleType(article: Article): string {
  for (const relation of article.relations) {
    if (relation.type !== 'translation-of') return ARTICLE_TYPES[relation.type];
  }
  return ARTICLE_TYPES.default;
}
