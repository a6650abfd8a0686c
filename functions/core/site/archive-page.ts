/** The journal's archive (its home page): every issue, newest first, linking to its table of contents. */
import { h } from 'hastscript';
import type { Issue } from '../model/issue.ts';
import type { Journal } from '../model/journal.ts';
import { issueUrl } from '../urls.ts';
import { ARCHIVE_KEY } from './files.ts';
import { inlineHtml, issueLabel, page, siteHref } from './html.ts';

export type ArchiveEntry = { readonly issue: Issue; readonly articleCount: number };

/** Newest year first; within a year, the later issue id first. */
const newestFirst = (a: ArchiveEntry, b: ArchiveEntry): number => b.issue.year - a.issue.year || b.issue.id.localeCompare(a.issue.id, 'en', { numeric: true });

/** The full HTML of the archive at `ARCHIVE_KEY`. */
export function renderArchivePage(journal: Journal, entries: readonly ArchiveEntry[]): string {
  const items = [...entries].sort(newestFirst).map(({ issue, articleCount }) =>
    h('li', [
      h('a', { href: siteHref(journal, ARCHIVE_KEY, issueUrl(journal, issue.id)) }, issueLabel(issue)),
      ...(issue.title ? [': ', ...inlineHtml(issue.title)] : []),
      h('span', { className: ['meta'] }, ` · ${articleCount} ${articleCount === 1 ? 'article' : 'articles'}`),
    ]),
  );
  return page(journal, {
    key: ARCHIVE_KEY,
    title: journal.title,
    canonical: `${journal.base_url}/`,
    main: [h('h1', journal.title), h('h2', 'Archive'), items.length > 0 ? h('ol', { reversed: true }, items) : h('p', 'No issues yet.')],
  });
}
