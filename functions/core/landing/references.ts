/** The reference list as printed, each with its DOI as a link. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { ResolvedReference } from '#core/model/index';
import { doiUrl, inlineHtml, section, text } from './html.ts';
import type { PageContext } from './page-context.ts';

function reference(ref: ResolvedReference): Element {
  const doi = ref.doi === undefined ? [] : [text(' '), h('a', { href: doiUrl(ref.doi) }, doiUrl(ref.doi))];
  return h('li', { id: ref.id }, [...inlineHtml(ref.citation), ...doi]);
}

export const references = ({ article }: PageContext): Element | undefined =>
  section('references', 'References', [article.references.length === 0 ? undefined : h('ol', { className: ['references'] }, article.references.map(reference))]);
