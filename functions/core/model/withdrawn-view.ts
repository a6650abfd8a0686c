/**
 * What a withdrawn article still states: what cites it (title, authors, issue, pages, DOI, dates,
 * licence) and not the work itself (abstract, keywords, classifications, files, funding, references). The landing
 * page and the JATS read the same view, so they never disagree about what was withdrawn.
 */
import { isoDate } from './dates.ts';
import type { Article } from './resolved.ts';

export const withdrawnView = (article: Article): Article =>
  article.withdrawn === undefined ? article : { ...article, abstracts: [], keywords: [], classifications: [], galleys: [], funding: [], references: [] };

/** The sentence a withdrawn article opens with, on its page and in its JATS. */
export const withdrawnNotice = (withdrawn: NonNullable<Article['withdrawn']>): string =>
  `This article has been withdrawn (${isoDate(withdrawn.date)}): ${withdrawn.reason}`;
