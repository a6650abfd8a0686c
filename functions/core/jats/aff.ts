/**
 * `<aff>`: affiliations, listed once however many contributors share them, with the ROR id
 * and the ISO 3166-1 country code (JATS4R affiliations, https://jats4r.niso.org/affiliations).
 */
import type { Affiliation, Contributor } from '../model/contributors.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

export type NumberedAffiliation = { readonly id: string; readonly affiliation: Affiliation };

const affKey = (a: Affiliation): string => JSON.stringify([a.name, a.ror ?? '', a.country ?? '']);

/**
 * Every distinct affiliation in first-mention order, numbered `aff1`, `aff2`, …, and the ids each
 * contributor points to (same order as `contributors`).
 */
export function numberAffiliations(contributors: readonly Contributor[]): { affiliations: NumberedAffiliation[]; idsByContributor: string[][] } {
  const ids = new Map<string, string>();
  const affiliations: NumberedAffiliation[] = [];
  const idsByContributor = contributors.map((c) =>
    c.affiliations.map((a) => {
      const key = affKey(a);
      let id = ids.get(key);
      if (id === undefined) {
        id = `aff${ids.size + 1}`;
        ids.set(key, id);
        affiliations.push({ id, affiliation: a });
      }
      return id;
    }),
  );
  return { affiliations, idsByContributor };
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/aff.html */
export function aff({ id, affiliation }: NumberedAffiliation): XmlElement {
  const where = country(affiliation.country);
  // aff is mixed content: the separator keeps the name and the country apart when displayed.
  return el('aff', { id }, institutionWrap(affiliation), where && ', ', where);
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/institution-wrap.html */
export function institutionWrap(affiliation: Affiliation): XmlElement {
  return el(
    'institution-wrap',
    null,
    el('institution', null, affiliation.name),
    leaf('institution-id', affiliation.ror, { 'institution-id-type': 'ror' }),
  );
}

// English names from the runtime's ICU data (CLDR): the country code is the fact, the name is for display.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/country.html */
export const country = (code: string | undefined): XmlElement | undefined =>
  code === undefined ? undefined : el('country', { country: code }, regionNames.of(code) ?? code);
