/** In-memory stand-ins for the deposit flows' dependencies: records, ledger (the core state machine), logger. */
import type { SQSRecord } from 'aws-lambda';
import { abandon, doiKey, reserve, settle, type DoiLedgerEntry } from '#core/deposit/index';
import type { IssueBundle } from '#core/model/index';
import type { BatchEntry, DepositLedger } from '#adapters/deposit-ledger';
import type { Logger, LogFields } from '#adapters/logger';
import type { Head, Stored } from '#adapters/records';
import type { DepositFlowDeps } from '#handlers/flows/deposit';

export type Line = { readonly level: string; readonly message: string; readonly fields: LogFields };

export function captureLogger(lines: Line[] = [], base: LogFields = {}): Logger & { lines: Line[] } {
  const write = (level: string) => (message: string, fields: LogFields = {}) => void lines.push({ level, message, fields: { ...base, ...fields } });
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (fields) => captureLogger(lines, { ...base, ...fields }) };
}

/** The heads of an issue's articles; `rendered` says which DOIs have their current version rendered. */
export function storedIssue(bundle: IssueBundle, rendered: (doi: string) => boolean): Stored[] {
  return bundle.articles.map((article, k) => {
    const meta: Head = {
      doi: article.doi,
      version: 2,
      hash: `h${k}`,
      journalId: bundle.journal.id,
      issueId: bundle.issue.id,
      articleId: article.id,
      batchId: 'b',
      createdAt: '2025-01-01T00:00:00.000Z',
      render: rendered(article.doi) ? { status: 'done', version: 2, at: '2025-01-01T00:00:01.000Z', artifacts: {} } : { status: 'pending', version: 2 },
      deposit: { status: 'due', version: 2 },
    };
    return { meta, record: { journal: bundle.journal, issue: bundle.issue, article } };
  });
}

export function fakeRecords(bundle: IssueBundle, stored: Stored[]) {
  const marked: { doi: string; version: number }[] = [];
  return {
    marked,
    getIssue: async (journalId: string, issueId: string) =>
      journalId === bundle.journal.id && issueId === bundle.issue.id ? { journal: bundle.journal, issue: bundle.issue, hash: 'x', updatedAt: 'x', batchId: 'x' } : undefined,
    listIssueArticles: async () => stored,
    depositsDue: async () => stored.filter((s) => s.meta.deposit?.status === 'due'),
    markDeposited: async (doi: string, version: number) => {
      marked.push({ doi, version });
      return true;
    },
  } satisfies DepositFlowDeps['records'] & { marked: unknown };
}

/** A ledger in memory, driven by the same core transitions as the DynamoDB one. */
export function memoryLedger(): DepositLedger & { dois: Map<string, DoiLedgerEntry>; batches: Map<string, BatchEntry>; writes: number } {
  const dois = new Map<string, DoiLedgerEntry>();
  const batches = new Map<string, BatchEntry>();
  const state = { writes: 0 };
  const apply = (batchId: string, step: (e: DoiLedgerEntry | undefined, doi: string) => ReturnType<typeof settle>) => {
    const settled: string[] = [];
    const ignored: { doi: string; reason: string }[] = [];
    for (const doi of batches.get(batchId)?.dois ?? []) {
      const next = step(dois.get(doiKey(doi)), doi);
      if (next.ok) {
        dois.set(doiKey(doi), next.entry);
        settled.push(doi);
        state.writes += 1;
      } else ignored.push({ doi, reason: next.reason });
    }
    return { settled, ignored };
  };
  const finish = (batchId: string, status: BatchEntry['status'], at: string): void => {
    const batch = batches.get(batchId);
    if (batch && (batch.status === 'reserved' || batch.status === 'posted')) batches.set(batchId, { ...batch, status, updatedAt: at });
  };
  return {
    dois,
    batches,
    get writes() {
      return state.writes;
    },
    entries: async (list) => new Map(list.flatMap((d) => (dois.has(doiKey(d)) ? [[doiKey(d), dois.get(doiKey(d))!] as const] : []))),
    async reserve(r) {
      const next = r.records.map((rec) => reserve(dois.get(doiKey(rec.doi)), { ...rec, timestamp: r.timestamp, batchId: r.batchId, at: r.at }));
      if (next.some((n) => !n.ok)) return { ok: false, conflicts: r.records.filter((_, k) => !next[k]!.ok).map((rec) => rec.doi) };
      for (const n of next) if (n.ok) dois.set(doiKey(n.entry.doi), n.entry);
      batches.set(r.batchId, { batchId: r.batchId, fileName: r.fileName, timestamp: r.timestamp, dois: r.records.map((rec) => rec.doi), status: 'reserved', createdAt: r.at, updatedAt: r.at });
      state.writes += 1;
      return { ok: true };
    },
    async markPosted(batchId, at) {
      const batch = batches.get(batchId);
      if (batch) batches.set(batchId, { ...batch, status: 'posted', updatedAt: at });
    },
    async settle(batchId, outcomes, result) {
      const out = apply(batchId, (entry, doi) => {
        const o = outcomes.find((x) => doiKey(x.doi) === doiKey(doi));
        return o ? settle(entry, { batchId, outcome: o.outcome, message: o.message, at: result.at }) : { ok: false, reason: 'no outcome' };
      });
      finish(batchId, 'completed', result.at);
      return out;
    },
    async abandon(batchId, message, at) {
      const out = apply(batchId, (entry) => abandon(entry, batchId, message, at));
      finish(batchId, 'abandoned', at);
      return out;
    },
    batch: async (batchId) => batches.get(batchId),
    pendingBatches: async () => [...batches.values()].filter((b) => b.status === 'reserved' || b.status === 'posted'),
  };
}

let ids = 0;
export const sqsMessage = (body: unknown): SQSRecord =>
  ({ messageId: `m${++ids}`, body: typeof body === 'string' ? body : JSON.stringify(body), attributes: { ApproximateReceiveCount: '1' } }) as unknown as SQSRecord;
