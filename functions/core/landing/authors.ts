/**
 * Contributors: authors first, then editors and translators, each with numbered affiliations and
 * an ORCID link. E-mail addresses are never read here, corresponding authors included.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { displayName, withRole } from '#core/cite/index';
import type { Affiliation, Contributor, ContributorRole } from '#core/model/index';
import { countryName, text } from './html.ts';
import type { PageContext } from './page-context.ts';

/** Affiliations numbered in order of first mention, one number for the same institution wherever it recurs. */
type Numbering = { readonly numberOf: (a: Affiliation) => number; readonly list: readonly Affiliation[] };

const affiliationKey = (a: Affiliation): string => JSON.stringify([a.name, a.ror ?? '', a.country ?? '']);

function numbering(contributors: readonly Contributor[]): Numbering {
  const numbers = new Map<string, number>();
  const list: Affiliation[] = [];
  for (const a of contributors.flatMap((c) => c.affiliations)) {
    if (numbers.has(affiliationKey(a))) continue;
    list.push(a);
    numbers.set(affiliationKey(a), list.length);
  }
  return { numberOf: (a) => numbers.get(affiliationKey(a))!, list };
}

/** The ORCID iD shown as its full URL (ORCID's display guidelines), named for screen readers with whose iD it is. */
export function orcidLink(c: Contributor): Element | undefined {
  if (c.kind !== 'person' || c.orcid === undefined) return undefined;
  return h('a', { className: ['orcid'], href: c.orcid, ariaLabel: `ORCID iD of ${displayName(c)}: ${c.orcid}` }, c.orcid);
}

function affiliationRefs(c: Contributor, n: Numbering): Element | undefined {
  if (c.affiliations.length === 0) return undefined;
  const refs: ElementContent[] = [];
  for (const a of c.affiliations) {
    const k = n.numberOf(a);
    if (refs.length > 0) refs.push(text(','));
    refs.push(h('a', { href: `#aff-${k}`, ariaLabel: `affiliation ${k}` }, String(k)));
  }
  return h('sup', refs);
}

function contributorItem(c: Contributor, n: Numbering): Element {
  const orcid = orcidLink(c);
  return h('li', [
    h('span', { className: ['name'] }, displayName(c)),
    affiliationRefs(c, n),
    c.corresponding ? h('span', { className: ['corresponding'] }, ' (corresponding author)') : undefined,
    orcid && text(' '),
    orcid,
  ]);
}

const ROLE_LABELS = { author: 'Authors', editor: 'Edited by', translator: 'Translated by' } as const satisfies Record<ContributorRole, string>;

function roleList(role: ContributorRole, people: readonly Contributor[], n: Numbering): Element[] {
  if (people.length === 0) return [];
  const list = h('ul', { className: ['authors', role === 'author' ? undefined : role].filter((c) => c !== undefined), ariaLabel: ROLE_LABELS[role] }, people.map((c) => contributorItem(c, n)));
  return role === 'author' ? [list] : [h('p', { className: ['role'] }, ROLE_LABELS[role]), list];
}

function affiliationItem(a: Affiliation, n: Numbering): Element {
  const name = a.ror === undefined ? text(a.name) : h('a', { href: a.ror }, a.name);
  return h('li', { id: `aff-${n.numberOf(a)}` }, [name, a.country === undefined ? undefined : text(`, ${countryName(a.country)}`)]);
}

/** The contributor lists and, below them, the numbered affiliations they point to. */
export function authors({ article }: PageContext): Element[] {
  const roles = (['author', 'editor', 'translator'] as const).map((role) => [role, withRole(article, role)] as const);
  const n = numbering(roles.flatMap(([, people]) => people));
  const affiliations = n.list.length === 0 ? [] : [h('ol', { className: ['affiliations'], ariaLabel: 'Affiliations' }, n.list.map((a) => affiliationItem(a, n)))];
  return [...roles.flatMap(([role, people]) => roleList(role, people, n)), ...affiliations];
}
