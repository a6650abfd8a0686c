/**
 * The deposit ledger of one DOI as a pure state machine. The adapter stores these entries; every
 * change goes through one of the transitions below, which refuse what must not happen (a second
 * deposit while one is in flight, a timestamp that does not grow, a result for another batch).
 *
 * States:
 * - `ready`: never accepted by Crossref; to be deposited.
 * - `submitted`: a timestamp is reserved and the batch is (or may be) at Crossref; waiting for its log.
 * - `registered`: the last deposit was accepted ("Successfully added" / "Successfully updated").
 * - `warning`: accepted with a warning (e.g. "Added with conflict"); registered, but staff should look.
 * - `failed`: the last deposit of this DOI was refused; nothing changed at Crossref.
 * - `stale`: registered once, but the record has changed since; to be deposited again.
 *
 * Submission logs: https://www.crossref.org/documentation/register-maintain-records/verify-your-registration/interpret-submission-logs/
 */
import { compareTimestamps } from './timestamp.ts';

export const DEPOSIT_STATES = ['ready', 'submitted', 'registered', 'warning', 'failed', 'stale'] as const;
export type DepositState = (typeof DEPOSIT_STATES)[number];

export type DoiLedgerEntry = {
  readonly doi: string;
  readonly state: DepositState;
  /** Content hash of the record Crossref last accepted (Success or Warning). */
  readonly depositedHash?: string | undefined;
  /** Content hash of the record in flight (`submitted`) or last refused (`failed`). */
  readonly attemptHash?: string | undefined;
  /** The largest timestamp ever reserved for this DOI; it never decreases, even if that deposit never arrived. */
  readonly lastTimestamp?: string | undefined;
  /** The timestamp of the deposit Crossref last accepted. */
  readonly depositedTimestamp?: string | undefined;
  /** The batch in flight, or the one that settled the current state. */
  readonly batchId?: string | undefined;
  /** Crossref's `msg` for this DOI, or why the deposit was abandoned. */
  readonly message?: string | undefined;
  /** ISO 8601. */
  readonly updatedAt: string;
};

export type RecordOutcome = 'Success' | 'Warning' | 'Failure';

export type Transition = { readonly ok: true; readonly entry: DoiLedgerEntry } | { readonly ok: false; readonly reason: string };

const accepted = (state: DepositState): boolean => state === 'registered' || state === 'warning';

/** What the ledger says once the current record (its hash) has been looked at, without depositing. */
export function observe(entry: DoiLedgerEntry | undefined, doi: string, hash: string, at: string): DoiLedgerEntry {
  if (!entry) return { doi, state: 'ready', updatedAt: at };
  if (accepted(entry.state) && entry.depositedHash !== hash) return { ...entry, state: 'stale', updatedAt: at };
  if (entry.state === 'stale' && entry.depositedHash === hash) return { ...entry, state: 'registered', updatedAt: at };
  return entry;
}

export type DepositNeed = 'new' | 'changed' | 'retry' | 'resend' | 'unchanged' | 'in-flight' | 'failed-unchanged';

/**
 * Whether the record with this hash has to be sent: new, changed since the last accepted deposit,
 * or (with `retryFailed`) refused last time with the same content.
 */
export function depositNeed(entry: DoiLedgerEntry | undefined, hash: string, options: { readonly retryFailed?: boolean } = {}): DepositNeed {
  if (!entry) return 'new';
  switch (entry.state) {
    case 'submitted':
      return 'in-flight';
    case 'failed':
      if (entry.attemptHash !== hash) return entry.depositedHash === hash ? 'unchanged' : 'changed';
      return options.retryFailed ? 'retry' : 'failed-unchanged';
    case 'ready':
      return entry.depositedHash === undefined ? 'new' : 'resend';
    case 'registered':
    case 'warning':
    case 'stale':
      return entry.depositedHash === hash ? 'unchanged' : 'changed';
  }
}

export const needsDeposit = (need: DepositNeed): boolean => need === 'new' || need === 'changed' || need === 'retry' || need === 'resend';

/** Reserves `timestamp` for a deposit of this DOI in `batchId`: only when nothing is in flight and the timestamp grows. */
export function reserve(
  entry: DoiLedgerEntry | undefined,
  request: { readonly doi: string; readonly hash: string; readonly timestamp: string; readonly batchId: string; readonly at: string },
): Transition {
  if (entry?.state === 'submitted') return { ok: false, reason: `${request.doi} is already in flight in batch ${entry.batchId ?? '?'}` };
  if (entry?.lastTimestamp !== undefined && compareTimestamps(request.timestamp, entry.lastTimestamp) <= 0) {
    return { ok: false, reason: `timestamp ${request.timestamp} is not larger than ${entry.lastTimestamp} already used for ${request.doi}` };
  }
  return {
    ok: true,
    entry: {
      ...(entry ?? { doi: request.doi }),
      state: 'submitted',
      attemptHash: request.hash,
      lastTimestamp: request.timestamp,
      batchId: request.batchId,
      message: undefined,
      updatedAt: request.at,
    },
  };
}

/** Applies Crossref's verdict for this DOI from the log of `batchId`. */
export function settle(
  entry: DoiLedgerEntry | undefined,
  result: { readonly batchId: string; readonly outcome: RecordOutcome; readonly message: string; readonly at: string },
): Transition {
  if (!entry || entry.state !== 'submitted' || entry.batchId !== result.batchId) {
    return { ok: false, reason: `no deposit of this DOI is in flight in batch ${result.batchId}` };
  }
  const base = { ...entry, batchId: result.batchId, message: result.message, updatedAt: result.at };
  if (result.outcome === 'Failure') return { ok: true, entry: { ...base, state: 'failed' } };
  return {
    ok: true,
    entry: {
      ...base,
      state: result.outcome === 'Success' ? 'registered' : 'warning',
      depositedHash: entry.attemptHash,
      depositedTimestamp: entry.lastTimestamp,
      attemptHash: undefined,
    },
  };
}

/**
 * Releases a reservation whose batch never reached Crossref. `lastTimestamp` stays: the next deposit
 * of this DOI must use a larger one, in case the lost batch turns up after all.
 */
export function abandon(entry: DoiLedgerEntry | undefined, batchId: string, message: string, at: string): Transition {
  if (!entry || entry.state !== 'submitted' || entry.batchId !== batchId) return { ok: false, reason: `no deposit of this DOI is in flight in batch ${batchId}` };
  const state: DepositState = entry.depositedHash === undefined ? 'ready' : entry.attemptHash === entry.depositedHash ? 'registered' : 'stale';
  return { ok: true, entry: { ...entry, state, attemptHash: undefined, message, updatedAt: at } };
}
