/** `<kwd-group>`: the authors' keywords, one group per language. */
import type { KeywordGroup } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/kwd-group.html */
export function kwdGroup(group: KeywordGroup): XmlElement | undefined {
  if (group.terms.length === 0) return undefined;
  return el(
    'kwd-group',
    { 'xml:lang': group.lang, 'kwd-group-type': 'author' },
    group.terms.map((term) => el('kwd', null, term)),
  );
}
