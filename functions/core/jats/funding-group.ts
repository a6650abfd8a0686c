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
    article.funding.flatMap((f) => (f.funder === undefined ? [] : f.awards.length === 0 ? [awardGroup(f.funder, undefined)] : f.awards.map((award) => awardGroup(f.funder!, award)))),
    fundingStatement(article.funding.filter((f) => f.funder === undefined).flatMap((f) => f.awards)),
  );
}

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/award-group.html */
export function awardGroup(funder: NonNullable<Funding['funder']>, award: string | undefined): XmlElement {
  return el('award-group', null, fundingSource(funder), leaf('award-id', award));
}

/**
 * Awards whose funder the source does not name: JATS4R requires a funding-source in every
 * award-group, so they are stated in words instead.
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/funding-statement.html
 */
export function fundingStatement(awards: readonly string[]): XmlElement | undefined {
  return awards.length === 0 ? undefined : el('funding-statement', null, `${awards.length === 1 ? 'Grant' : 'Grants'} ${awards.join(', ')} (funder not named).`);
}

/**
 * The name and any ids always sit in one institution-wrap, as JATS4R asks of every funder
 * (https://jats4r.niso.org/funding/). https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/funding-source.html
 */
export function fundingSource(funder: NonNullable<Funding['funder']>): XmlElement {
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
