/**
 * One ORCID iD, one person: the same iD on two people whose names disagree is a typo or a
 * copy-paste, and would credit one researcher's record with another's work (Crossref passes the
 * iD on to ORCID). Checked within an article and across every issue of the journal.
 */
import * as z from 'zod';
import { CONTRIBUTOR_ROLES, type Person } from './contributors.ts';
import { orcid, text } from './primitives.ts';
import type { FieldPath } from './problems.ts';

/** One contributor that carries an iD, and where it stands. */
export type OrcidClaim = {
  readonly orcid: string;
  readonly person: Pick<Person, 'given_names' | 'surname' | 'role'>;
  /** Which article (an index the caller chooses: one per article file of the journal) and its file. */
  readonly article: number;
  readonly file: string;
  readonly path: FieldPath;
};

/** Serbian Cyrillic to Latin (the two official scripts of one language) and Russian's usual letters, so that Петровић and Petrović agree. */
const CYRILLIC: Readonly<Record<string, string>> = Object.fromEntries(
  [...'абвгдђежзијклљмнњопрстћуфхцчџшщъыьэюяй'].map((c, k) => [c, ['a', 'b', 'v', 'g', 'd', 'dj', 'e', 'z', 'z', 'i', 'j', 'k', 'l', 'lj', 'm', 'n', 'nj', 'o', 'p', 'r', 's', 't', 'c', 'u', 'f', 'h', 'c', 'c', 'dz', 's', 'sc', '', 'y', '', 'e', 'ju', 'ja', 'j'][k]!]),
);

/** Lower case, Latin letters without diacritics, words only: `Petrović, Jr.` → `petrovic jr`. */
export function nameKey(name: string): string {
  const latin = [...name.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join('');
  return latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'dj')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Given names agree when each word matches, or is the other's initial (`J. M.` and `Jelena Marija`). */
function givenAgree(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  const [x, y] = [nameKey(a).split(' '), nameKey(b).split(' ')];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((word, k) => word === long[k] || (word.length === 1 && long[k]!.startsWith(word)) || (long[k]!.length === 1 && word.startsWith(long[k]!)));
}

/** Whether two contributors may be one person: the same family name, given names that agree. */
export const namesAgree = (a: OrcidClaim['person'], b: OrcidClaim['person']): boolean => nameKey(a.surname) === nameKey(b.surname) && givenAgree(a.given_names, b.given_names);

export const displayName = (p: OrcidClaim['person']): string => (p.given_names ? `${p.given_names} ${p.surname}` : p.surname);

/**
 * The claims of one article file's contributors, read field by field from the parsed YAML: a
 * contributor with another problem (an unknown role, say) still has its iD checked.
 */
export function orcidClaims(raw: unknown, article: number, file: string): OrcidClaim[] {
  const list = raw && typeof raw === 'object' ? (raw as { contributors?: unknown }).contributors : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, n): OrcidClaim[] => {
    if (!item || typeof item !== 'object') return [];
    const c = item as Record<string, unknown>;
    const id = orcid.safeParse(c.orcid);
    const surname = text.safeParse(c.family_name ?? c.name);
    if (c.organization !== undefined || !id.success || !surname.success) return [];
    const given = text.safeParse(c.given_name);
    const role = z.enum(CONTRIBUTOR_ROLES).safeParse(c.role ?? 'author');
    const person = { surname: surname.data, role: role.success ? role.data : 'author', ...(given.success ? { given_names: given.data } : {}) };
    return [{ orcid: id.data, person, article, file, path: ['contributors', n, 'orcid'] }];
  });
}

export type OrcidProblem = { readonly claim: OrcidClaim; readonly message: string; readonly hint: string };

/** Every claim that repeats an earlier one's iD for another person, or the same person twice in one role in one article. */
export function orcidProblems(claims: readonly OrcidClaim[]): OrcidProblem[] {
  const first = new Map<string, OrcidClaim[]>();
  const problems: OrcidProblem[] = [];
  for (const claim of claims) {
    const earlier = first.get(claim.orcid) ?? [];
    const other = earlier.find((e) => !namesAgree(e.person, claim.person));
    const twice = earlier.find((e) => e.article === claim.article && e.person.role === claim.person.role && namesAgree(e.person, claim.person));
    const where = (e: OrcidClaim): string => (e.file === claim.file ? 'earlier in this file' : `in ${e.file}`);
    if (other) {
      problems.push({
        claim,
        message: `ORCID iD ${claim.orcid} is already given to ${displayName(other.person)} (${where(other)}), not ${displayName(claim.person)}`,
        hint: `an ORCID iD belongs to one person: look the iD up at ${claim.orcid} and correct it; if it is the same person, write the name the same way in both places`,
      });
    } else if (twice) {
      problems.push({ claim, message: `${displayName(claim.person)} is listed twice as ${claim.person.role} with ORCID iD ${claim.orcid}`, hint: 'list each contributor once: delete one of the two entries' });
    }
    first.set(claim.orcid, [...earlier, claim]);
  }
  return problems;
}
