/** The reference list as printed, each with its DOI as a link and its type. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { ResolvedReference } from '#core/model/index';
import { doiUrl, inlineHtml, section, text } from './html.ts';
import type { PageContext } from './page-context.ts';

function reference(ref: ResolvedReference): Element {
  const doi = ref.doi === undefined ? [] : [text(' '), h('a', { href: doiUrl(ref.doi) }, doiUrl(ref.doi))];
  // data-type: the reference's type in the model's words, as the JATS and the deposit say it in theirs.
  return h('li', { id: ref.id, dataType: ref.type }, [...inlineHtml(ref.citation), ...doi]);
}

export const references = ({ article }: PageContext): Element | undefined =>
  section('references', 'References', [article.references.length === 0 ? undefined : h('ol', { className: ['references'] }, article.references.map(reference))]);
