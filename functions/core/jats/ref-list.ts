/** `<back>` and `<ref-list>`: the references as printed, typed, with their parts and DOIs marked up (mixed-citation.ts). */
import type { Article, ResolvedReference } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';
import { mixedCitation } from './mixed-citation.ts';

export { mixedCitation } from './mixed-citation.ts';
export { pubId, withPubId } from './pub-id.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/back.html */
export function back(article: Article): XmlElement | undefined {
  const list = refList(article);
  return list && el('back', null, list);
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/ref-list.html */
export function refList(article: Article): XmlElement | undefined {
  if (article.references.length === 0) return undefined;
  return el('ref-list', null, article.references.map(ref));
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/ref.html */
export const ref = (reference: ResolvedReference): XmlElement => el('ref', { id: reference.id }, mixedCitation(reference));
