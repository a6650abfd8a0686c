/** `<back>` and `<ref-list>`: the references as printed, with their DOIs marked up. */
import type { Article, ResolvedReference } from '../model/resolved.ts';
import { el, type XmlElement, type XmlNode } from '../xml/tree.ts';
import { jatsInline } from './inline.ts';

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

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/mixed-citation.html */
export function mixedCitation(reference: ResolvedReference): XmlElement {
  const nodes = jatsInline(reference.citation);
  return el('mixed-citation', null, reference.doi === undefined ? nodes : withPubId(nodes, reference.doi));
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/pub-id.html */
export const pubId = (doi: string): XmlElement => el('pub-id', { 'pub-id-type': 'doi' }, doi);

const asciiLower = (text: string): string => text.replace(/[A-Z]+/g, (run) => run.toLowerCase());

/**
 * Marks the DOI where the printed citation already shows it (so the text reads exactly as
 * printed); otherwise appends it as a https://doi.org/ link, the form Crossref's display
 * guidelines ask for.
 */
export function withPubId(nodes: readonly XmlNode[], doi: string): XmlNode[] {
  // DOIs are case-insensitive and ASCII (DOI_PATTERN): folding only A-Z keeps every offset of the
  // text right whatever its script, with no RegExp compiled per reference.
  const needle = asciiLower(doi);
  for (const [k, node] of nodes.entries()) {
    if (typeof node !== 'string') continue;
    const at = asciiLower(node).indexOf(needle);
    if (at < 0) continue;
    const end = at + needle.length;
    return [...nodes.slice(0, k), node.slice(0, at), pubId(node.slice(at, end)), node.slice(end), ...nodes.slice(k + 1)];
  }
  return [...nodes, ' https://doi.org/', pubId(doi)];
}
