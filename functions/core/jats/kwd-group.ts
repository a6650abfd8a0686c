/** `<kwd-group>`: the authors' keywords, one group per language, then each classification. */
import type { Classification } from '../model/classifications.ts';
import type { KeywordGroup } from '../model/resolved.ts';
import { el, type XmlElement } from '../xml/tree.ts';

/**
 * `xml:lang` only where the keywords are not in the article's language, which the article
 * element already states (JATS4R keywords, https://jats4r.niso.org/keywords/).
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/kwd-group.html
 */
export function kwdGroup(group: KeywordGroup, articleLanguage: string): XmlElement | undefined {
  if (group.terms.length === 0) return undefined;
  return el(
    'kwd-group',
    { 'xml:lang': group.lang === articleLanguage ? undefined : group.lang, 'kwd-group-type': 'author' },
    group.terms.map((term) => el('kwd', null, term)),
  );
}

/**
 * `<kwd-group kwd-group-type="JEL">`: a classification's terms, typed by its scheme so that they
 * are not read as the authors' keywords (JATS4R keywords; the Tag Library's `@kwd-group-type`).
 */
export function classificationGroup(group: Classification, articleLanguage: string): XmlElement {
  return el(
    'kwd-group',
    { 'xml:lang': group.lang === undefined || group.lang === articleLanguage ? undefined : group.lang, 'kwd-group-type': group.scheme },
    group.terms.map((term) => el('kwd', null, term)),
  );
}
