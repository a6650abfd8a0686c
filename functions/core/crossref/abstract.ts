/**
 * `jats:abstract`: one per language, `xml:lang` with the full language tag, one `jats:p` per paragraph.
 * https://www.crossref.org/documentation/schema-library/markup-guide-metadata-segments/abstracts/
 */
import type { Abstract } from '../model/resolved.ts';
import { el, inline, type XmlElement } from '../xml/tree.ts';
import { JATS_MARKUP } from './vocabulary.ts';

export function abstract(value: Abstract): XmlElement | undefined {
  if (value.paragraphs.length === 0) return undefined;
  return el(
    'jats:abstract',
    { 'xml:lang': value.lang },
    value.paragraphs.map((paragraph) => el('jats:p', null, inline(paragraph, JATS_MARKUP))),
  );
}
