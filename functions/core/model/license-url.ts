/**
 * Creative Commons licence URLs in their canonical form, whatever staff typed (http or https, www
 * or not, `legalcode` or `deed.fr`, upper case, no trailing slash): `https://creativecommons.org/licenses/by/4.0/`.
 * JATS4R (https://jats4r.niso.org/permissions/) and Crossref's licence matching expect this form,
 * and every output reads the one URL the model holds. Other URLs are kept as written.
 */
const CC = /^https?:\/\/(?:www\.)?creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d+(?:\.\d+)?)(?:\/([a-z]{2,3}))?(?:\/(?:legalcode|deed)(?:\.[a-z-]+)?)?\/?(?:[?#].*)?$/i;

/** The canonical form of a Creative Commons licence URL; any other URL unchanged. */
export function canonicalLicenseUrl(url: string): string {
  const m = CC.exec(url.trim());
  if (!m) return url;
  const [, kind, code, version, jurisdiction] = m;
  const path = [kind!.toLowerCase(), code!.toLowerCase(), version!, ...(jurisdiction && !/^(?:legalcode|deed)$/i.test(jurisdiction) ? [jurisdiction.toLowerCase()] : [])].join('/');
  return `https://creativecommons.org/${path}/`;
}
