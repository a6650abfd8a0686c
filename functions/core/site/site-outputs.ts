/**
 * Every site-level file of one journal, rendered in memory from its issues: the home page, the
 * 404 page, each issue's table of contents, the sitemap(s) and robots.txt. With the per-article
 * files of core/publish this is the complete static site; `colophon build` writes both.
 * Pure and deterministic: a sitemap's `lastmod` comes from the metadata's dates, never a clock.
 */
import { compareDates, type IssueBundle, type PartialDate } from '#core/model/index';
import type { Output } from '#core/publish/outputs';
import { issueKey } from '#core/urls';
import { newerIssueFirst, renderArchivePage } from './archive-page.ts';
import { ARCHIVE_KEY, NOT_FOUND_KEY, ROBOTS_KEY, SITE_CONTENT_TYPES } from './files.ts';
import { renderIssuePage } from './issue-page.ts';
import { renderNotFoundPage } from './not-found-page.ts';
import { renderRobots } from './robots.ts';
import { renderSitemaps, sitemapEntries, type SitemapIssue } from './sitemap.ts';

/** A bug in the caller, not bad data: one site is one journal's. */
export class SiteError extends Error {
  override readonly name = 'SiteError';
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The latest of the dates as a W3C Datetime day (the sitemap schema's `xsd:date`): a partial
 * date counts from its first day (2019 → 2019-01-01), the earliest day it can mean, so a
 * sitemap never claims a change later than the metadata says. Undefined without dates.
 */
export function latestDay(dates: readonly (PartialDate | undefined)[]): string | undefined {
  const known = dates.filter((d): d is PartialDate => d !== undefined);
  if (known.length === 0) return undefined;
  const latest = known.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
  return `${latest.year}-${pad(latest.month ?? 1)}-${pad(latest.day ?? 1)}`;
}

/**
 * The sitemap's view of the issues from the metadata alone: a page last changed when what it
 * shows was last published (print or online). A page corrected later keeps its publication
 * date; the handlers, which know when they wrote a page, give their own `updatedAt`.
 */
export function metadataSitemapIssues(bundles: readonly IssueBundle[]): SitemapIssue[] {
  return bundles.map(({ issue, articles }) => ({
    issueId: issue.id,
    updatedAt: latestDay([issue.published.print, issue.published.online]) ?? `${issue.year}-01-01`,
    // A withdrawn article's page is a notice: not for crawlers to come back to.
    articles: articles.filter((a) => a.withdrawn === undefined).map((a) => ({ doi: a.doi, updatedAt: latestDay([a.dates.published.print, a.dates.published.online]) ?? `${issue.year}-01-01` })),
  }));
}

/**
 * The site files of the journal the bundles belong to (all of one journal; none gives none):
 * home, 404, issue pages in the order given, sitemap(s), robots.txt.
 */
export function renderSiteOutputs(bundles: readonly IssueBundle[]): Output[] {
  const first = bundles[0];
  if (first === undefined) return [];
  const { journal } = first;
  const stranger = bundles.find((b) => b.journal.id !== journal.id);
  if (stranger !== undefined) throw new SiteError(`one site per journal: ${stranger.journal.id} is not ${journal.id}`);
  const html = SITE_CONTENT_TYPES.html;
  const entries = bundles.map((b) => ({ issue: b.issue, articleCount: b.articles.length, articles: b.articles }));
  const home = renderArchivePage(journal, entries);
  const newest = bundles.map((b) => b.issue).sort(newerIssueFirst)[0]!;
  return [
    { key: ARCHIVE_KEY, contentType: html, body: home },
    { key: NOT_FOUND_KEY, contentType: html, body: renderNotFoundPage(journal, newest) },
    ...bundles.map((b) => ({ key: issueKey(b.issue.id), contentType: html, body: renderIssuePage(journal, b.issue, b.articles) })),
    ...renderSitemaps(journal.base_url, sitemapEntries(journal, metadataSitemapIssues(bundles))).map((s) => ({ ...s, contentType: SITE_CONTENT_TYPES.xml })),
    { key: ROBOTS_KEY, contentType: SITE_CONTENT_TYPES.text, body: renderRobots(journal.base_url) },
  ];
}
