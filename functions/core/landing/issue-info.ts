/** Where and when the article appeared: journal, volume, issue, pages, DOI and its dates, as a description list. */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { PartialDate } from '#core/model/index';
import { issueUrl } from '#core/urls';
import { doiUrl, readableDate, section } from './html.ts';
import { siteHref, type PageContext } from './page-context.ts';

type Row = readonly [term: string, description: ElementContent | string | undefined];

const rows = (list: readonly Row[]): ElementContent[] => list.flatMap(([term, description]) => (description === undefined ? [] : [h('dt', term), h('dd', description)]));

/** "Vol. L (2019)" or "Vol. 12, No. 3 (2024)", linking to the issue's table of contents. */
function issueLink({ journal, issue }: PageContext): ElementContent {
  const parts = [issue.volume === undefined ? undefined : `Vol. ${issue.volume}`, issue.number === undefined ? undefined : `No. ${issue.number}`].filter((p) => p !== undefined);
  return h('a', { href: siteHref(journal, issueUrl(journal, issue.id)) }, `${parts.join(', ')} (${issue.year})`);
}

function pagesText({ article }: PageContext): string | undefined {
  const pages = article.pages;
  if (pages === undefined) return undefined;
  return pages.last === undefined || pages.last === pages.first ? pages.first : `${pages.first}–${pages.last}`;
}

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
        ['Pages', pagesText(page)],
        ['Article number', article.article_number],
        ['DOI', h('a', { href: doi }, doi)],
      ]),
      ...publicationDates(page),
    ]),
  ]);
}
