/** Contributors as the article file writes them: person or organisation, role, affiliations, ORCID. */
import { CONTRIBUTOR_ROLES, type ContributorRole } from '#core/model/index';
import type { Notes } from './notes.ts';
import type { ContributorInput } from './record.ts';
import { countryOf, emailOf, orcidOf, rorOf } from './values.ts';

export type AffiliationInput = NonNullable<ContributorInput['affiliations']>[number];

export type PersonSource = {
  given?: string | undefined;
  family?: string | undefined;
  suffix?: string | undefined;
  orcid?: string | undefined;
  email?: string | undefined;
  role?: string | undefined;
  corresponding?: boolean | undefined;
  affiliations?: AffiliationInput[] | undefined;
};

const ROLE_ALIASES: Readonly<Record<string, ContributorRole>> = { author: 'author', editor: 'editor', translator: 'translator', 'guest editor': 'editor', chair: 'editor' };

/** The model's role for a source role (`author` when the source gives none), or undefined (noted). */
export function roleOf(source: string | undefined, notes: Notes, field: string): ContributorRole | undefined {
  if (source === undefined || source.trim() === '') return 'author';
  const key = source.trim().toLowerCase().replace(/[_-]/g, ' ');
  const role = ROLE_ALIASES[key] ?? (CONTRIBUTOR_ROLES as readonly string[]).find((r) => r === key);
  if (role) return role as ContributorRole;
  notes.add(field, `contributor role "${source}" is not one the model holds (author, editor, translator): contributor left out`);
  return undefined;
}

const common = (src: PersonSource, role: ContributorRole, notes: Notes, field: string): Partial<ContributorInput> => {
  const email = emailOf(src.email, notes, `${field}.email`);
  return {
    ...(role === 'author' ? {} : { role }),
    ...(src.affiliations && src.affiliations.length > 0 ? { affiliations: src.affiliations } : {}),
    ...(email ? { email } : {}),
    ...(src.corresponding ? { corresponding: true } : {}),
  };
};

/** A person: given and family names, or one name; undefined (noted) when the source names nobody. */
export function person(src: PersonSource, notes: Notes, field: string): ContributorInput | undefined {
  const role = roleOf(src.role, notes, field);
  if (!role) return undefined;
  const given = src.given?.trim() || undefined;
  const family = src.family?.trim() || undefined;
  if (!given && !family) {
    notes.add(field, 'a contributor without any name: left out');
    return undefined;
  }
  const orcid = orcidOf(src.orcid, notes, `${field}.orcid`);
  const suffix = src.suffix?.trim() || undefined;
  const names = family ? { family_name: family, ...(given ? { given_name: given } : {}) } : { name: given! };
  return { ...names, ...(suffix ? { suffix } : {}), ...(orcid ? { orcid } : {}), ...common(src, role, notes, field) } as ContributorInput;
}

/** An organisation or group author. */
export function organization(name: string | undefined, src: Omit<PersonSource, 'given' | 'family' | 'suffix' | 'orcid'>, notes: Notes, field: string): ContributorInput | undefined {
  const role = roleOf(src.role, notes, field);
  const n = name?.trim();
  if (!role || !n) return undefined;
  return { organization: n, ...common(src, role, notes, field) } as ContributorInput;
}

/** An affiliation from its parts; the name is required by the model. */
export function affiliation(parts: { name?: string | undefined; ror?: string | undefined; country?: string | undefined }, notes: Notes, field: string): AffiliationInput | undefined {
  const name = parts.name?.trim();
  const ror = rorOf(parts.ror, notes, `${field}.ror`);
  if (!name) {
    if (ror) notes.add(field, `an affiliation given only by its ROR id ${ror}: the model needs a name, left out`);
    return undefined;
  }
  const country = countryOf(parts.country);
  if (parts.country && !country) notes.add(field, `country "${parts.country}" is not an ISO 3166 code: left out`);
  return { name, ...(ror ? { ror } : {}), ...(country ? { country } : {}) };
}

/** Crossref's `sequence`: several "first" contributors happen; document order is kept, and noted. */
export function checkSequence(sequences: readonly (string | undefined)[], notes: Notes): void {
  const firsts = sequences.filter((s) => s === 'first').length;
  if (firsts > 1) notes.add('contributors', `${firsts} contributors are marked sequence="first": kept in the order the source lists them`);
  if (firsts === 1 && sequences[0] !== 'first' && sequences.length > 0) notes.add('contributors', 'the contributor marked first is not listed first: kept in the order the source lists them');
}
