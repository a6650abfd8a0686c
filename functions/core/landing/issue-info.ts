/** Where and when the article appeared: journal, volume, issue, pages, DOI and its dates, as a description list. */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { PartialDate } from '#core/model/index';
import { issueLabel } from '#core/site/html';
import { issueUrl } from '#core/urls';
import { doiUrl, pageRange, readableDate, section } from './html.ts';
import type { PageContext } from './page-context.ts';

type Row = readonly [term: string, description: ElementContent | string | undefined];

const rows = (list: readonly Row[]): ElementContent[] => list.flatMap(([term, description]) => (description === undefined ? [] : [h('dt', term), h('dd', description)]));

/** "Vol. L (2019)" or "Vol. 12, No. 3 (2024)", linking to the issue's table of contents. */
const issueLink = ({ journal, issue, href }: PageContext): ElementContent => h('a', { href: href(issueUrl(journal, issue.id)) }, issueLabel(issue));

const dateText = (date: PartialDate | undefined): string | undefined => date && readableDate(date);

/** Received, accepted, published in print and online: each row only when the date is known. */
export function publicationDates({ article }: PageContext): ElementContent[] {
  const { received, accepted, published } = article.dates;
  return rows([
    ['Received', dateText(received)],
    ['Accepted', dateText(accepted)],
    ['Published in print', dateText(published.print)],
    ['Published online', dateText(published.online)],
  ]);
}

export function issueInfo(page: PageContext): ElementContent | undefined {
  const { journal, article } = page;
  const issns = [journal.issn.print && `${journal.issn.print} (print)`, journal.issn.electronic && `${journal.issn.electronic} (online)`].filter((v) => v !== undefined);
  const doi = doiUrl(article.doi);
  return section('article-information', 'Article information', [
    h('dl', { className: ['issue-info'] }, [
      ...rows([
        ['Journal', journal.title],
        ['ISSN', issns.join(', ')],
        ['Issue', issueLink(page)],
        ['Section', article.section?.title],
        ['Pages', pageRange(article.pages)],
        ['Article number', article.article_number],
        ['DOI', h('a', { href: doi }, doi)],
      ]),
      ...publicationDates(page),
    ]),
  ]);
}
