/** `<related-article>`: the DOI this article corrects, retracts or translates. */
import type { Relation } from '../model/relations.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { RELATED_ARTICLE_TYPES } from './vocab.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/related-article.html */
export function relatedArticle(relation: Relation): XmlElement {
  return el('related-article', {
    'related-article-type': RELATED_ARTICLE_TYPES[relation.type],
    'ext-link-type': 'doi',
    'xlink:href': relation.doi,
  });
}
