/** Funders and award numbers, each funder linked by its Funder Registry DOI or ROR id. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Funding } from '#core/model/index';
import { doiUrl, section, text } from './html.ts';
import type { PageContext } from './page-context.ts';

function funder(f: Funding): Element {
  if (f.funder === undefined) return h('li', text(`${f.awards.length === 1 ? 'Grant' : 'Grants'} ${f.awards.join(', ')} (funder not named)`));
  const id = f.funder.doi === undefined ? f.funder.ror : doiUrl(f.funder.doi);
  const name = id === undefined ? text(f.funder.name) : h('a', { href: id }, f.funder.name);
  return h('li', [name, f.awards.length === 0 ? undefined : text(` (${f.awards.length === 1 ? 'grant' : 'grants'} ${f.awards.join(', ')})`)]);
}

export const funding = ({ article }: PageContext): Element | undefined =>
  section('funding', 'Funding', [article.funding.length === 0 ? undefined : h('ul', article.funding.map(funder))]);
