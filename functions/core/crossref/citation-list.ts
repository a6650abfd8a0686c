/**
 * `citation_list`: each reference as printed (`unstructured_citation`, face markup kept), with
 * its DOI when known, keyed by the model's stable reference id (`ref1`, …).
 * https://www.crossref.org/documentation/schema-library/markup-guide-metadata-segments/references/
 */
import type { ResolvedReference } from '../model/resolved.ts';
import { el, inline, leaf, type XmlElement } from '../xml/tree.ts';
import { FACE_MARKUP } from './vocabulary.ts';

export function citationList(references: readonly ResolvedReference[]): XmlElement | undefined {
  return references.length === 0 ? undefined : el('citation_list', null, references.map(citation));
}

export function citation(reference: ResolvedReference): XmlElement {
  return el('citation', { key: reference.id }, leaf('doi', reference.doi), el('unstructured_citation', null, inline(reference.citation, FACE_MARKUP)));
}
