/**
 * `affiliations`: one `institution` per affiliation, with its ROR id when known. 5.4.0 has no
 * element for a country (`institution_place` is a city), so the model's `country` is not deposited.
 * https://www.crossref.org/documentation/schema-library/markup-guide-metadata-segments/affiliations/
 */
import type { Affiliation } from '../model/contributors.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';

export function affiliations(list: readonly Affiliation[]): XmlElement | undefined {
  return list.length === 0 ? undefined : el('affiliations', null, list.map(institution));
}

export function institution(affiliation: Affiliation): XmlElement {
  return el('institution', null, leaf('institution_name', affiliation.name), leaf('institution_id', affiliation.ror, { type: 'ror' }));
}
