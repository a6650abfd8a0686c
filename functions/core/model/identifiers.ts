/**
 * Identifier checks: DOI, ISSN, ORCID, ROR. Each returns the canonical form or null.
 */

/** Crossref's recommended DOI pattern (https://www.crossref.org/blog/dois-and-matching-regular-expressions/), with `+` added: real DOIs hold it (ACS: 10.1021/jf010759+), and a cited DOI was dropped on import. */
export const DOI_PATTERN = /^10\.\d{4,9}\/[-._;()/:A-Za-z0-9<>[\]+]+$/;

/** Strips `https://doi.org/` or `doi:` and checks the pattern. DOIs keep their case as deposited. */
export function canonicalDoi(value: string): string | null {
  const bare = value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
  return DOI_PATTERN.test(bare) ? bare : null;
}

/** The prefix of a DOI (`10.2298`). */
export const doiPrefix = (doi: string): string => doi.slice(0, doi.indexOf('/'));

/** ISSN with its mod-11 check digit verified (ISO 3297), as `NNNN-NNNC`. */
export function canonicalIssn(value: string): string | null {
  const m = /^(\d{4})-?(\d{3}[\dXx])$/.exec(value.trim());
  if (!m) return null;
  const digits = (m[1]! + m[2]!).toUpperCase();
  let sum = 0;
  for (let k = 0; k < 7; k += 1) sum += Number(digits[k]) * (8 - k);
  const check = (11 - (sum % 11)) % 11;
  const expected = check === 10 ? 'X' : String(check);
  return digits[7] === expected ? `${digits.slice(0, 4)}-${digits.slice(4)}` : null;
}

/** ORCID iD with its ISO 7064 11,2 checksum verified, as `https://orcid.org/NNNN-NNNN-NNNN-NNNC`. */
export function canonicalOrcid(value: string): string | null {
  const m = /^(?:https?:\/\/orcid\.org\/)?(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$/.exec(value.trim());
  if (!m) return null;
  const digits = m.slice(1, 5).join('');
  let total = 0;
  for (const d of digits.slice(0, 15)) total = (total + Number(d)) * 2;
  const check = (12 - (total % 11)) % 11;
  const expected = check === 10 ? 'X' : String(check);
  return digits[15] === expected ? `https://orcid.org/${m.slice(1, 5).join('-')}` : null;
}

/** ROR id: `0`, six Crockford base32 characters, and two ISO 7064 MOD 97-10 check digits (https://ror.readme.io/docs/identifier). */
export function canonicalRor(value: string): string | null {
  const m = /^(?:https?:\/\/ror\.org\/)?(0[0-9a-hjkmnp-tv-z]{6})([0-9]{2})$/.exec(value.trim().toLowerCase());
  if (!m) return null;
  let n = 0n;
  for (const c of m[1]!) n = n * 32n + BigInt(CROCKFORD.indexOf(c));
  const check = String(98n - ((n * 100n) % 97n)).padStart(2, '0');
  return check === m[2] ? `https://ror.org/${m[1]}${m[2]}` : null;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
