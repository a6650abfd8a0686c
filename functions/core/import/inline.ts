/**
 * Source inline markup → Colophon markup text (see model/markup.ts). The closed set is i, b, sub,
 * sup, sc; JATS (`italic`, `bold`, `sc`), Crossref face markup (`i`, `b`, `scp`) and HTML (`em`,
 * `strong`) all map onto it. Any other element keeps its text and is listed in the notes.
 */
import type { Inline, InlineTag } from '#core/model/index';
import type { Notes } from './notes.ts';
import { isElement, rawText, type XElement, type XNode } from './xml.ts';

/** Source element (local name) → model tag. https://jats.nlm.nih.gov/publishing/tag-library/1.4/ , Crossref face markup. */
export const INLINE_MAP: Readonly<Record<string, InlineTag>> = {
  italic: 'i',
  i: 'i',
  em: 'i',
  bold: 'b',
  b: 'b',
  strong: 'b',
  sub: 'sub',
  sup: 'sup',
  sc: 'sc',
  scp: 'sc',
};
const BREAKS = new Set(['br', 'break']);
/**
 * Structure inside printed citations (JATS `mixed-citation`) and other text: the printed text
 * is kept as it is, silently, because the element adds meaning but no text of its own.
 */
const TRANSPARENT = new Set([
  'person-group', 'name', 'string-name', 'surname', 'given-names', 'prefix', 'suffix', 'etal', 'collab', 'article-title', 'chapter-title', 'source',
  'year', 'month', 'day', 'season', 'volume', 'issue', 'fpage', 'lpage', 'page-range', 'elocation-id', 'publisher-name', 'publisher-loc', 'pub-id',
  'ext-link', 'uri', 'edition', 'comment', 'date-in-citation', 'part-title', 'trans-title', 'trans-source', 'conf-name', 'conf-date', 'conf-loc',
  'institution', 'role', 'series', 'size', 'std', 'data-title', 'version', 'patent', 'issue-title', 'volume-title', 'date', 'object-id', 'isbn', 'issn',
  'gov',
]);
const MATH = new Set(['math', 'tex-math', 'inline-formula', 'disp-formula']);

/** Inline tree of source nodes: mapped tags kept, anything else reduced to its text (and noted). */
export function inlineTree(nodes: readonly XNode[], notes: Notes, field: string): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      out.push(node);
      continue;
    }
    const tag = INLINE_MAP[node.name];
    if (tag) {
      const children = inlineTree(node.children, notes, field);
      if (children.length > 0) out.push({ tag, children });
    } else if (BREAKS.has(node.name)) out.push(' ');
    else if (MATH.has(node.name) || node.prefix === 'mml') {
      notes.add(field, `${node.name === 'tex-math' ? 'TeX' : 'MathML'} kept as its plain text (the model has no maths)`);
      out.push(mathText(node));
    } else if (node.name === 'name') {
      // <name><surname>Ng</surname><given-names>A</given-names></name>: the parts need a space between them.
      for (const part of node.children) out.push(...inlineTree([part], notes, field), ' ');
    } else {
      if (!TRANSPARENT.has(node.name)) notes.add(field, `markup <${node.name}> kept as its text (the model takes only i, b, sub, sup, sc)`);
      out.push(...inlineTree(node.children, notes, field));
    }
  }
  return out;
}

/** The text of a formula, token by token (MathML leaves are separate tokens). */
function mathText(node: XElement): string {
  if (node.name === 'tex-math') return rawText(node);
  const leaves: string[] = [];
  const walk = (n: XNode): void => {
    if (!isElement(n)) {
      if (n.trim()) leaves.push(n.trim());
      return;
    }
    n.children.forEach(walk);
  };
  walk(node);
  return leaves.join('');
}

type Mutable = string | { tag: InlineTag; children: Mutable[] };

/** Collapses white space, merges neighbouring text, drops empty elements, trims both ends. */
function normalise(nodes: readonly Inline[]): Inline[] {
  const flat: Mutable[] = [];
  let lastSpace = true;
  const walk = (list: readonly Inline[], into: Mutable[]): void => {
    for (const node of list) {
      if (typeof node === 'string') {
        let text = '';
        for (const ch of node.replace(/[ \t\r\n]+/g, ' ')) {
          if (ch === ' ' && lastSpace) continue;
          text += ch;
          lastSpace = ch === ' ';
        }
        const prev = into.at(-1);
        if (typeof prev === 'string') into[into.length - 1] = prev + text;
        else if (text) into.push(text);
        continue;
      }
      const children: Mutable[] = [];
      walk(node.children, children);
      if (children.length > 0) into.push({ tag: node.tag, children });
    }
  };
  walk(nodes, flat);
  trimEdge(flat, 'start');
  trimEdge(flat, 'end');
  return prune(flat);
}

function trimEdge(list: Mutable[], side: 'start' | 'end'): void {
  const index = side === 'start' ? 0 : list.length - 1;
  const node = list[index];
  if (node === undefined) return;
  if (typeof node === 'string') {
    const trimmed = side === 'start' ? node.trimStart() : node.trimEnd();
    if (trimmed) list[index] = trimmed;
    else {
      list.splice(index, 1);
      trimEdge(list, side);
    }
    return;
  }
  trimEdge(node.children, side);
  if (node.children.length === 0) {
    list.splice(index, 1);
    trimEdge(list, side);
  }
}

const prune = (list: Mutable[]): Inline[] =>
  list.flatMap((n): Inline[] => (typeof n === 'string' ? (n ? [n] : []) : n.children.length > 0 ? [{ tag: n.tag, children: prune(n.children) }] : []));

/**
 * Where text would read as a tag: the markup parser takes `<` followed by a letter, `!`, `?`
 * or `/` + one of those as the start of a tag. The syntax has no escape, so a space goes after
 * such a `<` and the change is noted (the only text the syntax cannot hold as it is).
 */
const TAG_START = /<(?=\/?[A-Za-z!?])/g;

export function escapeText(text: string, notes: Notes, field: string): string {
  if (!TAG_START.test(text)) return text;
  TAG_START.lastIndex = 0;
  const sample = /<\/?[A-Za-z!?][^<>\s]{0,12}/.exec(text)?.[0] ?? '<';
  notes.add(field, `text "${sample}" cannot be written in Colophon markup (a "<" before a letter starts a tag): written with a space after "<"`);
  return text.replace(TAG_START, '< ');
}

/**
 * A word that mixes Latin and Cyrillic letters ("SPAСE" with a Cyrillic С) is almost always a
 * look-alike typed by mistake; it is kept exactly as the source has it, and noted for a check.
 */
const MIXED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}]*(?:\p{Script=Latin}\p{Script=Cyrillic}|\p{Script=Cyrillic}\p{Script=Latin})[\p{Script=Latin}\p{Script=Cyrillic}]*/u;

/** Markup text of an inline tree, ready for a YAML markup field (`undefined` when empty). */
export function toMarkup(nodes: readonly Inline[], notes: Notes, field: string): string | undefined {
  const write = (list: readonly Inline[]): string =>
    list.map((n) => (typeof n === 'string' ? escapeText(n, notes, field) : `<${n.tag}>${write(n.children)}</${n.tag}>`)).join('');
  const out = write(normalise(nodes));
  const mixed = MIXED_SCRIPT.exec(out);
  if (mixed) notes.add(field, `"${mixed[0]}" mixes Latin and Cyrillic letters (a look-alike letter?): kept as in the source, check it`);
  return out === '' ? undefined : out;
}

/** Source nodes → markup text in one step. */
export const markupOf = (nodes: readonly XNode[] | undefined, notes: Notes, field: string): string | undefined =>
  nodes === undefined ? undefined : toMarkup(inlineTree(nodes, notes, field), notes, field);

/** Plain text of source nodes (for fields without markup, such as keywords), noting dropped markup. */
export function plainOf(nodes: readonly XNode[] | undefined, notes: Notes, field: string): string | undefined {
  if (nodes === undefined) return undefined;
  const tree = normalise(inlineTree(nodes, notes, field));
  if (tree.some((n) => typeof n !== 'string')) notes.add(field, 'inline markup dropped (this field is plain text)');
  const text = flatten(tree);
  return text === '' ? undefined : text;
}

const flatten = (list: readonly Inline[]): string => list.map((n) => (typeof n === 'string' ? n : flatten(n.children))).join('');

const BLOCKS = new Set(['p', 'div', 'sec', 'list', 'list-item', 'li', 'ul', 'ol', 'blockquote', 'abstract', 'trans-abstract', 'fragment', 'statement', 'def-list', 'def-item']);

/**
 * Paragraphs of an abstract: each `p` (JATS, HTML) is one; a section title becomes its own bold
 * paragraph (the model has no abstract sections, which is noted); loose text is a paragraph too.
 */
export function paragraphsOf(nodes: readonly XNode[], notes: Notes, field: string): string[] {
  const out: string[] = [];
  let buffer: XNode[] = [];
  const flush = (): void => {
    const text = markupOf(buffer, notes, field);
    if (text !== undefined) out.push(text);
    buffer = [];
  };
  const walk = (list: readonly XNode[]): void => {
    for (const node of list) {
      if (isElement(node) && node.name === 'title') {
        flush();
        notes.add(field, 'abstract section headings written as bold paragraphs (the model has no abstract sections)');
        const heading = markupOf(node.children, notes, field);
        if (heading !== undefined) out.push(`<b>${heading}</b>`);
      } else if (isElement(node) && node.name === 'label') {
        notes.add(field, 'abstract labels dropped');
      } else if (isElement(node) && BLOCKS.has(node.name)) {
        flush();
        walk(node.children);
        flush();
      } else buffer.push(node);
    }
  };
  walk(nodes);
  flush();
  return out;
}
