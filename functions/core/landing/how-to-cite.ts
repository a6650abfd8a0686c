/**
 * "How to cite": the reference in every offered style (APA, Chicago author-date, MLA, Harvard,
 * Vancouver), each rendered by citeproc-js from the official CSL style, with its italics and its
 * DOI as a live link (APA 7 and Crossref's display guidelines ask for one). The note names the
 * Citation Style Language, as the CSL project asks of software using its styles.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { CITATION_STYLES, type FormattedCitation } from '#core/cite/index';
import { inlineHtml, section, text } from './html.ts';
import type { PageContext } from './page-context.ts';

/** An http(s) URL, without the sentence's closing punctuation. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"]*[^\s<>".,;:)\]]/g;

/** Text with each URL in it made a link to itself. */
export function linkedText(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of value.matchAll(URL_IN_TEXT)) {
    if (m.index > last) out.push(text(value.slice(last, m.index)));
    out.push(h('a', { href: m[0] }, m[0]));
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}

const citationContent = (c: FormattedCitation): ElementContent[] => c.inline.flatMap((node) => (typeof node === 'string' ? linkedText(node) : inlineHtml([node])));

const entry = (c: FormattedCitation): Element[] => [h('dt', CITATION_STYLES[c.style].label), h('dd', { className: ['citation', `citation-${c.style}`] }, citationContent(c))];

export function howToCiteBlock({ citations }: PageContext): Element | undefined {
  if (citations.length === 0) return undefined;
  return section('how-to-cite', 'How to cite', [
    h('dl', { className: ['citations'] }, citations.flatMap(entry)),
    h('p', { className: ['note'] }, [text('Formatted with '), h('a', { href: 'https://citationstyles.org/' }, 'Citation Style Language'), text(' styles.')]),
  ]);
}
