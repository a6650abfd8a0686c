import { describe, expect, it } from 'vitest';
import { createDepositService, type DepositFileStore } from '#adapters/crossref-deposit';
import type { CrossrefClient } from '#adapters/crossref-http';
import type { DepositLedger } from '#adapters/deposit-ledger';
import type { SubmissionLog } from '#core/deposit/index';
import { depositBatch, depositIssue, type DepositFlowDeps } from '#handlers/flows/deposit';
import { crossrefValidator, richIssue } from '#tests/deposit/fixtures';
import { captureLogger, fakeRecords, memoryLedger, sqsMessage, storedIssue } from './deposit-fakes.ts';

const bundle = richIssue();
const [first, second, third] = bundle.articles.map((a) => a.doi) as [string, string, string];
const job = { journalId: bundle.journal.id, issueId: bundle.issue.id };

/** Crossref that accepts every DOI of a file and shows the log at once (or never, with `queued`). */
function fakeCrossref(ledger: DepositLedger, options: { queued?: boolean } = {}): CrossrefClient & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    async deposit(fileName, xml) {
      files.set(fileName, xml);
      return { via: 'posted', attempts: 1 };
    },
    async result(fileName): Promise<SubmissionLog> {
      if (!files.has(fileName)) return { status: 'unknown' };
      if (options.queued) return { status: 'pending', crossrefStatus: 'queued' };
      const batch = (await ledger.pendingBatches()).find((b) => b.fileName === fileName)!;
      const records = batch.dois.map((doi) => ({ status: 'Success' as const, doi, message: 'Successfully added', doisInConflict: [] }));
      return { status: 'completed', submissionId: '1', batchId: batch.batchId, records, counts: { records: records.length, success: records.length, warning: 0, failure: 0 } };
    },
  };
}

function world(options: { mode?: DepositFlowDeps['mode']; rendered?: (doi: string) => boolean; queued?: boolean } = {}) {
  const stored = storedIssue(bundle, options.rendered ?? (() => true));
  const records = fakeRecords(bundle, stored);
  const ledger = memoryLedger();
  const crossref = fakeCrossref(ledger, { queued: options.queued ?? false });
  const kept = new Map<string, string>();
  const store: DepositFileStore = { put: async (fileName, xml) => void kept.set(fileName, xml) };
  const log = captureLogger();
  let services = 0;
  let clock = Date.parse('2025-03-01T10:00:00.000Z');
  const deps: DepositFlowDeps = {
    records,
    ledger,
    mode: options.mode ?? 'deposit',
    service: async (l) => {
      services += 1;
      return createDepositService({ crossref, ledger: l, store, validate: crossrefValidator(), now: () => new Date(clock), newId: () => 'abc123', sleep: async () => undefined, poll: { attempts: 2, intervalMs: 1 } });
    },
    store,
    validate: crossrefValidator(),
    log,
    now: () => new Date((clock += 1000)),
    newId: () => 'abc123',
  };
  return { deps, records, ledger, crossref, kept, log, services: () => services };
}

describe('depositIssue', () => {
  it('deposits only articles whose current version is rendered, with the issue DOI', async () => {
    // Prepare
    const w = world({ rendered: (doi) => doi !== second });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome.mode).toBe('deposit');
    const [xml] = [...w.crossref.files.values()];
    expect(xml).toContain(`<doi>${first}</doi>`);
    expect(xml).toContain(`<doi>${third}</doi>`);
    expect(xml).not.toContain(second);
    expect(xml).toContain(`<doi>${bundle.issue.doi}</doi>`);
    expect(w.log.lines).toContainEqual(expect.objectContaining({ message: 'articles not rendered yet are left out', fields: expect.objectContaining({ unrendered: [second] }) }));
  });

  it('marks the heads Crossref registered as deposited, and sends nothing the second time', async () => {
    // Prepare
    const w = world();

    // Act
    const once = await depositIssue(w.deps, job);
    const again = await depositIssue(w.deps, job);

    // Assess
    expect(once.mode === 'deposit' && once.marked).toEqual([first, second, third]);
    expect(w.crossref.files.size).toBe(1);
    expect(again.mode === 'deposit' && again.report.batches).toEqual([]);
    expect(w.records.marked.map((m) => m.version)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('leaves a batch Crossref still queues pending, and its heads due', async () => {
    // Prepare
    const w = world({ queued: true });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome.mode === 'deposit' && outcome.report.batches.map((b) => b.status)).toEqual(['pending']);
    expect(outcome.mode === 'deposit' && outcome.marked).toEqual([]);
    expect(await w.ledger.pendingBatches()).toHaveLength(1);
  });

  it('skips an issue with no rendered article without building a service', async () => {
    // Prepare
    const w = world({ rendered: () => false });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome).toEqual({ issue: `${job.journalId}/${job.issueId}`, mode: 'skipped', reason: 'no rendered article' });
    expect(w.services()).toBe(0);
  });

  it('in a dry run keeps a valid file under crossref/deposits/, reads no credentials and records nothing', async () => {
    // Prepare
    const w = world({ mode: 'dry-run' });

    // Act
    const outcome = await depositIssue(w.deps, job);

    // Assess
    expect(outcome).toMatchObject({ mode: 'dry-run', valid: true, key: expect.stringMatching(/^crossref\/deposits\/colophon-\d{17}-abc123\.xml$/) });
    expect(outcome.mode === 'dry-run' && outcome.planned).toEqual([bundle.issue.doi, first, second, third]);
    expect(w.kept.size).toBe(1);
    expect(w.services()).toBe(0);
    expect(w.ledger.writes).toBe(0);
    expect(w.crossref.files.size).toBe(0);
  });
});

describe('depositBatch', () => {
  it('deposits each issue once however many jobs name it, and fails poison messages alone', async () => {
    // Prepare
    const w = world();
    const messages = [sqsMessage(job), sqsMessage(job), sqsMessage('not json'), sqsMessage({ journalId: 'x' })];

    // Act
    const response = await depositBatch(w.deps, messages);

    // Assess
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([messages[2]!.messageId, messages[3]!.messageId]);
    expect(w.crossref.files.size).toBe(1);
  });

  it('fails the messages of an issue that cannot be deposited, and only those', async () => {
    // Prepare
    const w = world();
    const unknown = sqsMessage({ journalId: 'nope', issueId: 'nope' });
    const known = sqsMessage(job);

    // Act
    const response = await depositBatch(w.deps, [unknown, known]);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: unknown.messageId }]);
    expect(w.log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'deposit failed' }));
  });
});
