/** The reference list as printed, each with its DOI as a link and its type, and the list as citation downloads. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { ResolvedReference } from '#core/model/index';
import { articleFileUrl } from '#core/urls';
import { doiUrl, inlineHtml, section, text } from './html.ts';
import type { PageContext } from './page-context.ts';

function reference(ref: ResolvedReference): Element {
  const doi = ref.doi === undefined ? [] : [text(' '), h('a', { href: doiUrl(ref.doi) }, doiUrl(ref.doi))];
  // data-type: the reference's type in the model's words, as the JATS and the deposit say it in theirs.
  return h('li', { id: ref.id, dataType: ref.type }, [...inlineHtml(ref.citation), ...doi]);
}

/** The cited works for a reference manager: one item each, with its type and parts (core/cite/reference-list.ts). */
function referenceDownloads({ journal, article, href }: PageContext): Element {
  const file = (kind: 'referencesRis' | 'referencesBibtex' | 'referencesCsl', label: string, type: string): Element => h('a', { href: href(articleFileUrl(journal, article.doi, kind)), type }, label);
  return h('p', { className: ['reference-downloads'] }, [
    text('Download the references: '),
    file('referencesRis', 'RIS', 'application/x-research-info-systems'),
    text(' · '),
    file('referencesBibtex', 'BibTeX', 'application/x-bibtex'),
    text(' · '),
    file('referencesCsl', 'CSL-JSON', 'application/vnd.citationstyles.csl+json'),
  ]);
}

export const references = (page: PageContext): Element | undefined =>
  page.article.references.length === 0 ? undefined : section('references', 'References', [h('ol', { className: ['references'] }, page.article.references.map(reference)), referenceDownloads(page)]);
