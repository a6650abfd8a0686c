/** Notices that this article corrects, retracts or translates another: shown under the title, where readers see them first. */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Relation, RelationType } from '#core/model/index';
import { doiUrl, text } from './html.ts';
import type { PageContext } from './page-context.ts';

const SENTENCES = {
  'correction-of': 'This article corrects',
  'retraction-of': 'This notice retracts',
  'translation-of': 'This article is a translation of',
} as const satisfies Record<RelationType, string>;

const notice = (r: Relation): Element => h('p', { className: ['notice', r.type] }, [text(`${SENTENCES[r.type]} `), h('a', { href: doiUrl(r.doi) }, doiUrl(r.doi)), text('.')]);

export const relations = ({ article }: PageContext): Element[] => article.relations.map(notice);
