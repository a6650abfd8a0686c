import { describe, expect, it } from 'vitest';
import { createDepositService, issueDepositSource } from '#adapters/crossref-deposit';
import { CrossrefAuthError } from '#adapters/crossref-http';
import { fakeCrossref, memoryLedger } from '#tests/handlers/deposit-fakes';
import { crossrefValidator, richIssue } from './fixtures.ts';

const NOW = new Date('2025-03-01T12:00:00.000Z');

async function world(failing?: ReadonlyMap<string, Error>) {
  const ledger = memoryLedger();
  await ledger.reserve({ batchId: 'old', fileName: 'old.xml', timestamp: '1', records: [{ doi: '10.5555/elsewhere', hash: 'h' }], at: NOW.toISOString() });
  const crossref = fakeCrossref(ledger, { queued: true, ...(failing ? { failing } : {}) });
  crossref.files.set('old.xml', '<doi_batch/>');
  const service = createDepositService({ crossref, ledger, store: { put: async () => undefined }, validate: crossrefValidator(), now: () => NOW, newId: () => 'id', sleep: async () => undefined, poll: { attempts: 1, intervalMs: 0 } });
  return { crossref, service };
}

describe('deposit: the resume option', () => {
  it('checks the pending batches first by default (the CLI)', async () => {
    // Prepare
    const w = await world();

    // Act
    const report = await w.service.deposit(issueDepositSource(richIssue()));

    // Assess
    expect(report.resumed.map((r) => [r.batchId, r.status])).toEqual([['old', 'pending']]);
    expect(w.crossref.polls[0]).toBe('old.xml');
  });

  it('leaves the pending batches alone with resume: false', async () => {
    // Prepare
    const w = await world();

    // Act
    const report = await w.service.deposit(issueDepositSource(richIssue()), { resume: false });

    // Assess
    expect(report.resumed).toEqual([]);
    expect(report.batches).toHaveLength(1);
    expect(w.crossref.polls).not.toContain('old.xml');
  });

  it('still stops at a refused login: every other batch would be refused too', async () => {
    // Prepare
    const w = await world(new Map([['old.xml', new CrossrefAuthError('login refused')]]));

    // Act
    const attempt = w.service.resumePending();

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(CrossrefAuthError);
  });
});
