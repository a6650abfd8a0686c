/** `<related-article>`: the DOI this article corrects, retracts or translates, and the notices that update it. */
import type { Notice, Relation } from '../model/relations.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { FORWARD_ARTICLE_TYPES, RELATED_ARTICLE_TYPES } from './vocab.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/related-article.html */
export function relatedArticle(relation: Relation): XmlElement {
  return el('related-article', {
    'related-article-type': RELATED_ARTICLE_TYPES[relation.type],
    'ext-link-type': 'doi',
    'xlink:href': relation.doi,
  });
}

/** A notice that corrects, retracts or expresses concern about this article, linked forward. */
export function noticeArticle(notice: Notice): XmlElement {
  return el('related-article', {
    'related-article-type': FORWARD_ARTICLE_TYPES[notice.type],
    'ext-link-type': 'doi',
    'xlink:href': notice.doi,
  });
}
