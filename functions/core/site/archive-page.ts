/**
 * The journal's home page: the journal's name and ISSNs, the current (newest) issue with its
 * table of contents, and the archive of every issue, newest first.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Article, Issue, Journal } from '#core/model/index';
import { issueUrl, journalHomeKey } from '#core/urls';
import { homeUrl, linkerFor, renderDocument, type Linker } from './chrome.ts';
import { coverFigure } from './cover.ts';
import { defined, inlineHtml, issueLabel, section, text } from './html.ts';
import { tocList } from './toc.ts';

/** An issue as the home page lists it; with its articles (in issue order), the current issue shows its contents. */
export type ArchiveEntry = { readonly issue: Issue; readonly articleCount: number; readonly articles?: readonly Article[] | undefined };

/** Newest year first; within a year, the later issue id first (numeric: 2024-12-10 after 2024-12-9). */
export const newerIssueFirst = (a: Issue, b: Issue): number => b.year - a.year || b.id.localeCompare(a.id, 'en', { numeric: true });
const newestFirst = (a: ArchiveEntry, b: ArchiveEntry): number => newerIssueFirst(a.issue, b.issue);

const issueTitle = (issue: Issue): Element[] => (issue.title === undefined ? [] : [h('span', { className: ['issue-title'] }, [text(': '), ...inlineHtml(issue.title)])]);

function currentIssue(journal: Journal, href: Linker, entry: ArchiveEntry | undefined): Element | undefined {
  if (entry === undefined) return undefined;
  const { issue, articles } = entry;
  return section('current-issue', 'Current issue', [
    h('p', [h('a', { href: href(issueUrl(journal, issue.id)) }, issueLabel(issue)), ...issueTitle(issue)]),
    coverFigure(journal, href, issue),
    articles === undefined || articles.length === 0 ? undefined : tocList(journal, href, articles),
  ]);
}

function archiveItem(journal: Journal, href: Linker, { issue, articleCount }: ArchiveEntry): Element {
  return h('li', [
    h('a', { href: href(issueUrl(journal, issue.id)) }, issueLabel(issue)),
    ...issueTitle(issue),
    h('span', { className: ['meta'] }, ` \u00B7 ${articleCount} ${articleCount === 1 ? 'article' : 'articles'}`),
  ]);
}

/** The full HTML of the journal's home page at `journalHomeKey(journal.id)`. */
export function renderArchivePage(journal: Journal, entries: readonly ArchiveEntry[]): string {
  const href = linkerFor(journal, journalHomeKey(journal.id));
  const sorted = [...entries].sort(newestFirst);
  const issns = defined([journal.issn.print && `ISSN ${journal.issn.print} (print)`, journal.issn.electronic && `ISSN ${journal.issn.electronic} (online)`]);
  return renderDocument({
    journal,
    href,
    title: journal.title,
    canonical: homeUrl(journal),
    breadcrumbs: [],
    main: [
      h('h1', journal.title),
      h('p', { className: ['meta'] }, [journal.publisher.name, ...issns].join(' \u00B7 ')),
      currentIssue(journal, href, sorted[0]),
      section('archive', 'Archive', [sorted.length === 0 ? h('p', 'No issues yet.') : h('ol', { className: ['archive'] }, sorted.map((e) => archiveItem(journal, href, e)))]),
    ],
  });
}
