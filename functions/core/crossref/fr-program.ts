/**
 * `fr:program`: one `fundgroup` per funder with its award numbers. A Funder Registry DOI goes in
 * `funder_identifier` nested in `funder_name` (as a DOI URL); a ROR id in its own `ror` assertion,
 * which fundref.xsd accepts since October 2024.
 * https://www.crossref.org/documentation/funder-registry/funding-data-deposits/
 */
import type { Funding } from '../model/funding.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

export function frProgram(funding: readonly Funding[]): XmlElement | undefined {
  // Crossref's funding data is about funders: an award whose funder the source does not name has no place there.
  const named = funding.filter((f): f is Funding & { funder: NonNullable<Funding['funder']> } => f.funder !== undefined);
  return named.length === 0 ? undefined : el('fr:program', { name: 'fundref' }, named.map(fundgroup));
}

export function fundgroup(value: Funding & { funder: NonNullable<Funding['funder']> }): XmlElement {
  const { name, doi, ror } = value.funder;
  return el(
    'fr:assertion',
    { name: 'fundgroup' },
    el('fr:assertion', { name: 'funder_name' }, name, leaf('fr:assertion', doi === undefined ? undefined : `https://doi.org/${doi}`, { name: 'funder_identifier' })),
    leaf('fr:assertion', ror, { name: 'ror' }),
    value.awards.map((award) => el('fr:assertion', { name: 'award_number' }, award)),
  );
}
