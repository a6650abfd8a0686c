/**
 * An issue's table of contents: the articles in issue order, grouped by section where the
 * issue has sections, each linking to its landing page.
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { Issue } from '../model/issue.ts';
import type { Journal } from '../model/journal.ts';
import type { Article } from '../model/resolved.ts';
import { issueKey, issueUrl, landingUrl } from '../urls.ts';
import { displayName, inlineHtml, issueLabel, page, siteHref } from './html.ts';

/** The full HTML of the issue page at `issueKey(issue.id)`. */
export function renderIssuePage(journal: Journal, issue: Issue, articles: readonly Article[]): string {
  const label = issueLabel(issue);
  const key = issueKey(issue.id);
  return page(journal, {
    key,
    title: `${journal.abbrev_title ?? journal.title} ${label}`,
    canonical: issueUrl(journal, issue.id),
    main: [h('h1', label), issueTitle(issue), ...sections(journal, key, issue, articles)].filter((n): n is ElementContent => n !== undefined),
  });
}

function issueTitle(issue: Issue): ElementContent | undefined {
  return issue.title === undefined ? undefined : h('p', { className: ['issue-title'] }, inlineHtml(issue.title));
}

/** One list per section in the order issue.yaml lists them, articles without a section first. */
function sections(journal: Journal, key: string, issue: Issue, articles: readonly Article[]): ElementContent[] {
  const groups: { title?: string; articles: Article[] }[] = [{ articles: articles.filter((a) => a.section === undefined) }];
  for (const section of issue.sections ?? []) groups.push({ title: section.title, articles: articles.filter((a) => a.section?.id === section.id) });
  return groups
    .filter((g) => g.articles.length > 0)
    .flatMap((g) => [...(g.title === undefined ? [] : [h('h2', g.title)]), h('ol', g.articles.map((a) => entry(journal, key, a)))]);
}

function entry(journal: Journal, key: string, article: Article): ElementContent {
  const [main] = article.titles;
  return h('li', [
    h('a', { href: siteHref(journal, key, landingUrl(journal, article.doi)) }, [...inlineHtml(main.title), ...(main.subtitle ? [{ type: 'text' as const, value: ': ' }, ...inlineHtml(main.subtitle)] : [])]),
    authors(article),
    h('p', { className: ['meta'] }, [location(article), h('a', { href: `https://doi.org/${article.doi}` }, `https://doi.org/${article.doi}`)].filter((n) => n !== undefined).flatMap((n, k) => (k === 0 ? [n] : [' · ', n]))),
  ].filter((n) => n !== undefined));
}

function authors(article: Article): ElementContent | undefined {
  const names = article.contributors.filter((c) => c.role === 'author').map(displayName);
  return names.length === 0 ? undefined : h('p', { className: ['meta'] }, names.join(', '));
}

/** "pp. 375–396" (en dash), "p. 12", or "Article 101". */
function location(article: Article): string | undefined {
  if (article.pages) return article.pages.last === undefined || article.pages.last === article.pages.first ? `p. ${article.pages.first}` : `pp. ${article.pages.first}–${article.pages.last}`;
  return article.article_number === undefined ? undefined : `Article ${article.article_number}`;
}
