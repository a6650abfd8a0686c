/**
 * `<funding-group>`: one `<award-group>` per award (JATS4R funding: one award-id per award-group,
 * repeating the funder when it made several awards, https://jats4r.niso.org/funding); a funder
 * without an award number still gets a group of its own.
 */
import type { Funding } from '../model/funding.ts';
import type { Article } from '../model/resolved.ts';
import { el, leaf, type XmlElement } from '../xml/tree.ts';
import { FUNDER_REGISTRY } from './vocab.ts';

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/funding-group.html */
export function fundingGroup(article: Article): XmlElement | undefined {
  if (article.funding.length === 0) return undefined;
  return el(
    'funding-group',
    null,
    article.funding.flatMap((f) => (f.awards.length === 0 ? [awardGroup(f, undefined)] : f.awards.map((award) => awardGroup(f, award)))),
  );
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/award-group.html */
export function awardGroup(funding: Funding, award: string | undefined): XmlElement {
  return el('award-group', null, fundingSource(funding.funder), leaf('award-id', award));
}

/**
 * The name and any ids always sit in one institution-wrap, as JATS4R asks of every funder
 * (https://jats4r.niso.org/funding/). https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/funding-source.html
 */
export function fundingSource(funder: Funding['funder']): XmlElement {
  return el(
    'funding-source',
    null,
    el(
      'institution-wrap',
      null,
      el('institution', null, funder.name),
      leaf('institution-id', funder.doi, { 'institution-id-type': 'doi', ...FUNDER_REGISTRY }),
      leaf('institution-id', funder.ror, { 'institution-id-type': 'ror' }),
    ),
  );
}
