/**
 * Every site-level file of one journal, rendered in memory from its issues: its home page, each
 * issue's table of contents and its sitemap(s), plus the stage's root files (the journals page,
 * 404, the sitemap index, robots.txt). With the per-article
 * files of core/publish this is the complete static site; `colophon build` writes both.
 * Pure and deterministic: a sitemap's `lastmod` comes from the metadata's dates, never a clock.
 */
import { compareDates } from '#core/model/dates';
import type { IssueBundle, PartialDate } from '#core/model/index';
import type { Output } from '#core/publish/outputs';
import type { Journal } from '#core/model/index';
import { issueKey, journalHomeKey, STAGE_HOME_KEY } from '#core/urls';
import { renderArchivePage } from './archive-page.ts';
import { NOT_FOUND_KEY, ROBOTS_KEY, SITE_CONTENT_TYPES } from './files.ts';
import { renderIssuePage } from './issue-page.ts';
import { renderRobots } from './robots.ts';
import { renderJournalSitemaps, renderSitemapIndex, sitemapEntries, type SitemapEntry, type SitemapIssue } from './sitemap.ts';
import { renderStageHome, renderStageNotFound } from './stage-pages.ts';

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

/** A journal's own site files (home, issue pages, sitemap parts) and its entries for the stage's sitemap index. */
export type JournalSiteOutputs = { readonly outputs: Output[]; readonly sitemapParts: readonly SitemapEntry[] };

/** The files under one journal's folder, and its sitemap(s): all that publishing the journal writes besides its articles. */
export function renderJournalOutputs(journal: Journal, bundles: readonly IssueBundle[]): JournalSiteOutputs {
  const stranger = bundles.find((b) => b.journal.id !== journal.id);
  if (stranger !== undefined) throw new SiteError(`one journal's files at a time: ${stranger.journal.id} is not ${journal.id}`);
  const html = SITE_CONTENT_TYPES.html;
  const home = renderArchivePage(journal, bundles.map((b) => ({ issue: b.issue, articleCount: b.articles.length, articles: b.articles })));
  const sitemaps = renderJournalSitemaps(journal, sitemapEntries(journal, metadataSitemapIssues(bundles)));
  return {
    outputs: [
      { key: journalHomeKey(journal.id), contentType: html, body: home },
      ...bundles.map((b) => ({ key: issueKey(journal.id, b.issue.id), contentType: html, body: renderIssuePage(journal, b.issue, b.articles) })),
      ...sitemaps.files.map((s) => ({ ...s, contentType: SITE_CONTENT_TYPES.xml })),
    ],
    sitemapParts: sitemaps.parts,
  };
}

/** The stage's root files: the page listing the journals, the 404 page, the sitemap index over every journal's parts, robots.txt. */
export function renderStageOutputs(journals: readonly Journal[], sitemapParts: readonly SitemapEntry[], siteBaseUrl: string): Output[] {
  const html = SITE_CONTENT_TYPES.html;
  const index = renderSitemapIndex(sitemapParts);
  return [
    { key: STAGE_HOME_KEY, contentType: html, body: renderStageHome(journals, siteBaseUrl) },
    { key: NOT_FOUND_KEY, contentType: html, body: renderStageNotFound(journals, siteBaseUrl) },
    { ...index, contentType: SITE_CONTENT_TYPES.xml },
    { key: ROBOTS_KEY, contentType: SITE_CONTENT_TYPES.text, body: renderRobots(siteBaseUrl) },
  ];
}

/**
 * The complete static site of the journal the bundles belong to (all of one journal; none gives
 * none), served at its `base_url`: its own files under `<journal-id>/`, then the root files of a
 * site holding this one journal.
 */
export function renderSiteOutputs(bundles: readonly IssueBundle[]): Output[] {
  const first = bundles[0];
  if (first === undefined) return [];
  const { journal } = first;
  const own = renderJournalOutputs(journal, bundles);
  return [...own.outputs, ...renderStageOutputs([journal], own.sitemapParts, journal.base_url)];
}
