/**
 * An issue's table of contents: the issue's label, title, dates and DOI, then the articles in
 * issue order, grouped by section in the order issue.yaml lists the sections, each with its
 * authors, pages, DOI and PDF, and its title linking to the landing page.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Article, Issue, Journal } from '#core/model/index';
import { issueKey, issueUrl } from '#core/urls';
import { linkerFor, renderDocument, type Linker } from './chrome.ts';
import { coverFigure } from './cover.ts';
import { defined, doiLink, inlineHtml, issueLabel, readableDate } from './html.ts';
import { tocList } from './toc.ts';

function issueTitle(issue: Issue): Element | undefined {
  return issue.title === undefined ? undefined : h('p', { className: ['issue-title'] }, inlineHtml(issue.title));
}

/** The issue's own text (a themed issue's introduction), one paragraph each. */
function issueDescription(issue: Issue): Element | undefined {
  return issue.description === undefined ? undefined : h('div', { className: ['issue-description'] }, issue.description.map((p) => h('p', inlineHtml(p))));
}

/** Publication dates and the issue's own DOI, each row only when known. */
function issueFacts(issue: Issue): Element | undefined {
  const rows: [string, Element | string | undefined][] = [
    ['Published in print', issue.published.print && readableDate(issue.published.print)],
    ['Published online', issue.published.online && readableDate(issue.published.online)],
    ['DOI', issue.doi && doiLink(issue.doi)],
  ];
  const kept = rows.filter((r): r is [string, Element | string] => r[1] !== undefined);
  return kept.length === 0 ? undefined : h('dl', { className: ['issue-info'] }, kept.flatMap(([term, value]) => [h('dt', term), h('dd', [value])]));
}

type Group = { readonly id: string; readonly title: string; readonly articles: readonly Article[] };

/**
 * One group per section in the order issue.yaml lists them; articles without a section first,
 * under "Contents" (every group has a heading, so article titles are always `<h3>` under an `<h2>`).
 */
export function sectionGroups(issue: Issue, articles: readonly Article[]): Group[] {
  const groups: Group[] = [{ id: 'contents', title: 'Contents', articles: articles.filter((a) => a.section === undefined) }];
  for (const s of issue.sections ?? []) groups.push({ id: `section-${s.id}`, title: s.title, articles: articles.filter((a) => a.section?.id === s.id) });
  return groups.filter((g) => g.articles.length > 0);
}

const groupSection = (journal: Journal, href: Linker, g: Group): Element =>
  h('section', { id: g.id, ariaLabelledBy: `${g.id}-heading` }, [h('h2', { id: `${g.id}-heading` }, g.title), tocList(journal, href, g.articles)]);

/** The full HTML of the issue page at `issueKey(journal.id, issue.id)`. */
export function renderIssuePage(journal: Journal, issue: Issue, articles: readonly Article[]): string {
  const label = issueLabel(issue);
  const href = linkerFor(journal, issueKey(journal.id, issue.id));
  const groups = sectionGroups(issue, articles);
  return renderDocument({
    journal,
    href,
    title: `${label} | ${journal.title}`,
    canonical: issueUrl(journal, issue.id),
    breadcrumbs: [{ label }],
    main: defined([
      h('h1', label),
      issueTitle(issue),
      coverFigure(journal, href, issue),
      issueDescription(issue),
      issueFacts(issue),
      ...(groups.length === 0 ? [h('p', 'This issue has no articles yet.')] : groups.map((g) => groupSection(journal, href, g))),
    ]),
  });
}
