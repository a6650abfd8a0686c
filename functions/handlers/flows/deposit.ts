/**
 * Deposit: DepositQueue batches (one job per issue that Render touched) register the DOIs of the
 * issue's rendered articles with Crossref, sending only records that changed since Crossref last
 * accepted them (functions/adapters/crossref-deposit.ts does plan → render → validate → keep the
 * file → reserve → POST → poll → settle). The poll is short: a batch still queued at Crossref
 * stays pending in the ledger and the schedule (deposit-schedule.ts) or the notification callback
 * settles it.
 *
 * Dry run (`CROSSREF_MODE=dry-run`, the local default): plan against the ledger, render, validate
 * and keep the file exactly as a deposit would, but send nothing and record nothing.
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { batchIdFor, depositFileName, doiKey, planDeposit } from '#core/deposit/index';
import { issueDepositSource, recordHashes, type DepositFileStore, type DepositReport, type DepositService } from '#adapters/crossref-deposit';
import type { XmlValidator } from '#adapters/crossref-xsd';
import type { DepositLedger } from '#adapters/deposit-ledger';
import { describeError } from '#adapters/errors';
import type { Logger } from '#adapters/logger';
import type { RecordsStore } from '#adapters/records';
import { issueJobsOf, type DepositJob } from '../jobs.ts';
import { loadIssueDeposit, type IssueDeposit } from './deposit-source.ts';

export const CROSSREF_MODES = ['deposit', 'dry-run'] as const;
export type CrossrefMode = (typeof CROSSREF_MODES)[number];

/** Where the exact files go in the artifacts bucket. */
export const DEPOSIT_PREFIX = 'crossref/deposits/';
export const depositKey = (fileName: string): string => `${DEPOSIT_PREFIX}${fileName}`;

export type DepositFlowDeps = {
  readonly records: Pick<RecordsStore, 'getIssue' | 'listIssueArticles' | 'depositsDue' | 'markDeposited'>;
  readonly ledger: DepositLedger;
  readonly mode: CrossrefMode;
  /** The deposit service over `ledger`; building it reads the Crossref credentials (deposit mode only). */
  readonly service: (ledger: DepositLedger) => Promise<DepositService>;
  /** The same store and validator the service uses: the dry run keeps its file there too. */
  readonly store: DepositFileStore;
  readonly validate: XmlValidator;
  readonly log: Logger;
  readonly now: () => Date;
  readonly newId: () => string;
};

export type IssueOutcome =
  | { readonly issue: string; readonly mode: 'deposit'; readonly report: DepositReport; readonly marked: readonly string[] }
  | { readonly issue: string; readonly mode: 'dry-run'; readonly planned: readonly string[]; readonly key?: string; readonly valid?: boolean }
  | { readonly issue: string; readonly mode: 'skipped'; readonly reason: string };

const label = (job: DepositJob): string => `${job.journalId}/${job.issueId}`;

/** One issue: its rendered articles to Crossref (or, in a dry run, to the artifacts bucket only). */
export async function depositIssue(deps: DepositFlowDeps, job: DepositJob): Promise<IssueOutcome> {
  const log = deps.log.child({ journalId: job.journalId, issueId: job.issueId });
  const loaded = await loadIssueDeposit(deps.records, job);
  if (loaded.unrendered.length > 0) log.info('articles not rendered yet are left out', { unrendered: loaded.unrendered });
  if (loaded.bundle.articles.length === 0) {
    log.info('no rendered article: nothing to deposit');
    return { issue: label(job), mode: 'skipped', reason: 'no rendered article' };
  }
  const source = issueDepositSource(loaded.bundle);
  if (deps.mode === 'dry-run') return dryRun(deps, job, source, log);
  const report = await (await deps.service(deps.ledger)).deposit(source);
  for (const batch of [...report.resumed, ...report.batches]) {
    const fields = { batchId: batch.batchId, status: batch.status, dois: batch.dois, problems: batch.problems, counts: batch.counts };
    // A conflict means another deposit reserved these DOIs first: it carries them, nothing is lost.
    if (batch.status === 'invalid') log.error('deposit file does not validate: nothing sent', fields);
    else log.info(`crossref batch ${batch.status}`, fields);
  }
  const marked = await markDeposited(deps, loaded, source);
  log.info('deposit done', { planned: report.planned.length, skipped: report.skipped.length, batches: report.batches.length, marked: marked.length });
  return { issue: label(job), mode: 'deposit', report, marked };
}

/** Plans against the ledger (read only), then renders, validates and keeps the file a deposit would send. */
async function dryRun(deps: DepositFlowDeps, job: DepositJob, source: ReturnType<typeof issueDepositSource>, log: Logger): Promise<IssueOutcome> {
  const records = recordHashes(source);
  const ledger = await deps.ledger.entries(records.map((r) => r.doi));
  const plan = planDeposit({ records, ledger, now: deps.now() });
  const planned = plan.deposit.map((d) => d.doi);
  if (plan.timestamp === undefined) {
    log.info('dry run: nothing to deposit', { skipped: plan.skip.length });
    return { issue: label(job), mode: 'dry-run', planned };
  }
  const batchId = batchIdFor(plan.timestamp, deps.newId());
  const fileName = depositFileName(batchId);
  const xml = source.render({ batchId, timestamp: plan.timestamp, dois: planned });
  const checked = deps.validate(xml);
  await deps.store.put(fileName, xml);
  const key = depositKey(fileName);
  if (checked.valid) log.info('dry run: deposit file kept, nothing sent', { key, dois: planned, timestamp: plan.timestamp });
  else log.error('dry run: deposit file does not validate against Crossref 5.4.0', { key, problems: checked.errors.slice(0, 10) });
  return { issue: label(job), mode: 'dry-run', planned, key, valid: checked.valid };
}

/**
 * Marks the head of each article Crossref holds in its current form as deposited (it leaves the
 * "deposits due" index the schedule catches up from). A head replaced meanwhile stays due.
 */
async function markDeposited(deps: DepositFlowDeps, loaded: IssueDeposit, source: ReturnType<typeof issueDepositSource>): Promise<string[]> {
  const hashes = new Map(recordHashes(source).map((r) => [doiKey(r.doi), r.hash]));
  const due = loaded.heads.filter((h) => h.deposit?.status !== 'done' || h.deposit.version !== h.version);
  if (due.length === 0) return [];
  const entries = await deps.ledger.entries(due.map((h) => h.doi));
  const at = deps.now().toISOString();
  const marked: string[] = [];
  for (const head of due) {
    const entry = entries.get(doiKey(head.doi));
    const accepted = entry !== undefined && (entry.state === 'registered' || entry.state === 'warning') && entry.depositedHash === hashes.get(doiKey(head.doi));
    if (accepted && (await deps.records.markDeposited(head.doi, head.version, at))) marked.push(head.doi);
  }
  return marked;
}

/** An SQS batch of deposit jobs: each issue once; a failure fails that issue's messages only. */
export async function depositBatch(deps: DepositFlowDeps, messages: readonly SQSRecord[]): Promise<SQSBatchResponse> {
  const { issues, poison } = issueJobsOf(messages);
  for (const p of poison) deps.log.error('poison message', p);
  const failures: SQSBatchItemFailure[] = poison.map((p) => ({ itemIdentifier: p.messageId }));
  for (const { job, messageIds } of issues) {
    try {
      await depositIssue(deps, job);
    } catch (error) {
      deps.log.error('deposit failed', { ...job, error: describeError(error) });
      failures.push(...messageIds.map((itemIdentifier) => ({ itemIdentifier })));
    }
  }
  return { batchItemFailures: failures };
}
