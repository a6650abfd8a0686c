/**
 * Inline markup for titles, abstracts and references: the one safe syntax.
 *
 * Staff write a tiny, closed set of HTML-like tags: `<i>`, `<b>`, `<sub>`, `<sup>`, `<sc>`
 * (small caps). Everything else is text: `&` is a literal ampersand (no entities), and a `<`
 * that does not start a tag (`p < 0.05`) is a literal `<`. Anything that looks like a tag but
 * is not one of these five (for example `<script>` or `<i class=x>`) is an error, and so is
 * an unbalanced or crossed tag. Renderers map the tree to JATS, Crossref face markup and HTML;
 * they never see the source text, so nothing in it can inject elements or attributes.
 */
import { MODEL_LIMITS } from './limits.ts';

export const INLINE_TAGS = ['i', 'b', 'sub', 'sup', 'sc'] as const;
export type InlineTag = (typeof INLINE_TAGS)[number];

export type Inline = string | { readonly tag: InlineTag; readonly children: readonly Inline[] };
/** A run of inline content: the normalised form of every markup field. */
export type InlineText = readonly Inline[];

export type MarkupProblem = { readonly message: string; readonly offset: number };
export type MarkupResult = { ok: true; value: Inline[] } | { ok: false; problem: MarkupProblem };

const TAG_LIKE = /<\/?[A-Za-z!?][^<>]*>?/y;
const isInlineTag = (name: string): name is InlineTag => (INLINE_TAGS as readonly string[]).includes(name);

/** Parses one markup string into an inline tree, or says where and why it is not safe. */
export function parseMarkup(source: string): MarkupResult {
  const root: Inline[] = [];
  const stack: { tag: InlineTag; children: Inline[]; offset: number }[] = [];
  const current = (): Inline[] => stack.at(-1)?.children ?? root;
  // Text runs are slices of the source: appending one character at a time builds a rope of
  // ~30 bytes per character in V8 (250 MB for 2,000 articles) that every renderer then flattens.
  let start = 0;
  const flush = (end: number): void => {
    if (end > start) current().push(source.slice(start, end));
  };
  let i = 0;
  while (i < source.length) {
    i = source.indexOf('<', i);
    if (i < 0) break;
    TAG_LIKE.lastIndex = i;
    const match = TAG_LIKE.exec(source);
    if (!match) {
      i += 1;
      continue;
    }
    const raw = match[0];
    const tag = /^<(\/?)([a-z]+)>$/.exec(raw);
    if (!raw.endsWith('>')) {
      const message = `${JSON.stringify(raw)} looks like an unfinished tag; for a less-than sign, put a space after it (a < b)`;
      return { ok: false, problem: { message, offset: i } };
    }
    if (!tag || !isInlineTag(tag[2]!)) {
      return {
        ok: false,
        problem: { message: `markup ${JSON.stringify(raw)} is not allowed: use only <i>, <b>, <sub>, <sup>, <sc> without attributes`, offset: i },
      };
    }
    flush(i);
    const name = tag[2] as InlineTag;
    if (tag[1] === '/') {
      const open = stack.pop();
      if (!open) return { ok: false, problem: { message: `closing </${name}> has no opening <${name}>`, offset: i } };
      if (open.tag !== name) {
        return { ok: false, problem: { message: `closing </${name}> does not match the open <${open.tag}>`, offset: i } };
      }
      current().push({ tag: open.tag, children: open.children });
    } else {
      if (stack.length >= MODEL_LIMITS.inlineDepth) {
        return { ok: false, problem: { message: `markup nested more than ${MODEL_LIMITS.inlineDepth} tags deep: close some tags (<i><b>…</b></i> is two deep)`, offset: i } };
      }
      stack.push({ tag: name, children: [], offset: i });
    }
    i += raw.length;
    start = i;
  }
  flush(source.length);
  const unclosed = stack.at(-1);
  if (unclosed) return { ok: false, problem: { message: `<${unclosed.tag}> is never closed`, offset: unclosed.offset } };
  return { ok: true, value: root };
}

/** The plain text of an inline tree (for meta tags, citations, sorting). */
export function plainText(content: InlineText): string {
  let out = '';
  for (const node of content) out += typeof node === 'string' ? node : plainText(node.children);
  return out;
}
