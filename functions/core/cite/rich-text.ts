/**
 * Inline markup across the CSL processor: into citeproc-js's mini-HTML for CSL-JSON input, and
 * back from the marked text our output format (engine.ts) writes, so that formatted citations
 * come back as `InlineText` and are escaped by whichever serialiser renders them.
 */
import type { Inline, InlineTag, InlineText } from '#core/model/index';

/** The formatting tags citeproc-js reads in CSL-JSON strings (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
const CSL_TAGS = {
  i: ['<i>', '</i>'],
  b: ['<b>', '</b>'],
  sub: ['<sub>', '</sub>'],
  sup: ['<sup>', '</sup>'],
  sc: ['<span style="font-variant:small-caps;">', '</span>'],
} as const satisfies Record<InlineTag, readonly [string, string]>;

/**
 * Inline text as a CSL-JSON rich string. Text is passed as it is: citeproc-js decodes no
 * entities and treats any `<` that does not open one of its own tags as a literal `<`.
 */
export function toCslRichText(content: InlineText): string {
  let out = '';
  for (const node of content) {
    if (typeof node === 'string') out += node;
    else out += CSL_TAGS[node.tag][0] + toCslRichText(node.children) + CSL_TAGS[node.tag][1];
  }
  return out;
}

/**
 * Markers the output format writes around formatted runs: private-use characters, which the
 * format's `text_escape` strips from item text so that no data can forge them.
 */
export const MARK = {
  close: '\uE000',
  open: { i: '\uE001', b: '\uE002', sc: '\uE003', sup: '\uE004', sub: '\uE005' } satisfies Record<InlineTag, string>,
  /** Around output that is left out (citeproc keeps a run it is given back empty, so it is marked instead). */
  drop: ['\uE006', '\uE007'],
} as const;

export const MARKERS = /[\uE000-\uE007]/g;

/**
 * Stands in for `<` in the plain-text variables handed to citeproc-js (names, journal title,
 * publisher), which reads its mini-HTML in every string: a surname with `<b>` in it would come
 * out bold and lose the tag's text. `fromMarked` turns it back into `<`.
 */
export const LESS_THAN = '\uE008';
export const plainForCiteproc = (value: string): string => value.replaceAll('<', LESS_THAN);

const DROPPED = /\uE006[^\uE007]*\uE007/g;

const TAG_OF: ReadonlyMap<string, InlineTag> = new Map(Object.entries(MARK.open).map(([tag, ch]) => [ch, tag as InlineTag]));

/** Marked text back to an inline tree; markers the processor left unbalanced are dropped. */
export function fromMarked(marked: string): InlineText {
  const root: Inline[] = [];
  const stack: { tag: InlineTag; children: Inline[] }[] = [];
  const current = (): Inline[] => stack.at(-1)?.children ?? root;
  let text = '';
  const flush = (): void => {
    if (text) current().push(text);
    text = '';
  };
  for (const ch of marked.replace(DROPPED, '')) {
    const tag = TAG_OF.get(ch);
    if (tag !== undefined) {
      flush();
      stack.push({ tag, children: [] });
    } else if (ch === MARK.close) {
      flush();
      const open = stack.pop();
      if (open && open.children.length > 0) current().push({ tag: open.tag, children: open.children });
    } else if (ch !== MARK.drop[0] && ch !== MARK.drop[1]) text += ch === LESS_THAN ? '<' : ch;
  }
  flush();
  while (stack.length > 0) {
    // Unclosed runs keep their text, unformatted.
    const open = stack.pop()!;
    current().push(...open.children);
  }
  return root;
}
