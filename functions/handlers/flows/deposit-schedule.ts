/**
 * The Deposit schedule (EventBridge, every 15 minutes): settles the batches still pending at
 * Crossref (`resumePending`: their logs, or abandonment when Crossref never got the file), then
 * deposits every issue with an article whose current version still waits for a deposit (a lost
 * deposit job, or a batch that just settled: its heads get marked). Nothing to do in a dry run:
 * it records nothing, so nothing is pending.
 *
 * Backoff: a pending batch is looked at on every run in its first two hours, hourly up to a day,
 * then every six hours; the age comes from the ledger (the batch's `createdAt`), so the schedule
 * itself keeps no state.
 */
import type { BatchReport } from '#adapters/crossref-deposit';
import type { BatchEntry, DepositLedger } from '#adapters/deposit-ledger';
import { describeError } from '#adapters/errors';
import type { Stored } from '#adapters/records';
import type { DepositJob } from '../jobs.ts';
import { depositIssue, type DepositFlowDeps } from './deposit.ts';
import { isRendered } from './deposit-source.ts';

/** The schedule's rate (infra/stacks/stateless.ts): a pending batch is due when a run crosses one of its check times. */
export const SCHEDULE_RATE_MS = 15 * 60_000;
const HOUR = 3_600_000;

/** How often a pending batch of this age is checked. */
export function checkInterval(ageMs: number): number {
  if (ageMs < 2 * HOUR) return SCHEDULE_RATE_MS;
  if (ageMs < 24 * HOUR) return HOUR;
  return 6 * HOUR;
}

/** True when a check time of the batch falls in the last schedule period (always for young batches). */
export function pendingDue(batch: Pick<BatchEntry, 'createdAt'>, now: Date, rateMs = SCHEDULE_RATE_MS): boolean {
  const age = now.getTime() - Date.parse(batch.createdAt);
  if (!Number.isFinite(age)) return true;
  const interval = checkInterval(age);
  if (interval <= rateMs) return true;
  return Math.floor(age / interval) !== Math.floor((age - rateMs) / interval);
}

/** The ledger as the schedule's deposit service sees it: only the pending batches due for a check. */
export const backedOffLedger = (ledger: DepositLedger, now: () => Date): DepositLedger => ({
  ...ledger,
  pendingBatches: async () => (await ledger.pendingBatches()).filter((b) => pendingDue(b, now())),
});

export type ScheduleSummary = { readonly resumed: readonly BatchReport[]; readonly issues: readonly string[]; readonly failed: readonly string[] };

/**
 * One run: settles the due pending batches once, then deposits the issues still due (without
 * resuming again). A failure to settle is logged and the run goes on: the deposits do not depend on it.
 */
export async function depositSchedule(deps: DepositFlowDeps): Promise<ScheduleSummary> {
  if (deps.mode === 'dry-run') {
    deps.log.info('dry run: no pending batches to settle');
    return { resumed: [], issues: [], failed: [] };
  }
  const { pending, resumed } = await resumeDue(deps);
  for (const r of resumed) deps.log.info(`pending batch ${r.status}`, { batchId: r.batchId, dois: r.dois, problems: r.problems });
  // Issues whose current article versions Crossref does not hold yet; only rendered ones can go.
  const due = (await deps.records.depositsDue()).filter(isRendered);
  const jobs = new Map<string, DepositJob>(due.map((s) => [`${s.meta.journalId}/${s.meta.issueId}`, { journalId: s.meta.journalId, issueId: s.meta.issueId }]));
  const failed: string[] = [];
  for (const [id, job] of jobs) {
    try {
      await depositIssue(deps, job);
    } catch (error) {
      deps.log.error('scheduled deposit failed', { ...job, error: describeError(error) });
      failed.push(id);
    }
  }
  deps.log.info('deposit schedule done', { pending, resumed: resumed.length, issues: jobs.size, failed: failed.length });
  return { resumed, issues: [...jobs.keys()], failed };
}

/**
 * `resumePending` over the backed-off ledger, once per journal with pending batches: Crossref gives a
 * submission's log only to the account that sent it, and journals may have their own accounts. A
 * batch's journal is its first DOI's (one batch is one issue). The credentials are read only when
 * something is pending.
 */
async function resumeDue(deps: DepositFlowDeps): Promise<{ pending: number; resumed: readonly BatchReport[] }> {
  let pending = 0;
  try {
    const batches = await deps.ledger.pendingBatches();
    pending = batches.length;
    if (pending === 0) return { pending, resumed: [] };
    const resumed: BatchReport[] = [];
    for (const [journalId, ids] of await batchesByJournal(deps, batches)) {
      const ledger: DepositLedger = { ...deps.ledger, pendingBatches: async () => (await deps.ledger.pendingBatches()).filter((b) => ids.has(b.batchId)) };
      resumed.push(...(await (await deps.service(backedOffLedger(ledger, deps.now), journalId)).resumePending()));
    }
    return { pending, resumed };
  } catch (error) {
    deps.log.error('settling pending batches failed; deposits go on', { pending, error: describeError(error) });
    return { pending, resumed: [] };
  }
}

/**
 * Pending batch ids by journal: the one the batch records, or (a batch reserved before batches
 * recorded it) its first DOI's (undefined: not known to the records table, the stage's login).
 */
async function batchesByJournal(deps: DepositFlowDeps, batches: readonly BatchEntry[]): Promise<Map<string | undefined, Set<string>>> {
  const unrecorded = batches.filter((b) => b.journalId === undefined);
  const heads = deps.records.getHeads && unrecorded.length > 0 ? await deps.records.getHeads([...new Set(unrecorded.flatMap((b) => b.dois.slice(0, 1)))]) : new Map<string, Stored>();
  const out = new Map<string | undefined, Set<string>>();
  for (const b of batches) {
    const journalId = b.journalId ?? (b.dois[0] === undefined ? undefined : heads.get(b.dois[0].toLowerCase())?.meta.journalId);
    out.set(journalId, (out.get(journalId) ?? new Set()).add(b.batchId));
  }
  return out;
}
