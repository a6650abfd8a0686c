/**
 * `<mixed-citation>`: the reference exactly as printed, with each known part tagged where the
 * printed text shows it (JATS4R citations, https://jats4r.niso.org/general-citations/): names in a
 * `person-group`, then year, titles, volume, issue, pages, publisher, edition, ISBN/ISSN and the
 * DOI. Tagging only splits the text, so its characters and order never change; a part the text
 * does not show stays in the model (and the deposit and citation files) without a tag here.
 * URLs stay untagged: a link whose text is its own address is what JATS4R's accessibility rules flag.
 */
import { plainText, type InlineText } from '../model/markup.ts';
import { yearOfPrinted } from '../model/printed-year.ts';
import type { CitedName } from '../model/references.ts';
import type { ResolvedReference } from '../model/resolved.ts';
import { el, type XmlElement, type XmlNode } from '../xml/tree.ts';
import { jatsInline } from './inline.ts';
import { withPubId } from './pub-id.ts';
import { INLINE_NAMES, PUBLICATION_TYPES } from './vocab.ts';

/** Inline emphasis (not a part already tagged): what a title may be wrapped around whole. */
const EMPHASIS: ReadonlySet<string> = new Set(Object.values(INLINE_NAMES));

type Nodes = XmlNode[];
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{N}/u.test(c);

/**
 * The first occurrence of `needle` in a top-level text node, as a whole word (not inside 1950 or
 * Balcanica). `digits` bounds it by digits only: a year printed against a word ("Science Alert2021",
 * as sources without spaces between parts print it) is still the year, but never part of 19501.
 */
function findIn(nodes: Nodes, needle: string, digits = false): { index: number; at: number } | undefined {
  if (needle === '') return undefined;
  const bound = digits ? isDigit : isWordChar;
  for (const [index, node] of nodes.entries()) {
    if (typeof node !== 'string') continue;
    for (let at = node.indexOf(needle); at >= 0; at = node.indexOf(needle, at + 1)) {
      const wordStart = !bound(needle[0]) || !bound(node[at - 1]);
      const wordEnd = !bound(needle.at(-1)) || !bound(node[at + needle.length]);
      if (wordStart && wordEnd) return { index, at };
    }
  }
  return undefined;
}

/**
 * Wraps the first place the text shows `value` (a whole inline element, or a run inside a text
 * node); nodes unchanged when it does not. Titles may hold emphasis, so they wrap a whole
 * `<italic>`; plain parts (volume, year, pages) are tagged only in plain text: the schema allows
 * neither emphasis inside them nor them inside emphasis.
 */
function wrap(nodes: Nodes, value: InlineText | string | undefined, make: (inner: Nodes) => XmlElement, digits = false): Nodes {
  if (value === undefined) return nodes;
  const needle = typeof value === 'string' ? value : plainText(value);
  const whole = typeof value === 'string' ? -1 : nodes.findIndex((n) => typeof n !== 'string' && EMPHASIS.has(n.name) && plainText(asInline(n)) === needle);
  if (whole >= 0) return [...nodes.slice(0, whole), make([nodes[whole]!]), ...nodes.slice(whole + 1)];
  const hit = findIn(nodes, needle, digits);
  if (!hit) return nodes;
  const node = nodes[hit.index] as string;
  const end = hit.at + needle.length;
  return [...nodes.slice(0, hit.index), node.slice(0, hit.at), make([node.slice(hit.at, end)]), node.slice(end), ...nodes.slice(hit.index + 1)].filter((n) => n !== '');
}

/** An XML element's text, for comparing with a part (the element came from inline markup). */
const asInline = (node: XmlNode): InlineText => (typeof node === 'string' ? [node] : node.children.flatMap(asInline));

/** A person's family name, with the given names when the text prints them right beside it ("Jelavich, Barbara" or "Barbara Jelavich"). */
function stringName(nodes: Nodes, name: CitedName): Nodes {
  if (name.kind === 'organization') return wrap(nodes, name.name, (inner) => el('collab', null, inner));
  const hit = findIn(nodes, name.surname);
  if (!hit) return nodes;
  const node = nodes[hit.index] as string;
  const end = hit.at + name.surname.length;
  const given = name.given_names;
  const after = given === undefined ? null : new RegExp(`^(,\\s*)(${escapeRegExp(given)})`).exec(node.slice(end));
  const before = given === undefined || after ? null : new RegExp(`(${escapeRegExp(given)})(\\s+)$`).exec(node.slice(0, hit.at));
  const surname = el('surname', null, name.surname);
  if (after) {
    const stop = end + after[0].length;
    return [...nodes.slice(0, hit.index), node.slice(0, hit.at), el('string-name', null, surname, after[1]!, el('given-names', null, after[2]!)), node.slice(stop), ...nodes.slice(hit.index + 1)].filter((n) => n !== '');
  }
  if (before) {
    const start = hit.at - before[0].length;
    return [...nodes.slice(0, hit.index), node.slice(0, start), el('string-name', null, el('given-names', null, before[1]!), before[2]!, surname), node.slice(end), ...nodes.slice(hit.index + 1)].filter((n) => n !== '');
  }
  return [...nodes.slice(0, hit.index), node.slice(0, hit.at), el('string-name', null, surname), node.slice(end), ...nodes.slice(hit.index + 1)].filter((n) => n !== '');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAME_TAGS = new Set(['string-name', 'collab']);

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/person-group.html: the run from the first tagged name to the last. */
function personGroup(nodes: Nodes, names: readonly CitedName[], type: 'author' | 'editor'): Nodes {
  if (names.length === 0) return nodes;
  const seen = new Set(nodes.filter((n) => typeof n !== 'string'));
  let out = nodes;
  for (const name of names) out = stringName(out, name);
  const added = out.map((n, k) => (typeof n !== 'string' && NAME_TAGS.has(n.name) && !seen.has(n) ? k : -1)).filter((k) => k >= 0);
  if (added.length === 0) return out;
  const [first, last] = [added[0]!, added.at(-1)!];
  return [...out.slice(0, first), el('person-group', { 'person-group-type': type }, out.slice(first, last + 1)), ...out.slice(last + 1)];
}

/** The last page only where the text prints it right after the tagged first page (`375–396`), never a number elsewhere. */
function lpage(nodes: Nodes, last: string | undefined): Nodes {
  const k = nodes.findIndex((n) => typeof n !== 'string' && n.name === 'fpage');
  const next = nodes[k + 1];
  if (last === undefined || k < 0 || typeof next !== 'string') return nodes;
  const m = new RegExp(`^(\\s*[-–—]+\\s*)(${escapeRegExp(last)})(?![\\p{L}\\p{N}])`, 'u').exec(next);
  if (!m) return nodes;
  return [...nodes.slice(0, k + 1), m[1]!, el('lpage', null, m[2]!), next.slice(m[0].length), ...nodes.slice(k + 2)].filter((n) => n !== '');
}

/** The element a cited title takes: a chapter's, a dataset's, or an article's. */
const TITLE_ELEMENT = { chapter: 'chapter-title', dataset: 'data-title' } as const;

/** https://jats.nlm.nih.gov/publishing/tag-library/1.4/element/mixed-citation.html */
export function mixedCitation(reference: ResolvedReference): XmlElement {
  const r = reference;
  let nodes: Nodes = jatsInline(r.citation);
  nodes = personGroup(nodes, r.authors, 'author');
  nodes = personGroup(nodes, r.editors, 'editor');
  const year = r.year;
  // A four-digit year is bounded by digits only (findIn); a printed year such as 1991a by words.
  nodes = wrap(nodes, year, (inner) => el('year', { 'iso-8601-date': year !== undefined && !/^\d{4}$/.test(year) ? yearOfPrinted(year) : undefined }, inner), year !== undefined && /^\d{4}$/.test(year));
  const titleElement = r.type === 'chapter' || r.type === 'dataset' ? TITLE_ELEMENT[r.type] : 'article-title';
  nodes = wrap(nodes, r.title, (inner) => el(titleElement, null, inner));
  nodes = wrap(nodes, r.source, (inner) => el('source', null, inner));
  const leaves: [string, string | undefined][] = [
    ['edition', r.edition],
    ['volume', r.volume],
    ['issue', r.issue],
    ['fpage', r.first_page],
    ['elocation-id', r.article_number],
    ['publisher-loc', r.place],
    ['publisher-name', r.publisher],
    ['isbn', r.isbn],
    ['issn', r.issn],
  ];
  for (const [name, value] of leaves) {
    nodes = wrap(nodes, value, (inner) => el(name, null, inner));
    if (name === 'fpage') nodes = lpage(nodes, r.last_page);
  }
  if (r.doi !== undefined) nodes = withPubId(nodes, r.doi);
  return el('mixed-citation', { 'publication-type': PUBLICATION_TYPES[r.type] }, nodes);
}
