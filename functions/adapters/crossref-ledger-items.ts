/**
 * The deposit ledger's items in the records table, and their conversion to and from the core
 * types (see deposit-ledger.ts for the key design). Timestamps are DynamoDB Numbers, read back
 * exactly (as bigint when they pass 2^53), never as lossy JS numbers.
 */
// Not the deposit barrel: it carries the Crossref log parser (fast-xml-parser), which the ledger's readers (Admin) never run.
import type { BatchCounts } from '#core/deposit/diagnostic';
import type { DepositState, DoiLedgerEntry } from '#core/deposit/ledger';
import { doiKey } from '#core/deposit/plan';

export const PENDING_GSI = 'gsi3';
export const PENDING_KEY = 'DEPOSIT#PENDING';
export const DOI_SK = 'STATE';
export const BATCH_SK = 'BATCH';

export type BatchStatus = 'reserved' | 'posted' | 'completed' | 'abandoned';

export type BatchEntry = {
  readonly batchId: string;
  readonly fileName: string;
  readonly timestamp: string;
  readonly dois: readonly string[];
  readonly status: BatchStatus;
  readonly submissionId?: string | undefined;
  readonly counts?: BatchCounts | undefined;
  readonly message?: string | undefined;
  /** The journal whose issue the batch holds, and the Crossref login that sent it: only that account may fetch its log. */
  readonly journalId?: string | undefined;
  readonly loginId?: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
};

export type Item = Record<string, unknown>;
export type Versioned = { readonly entry: DoiLedgerEntry; readonly version: number };

/** The ledger's partition key prefixes: a DOI's state and a batch. The Crossref callback's IAM grant is limited to them. */
export const LEDGER_PK_PREFIXES = { doi: 'DEPOSIT#', batch: 'BATCH#' } as const;
export const doiPk = (doi: string): string => `${LEDGER_PK_PREFIXES.doi}${doiKey(doi)}`;
export const batchPk = (batchId: string): string => `${LEDGER_PK_PREFIXES.batch}${batchId}`;
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

export function toItem(entry: DoiLedgerEntry, version: number): Item {
  return {
    pk: doiPk(entry.doi),
    sk: DOI_SK,
    type: 'deposit',
    doi: entry.doi,
    state: entry.state,
    depositedHash: entry.depositedHash,
    attemptHash: entry.attemptHash,
    lastTimestamp: entry.lastTimestamp === undefined ? undefined : BigInt(entry.lastTimestamp),
    depositedTimestamp: entry.depositedTimestamp === undefined ? undefined : BigInt(entry.depositedTimestamp),
    batchId: entry.batchId,
    message: entry.message,
    updatedAt: entry.updatedAt,
    version,
  };
}

export function fromItem(item: Item): Versioned {
  return {
    version: Number(item.version ?? 0),
    entry: {
      doi: String(item.doi),
      state: String(item.state) as DepositState,
      depositedHash: str(item.depositedHash),
      attemptHash: str(item.attemptHash),
      lastTimestamp: str(item.lastTimestamp),
      depositedTimestamp: str(item.depositedTimestamp),
      batchId: str(item.batchId),
      message: str(item.message),
      updatedAt: String(item.updatedAt),
    },
  };
}

export function batchFromItem(item: Item): BatchEntry {
  const counts = item.counts as Record<string, unknown> | undefined;
  return {
    batchId: String(item.batchId),
    fileName: String(item.fileName),
    timestamp: String(item.timestamp),
    dois: (item.dois as string[] | undefined) ?? [],
    status: String(item.status) as BatchStatus,
    submissionId: str(item.submissionId),
    counts: counts
      ? { records: Number(counts.records), success: Number(counts.success), warning: Number(counts.warning), failure: Number(counts.failure) }
      : undefined,
    message: str(item.message),
    journalId: str(item.journalId),
    loginId: str(item.loginId),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
}

/** Versions and timestamps read exactly: small integers as numbers, big ones (timestamps) as bigint. */
export const wrapNumbers = (value: string): number | bigint => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : /^-?\d+$/.test(value) ? BigInt(value) : n;
};
