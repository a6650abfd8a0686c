/** "How to cite": the APA 7 reference rendered by citeproc-js (cite/how-to-cite.ts), with its italics. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { CITATION_STYLES } from '#core/cite/index';
import { inlineHtml, section } from './html.ts';
import type { PageContext } from './page-context.ts';

export function howToCiteBlock({ citation }: PageContext): Element | undefined {
  return section('how-to-cite', 'How to cite', [
    h('p', { className: ['citation-style'] }, `${CITATION_STYLES[citation.style].label}:`),
    h('p', { className: ['citation'] }, inlineHtml(citation.inline)),
  ]);
}
