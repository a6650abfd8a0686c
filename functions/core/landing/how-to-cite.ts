/**
 * "How to cite": the reference in every offered style (APA, Chicago author-date, MLA, Harvard,
 * Vancouver), each rendered by citeproc-js from the official CSL style, with its italics. The
 * note names the Citation Style Language, as the CSL project asks of software using its styles.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { CITATION_STYLES, type FormattedCitation } from '#core/cite/index';
import { inlineHtml, section, text } from './html.ts';
import type { PageContext } from './page-context.ts';

const entry = (c: FormattedCitation): Element[] => [h('dt', CITATION_STYLES[c.style].label), h('dd', { className: ['citation', `citation-${c.style}`] }, inlineHtml(c.inline))];

export function howToCiteBlock({ citations }: PageContext): Element | undefined {
  if (citations.length === 0) return undefined;
  return section('how-to-cite', 'How to cite', [
    h('dl', { className: ['citations'] }, citations.flatMap(entry)),
    h('p', { className: ['note'] }, [text('Formatted with '), h('a', { href: 'https://citationstyles.org/' }, 'Citation Style Language'), text(' styles.')]),
  ]);
}
