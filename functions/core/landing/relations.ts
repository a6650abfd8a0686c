/**
 * Notices under the title, where readers see them first: what this article corrects, retracts,
 * expresses concern about or translates (with the other article's title where Colophon knows it),
 * and the notices that update this article. A retraction or an expression of concern is shown at
 * the very top of the page, before the title, as COPE's retraction guidelines and Crossref ask.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Notice, Relation, RelationType, UpdateType } from '#core/model/index';
import { withdrawnNotice } from '#core/model/withdrawn-view';
import { doiUrl, inlineHtml, text } from './html.ts';
import type { PageContext } from './page-context.ts';

const SENTENCES = {
  'correction-of': 'This article corrects',
  'retraction-of': 'This notice retracts',
  'expression-of-concern-for': 'This notice expresses concern about',
  'translation-of': 'This article is a translation of',
} as const satisfies Record<RelationType, string>;

/** What a notice does to this article, said from this article's side. */
const UPDATED_BY = {
  'correction-of': 'A correction to this article has been published',
  'retraction-of': 'This article has been retracted',
  'expression-of-concern-for': 'An expression of concern about this article has been published',
} as const satisfies Record<UpdateType, string>;

/** The other work: its title linked to its DOI, with the DOI after it; the DOI alone when its title is unknown. */
function work(doi: string, title: Relation['title']): ElementContent[] {
  const url = doiUrl(doi);
  if (title === undefined) return [h('a', { href: url }, url)];
  return [text('“'), h('a', { href: url }, inlineHtml(title)), text(`” (${url})`)];
}

const notice = (r: Relation): Element => h('p', { className: ['notice', r.type] }, [text(`${SENTENCES[r.type]} `), ...work(r.doi, r.title), text('.')]);

const updatedBy = (n: Notice): Element =>
  h('p', { className: ['notice', 'updated-by', n.type], role: 'note' }, [text(`${UPDATED_BY[n.type]}${n.date === undefined ? '' : ` (${n.date})`}: `), ...work(n.doi, n.title), text('.')]);

export const relations = ({ article }: PageContext): Element[] => article.relations.map(notice);

/** Notices that retract this article or express concern about it: first on the page. */
export const alerts = ({ article }: PageContext): Element[] => (article.updatedBy ?? []).filter((n) => n.type !== 'correction-of').map(updatedBy);

/** Corrections to this article: under its title. */
export const corrections = ({ article }: PageContext): Element[] => (article.updatedBy ?? []).filter((n) => n.type === 'correction-of').map(updatedBy);

/** A withdrawn article: said first, with the date and the reason (withdrawal.ts). */
export const withdrawal = ({ article }: PageContext): Element[] =>
  article.withdrawn === undefined ? [] : [h('p', { className: ['notice', 'withdrawn'], role: 'note' }, [text(withdrawnNotice(article.withdrawn))])];
