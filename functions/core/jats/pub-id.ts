/** `<pub-id>`: the cited work's DOI, marked where the printed citation shows it. */
import { el, type XmlElement, type XmlNode } from '../xml/tree.ts';

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
    return [...nodes.slice(0, k), node.slice(0, at), pubId(node.slice(at, end)), node.slice(end), ...nodes.slice(k + 1)].filter((n) => n !== '');
  }
  return [...nodes, ' https://doi.org/', pubId(doi)];
}
