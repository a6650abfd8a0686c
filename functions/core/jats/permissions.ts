/**
 * `<permissions>`: copyright, free-to-read and the licence, machine-readable through NISO ALI
 * (JATS4R permissions, https://jats4r.niso.org/permissions).
 */
import type { License } from '../model/license.ts';
import type { Article } from '../model/resolved.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/permissions.html */
export function permissions(article: Article): XmlElement | undefined {
  const { license: terms } = article;
  if (terms === undefined && !article.free_to_read) return undefined;
  return el(
    'permissions',
    null,
    terms && copyrightStatement(terms),
    leaf('copyright-year', terms?.copyright_year),
    leaf('copyright-holder', terms?.copyright_holder),
    article.free_to_read && freeToRead(),
    terms && license(terms),
  );
}

/** Only when there is a holder: a year alone states nothing. https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/copyright-statement.html */
export function copyrightStatement(terms: License): XmlElement | undefined {
  if (terms.copyright_holder === undefined) return undefined;
  const year = terms.copyright_year === undefined ? '' : `${terms.copyright_year} `;
  return el('copyright-statement', null, `© ${year}${terms.copyright_holder}`);
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/ali-free_to_read.html */
export const freeToRead = (): XmlElement => el('ali:free_to_read');

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/license.html */
export function license(terms: License): XmlElement {
  return el('license', { 'xlink:href': terms.url }, el('ali:license_ref', null, terms.url));
}
