/**
 * What an issue deposit may contain: only articles whose current version is rendered, because a
 * DOI registered with Crossref must resolve to a landing page that exists. The issue DOI (its
 * table of contents) goes with them once at least one article is out.
 */
import type { IssueBundle } from '#core/model/index';
import { orderArticles } from '#core/model/order';
import { RecordNotFoundError } from '#adapters/errors';
import type { RecordsStore, Stored } from '#adapters/records';
import type { DepositJob } from '../jobs.ts';

export type IssueDeposit = {
  readonly bundle: IssueBundle;
  /** The heads of the articles in `bundle`, for marking them deposited. */
  readonly heads: readonly Stored['meta'][];
  /** Articles left out because their current version is not rendered yet (or failed to render). */
  readonly unrendered: readonly string[];
};

export type DepositRecords = Pick<RecordsStore, 'getIssue' | 'listIssueArticles'>;

/** The current version of the article has its landing page (and nothing newer waits to be rendered). */
export const isRendered = ({ meta }: Stored): boolean => meta.render.status === 'done' && meta.render.version === meta.version;

/** The issue with its rendered articles, in the issue's order; throws RecordNotFoundError for an unknown issue. */
export async function loadIssueDeposit(records: DepositRecords, job: DepositJob): Promise<IssueDeposit> {
  const issue = await records.getIssue(job.journalId, job.issueId);
  if (!issue) throw new RecordNotFoundError(`no issue ${job.journalId}/${job.issueId}`);
  const stored = await records.listIssueArticles(job.journalId, job.issueId);
  // In the issue's order: the deposit lists articles as the table of contents does.
  const order = orderArticles(issue.issue, stored.map((s) => s.record.article)).map((a) => a.id);
  const rendered = stored.filter(isRendered).sort((a, b) => order.indexOf(a.record.article.id) - order.indexOf(b.record.article.id));
  return {
    bundle: { journal: issue.journal, issue: issue.issue, articles: rendered.map((s) => s.record.article) },
    heads: rendered.map((s) => s.meta),
    unrendered: stored.filter((s) => !isRendered(s)).map((s) => s.meta.doi),
  };
}
