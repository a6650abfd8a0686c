/** In-memory stand-ins for the deposit flows' dependencies: records, ledger (the core state machine), Crossref, logger. */
import type { SQSRecord } from 'aws-lambda';
import { createDepositService } from '#adapters/crossref-deposit';
import type { CrossrefClient } from '#adapters/crossref-http';
import { abandon, doiKey, reserve, settle, type DoiLedgerEntry, type SubmissionLog } from '#core/deposit/index';
import type { IssueBundle } from '#core/model/index';
import type { BatchEntry, DepositLedger } from '#adapters/deposit-ledger';
import type { Logger, LogFields } from '#adapters/logger';
import type { Head, IssueProblems, ProblemSource, Stored } from '#adapters/records';
import { depositFileStore, type ArtifactStore, type DepositFlowDeps } from '#handlers/flows/deposit';
import type { XmlValidator } from '#adapters/crossref-xsd';
import { crossrefValidator } from '#tests/deposit/fixtures';

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
  const problems = new Map<string, IssueProblems>();
  return {
    marked,
    /** The problems recorded per issue and source, by `journal/issue/source`. */
    problems,
    getProblems: async (journalId: string, issueId: string, source: ProblemSource = 'upload') => problems.get(`${journalId}/${issueId}/${source}`),
    putProblems: async (entry: IssueProblems, source: ProblemSource = 'upload') => void problems.set(`${entry.journalId}/${entry.issueId}/${source}`, entry),
    clearProblems: async (journalId: string, issueId: string, source: ProblemSource = 'upload') => void problems.delete(`${journalId}/${issueId}/${source}`),
    getIssue: async (journalId: string, issueId: string) =>
      journalId === bundle.journal.id && issueId === bundle.issue.id ? { journal: bundle.journal, issue: bundle.issue, hash: 'x', updatedAt: 'x', batchId: 'x', publishedAt: 'x', publishedBatchId: 'x' } : undefined,
    listIssueArticles: async () => stored,
    depositsDue: async () => stored.filter((s) => s.meta.deposit?.status === 'due'),
    markDeposited: async (doi: string, version: number) => {
      marked.push({ doi, version });
      return true;
    },
  } satisfies DepositFlowDeps['records'] & { marked: unknown; problems: unknown };
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
      batches.set(r.batchId, { batchId: r.batchId, fileName: r.fileName, timestamp: r.timestamp, dois: r.records.map((rec) => rec.doi), status: 'reserved', journalId: r.journalId, loginId: r.loginId, createdAt: r.at, updatedAt: r.at });
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

export type FakeCrossref = CrossrefClient & {
  /** The files Crossref holds, by name. */
  readonly files: Map<string, string>;
  /** Every file name whose log was asked for, in order: one entry per poll. */
  readonly polls: string[];
};

/**
 * Crossref that accepts every DOI of a file and shows the log at once (or never, with `queued`);
 * reading the log of a file in `failing` throws that error instead.
 */
export function fakeCrossref(ledger: DepositLedger, options: { queued?: boolean; failing?: ReadonlyMap<string, Error> } = {}): FakeCrossref {
  const files = new Map<string, string>();
  const polls: string[] = [];
  return {
    files,
    polls,
    async deposit(fileName, xml) {
      files.set(fileName, xml);
      return { via: 'posted', attempts: 1 };
    },
    async result(fileName): Promise<SubmissionLog> {
      polls.push(fileName);
      const failure = options.failing?.get(fileName);
      if (failure) throw failure;
      if (!files.has(fileName)) return { status: 'unknown' };
      if (options.queued) return { status: 'pending', crossrefStatus: 'queued' };
      const batch = (await ledger.pendingBatches()).find((b) => b.fileName === fileName)!;
      const records = batch.dois.map((doi) => ({ status: 'Success' as const, doi, message: 'Successfully added', doisInConflict: [] }));
      return { status: 'completed', submissionId: '1', batchId: batch.batchId, records, counts: { records: records.length, success: records.length, warning: 0, failure: 0 } };
    },
  };
}

export type WorldOptions = {
  readonly mode?: DepositFlowDeps['mode'];
  readonly rendered?: (doi: string) => boolean;
  readonly queued?: boolean;
  readonly failing?: ReadonlyMap<string, Error>;
  /** The schema's messages for every file: the validator refuses them all (a renderer bug, played). */
  readonly refuse?: readonly string[];
};

/** The deposit flows over a real deposit service, with the in-memory records, ledger, Crossref and store. */
export function flowWorld(bundle: IssueBundle, options: WorldOptions = {}) {
  const stored = storedIssue(bundle, options.rendered ?? (() => true));
  const records = fakeRecords(bundle, stored);
  const ledger = memoryLedger();
  const crossref = fakeCrossref(ledger, { queued: options.queued ?? false, ...(options.failing ? { failing: options.failing } : {}) });
  /** The artifacts bucket, by key. */
  const kept = new Map<string, string>();
  const artifacts: ArtifactStore = { put: async (key, xml) => void kept.set(key, xml) };
  const store = depositFileStore(artifacts);
  const refused = options.refuse;
  const validate: XmlValidator = refused ? () => ({ valid: false, errors: refused }) : (xml) => crossrefValidator()(xml);
  const log = captureLogger();
  let services = 0;
  let clock = Date.parse('2025-03-01T10:00:00.000Z');
  const deps: DepositFlowDeps = {
    records,
    ledger,
    mode: options.mode ?? 'deposit',
    service: async (l) => {
      services += 1;
      return createDepositService({ crossref, ledger: l, store, validate, now: () => new Date(clock), newId: () => 'abc123', sleep: async () => undefined, poll: { attempts: 2, intervalMs: 1 } });
    },
    artifacts,
    validate,
    log,
    now: () => new Date((clock += 1000)),
    newId: () => 'abc123',
  };
  return { deps, records, ledger, crossref, kept, log, services: () => services, now: () => new Date(clock) };
}
