/**
 * The deposit service: registers an issue's DOIs with Crossref, sending only records that changed
 * since Crossref last accepted them, and never the same DOI with an equal or older timestamp.
 *
 * One batch goes: plan (core) → render → validate against the XSD → keep the exact file →
 * reserve DOIs and timestamp in the ledger → POST → poll the log → settle each DOI. Reserving comes
 * before posting, so a crash at any point leaves a pending batch that `resumePending` settles from
 * Crossref's log, or, if Crossref never got the file, abandons; the DOIs are then sent again with
 * a larger timestamp. Everything outside (Crossref, ledger, store, validator, clock, ids) is injected.
 */
import { depositDois, renderCrossrefDeposit } from '#core/crossref/index';
import {
  batchIdFor,
  chunk,
  depositFileName,
  outcomes,
  planDeposit,
  type BatchCounts,
  type DepositNeed,
  type DoiOutcome,
  type SubmissionLog,
} from '#core/deposit/index';
import type { IssueBundle } from '#core/model/index';
import { sha256 } from './content-hash.ts';
import { CrossrefAuthError, CrossrefError, type CrossrefClient } from './crossref-http.ts';
import { describeError } from './errors.ts';
import type { DeferredXmlValidator } from './crossref-xsd.ts';
import { MAX_DOIS_PER_BATCH, type BatchEntry, type DepositLedger } from './deposit-ledger.ts';

/** What is deposited: DOIs and a renderer that can restrict a batch to some of them. */
export type DepositSource = {
  /** For logs and reports, e.g. `balcanica/L-2019`. */
  readonly label: string;
  readonly dois: readonly string[];
  render(batch: { readonly batchId: string; readonly timestamp: string; readonly dois: readonly string[] }): string;
};

/** Keeps the exact file sent (e.g. S3 under `crossref/deposits/<file name>`). */
export type DepositFileStore = {
  put(fileName: string, xml: string): Promise<void>;
  /** Keeps a file the schema refused, apart from the sent ones, for staff to read; without it such a file is not kept. */
  putInvalid?(fileName: string, xml: string): Promise<void>;
};

export type DepositEvent = { readonly event: string; readonly [key: string]: unknown };

export type DepositDeps = {
  readonly crossref: CrossrefClient;
  readonly ledger: DepositLedger;
  readonly store: DepositFileStore;
  readonly validate: DeferredXmlValidator;
  readonly now: () => Date;
  /** A random id (e.g. crypto.randomUUID); it makes batch ids unique. */
  readonly newId: () => string;
  readonly sleep?: (ms: number) => Promise<void>;
  /** How long to wait for the log after posting; a batch still queued then is settled by a later `resumePending`. */
  readonly poll?: { readonly attempts: number; readonly intervalMs: number };
  /**
   * A pending batch that Crossref does not know by its file name is abandoned only after this long
   * without change: right after a POST Crossref may still answer `unknown_submission`.
   */
  readonly abandonAfterMs?: number;
  readonly maxBatchSize?: number;
  readonly log?: (event: DepositEvent) => void;
};

export type BatchStatusReport =
  /** Crossref processed the file: see `outcomes` for each DOI. */
  | 'completed'
  /** Crossref has the file but no log yet; `resumePending` will settle it. */
  | 'pending'
  /** The upload was not confirmed (Crossref unavailable); `resumePending` checks whether it arrived. */
  | 'unconfirmed'
  /** Crossref never got the file; its DOIs will be sent again with a larger timestamp. */
  | 'abandoned'
  /** Another deposit reserved some of these DOIs first; nothing was sent. */
  | 'conflict'
  /** The rendered file does not validate against the schema; nothing was sent, the file went to `putInvalid` (a bug in the renderer or rules). */
  | 'invalid';

export type BatchReport = {
  readonly batchId: string;
  readonly fileName: string;
  readonly timestamp: string;
  readonly dois: readonly string[];
  readonly status: BatchStatusReport;
  readonly outcomes?: readonly DoiOutcome[] | undefined;
  readonly counts?: BatchCounts | undefined;
  readonly problems?: readonly string[] | undefined;
};

export type DepositReport = {
  readonly source: string;
  /** Pending batches found and checked before planning. */
  readonly resumed: readonly BatchReport[];
  /** DOIs that needed a deposit, with why (sent in `batches` unless a dry run). */
  readonly planned: readonly { readonly doi: string; readonly need: DepositNeed }[];
  readonly batches: readonly BatchReport[];
  readonly skipped: readonly { readonly doi: string; readonly need: DepositNeed }[];
  /** The hash of each DOI's record as deposited now (`recordHashes`), which the plan compared with the ledger's. */
  readonly records: readonly { readonly doi: string; readonly hash: string }[];
};

export type DepositOptions = {
  readonly retryFailed?: boolean;
  readonly only?: readonly string[];
  /** Plan and report, send nothing. */
  readonly dryRun?: boolean;
  /**
   * Check every pending batch first (default true, the CLI's way). The Lambda flows pass false:
   * the schedule resumes once per run with its backoff, and the callback settles batches as they finish.
   */
  readonly resume?: boolean;
};

const FINGERPRINT_BATCH = { batchId: 'fingerprint', timestamp: '0' } as const;
const DEFAULT_POLL = { attempts: 10, intervalMs: 30_000 } as const;
const DEFAULT_ABANDON_AFTER_MS = 30 * 60_000;

/** The source for one issue, rendered by core/crossref. */
export function issueDepositSource(bundle: IssueBundle): DepositSource {
  return {
    label: `${bundle.journal.id}/${bundle.issue.id}`,
    dois: depositDois(bundle),
    render: ({ batchId, timestamp, dois }) => renderCrossrefDeposit(bundle, { batchId, timestamp, dois: new Set(dois) }),
  };
}

/**
 * The hash of one DOI's record as it would be deposited now: the deposit restricted to that DOI,
 * with a fixed batch id and timestamp, so only the metadata decides.
 */
export function recordHashes(source: DepositSource): { doi: string; hash: string }[] {
  return source.dois.map((doi) => ({ doi, hash: sha256(source.render({ ...FINGERPRINT_BATCH, dois: [doi] })) }));
}

/** The name a refused file is kept under: the hash of the batch rendered with a fixed batch id and timestamp. */
export function invalidFileName(source: DepositSource, dois: readonly string[]): string {
  return `invalid-${sha256(source.render({ ...FINGERPRINT_BATCH, dois })).slice(0, 24)}.xml`;
}

export function createDepositService(deps: DepositDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const poll = deps.poll ?? DEFAULT_POLL;
  const abandonAfterMs = deps.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS;
  const maxBatch = Math.min(deps.maxBatchSize ?? MAX_DOIS_PER_BATCH, MAX_DOIS_PER_BATCH);
  const log = (event: string, fields: Record<string, unknown> = {}): void => deps.log?.({ event, ...fields });
  const at = (): string => deps.now().toISOString();

  const report = (batch: Pick<BatchEntry, 'batchId' | 'fileName' | 'timestamp' | 'dois'>, status: BatchStatusReport, extra: Partial<BatchReport> = {}): BatchReport => ({
    batchId: batch.batchId,
    fileName: batch.fileName,
    timestamp: batch.timestamp,
    dois: batch.dois,
    status,
    ...extra,
  });

  async function settle(batch: Pick<BatchEntry, 'batchId' | 'fileName' | 'timestamp' | 'dois'>, result: Extract<SubmissionLog, { status: 'completed' }>): Promise<BatchReport> {
    const perDoi = outcomes(batch.dois, result);
    const settled = await deps.ledger.settle(batch.batchId, perDoi, { submissionId: result.submissionId, counts: result.counts, at: at() });
    for (const o of perDoi) log(`crossref.record.${o.outcome.toLowerCase()}`, { batchId: batch.batchId, doi: o.doi, message: o.message });
    const problems = settled.ignored.map((i) => `${i.doi}: ${i.reason}`);
    return report(batch, 'completed', { outcomes: perDoi, counts: result.counts, ...(problems.length > 0 ? { problems } : {}) });
  }

  /**
   * Crossref's log of a batch, or, when Crossref cannot be reached or answers with an error, the
   * report `unavailable` with its message. A refused login and bugs are thrown.
   */
  async function readLog(batch: Pick<BatchEntry, 'batchId' | 'fileName' | 'timestamp' | 'dois'>, unavailable: BatchStatusReport): Promise<{ log: SubmissionLog } | { report: BatchReport }> {
    try {
      return { log: await deps.crossref.result(batch.fileName) };
    } catch (error) {
      if (error instanceof CrossrefAuthError || !(error instanceof CrossrefError)) throw error;
      return { report: report(batch, unavailable, { problems: [error.message] }) };
    }
  }

  /** Polls the log a few times; a batch still queued after that stays pending in the ledger. */
  async function awaitLog(batch: Pick<BatchEntry, 'batchId' | 'fileName' | 'timestamp' | 'dois'>): Promise<BatchReport> {
    for (let n = 0; n < poll.attempts; n += 1) {
      if (n > 0) await sleep(poll.intervalMs);
      const read = await readLog(batch, 'pending');
      if ('report' in read) return read.report;
      if (read.log.status === 'completed') return settle(batch, read.log);
    }
    return report(batch, 'pending');
  }

  /** Checks one pending batch: settles it when processed, abandons it when Crossref never got it. */
  async function resumeBatch(batch: BatchEntry): Promise<BatchReport> {
    const read = await readLog(batch, 'unconfirmed');
    if ('report' in read) return read.report;
    const result = read.log;
    if (result.status === 'completed') return settle(batch, result);
    if (result.status === 'unknown' && deps.now().getTime() - Date.parse(batch.updatedAt) >= abandonAfterMs) {
      const message = `Crossref has no submission named ${batch.fileName}; the DOIs will be deposited again with a larger timestamp`;
      await deps.ledger.abandon(batch.batchId, message, at());
      log('crossref.batch.abandoned', { batchId: batch.batchId, fileName: batch.fileName });
      return report(batch, 'abandoned', { problems: [message] });
    }
    return report(batch, result.status === 'unknown' ? 'unconfirmed' : 'pending');
  }

  /**
   * Checks every pending batch once. A batch that fails (an unreadable log, a ledger write) is
   * reported unconfirmed with its problem and left pending for the next run; the others proceed.
   * Only a refused login stops the lot: every other batch would be refused too.
   */
  async function resumePending(): Promise<BatchReport[]> {
    const reports: BatchReport[] = [];
    for (const batch of await deps.ledger.pendingBatches()) {
      try {
        reports.push(await resumeBatch(batch));
      } catch (error) {
        if (error instanceof CrossrefAuthError) throw error;
        const problem = `could not settle the batch: ${describeError(error)}`;
        log('crossref.batch.resume-failed', { batchId: batch.batchId, fileName: batch.fileName, problem });
        reports.push(report(batch, 'unconfirmed', { problems: [problem] }));
      }
    }
    return reports;
  }

  async function send(source: DepositSource, timestamp: string, records: readonly { doi: string; hash: string }[]): Promise<BatchReport> {
    const batchId = batchIdFor(timestamp, deps.newId());
    const batch = { batchId, fileName: depositFileName(batchId), timestamp, dois: records.map((r) => r.doi) };
    const xml = source.render(batch);
    const checked = await deps.validate(xml);
    if (!checked.valid) {
      // Named by what it holds, without batch id and timestamp: the schedule retries a refused
      // issue every run, and the same records give the same file instead of one more each time.
      const refused = { ...batch, fileName: invalidFileName(source, batch.dois) };
      await deps.store.putInvalid?.(refused.fileName, xml);
      log('crossref.batch.invalid', { batchId, fileName: refused.fileName, problems: checked.errors.length });
      return report(refused, 'invalid', { problems: checked.errors });
    }
    await deps.store.put(batch.fileName, xml);
    const reserved = await deps.ledger.reserve({ batchId, fileName: batch.fileName, timestamp, records, at: at() });
    if (!reserved.ok) return report(batch, 'conflict', { problems: [`reserved meanwhile by another deposit: ${reserved.conflicts.join(', ')}`] });
    log('crossref.batch.reserved', { batchId, fileName: batch.fileName, timestamp, dois: batch.dois });
    try {
      await deps.crossref.deposit(batch.fileName, xml);
    } catch (error) {
      if (error instanceof CrossrefAuthError) {
        // Refused at the door: nothing arrived, so the reservation can go at once.
        await deps.ledger.abandon(batchId, error.message, at());
        throw error;
      }
      if (error instanceof CrossrefError) return report(batch, 'unconfirmed', { problems: [error.message] });
      throw error;
    }
    await deps.ledger.markPosted(batchId, at());
    return awaitLog(batch);
  }

  /** Deposits what changed in `source`. */
  async function deposit(source: DepositSource, options: DepositOptions = {}): Promise<DepositReport> {
    const resumed = options.dryRun || options.resume === false ? [] : await resumePending();
    const records = recordHashes(source);
    const ledger = await deps.ledger.entries(records.map((r) => r.doi));
    const plan = planDeposit({ records, ledger, now: deps.now(), retryFailed: options.retryFailed ?? false, ...(options.only ? { only: options.only } : {}) });
    log('crossref.plan', { source: source.label, deposit: plan.deposit.map((d) => d.doi), skipped: plan.skip.length });
    const batches: BatchReport[] = [];
    if (plan.timestamp !== undefined && !options.dryRun) {
      for (const part of chunk(plan.deposit, maxBatch)) batches.push(await send(source, plan.timestamp, part));
    }
    return { source: source.label, resumed, planned: plan.deposit.map(({ doi, need }) => ({ doi, need })), batches, skipped: plan.skip, records };
  }

  return { deposit, resumePending };
}

export type DepositService = ReturnType<typeof createDepositService>;
