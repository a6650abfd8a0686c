/**
 * Site: the pages and files that list articles rather than describe one. A site job rebuilds one
 * issue's table of contents and then the journal's archive, sitemap and robots.txt; the schedule
 * rebuilds everything (catching up on any site job that was lost). Every file is written only
 * when it changed, so a rebuild of an unchanged site writes nothing.
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { orderArticles } from '#core/model/index';
import { issueKey } from '#core/urls';
import {
  ARCHIVE_KEY,
  cacheControlFor,
  newerIssueFirst,
  NOT_FOUND_KEY,
  renderArchivePage,
  renderIssuePage,
  renderNotFoundPage,
  renderRobots,
  renderSitemaps,
  ROBOTS_KEY,
  SITE_CONTENT_TYPES,
  sitemapEntries,
  type SitemapIssue,
} from '#core/site/index';
import { describeError, RecordNotFoundError } from '#adapters/errors';
import type { Logger } from '#adapters/logger';
import type { ObjectStore, PutOutcome } from '#adapters/object-store';
import type { RecordsStore } from '#adapters/records';
import { issueJobsOf, type SiteJob } from '../jobs.ts';

export type SiteDeps = {
  readonly records: RecordsStore;
  readonly site: ObjectStore;
  readonly log: Logger;
  /** Where the site bucket is served (`SITE_BASE_URL`): robots.txt names the sitemap there. */
  readonly siteBaseUrl: string;
};

const put = (deps: SiteDeps, key: string, body: string, contentType: string): Promise<PutOutcome> => deps.site.putIfChanged(key, body, { contentType, cacheControl: cacheControlFor(key) });

/** An issue's table of contents from the current heads of its articles. */
export async function buildIssuePage(deps: SiteDeps, job: SiteJob): Promise<PutOutcome> {
  const issue = await deps.records.getIssue(job.journalId, job.issueId);
  if (!issue) throw new RecordNotFoundError(`no issue ${job.journalId}/${job.issueId}`);
  const articles = await deps.records.listIssueArticles(job.journalId, job.issueId);
  const html = renderIssuePage(issue.journal, issue.issue, orderArticles(issue.issue, articles.map((a) => a.record.article)));
  return put(deps, issueKey(issue.issue.id), html, SITE_CONTENT_TYPES.html);
}

/** The journal's home page (the current issue's contents and the archive), 404 page, sitemap and robots.txt. */
export async function buildJournalFiles(deps: SiteDeps, journalId: string): Promise<PutOutcome[]> {
  const journal = await deps.records.getJournal(journalId);
  if (!journal) throw new RecordNotFoundError(`no journal ${journalId}`);
  const issues = await deps.records.listIssues(journalId);
  // Dates and DOIs for every issue; whole records only for the current issue, whose contents the home page shows.
  const withArticles = await Promise.all(issues.map(async (i) => ({ issue: i, articles: await deps.records.listIssueArticleMeta(journalId, i.issue.id) })));
  const current = issues.map((i) => i.issue).sort(newerIssueFirst)[0];
  const currentArticles = current === undefined ? [] : orderArticles(current, (await deps.records.listIssueArticles(journalId, current.id)).map((a) => a.record.article));
  const archive = renderArchivePage(
    journal.journal,
    withArticles.map((i) => ({ issue: i.issue.issue, articleCount: i.articles.length, ...(i.issue.issue.id === current?.id ? { articles: currentArticles } : {}) })),
  );
  const sitemapIssues: SitemapIssue[] = withArticles.map((i) => ({ issueId: i.issue.issue.id, updatedAt: i.issue.updatedAt, articles: i.articles.filter((a) => a.withdrawn !== true).map((a) => ({ doi: a.doi, updatedAt: a.createdAt })) })); // a withdrawn article leaves the sitemap
  const sitemaps = renderSitemaps(deps.siteBaseUrl, sitemapEntries(journal.journal, sitemapIssues));
  return Promise.all([
    put(deps, ARCHIVE_KEY, archive, SITE_CONTENT_TYPES.html),
    put(deps, NOT_FOUND_KEY, renderNotFoundPage(journal.journal, current), SITE_CONTENT_TYPES.html),
    ...sitemaps.map((s) => put(deps, s.key, s.body, SITE_CONTENT_TYPES.xml)),
    put(deps, ROBOTS_KEY, renderRobots(deps.siteBaseUrl), SITE_CONTENT_TYPES.text),
  ]);
}

/** An SQS batch of site jobs: each issue once, then each journal's files once; failures per message. */
export async function siteBatch(deps: SiteDeps, messages: readonly SQSRecord[]): Promise<SQSBatchResponse> {
  const { issues, poison } = issueJobsOf(messages);
  for (const p of poison) deps.log.error('poison message', p);
  const failures: SQSBatchItemFailure[] = poison.map((p) => ({ itemIdentifier: p.messageId }));
  const journals = new Map<string, string[]>();
  for (const { job, messageIds } of issues) {
    try {
      const out = await buildIssuePage(deps, job);
      deps.log.info('issue page built', { ...job, written: out.written });
      journals.set(job.journalId, [...(journals.get(job.journalId) ?? []), ...messageIds]);
    } catch (error) {
      deps.log.error('issue page failed', { ...job, error: describeError(error) });
      failures.push(...messageIds.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  for (const [journalId, messageIds] of journals) {
    try {
      const out = await buildJournalFiles(deps, journalId);
      deps.log.info('journal files built', { journalId, files: out.length, written: out.filter((o) => o.written).length });
    } catch (error) {
      deps.log.error('journal files failed', { journalId, error: describeError(error) });
      failures.push(...messageIds.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  return { batchItemFailures: failures };
}

/** The scheduled rebuild: every issue page of every journal, then each journal's files. */
export async function rebuildAll(deps: SiteDeps): Promise<{ readonly files: number; readonly written: number }> {
  let files = 0;
  let written = 0;
  const count = (outs: readonly PutOutcome[]): void => {
    files += outs.length;
    written += outs.filter((o) => o.written).length;
  };
  for (const { journal } of await deps.records.listJournals()) {
    for (const issue of await deps.records.listIssues(journal.id)) count([await buildIssuePage(deps, { journalId: journal.id, issueId: issue.issue.id })]);
    count(await buildJournalFiles(deps, journal.id));
  }
  deps.log.info('site rebuilt', { files, written });
  return { files, written };
}
