/**
 * Planning a deposit (which DOIs, which timestamp) and reading its outcome per DOI. Pure: the
 * content hashes, the ledger, the clock and the ids come in as values.
 */
import type { SubmissionLog } from './diagnostic.ts';
import { depositNeed, needsDeposit, type DepositNeed, type DoiLedgerEntry, type RecordOutcome } from './ledger.ts';
import { batchTimestamp } from './timestamp.ts';

/** One DOI of an issue and the hash of its record as it would be deposited now. */
export type RecordFingerprint = { readonly doi: string; readonly hash: string };

export type DepositPlan = {
  /** DOIs to send, in the order given, with why. */
  readonly deposit: readonly { readonly doi: string; readonly hash: string; readonly need: DepositNeed }[];
  /** DOIs left out, with why (unchanged, in flight, refused last time with the same content). */
  readonly skip: readonly { readonly doi: string; readonly need: DepositNeed }[];
  /** The timestamp for the batch; absent when there is nothing to send. */
  readonly timestamp?: string | undefined;
};

/** DOI names are case-insensitive (DOI Handbook, section 2.4), and Crossref may echo them in another case: ledger keys use this form. */
export const doiKey = (doi: string): string => doi.trim().toLowerCase();

/**
 * Chooses the DOIs whose record changed since Crossref last accepted it (or that it never
 * accepted), and a timestamp larger than every one already used for them.
 */
export function planDeposit(input: {
  readonly records: readonly RecordFingerprint[];
  readonly ledger: ReadonlyMap<string, DoiLedgerEntry>;
  readonly now: Date;
  /** Send records refused last time even if unchanged (after a fix on Crossref's side). */
  readonly retryFailed?: boolean;
  /** Send only these DOIs (they still have to need a deposit). */
  readonly only?: readonly string[];
}): DepositPlan {
  const only = input.only ? new Set(input.only.map(doiKey)) : undefined;
  const deposit: { doi: string; hash: string; need: DepositNeed }[] = [];
  const skip: { doi: string; need: DepositNeed }[] = [];
  const seen = new Set<string>();
  for (const { doi, hash } of input.records) {
    const key = doiKey(doi);
    // The same DOI twice in one file: Crossref refuses all but the first (timestamp error).
    if (seen.has(key) || (only && !only.has(key))) continue;
    seen.add(key);
    const need = depositNeed(input.ledger.get(key), hash, { retryFailed: input.retryFailed ?? false });
    if (needsDeposit(need)) deposit.push({ doi, hash, need });
    else skip.push({ doi, need });
  }
  if (deposit.length === 0) return { deposit, skip };
  const timestamp = batchTimestamp(
    input.now,
    deposit.map((d) => input.ledger.get(doiKey(d.doi))?.lastTimestamp),
  );
  return { deposit, skip, timestamp };
}

/** Splits a plan's DOIs into batches of at most `size` (a DynamoDB transaction holds 100 items: one is the batch). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type DoiOutcome = { readonly doi: string; readonly outcome: RecordOutcome; readonly message: string };

/**
 * Crossref's verdict for each DOI sent in a batch. A DOI with no record of its own shares the
 * batch-level failure (a file refused whole, e.g. by schema validation, has one record with an
 * empty `<doi/>`). A DOI listed twice counts as accepted if any of its records was.
 */
export function outcomes(sent: readonly string[], log: Extract<SubmissionLog, { status: 'completed' }>): DoiOutcome[] {
  const byDoi = new Map<string, { outcome: RecordOutcome; message: string }>();
  const rank: Record<RecordOutcome, number> = { Success: 2, Warning: 1, Failure: 0 };
  for (const record of log.records) {
    if (!record.doi) continue;
    const key = doiKey(record.doi);
    const known = byDoi.get(key);
    if (!known || rank[record.status] > rank[known.outcome]) byDoi.set(key, { outcome: record.status, message: record.message });
  }
  const batchLevel = log.records.filter((r) => !r.doi).map((r) => r.message);
  const fallback = batchLevel.length > 0 ? batchLevel.join('\n') : 'Crossref returned no result for this DOI in the submission log';
  return sent.map((doi) => {
    const found = byDoi.get(doiKey(doi));
    return found ? { doi, ...found } : { doi, outcome: 'Failure' as const, message: fallback };
  });
}

/** Crossref's file name for a batch: polling by file name also finds submissions still in the queue. */
export const depositFileName = (batchId: string): string => `${batchId}.xml`;

/** A `doi_batch_id` (4–100 characters per the schema) from the batch timestamp and a random part supplied by the caller. */
export function batchIdFor(timestamp: string, randomPart: string): string {
  const id = `colophon-${timestamp}-${randomPart.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`;
  return id.slice(0, 100);
}
