/** The files readers take away: the galleys (PDF first as listed), the JATS XML and the citation files. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { cslJsonUrl } from '#core/cite/index';
import type { Galley } from '#core/model/index';
import { GALLEY_FORMATS } from '#core/model/galley-formats';
import { articleFileUrl, galleyUrl } from '#core/urls';
import { section } from './html.ts';
import type { PageContext } from './page-context.ts';

const FORMAT_LABELS = { pdf: 'PDF', html: 'HTML', epub: 'EPUB', xml: 'XML' } as const satisfies Record<Galley['format'], string>;

/** `type` tells the browser what it will get before it asks (HTML's advisory media type). */
const link = (href: string, label: string, type: string): Element => h('li', [h('a', { href, type }, label)]);

export function downloads({ journal, article, href }: PageContext): Element | undefined {
  const file = (kind: 'jats' | 'ris' | 'bibtex'): string => href(articleFileUrl(journal, article.doi, kind));
  const galleys = article.galleys.map((g) => link(href(galleyUrl(journal, article.doi, g)), g.label ?? FORMAT_LABELS[g.format], GALLEY_FORMATS[g.format]));
  return section('downloads', 'Downloads', [
    h('ul', { className: ['downloads'] }, [
      ...galleys,
      link(file('jats'), 'JATS XML', 'application/xml'),
      link(file('ris'), 'Citation (RIS)', 'application/x-research-info-systems'),
      link(file('bibtex'), 'Citation (BibTeX)', 'application/x-bibtex'),
      link(href(cslJsonUrl(journal, article.doi)), 'Citation (CSL-JSON)', 'application/vnd.citationstyles.csl+json'),
    ]),
  ]);
}
