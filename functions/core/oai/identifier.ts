/**
 * Item identifiers `oai:<site-domain>:<doi>` (OAI-PMH 2.0 §2.4, https://www.openarchives.org/OAI/2.0/guidelines-oai-identifier.htm).
 *
 * The site's host name is the repository identifier; the DOI, as written, is the local identifier.
 * Characters the oai-identifier syntax does not allow (SICI DOIs carry `<`, `>`, `#`) are
 * %-escaped as the guidelines say, and so is `%` itself, so that unescaping is exact.
 */

const ALLOWED = /[a-zA-Z0-9\-_.!~*'();/?:@&=+$,]/;

/** The repository identifier: the host of the journal's public site (`https://balcanica.rs` → `balcanica.rs`). */
export const repositoryIdentifier = (baseUrl: string): string => new URL(baseUrl).hostname;

/** Whether a host name fits the oai-identifier scheme (a domain name with at least one dot). */
export const isOaiDomain = (domain: string): boolean => /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/.test(domain);

function escapeLocal(local: string): string {
  let out = '';
  for (const ch of local) {
    if (ALLOWED.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const oaiIdentifier = (domain: string, doi: string): string => `oai:${domain}:${escapeLocal(doi)}`;

/** The DOI an identifier names, or undefined when it is not one of this repository's identifiers. */
export function doiOfIdentifier(domain: string, identifier: string): string | undefined {
  const prefix = `oai:${domain}:`;
  if (!identifier.startsWith(prefix)) return undefined;
  const local = identifier.slice(prefix.length);
  if (local === '') return undefined;
  try {
    return decodeURIComponent(local);
  } catch {
    return undefined;
  }
}
