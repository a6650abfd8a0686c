/**
 * The programs inside a Crossref work: FundRef (`fr:program`), Access Indicators (`ai:program`:
 * licences), relations (`rel:program`), and Crossmark (updates, publication history). The same
 * element names appear with and without prefixes (deposits vs. unixref), so matching is by local name.
 * https://www.crossref.org/documentation/schema-library/markup-guide-metadata-segments/
 */
import { isoDateText, doiOf, urlOf } from './values.ts';
import type { Notes } from './notes.ts';
import type { FundingInput, LicenseInput, RelationInput } from './record.ts';
import { attr, isElement, kids, textOf, type XElement } from './xml.ts';

/** Descendants named `name`, not looking inside components or citations (they describe other works). */
export function findInWork(node: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  for (const child of node.children) {
    if (!isElement(child) || child.name === 'component_list' || child.name === 'citation_list') continue;
    if (child.name === name) out.push(child);
    else out.push(...findInWork(child, name));
  }
  return out;
}

const assertionsNamed = (node: XElement, name: string): XElement[] => findInWork(node, 'assertion').filter((a) => attr(a, 'name') === name);

/** A funder id as Crossref writes it (`100000001`, `http://dx.doi.org/10.13039/100000001`) → Funder Registry DOI. */
function funderDoi(value: string | undefined, notes: Notes): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  return doiOf(/^\d+$/.test(v) ? `10.13039/${v}` : v, notes, 'funding');
}

/** FundRef groups → funding. The funder's name may hold its identifier as a nested assertion (older deposits). */
export function fundingOf(work: XElement, notes: Notes): FundingInput[] {
  return assertionsNamed(work, 'fundgroup')
    .map((group): FundingInput | undefined => {
      const all = (name: string): XElement[] => findInWork(group, 'assertion').filter((a) => attr(a, 'name') === name);
      const nameNode = all('funder_name')[0];
      const name = nameNode ? textOf({ ...nameNode, children: nameNode.children.filter((c) => !isElement(c)) }) : undefined;
      const doi = funderDoi(textOf(all('funder_identifier')[0]), notes);
      const awards = all('award_number').map((a) => textOf(a)).filter((a): a is string => a !== undefined);
      for (const extra of all('funding_identifier')) notes.add('funding', `funding identifier ${textOf(extra) ?? ''} left out (the model holds funder and award numbers)`);
      if (!name) {
        if (awards.length === 0) {
          notes.add('funding', `a funding group without a funder name or an award${doi ? ` (${doi})` : ''}: left out`);
          return undefined;
        }
        notes.add('funding', `award ${awards.join(', ')} without a funder name: kept without a funder${doi ? ` (the funder DOI ${doi} is left out: the model names a funder by its name)` : ''}; the Crossref deposit cannot carry it`);
        return { awards };
      }
      return { funder: { name, ...(doi ? { doi } : {}) }, ...(awards.length > 0 ? { awards } : {}) };
    })
    .filter((f): f is FundingInput => f !== undefined);
}

/** Access Indicators → the licence: the one for the version of record, else one that applies to all. */
export function licenseOf(work: XElement, notes: Notes): LicenseInput | undefined {
  const refs = findInWork(work, 'license_ref');
  const chosen = refs.find((r) => attr(r, 'applies_to') === 'vor') ?? refs.find((r) => attr(r, 'applies_to') === undefined);
  for (const r of refs) {
    if (r !== chosen && textOf(r) !== textOf(chosen)) notes.add('license', `licence for "${attr(r, 'applies_to') ?? '?'}" (${textOf(r) ?? ''}) left out: the model holds the version-of-record licence only`);
  }
  if (findInWork(work, 'free_to_read').length > 0) notes.add('license', 'free_to_read indicator left out (the model holds the licence only)');
  if (!chosen) return undefined;
  const url = urlOf(textOf(chosen), notes, 'license');
  return url ? { url } : undefined;
}

const UPDATE_TYPES: Readonly<Record<string, RelationInput['type']>> = { correction: 'correction-of', erratum: 'correction-of', corrigendum: 'correction-of', retraction: 'retraction-of', withdrawal: 'retraction-of', removal: 'retraction-of' };
const RELATION_TYPES: Readonly<Record<string, RelationInput['type']>> = { isTranslationOf: 'translation-of' };

/** Crossmark updates (this work corrects or retracts another) and relations the model holds. */
export function relationsOf(work: XElement, own: string, notes: Notes): RelationInput[] {
  const out: RelationInput[] = [];
  for (const update of findInWork(work, 'update')) {
    const type = UPDATE_TYPES[attr(update, 'type') ?? ''];
    const doi = doiOf(textOf(update), notes, 'crossmark.update');
    if (type && doi && doi.toLowerCase() !== own.toLowerCase()) out.push({ type, doi });
    else if (doi && doi.toLowerCase() === own.toLowerCase()) notes.add('crossmark.update', `the article is marked "${attr(update, 'type') ?? '?'}" in place (an update of itself, ${attr(update, 'date') ?? 'no date'}): the model has no status for that, left out`);
    else notes.add('crossmark.update', `update "${attr(update, 'type') ?? '?'}" of ${textOf(update) ?? '?'} is not a relation the model holds: left out`);
  }
  for (const rel of [...findInWork(work, 'intra_work_relation'), ...findInWork(work, 'inter_work_relation')]) {
    const kind = attr(rel, 'relationship-type') ?? '?';
    const type = RELATION_TYPES[kind];
    const doi = attr(rel, 'identifier-type') === 'doi' ? doiOf(textOf(rel), notes, 'relations') : undefined;
    if (type && doi) out.push({ type, doi });
    else notes.add('relations', `"${kind}" relation to ${textOf(rel) ?? '?'} is not held by the model: left out`);
  }
  return out;
}

/** Crossmark publication history (received, accepted) as dates. */
export function historyOf(work: XElement, name: 'received' | 'accepted'): string | undefined {
  return isoDateText(textOf(assertionsNamed(work, name)[0]));
}

/** Crossmark assertions other than publication history and programs: listed, not held. */
export function otherAssertions(work: XElement, notes: Notes): void {
  for (const meta of findInWork(work, 'custom_metadata')) {
    for (const a of kids(meta, 'assertion')) {
      const name = attr(a, 'name') ?? '?';
      if (name === 'received' || name === 'accepted' || name === 'fundgroup') continue;
      notes.add('crossmark', `assertion "${attr(a, 'label') ?? name}" (${textOf(a) ?? ''}) is not held by the model: left out`);
    }
  }
}
