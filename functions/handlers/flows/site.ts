/**
 * Site: the pages and files that list articles rather than describe one. A site job rebuilds one
 * issue's table of contents, then its journal's home and sitemap (under the journal's own keys),
 * then the stage's root files (journals page, 404, sitemap index, robots.txt); the schedule
 * rebuilds everything (catching up on any site job that was lost). Every file is written only
 * when it changed, so a rebuild of an unchanged site writes nothing.
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { Article, Journal } from '#core/model/index';
import { linkArticle } from '#core/model/links';
import { orderArticles } from '#core/model/order';
import { issueKey, journalHomeKey } from '#core/urls';
import {
  cacheControlFor,
  newerIssueFirst,
  renderArchivePage,
  renderIssuePage,
  renderJournalSitemaps,
  renderStageOutputs,
  SITE_CONTENT_TYPES,
  sitemapEntries,
  type SitemapEntry,
  type SitemapIssue,
} from '#core/site/index';
import { describeError, RecordNotFoundError } from '#adapters/errors';
import type { Logger } from '#adapters/logger';
import type { ObjectStore, PutOutcome } from '#adapters/object-store';
import type { ArticleDates, RecordsStore, Stored } from '#adapters/records';
import { FAVICON_CONTENT_TYPE, FAVICON_KEY, faviconBytes } from '#core/site/favicon';
import { issueJobsOf, type SiteJob } from '../jobs.ts';
import { publishCover, type CoverDeps } from './site-cover.ts';

export type SiteDeps = {
  readonly records: RecordsStore;
  readonly site: ObjectStore;
  readonly log: Logger;
  /** Where the site bucket is served (`SITE_BASE_URL`): the root page, robots.txt and the sitemap index are there. */
  readonly siteBaseUrl: string;
  /** The files Ingest checked (`FILES_BUCKET`): an issue's cover is copied from there (site-cover.ts). */
  readonly files?: CoverDeps['files'];
};

/**
 * An issue's heads (held ones too), read once per batch of site jobs: the issue page and, when the
 * issue is the journal's current one, the home page both list its articles (issue 16: one
 * query and one read of every body instead of two). Keyed by `journal/issue`.
 */
export type IssueReads = Map<string, Promise<Stored[]>>;

const issueHeads = (deps: SiteDeps, journalId: string, issueId: string, reads: IssueReads = new Map()): Promise<Stored[]> => {
  const key = `${journalId}/${issueId}`;
  let heads = reads.get(key);
  if (heads === undefined) {
    heads = deps.records.listIssueArticles(journalId, issueId, { scheduled: true });
    reads.set(key, heads);
    // A failed read is not kept: the next page that needs it reads again.
    heads.catch(() => reads.delete(key));
  }
  return heads;
};

const put = (deps: SiteDeps, key: string, body: string, contentType: string): Promise<PutOutcome> => deps.site.putIfChanged(key, body, { contentType, cacheControl: cacheControlFor(key) });

/**
 * An issue's table of contents from the current heads of its articles; none while every article
 * of the issue is held until its online date (its page appears when the first one is released).
 */
export async function buildIssuePage(deps: SiteDeps, job: SiteJob, reads?: IssueReads): Promise<PutOutcome | undefined> {
  const issue = await deps.records.getIssue(job.journalId, job.issueId);
  if (!issue) throw new RecordNotFoundError(`no issue ${job.journalId}/${job.issueId}`);
  // One query for the held heads too: they only decide whether the issue has a page yet.
  const heads = await issueHeads(deps, job.journalId, job.issueId, reads);
  if (allHeld(heads.map((a) => a.meta))) return undefined;
  const articles = await withNotices(deps, heads.filter((a) => a.meta.scheduledFor === undefined).map((a) => a.record.article));
  await publishCover(deps, issue.journal.id, issue.issue);
  const html = renderIssuePage(issue.journal, issue.issue, orderArticles(issue.issue, articles));
  return put(deps, issueKey(issue.journal.id, issue.issue.id), html, SITE_CONTENT_TYPES.html);
}

/**
 * The articles with the notices that update them (records-links.ts): a table of contents marks a
 * retracted article or one under an expression of concern (core/site/toc.ts). One query for the
 * whole list (per DOI prefix), not one per article.
 */
async function withNotices(deps: SiteDeps, articles: readonly Article[]): Promise<Article[]> {
  if (articles.length === 0) return [];
  const notices = await deps.records.listNoticesOf(articles.map((a) => a.doi));
  return articles.map((a) => linkArticle(a, () => undefined, notices.get(a.doi.toLowerCase()) ?? []));
}

/** An issue with articles, every one of them held until its online date (records-schedule.ts): not shown anywhere yet. */
const allHeld = (heads: readonly ArticleDates[]): boolean => heads.length > 0 && heads.every((h) => h.scheduledFor !== undefined);

/** Dates and DOIs of every issue of a journal that readers can see (not all held): what its sitemap and home list. */
async function sitemapIssuesOf(deps: SiteDeps, journalId: string) {
  const issues = await deps.records.listIssues(journalId);
  const listed = await Promise.all(issues.map(async (i) => ({ issue: i, heads: await deps.records.listIssueArticleDates(journalId, i.issue.id, { scheduled: true }) })));
  const withArticles = listed.filter((i) => !allHeld(i.heads)).map((i) => ({ issue: i.issue, articles: i.heads.filter((h) => h.scheduledFor === undefined) }));
  const sitemap: SitemapIssue[] = withArticles.map((i) => ({ issueId: i.issue.issue.id, updatedAt: i.issue.updatedAt, articles: i.articles.filter((a) => a.withdrawn !== true).map((a) => ({ doi: a.doi, updatedAt: a.createdAt })) })); // a withdrawn article leaves the sitemap
  return { withArticles, sitemap };
}

export type JournalFiles = { readonly outcomes: PutOutcome[]; readonly sitemapParts: readonly SitemapEntry[] };

/** The journal's own files, under its folder: its home page (the current issue's contents and the archive) and its sitemap(s). */
export async function buildJournalFiles(deps: SiteDeps, journalId: string, reads?: IssueReads): Promise<JournalFiles> {
  const journal = await deps.records.getJournal(journalId);
  if (!journal) throw new RecordNotFoundError(`no journal ${journalId}`);
  const { withArticles, sitemap } = await sitemapIssuesOf(deps, journalId);
  // Whole records only for the current issue, whose contents the home page shows.
  const current = withArticles.map((i) => i.issue.issue).sort(newerIssueFirst)[0];
  const currentHeads = current === undefined ? [] : (await issueHeads(deps, journalId, current.id, reads)).filter((a) => a.meta.scheduledFor === undefined);
  const currentArticles = current === undefined ? [] : orderArticles(current, await withNotices(deps, currentHeads.map((a) => a.record.article)));
  const archive = renderArchivePage(
    journal.journal,
    withArticles.map((i) => ({ issue: i.issue.issue, articleCount: i.articles.length, ...(i.issue.issue.id === current?.id ? { articles: currentArticles } : {}) })),
  );
  const sitemaps = renderJournalSitemaps(journal.journal, sitemapEntries(journal.journal, sitemap));
  const outcomes = await Promise.all([put(deps, journalHomeKey(journalId), archive, SITE_CONTENT_TYPES.html), ...sitemaps.files.map((s) => put(deps, s.key, s.body, SITE_CONTENT_TYPES.xml))]);
  // Kept once the files are there, for the stage's sitemap index built by other journals' jobs (records-sitemaps.ts).
  await deps.records.putSitemapParts(journalId, sitemaps.parts);
  return { outcomes, sitemapParts: sitemaps.parts };
}

/**
 * The stage's root files over every journal in the records: the journals page, 404, the sitemap
 * index, robots.txt. `known` holds the sitemap parts of journals just built; the others' are the
 * parts their own last site job kept (one read for all), or, for a journal none has kept them for
 * yet (a stage from before they were kept), computed from its records (no file of theirs is written).
 */
export async function buildStageFiles(deps: SiteDeps, known: ReadonlyMap<string, readonly SitemapEntry[]> = new Map()): Promise<PutOutcome[]> {
  const journals: Journal[] = (await deps.records.listJournals()).map((j) => j.journal);
  const kept = await deps.records.getSitemapParts(journals.map((j) => j.id).filter((id) => !known.has(id)));
  const parts: SitemapEntry[] = [];
  for (const journal of journals) {
    parts.push(...(known.get(journal.id) ?? kept.get(journal.id) ?? renderJournalSitemaps(journal, sitemapEntries(journal, (await sitemapIssuesOf(deps, journal.id)).sitemap)).parts));
  }
  return Promise.all([
    ...renderStageOutputs(journals, parts, deps.siteBaseUrl).map((o) => put(deps, o.key, o.body, o.contentType)),
    // Bytes, not text, so not an Output: written once, then only checked (a HEAD) like every root file.
    deps.site.putIfChanged(FAVICON_KEY, faviconBytes(), { contentType: FAVICON_CONTENT_TYPE, cacheControl: cacheControlFor(FAVICON_KEY) }),
  ]);
}

/** An SQS batch of site jobs: each issue once, then each journal's files once; failures per message. */
export async function siteBatch(deps: SiteDeps, messages: readonly SQSRecord[]): Promise<SQSBatchResponse> {
  const { issues, poison } = issueJobsOf(messages);
  for (const p of poison) deps.log.error('poison message', p);
  const failures: SQSBatchItemFailure[] = poison.map((p) => ({ itemIdentifier: p.messageId }));
  const journals = new Map<string, string[]>();
  const reads: IssueReads = new Map();
  for (const { job, messageIds } of issues) {
    try {
      const out = await buildIssuePage(deps, job, reads);
      deps.log.info(out === undefined ? 'issue held: every article is scheduled, no page yet' : 'issue page built', { ...job, written: out?.written ?? false });
      journals.set(job.journalId, [...(journals.get(job.journalId) ?? []), ...messageIds]);
    } catch (error) {
      deps.log.error('issue page failed', { ...job, error: describeError(error) });
      failures.push(...messageIds.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  const built = new Map<string, readonly SitemapEntry[]>();
  for (const [journalId, messageIds] of journals) {
    try {
      const out = await buildJournalFiles(deps, journalId, reads);
      built.set(journalId, out.sitemapParts);
      deps.log.info('journal files built', { journalId, files: out.outcomes.length, written: out.outcomes.filter((o) => o.written).length });
    } catch (error) {
      deps.log.error('journal files failed', { journalId, error: describeError(error) });
      failures.push(...messageIds.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  if (built.size > 0) {
    try {
      const out = await buildStageFiles(deps, built);
      deps.log.info('stage files built', { files: out.length, written: out.filter((o) => o.written).length });
    } catch (error) {
      // The journals' own files are written; the root files catch up with the next job or the schedule.
      deps.log.error('stage files failed', { journals: [...built.keys()], error: describeError(error) });
      for (const journalId of built.keys()) failures.push(...(journals.get(journalId) ?? []).map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  return { batchItemFailures: failures };
}

/** The scheduled rebuild: every issue page of every journal, each journal's files, then the stage's root files. */
export async function rebuildAll(deps: SiteDeps): Promise<{ readonly files: number; readonly written: number }> {
  let files = 0;
  let written = 0;
  const count = (outs: readonly PutOutcome[]): void => {
    files += outs.length;
    written += outs.filter((o) => o.written).length;
  };
  const built = new Map<string, readonly SitemapEntry[]>();
  for (const { journal } of await deps.records.listJournals()) {
    for (const issue of await deps.records.listIssues(journal.id)) count([await buildIssuePage(deps, { journalId: journal.id, issueId: issue.issue.id })].filter((o) => o !== undefined));
    const out = await buildJournalFiles(deps, journal.id);
    built.set(journal.id, out.sitemapParts);
    count(out.outcomes);
  }
  count(await buildStageFiles(deps, built));
  deps.log.info('site rebuilt', { files, written });
  return { files, written };
}
