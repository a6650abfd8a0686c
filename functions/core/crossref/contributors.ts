/**
 * `contributors`: people as `person_name`, organisations as `organization`, in the order the
 * article lists them. `sequence` is `first` for the first contributor in each role (the REST API
 * lists authors, editors and translators apart), `additional` for the rest.
 * https://www.crossref.org/documentation/schema-library/markup-guide-metadata-segments/contributors/
 *
 * Never renders `email`: the model keeps it for staff only.
 */
import type { Contributor, ContributorRole, Organization, Person } from '../model/contributors.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';
import { affiliations } from './affiliations.ts';

type Sequence = 'first' | 'additional';

export function contributors(list: readonly Contributor[]): XmlElement | undefined {
  if (list.length === 0) return undefined;
  const seen = new Set<ContributorRole>();
  return el(
    'contributors',
    null,
    list.map((contributor) => {
      const sequence: Sequence = seen.has(contributor.role) ? 'additional' : 'first';
      seen.add(contributor.role);
      return contributor.kind === 'person' ? personName(contributor, sequence) : organization(contributor, sequence);
    }),
  );
}

/** A mononym is the surname alone, which the schema allows; ORCID iDs are not authenticated through Crossref's ORCID flow. */
export function personName(person: Person, sequence: Sequence): XmlElement {
  return el(
    'person_name',
    { sequence, contributor_role: person.role },
    leaf('given_name', person.given_names),
    leaf('surname', person.surname),
    leaf('suffix', person.suffix),
    affiliations(person.affiliations),
    leaf('ORCID', person.orcid, { authenticated: 'false' }),
  );
}

/** Crossref's `organization` is a name only: an organisation's own affiliations have no place in it. */
export function organization(org: Organization, sequence: Sequence): XmlElement {
  return el('organization', { sequence, contributor_role: org.role }, org.name);
}
