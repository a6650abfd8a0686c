/**
 * Deposit: DepositQueue batches (one job per issue that Render touched) register the DOIs of the
 * issue's rendered articles with Crossref, sending only records that changed since Crossref last
 * accepted them (functions/adapters/crossref-deposit.ts does plan → render → validate → keep the
 * file → reserve → POST → poll → settle). The poll is short: a batch still queued at Crossref
 * stays pending in the ledger and the schedule (deposit-schedule.ts) or the notification callback
 * settles it; a job never checks other pending batches itself.
 *
 * A file the Crossref schema refuses is sent nowhere: it is kept under `crossref/invalid/` and its
 * problems are recorded for `colophon status` (deposit-problems.ts).
 *
 * Dry run (`CROSSREF_MODE=dry-run`, the local default): plan against the ledger, render, validate
 * and keep the file under `crossref/dry-run/`, but send nothing and write nothing to the ledger;
 * a file the schema refuses has its problems recorded all the same.
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { batchIdFor, depositFileName, doiKey, planDeposit } from '#core/deposit/index';
import { issueDepositSource, recordHashes, type BatchReport, type DepositReport, type DepositService } from '#adapters/crossref-deposit';
import type { DeferredXmlValidator } from '#adapters/crossref-xsd';
import type { DepositLedger } from '#adapters/deposit-ledger';
import { describeError } from '#adapters/errors';
import type { Logger } from '#adapters/logger';
import type { RecordsStore } from '#adapters/records';
import { issueJobsOf, type DepositJob } from '../jobs.ts';
import { dryRunKey, invalidKey, type ArtifactStore } from './deposit-files.ts';
import { clearDepositProblems, MAX_PROBLEMS, recordDepositProblems, type ProblemRecords, type RefusedFile } from './deposit-problems.ts';
import { loadIssueDeposit, type IssueDeposit } from './deposit-source.ts';

export { DEPOSIT_PREFIX, DRY_RUN_PREFIX, INVALID_PREFIX, depositFileStore, depositKey, dryRunKey, invalidKey, type ArtifactStore } from './deposit-files.ts';

export const CROSSREF_MODES = ['deposit', 'dry-run'] as const;
export type CrossrefMode = (typeof CROSSREF_MODES)[number];

export type DepositFlowDeps = {
  readonly records: Pick<RecordsStore, 'getIssue' | 'listIssueArticles' | 'depositsDue' | 'markDeposited'> & Partial<Pick<RecordsStore, 'getHeads'>> & ProblemRecords;
  readonly ledger: DepositLedger;
  readonly mode: CrossrefMode;
  /**
   * The deposit service over `ledger`, logged in as `journalId`'s Crossref account (its own, or the
   * stage's: adapters/secrets.ts credentialsFor); building it reads the credentials (deposit mode only).
   */
  readonly service: (ledger: DepositLedger, journalId?: string) => Promise<DepositService>;
  /** The artifacts bucket: the dry run keeps its file there (the service writes through `depositFileStore`). */
  readonly artifacts: ArtifactStore;
  /** The validator the service uses. */
  readonly validate: DeferredXmlValidator;
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
  // No resume here: polling every pending batch on every job, without the schedule's backoff, would
  // multiply Crossref's load, and one broken batch would fail every issue. The schedule settles them.
  const report = await (await deps.service(deps.ledger, job.journalId)).deposit(source, { resume: false });
  for (const batch of [...report.resumed, ...report.batches]) {
    const fields = { batchId: batch.batchId, status: batch.status, dois: batch.dois, problems: batch.problems?.slice(0, MAX_PROBLEMS), counts: batch.counts };
    // A conflict means another deposit reserved these DOIs first: it carries them, nothing is lost.
    if (batch.status === 'invalid') log.error('deposit file does not validate: nothing sent', { ...fields, key: invalidKey(batch.fileName), problemCount: batch.problems?.length ?? 0 });
    else log.info(`crossref batch ${batch.status}`, fields);
  }
  await recordValidity(deps, job, report.batches, log);
  const marked = await markDeposited(deps, loaded, report.records);
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
  const checked = await deps.validate(xml);
  const key = dryRunKey(fileName);
  await deps.artifacts.put(key, xml);
  if (checked.valid) log.info('dry run: deposit file kept, nothing sent', { key, dois: planned, timestamp: plan.timestamp });
  else log.error('dry run: deposit file does not validate against Crossref 5.4.0', { key, problems: checked.errors.slice(0, MAX_PROBLEMS), problemCount: checked.errors.length });
  await recordProblems(deps, job, checked.valid ? undefined : { batchId, key, errors: checked.errors }, log);
  return { issue: label(job), mode: 'dry-run', planned, key, valid: checked.valid };
}

/** After a deposit that rendered files: records the first refused file's problems, or clears those of an earlier one. */
async function recordValidity(deps: DepositFlowDeps, job: DepositJob, batches: readonly BatchReport[], log: Logger): Promise<void> {
  if (batches.length === 0) return;
  const refused = batches.find((b) => b.status === 'invalid');
  await recordProblems(deps, job, refused && { batchId: refused.batchId, key: invalidKey(refused.fileName), errors: refused.problems ?? [] }, log);
}

async function recordProblems(deps: DepositFlowDeps, job: DepositJob, refused: RefusedFile | undefined, log: Logger): Promise<void> {
  if (!refused) return clearDepositProblems(deps.records, job);
  const recorded = await recordDepositProblems(deps.records, job, refused, deps.now().toISOString());
  if (!recorded) log.info('the same deposit file problems are recorded already', { key: refused.key });
}

/**
 * Marks the head of each article Crossref holds in its current form as deposited (it leaves the
 * "deposits due" index the schedule catches up from). A head replaced meanwhile stays due.
 */
async function markDeposited(deps: DepositFlowDeps, loaded: IssueDeposit, records: DepositReport['records']): Promise<string[]> {
  const hashes = new Map(records.map((r) => [doiKey(r.doi), r.hash]));
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
