/**
 * JATS contributors and affiliations (NLM 2.3 to JATS 1.4): `contrib` with `name`,
 * `string-name`, `name-alternatives` or `collab`, ORCID in `contrib-id` (or an `ext-link`/`uri`
 * in older files), affiliations by `xref` to an `aff` or inline.
 * https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/contrib.html
 */
import type { Notes } from './notes.ts';
import { affiliation, organization, person, type AffiliationInput } from './people.ts';
import type { ContributorInput } from './record.ts';
import { attr, find, isElement, kid, kids, rawText, squash, textOf, type XElement, type XNode } from './xml.ts';

/** The text of an `aff` without its label, ids and emails, tidied of the separators left behind. */
function affText(aff: XElement): string | undefined {
  const skip = new Set(['label', 'institution-id', 'email', 'sup', 'xref']);
  const walk = (n: XNode): string => (isElement(n) ? (skip.has(n.name) ? ' ' : n.children.map(walk).join('')) : n);
  const text = squash(walk(aff))
    .replace(/\s+([,;.])/g, '$1')
    .replace(/([,;])(?:\s*[,;])+/g, '$1')
    .replace(/^[\s,;.:]+|[\s,;:]+$/g, '');
  return text === '' ? undefined : text;
}

/** One `aff` → the model's affiliation (name, ROR, country code). */
export function affOf(aff: XElement, notes: Notes, field: string): AffiliationInput | undefined {
  const ids = find(aff, 'institution-id');
  const ror = ids.find((i) => (attr(i, 'institution-id-type') ?? '').toLowerCase() === 'ror' || /ror\.org/.test(textOf(i) ?? ''));
  for (const id of ids) if (id !== ror) notes.add(field, `${attr(id, 'institution-id-type') ?? 'other'} institution id ${textOf(id) ?? ''} left out (the model holds ROR ids)`);
  const country = find(aff, 'country')[0];
  return affiliation({ name: affText(aff), ror: textOf(ror), country: attr(country, 'country') }, notes, field);
}

type NameParts = { given?: string | undefined; family?: string | undefined; suffix?: string | undefined };

function nameOf(c: XElement, notes: Notes, field: string): NameParts | undefined {
  const alternatives = kid(c, 'name-alternatives');
  const names = [...kids(c, 'name', 'string-name'), ...kids(alternatives, 'name', 'string-name')];
  const chosen = names.find((n) => n.name === 'name' && (attr(n, 'name-style') ?? 'western') === 'western') ?? names.find((n) => n.name === 'name') ?? names[0];
  if (names.length > 1) notes.add(field, `${names.length - 1} alternative name form(s) left out`);
  if (!chosen) return undefined;
  if (kid(chosen, 'prefix')) notes.add(field, `name prefix "${textOf(kid(chosen, 'prefix')) ?? ''}" left out`);
  if (chosen.name === 'string-name' && !kid(chosen, 'surname')) {
    notes.add(field, `unstructured name "${textOf(chosen) ?? ''}" written as one name`);
    return { given: textOf(chosen) };
  }
  return { given: textOf(kid(chosen, 'given-names')), family: textOf(kid(chosen, 'surname')), suffix: textOf(kid(chosen, 'suffix')) };
}

function orcidOfContrib(c: XElement): string | undefined {
  const id = kids(c, 'contrib-id').find((i) => (attr(i, 'contrib-id-type') ?? '').toLowerCase() === 'orcid' || /orcid\.org/.test(textOf(i) ?? ''));
  if (id) return textOf(id);
  const link = [...kids(c, 'ext-link'), ...kids(c, 'uri')].find((l) => /orcid\.org/.test(attr(l, 'href') ?? textOf(l) ?? ''));
  return link ? (attr(link, 'href') ?? textOf(link)) : undefined;
}

/** Collaboration name without its member list (a nested `contrib-group`). */
function collabName(collab: XElement): string | undefined {
  const own = collab.children.filter((n) => !(isElement(n) && (n.name === 'contrib-group' || n.name === 'xref' || n.name === 'fn')));
  return squash(own.map(rawText).join('')) || undefined;
}

/** Every contributor of the article (all `contrib-group`s of `article-meta`, in order). */
export function contributorsOf(meta: XElement, affs: ReadonlyMap<string, XElement>, notes: Notes): ContributorInput[] {
  const out: ContributorInput[] = [];
  // A `collab-list` group lists the members of a group author (JATS4R, SciELO), who are often the
  // article's authors again: like members nested in `collab`, they are not the article's contributors.
  const groups = kids(meta, 'contrib-group');
  for (const g of groups.filter((g) => attr(g, 'content-type') === 'collab-list')) notes.add('contrib-group', `the ${kids(g, 'contrib').length} member(s) of a group author's collab-list are not held by the model: left out`);
  const contribs = groups.filter((g) => attr(g, 'content-type') !== 'collab-list').flatMap((g) => kids(g, 'contrib').map((c) => ({ c, group: g })));
  contribs.forEach(({ c, group }, k) => {
    const field = `contrib[${k}]`;
    const role = attr(c, 'contrib-type') ?? 'author';
    if (kid(c, 'role')) notes.add(field, `role "${textOf(kid(c, 'role')) ?? ''}" left out (the model holds author, editor, translator)`);
    const ids = (attr(c, 'rid') ?? '').split(/\s+/).filter((s) => s !== '');
    const refs = [...ids, ...kids(c, 'xref').filter((x) => attr(x, 'ref-type') === 'aff').flatMap((x) => (attr(x, 'rid') ?? '').split(/\s+/))];
    const affNodes = [...refs.map((id) => affs.get(id)).filter((a): a is XElement => a !== undefined), ...kids(c, 'aff')];
    for (const id of refs) if (!affs.has(id)) notes.add(field, `affiliation "${id}" is referenced but not found: left out`);
    if (refs.length === 0 && kids(c, 'aff').length === 0) {
      // Affiliations listed in the group with no links: every author in that group has them (common in NLM 2.x/3.0).
      const loose = (parent: XElement): XElement[] => kids(parent, 'aff').filter((a) => attr(a, 'id') === undefined);
      affNodes.push(...(loose(group).length > 0 ? loose(group) : loose(meta)));
    }
    const affiliations = affNodes.map((a, n) => affOf(a, notes, `${field}.aff[${n}]`)).filter((a): a is AffiliationInput => a !== undefined);
    const corresponding = attr(c, 'corresp') === 'yes' || kids(c, 'xref').some((x) => attr(x, 'ref-type') === 'corresp');
    const email = textOf(kid(c, 'email')) ?? textOf(find(c, 'email')[0]);
    const collab = kid(c, 'collab') ?? kid(kid(c, 'collab-alternatives'), 'collab');
    if (collab) {
      const members = find(collab, 'contrib').length;
      if (members > 0) notes.add(field, `the ${members} member(s) listed inside the group author "${collabName(collab) ?? ''}" are not held by the model: left out`);
      const o = organization(collabName(collab), { role, affiliations, email, corresponding }, notes, field);
      if (o) out.push(o);
      return;
    }
    const name = nameOf(c, notes, field);
    if (!name) {
      notes.add(field, 'a contributor without a name: left out');
      return;
    }
    if (kid(c, 'degrees')) notes.add(field, 'degrees left out');
    const p = person({ ...name, orcid: orcidOfContrib(c), email, role, corresponding, affiliations }, notes, field);
    if (p) out.push(p);
  });
  return out;
}

/** Every `aff` with an id anywhere in the front matter (article-meta, contrib-groups). */
export function affiliationIndex(meta: XElement): Map<string, XElement> {
  const out = new Map<string, XElement>();
  for (const aff of find(meta, 'aff')) {
    const id = attr(aff, 'id');
    if (id) out.set(id, aff);
  }
  return out;
}
