/**
 * `<contrib-group>`: every contributor in the order given, then the affiliations they point to.
 * Email addresses are never rendered: they stay with staff and Crossref correspondence.
 */
import type { Contributor, Organization, Person } from '../model/contributors.ts';
import type { Article } from '../model/resolved.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';
import { aff, numberAffiliations } from './aff.ts';
import { CONTRIB_TYPES } from './vocab.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/contrib-group.html */
export function contribGroup(article: Article): XmlElement | undefined {
  if (article.contributors.length === 0) return undefined;
  const { affiliations, idsByContributor } = numberAffiliations(article.contributors);
  return el(
    'contrib-group',
    null,
    article.contributors.map((c, k) => contrib(c, idsByContributor[k] ?? [])),
    affiliations.map(aff),
  );
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/contrib.html */
export function contrib(contributor: Contributor, affIds: readonly string[]): XmlElement {
  return el(
    'contrib',
    { 'contrib-type': CONTRIB_TYPES[contributor.role], corresp: contributor.corresponding && 'yes' },
    contributor.kind === 'person' ? [contribId(contributor), name(contributor)] : collab(contributor),
    affIds.map((rid) => el('xref', { 'ref-type': 'aff', rid })),
  );
}

/**
 * The ORCID iD as a full URL. `authenticated="false"`: staff type ORCID iDs in, nobody signed in
 * to ORCID to prove them (https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/contrib-id.html).
 */
export const contribId = (person: Person): XmlElement | undefined =>
  leaf('contrib-id', person.orcid, { 'contrib-id-type': 'orcid', authenticated: 'false' });

/** A person's name; a single name (mononym) is the surname. https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/name.html */
export function name(person: Person): XmlElement {
  return el('name', null, leaf('surname', person.surname), leaf('given-names', person.given_names), leaf('suffix', person.suffix));
}

/** An organisation as author. https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/collab.html */
export const collab = (organization: Organization): XmlElement => el('collab', null, organization.name);
