import { describe, expect, it } from 'vitest';
import type { DepositService } from '#adapters/crossref-deposit';
import type { DepositFlowDeps } from '#handlers/flows/deposit';
import { backedOffLedger, checkInterval, depositSchedule, pendingDue } from '#handlers/flows/deposit-schedule';
import { richIssue } from '#tests/deposit/fixtures';
import { captureLogger, fakeRecords, flowWorld, memoryLedger, storedIssue, type WorldOptions } from './deposit-fakes.ts';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const aged = (minutes: number): { createdAt: string } => ({ createdAt: new Date(NOW.getTime() - minutes * 60_000).toISOString() });

describe('pendingDue: the backoff of pending batches', () => {
  it.each([
    [0, true],
    [20, true],
    [119, true],
    [125, true], // hourly after two hours: the run that crosses 120 min checks it
    [135, false],
    [180, true],
    [194, true],
    [196, false],
    [24 * 60 + 10, true], // every six hours after a day: 1440 is a multiple of 360
    [24 * 60 + 20, false],
    [30 * 60 + 5, true],
  ])('a batch %i minutes old is checked now: %s', (minutes, expected) => {
    expect(pendingDue(aged(minutes), NOW)).toBe(expected);
  });

  it('checks every batch at least once per interval over a day of 15-minute runs', () => {
    // Prepare
    const batch = aged(0);
    const runs = Array.from({ length: 4 * 48 }, (_, k) => new Date(NOW.getTime() + k * 15 * 60_000));

    // Act
    const checked = runs.filter((run) => pendingDue(batch, run)).map((run) => (run.getTime() - NOW.getTime()) / 60_000);

    // Assess: every run for two hours, then hourly, then six-hourly.
    const gaps = checked.slice(1).map((m, k) => [checked[k]!, m - checked[k]!] as const);
    for (const [at, gap] of gaps) expect(gap).toBeLessThanOrEqual(checkInterval(at * 60_000 + gap * 60_000));
    expect(checked.filter((m) => m < 120)).toHaveLength(8);
    expect(checked.filter((m) => m >= 24 * 60)).toEqual([24 * 60, 30 * 60, 36 * 60, 42 * 60]);
  });

  it('an unreadable creation date is always due', () => {
    expect(pendingDue({ createdAt: 'yesterday' }, NOW)).toBe(true);
  });
});

describe('depositSchedule', () => {
  const bundle = richIssue();

  function world(mode: DepositFlowDeps['mode']) {
    const records = fakeRecords(bundle, storedIssue(bundle, () => true));
    const ledger = memoryLedger();
    const calls: string[] = [];
    const service = { resumePending: async () => (calls.push('resume'), []), deposit: async () => (calls.push('deposit'), { source: '', resumed: [], planned: [], batches: [], skipped: [], records: [] }) } as unknown as DepositService;
    const deps: DepositFlowDeps = { records, ledger, mode, service: async () => service, artifacts: { put: async () => undefined }, validate: () => ({ valid: true, errors: [] }), log: captureLogger(), now: () => NOW, newId: () => 'x' };
    return { deps, ledger, calls };
  }

  it('does nothing in a dry run', async () => {
    // Prepare
    const w = world('dry-run');

    // Act
    const summary = await depositSchedule(w.deps);

    // Assess
    expect(summary).toEqual({ resumed: [], issues: [], failed: [] });
    expect(w.calls).toEqual([]);
  });

  it('resumes pending batches only when there are some, then deposits each issue with due, rendered heads once', async () => {
    // Prepare
    const w = world('deposit');
    await w.ledger.reserve({ batchId: 'b1', fileName: 'b1.xml', timestamp: '20250301115900000', records: [{ doi: bundle.articles[0]!.doi, hash: 'h' }], at: aged(5).createdAt });

    // Act
    const summary = await depositSchedule(w.deps);

    // Assess
    expect(summary.issues).toEqual([`${bundle.journal.id}/${bundle.issue.id}`]);
    expect(w.calls).toEqual(['resume', 'deposit']);
  });

  it('hands the deposit service a ledger whose pending batches are only the due ones', async () => {
    // Prepare
    const ledger = memoryLedger();
    const at = (minutes: number) => aged(minutes).createdAt;
    await ledger.reserve({ batchId: 'young', fileName: 'y.xml', timestamp: '1', records: [{ doi: '10.1/a', hash: 'h' }], at: at(10) });
    await ledger.reserve({ batchId: 'old', fileName: 'o.xml', timestamp: '1', records: [{ doi: '10.1/b', hash: 'h' }], at: at(135) });

    // Act
    const due = await backedOffLedger(ledger, () => NOW).pendingBatches();

    // Assess
    expect(due.map((b) => b.batchId)).toEqual(['young']);
  });
});

describe('depositSchedule over the deposit service', () => {
  const bundle = richIssue();

  /** A world with two batches of other DOIs pending at Crossref, posted five minutes ago. */
  async function pendingWorld(options: WorldOptions = {}) {
    const w = flowWorld(bundle, options);
    const at = new Date(w.now().getTime() - 5 * 60_000).toISOString();
    for (const name of ['p1', 'p2']) {
      await w.ledger.reserve({ batchId: name, fileName: `${name}.xml`, timestamp: '20250301095500000', records: [{ doi: `10.5555/${name}`, hash: 'h' }], at });
      w.crossref.files.set(`${name}.xml`, '<doi_batch/>');
    }
    return w;
  }

  it('polls each pending batch exactly once per run, however many issues it deposits', async () => {
    // Prepare
    const w = await pendingWorld({ queued: true });

    // Act
    const summary = await depositSchedule(w.deps);

    // Assess
    expect(summary.issues).toEqual([`${bundle.journal.id}/${bundle.issue.id}`]);
    expect(w.crossref.polls.filter((f) => f === 'p1.xml' || f === 'p2.xml')).toEqual(['p1.xml', 'p2.xml']);
    expect(summary.resumed.map((r) => [r.batchId, r.status])).toEqual([
      ['p1', 'pending'],
      ['p2', 'pending'],
    ]);
  });

  it('settles the other pending batches and deposits the due issues when one batch fails', async () => {
    // Prepare
    const w = await pendingWorld({ failing: new Map([['p1.xml', new TypeError('the log does not parse')]]) });

    // Act
    const summary = await depositSchedule(w.deps);

    // Assess
    expect(summary.resumed.map((r) => [r.batchId, r.status])).toEqual([
      ['p1', 'unconfirmed'],
      ['p2', 'completed'],
    ]);
    expect(summary.resumed[0]!.problems).toEqual([expect.stringContaining('the log does not parse')]);
    expect(w.ledger.batches.get('p1')?.status).toBe('reserved');
    expect(w.ledger.batches.get('p2')?.status).toBe('completed');
    expect(summary.failed).toEqual([]);
    expect(w.records.marked).toHaveLength(bundle.articles.length);
  });

  it('logs a failure to settle pending batches and deposits the due issues all the same', async () => {
    // Prepare
    const w = await pendingWorld();
    const pendingBatches = w.ledger.pendingBatches;
    let reads = 0;
    w.ledger.pendingBatches = async () => {
      reads += 1;
      if (reads === 1) throw new Error('table unavailable');
      return pendingBatches();
    };

    // Act
    const summary = await depositSchedule(w.deps);

    // Assess
    expect(summary.resumed).toEqual([]);
    expect(summary.failed).toEqual([]);
    expect(w.records.marked).toHaveLength(bundle.articles.length);
    expect(w.log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'settling pending batches failed; deposits go on', fields: expect.objectContaining({ error: expect.stringContaining('table unavailable') }) }));
  });
});
