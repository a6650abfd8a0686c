import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTimestamps } from '#core/deposit/index';
import type { Fault } from '#infra/local/crossref-simulator/server';
import { richIssue, retitled } from './fixtures.ts';
import { ABANDON_AFTER_MS, Crash, startRig, timestampRefusals, type Rig, type World } from './harness.ts';

const ISSUE = '10.5555/sbt.2024.12.3';
const A1 = '10.5555/sbt.2024.001';
const A2 = '10.5555/sbt.2024.002';
const A3 = '10.5555/sbt.2024.e7';
const ALL = [ISSUE, A1, A2, A3];

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

/** A world where the whole issue was deposited once, at 2025-01-01T12:00Z. */
async function deposited(): Promise<World> {
  const world = await rig.world();
  const first = await world.deposit(richIssue());
  expect(first.batches.map((b) => b.status)).toEqual(['completed']);
  return world;
}

async function states(world: World): Promise<Record<string, string | undefined>> {
  const entries = await world.ledger.entries(ALL);
  return Object.fromEntries(ALL.map((d) => [d, entries.get(d)?.state]));
}

describe('deposit lifecycle (simulator + DynamoDB Local + the real renderer)', () => {
  it('first deposit registers everything, and keeps the exact file that was sent', async () => {
    // Prepare
    const world = await rig.world();
    // Act
    const report = await world.deposit(richIssue());
    // Assess
    const [batch] = report.batches;
    expect(batch?.status).toBe('completed');
    expect(batch?.timestamp).toBe('20250101120000000');
    // In the deposit's order: the issue, then its articles in the issue's order (Articles, then Book Reviews).
    expect(batch?.outcomes?.map((o) => [o.doi, o.outcome, o.message])).toEqual([ISSUE, A1, A3, A2].map((d) => [d, 'Success', 'Successfully added']));
    expect(await states(world)).toEqual(Object.fromEntries(ALL.map((d) => [d, 'registered'])));
    expect(ALL.map((d) => rig.sim.accepted(d))).toEqual([1, 1, 1, 1]);
    expect(world.store.get(batch?.fileName ?? '')).toBe(rig.sim.registry.byFileName(batch?.fileName ?? '')?.contents);
    expect(await world.ledger.pendingBatches()).toEqual([]);
  });

  it('an unchanged re-publish deposits nothing', async () => {
    // Prepare
    const world = await deposited();
    world.clock += 3_600_000;
    // Act
    const report = await world.deposit(richIssue());
    // Assess
    expect(report.batches).toEqual([]);
    expect(report.skipped.map((s) => s.need)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(rig.sim.requests.deposit).toBe(1);
  });

  it('one changed article: a batch with only that DOI and a larger timestamp, even with the clock gone back', async () => {
    // Prepare
    const world = await deposited();
    world.clock -= 86_400_000;
    // Act
    const report = await world.deposit(retitled(richIssue(), A2, 'A corrected title'));
    // Assess
    const [batch] = report.batches;
    expect(batch?.dois).toEqual([A2]);
    expect(batch?.timestamp).toBe('20250101120000001');
    expect(batch?.outcomes).toEqual([{ doi: A2, outcome: 'Success', message: 'Successfully updated' }]);
    expect(rig.sim.registry.byFileName(batch?.fileName ?? '')?.contents).toContain('A corrected title');
    expect(ALL.map((d) => rig.sim.accepted(d))).toEqual([1, 1, 2, 1]);
    expect(timestampRefusals(rig.sim)).toEqual([]);
  });

  it('a failure of one record marks only that DOI failed; it is retried only when asked or changed', async () => {
    // Prepare
    const world = await rig.world();
    rig.sim.forceOutcome(A2, { status: 'Failure', message: 'User not allowed to add records for prefix: 10.5555' });
    // Act
    const report = await world.deposit(richIssue());
    world.clock += 1_000;
    const again = await world.deposit(richIssue());
    rig.sim.registry.forced.clear();
    world.clock += 1_000;
    const retried = await world.deposit(richIssue(), { retryFailed: true });
    // Assess
    expect(report.batches[0]?.outcomes?.filter((o) => o.outcome === 'Failure').map((o) => o.doi)).toEqual([A2]);
    expect(again.batches).toEqual([]);
    expect(again.skipped.find((s) => s.doi === A2)?.need).toBe('failed-unchanged');
    expect(retried.batches[0]?.dois).toEqual([A2]);
    expect(await states(world)).toEqual(Object.fromEntries(ALL.map((d) => [d, 'registered'])));
  });

  it('a Warning registers the DOI in state warning, with Crossref\'s message', async () => {
    const world = await rig.world();
    rig.sim.forceOutcome(A3, { status: 'Warning' });
    await world.deposit(richIssue());
    expect((await world.ledger.entries([A3])).get(A3)).toMatchObject({ state: 'warning', message: 'Added with conflict' });
  });

  const faults: [string, Fault][] = [
    ['HTTP 500', { on: 'deposit', kind: 'status', status: 500 }],
    ['HTTP 503 (queue full)', { on: 'deposit', kind: 'status', status: 503 }],
    ['HTTP 429', { on: 'deposit', kind: 'status', status: 429 }],
    ['a timeout before processing', { on: 'deposit', kind: 'stall' }],
    ['a timeout after processing', { on: 'deposit', kind: 'stall', afterProcessing: true }],
    ['a lost response after processing', { on: 'deposit', kind: 'drop', afterProcessing: true }],
    ['a failing log download', { on: 'result', kind: 'status', status: 502 }],
  ];
  it.each(faults)('%s ends with exactly one accepted deposit of the change', async (_case, fault) => {
    // Prepare
    const world = await deposited();
    world.clock += 60_000;
    rig.sim.injectFault(fault);
    // Act
    const report = await world.deposit(retitled(richIssue(), A1, 'Changed once'));
    // Assess
    expect(report.batches.map((b) => [b.status, b.dois])).toEqual([['completed', [A1]]]);
    expect(ALL.map((d) => rig.sim.accepted(d))).toEqual([1, 2, 1, 1]);
    expect(rig.sim.registry.submissions).toHaveLength(2);
    expect(timestampRefusals(rig.sim)).toEqual([]);
  });

  it('a crash after the POST, before the ledger write: the restart settles from Crossref\'s log and sends nothing again', async () => {
    // Prepare
    const world = await deposited();
    world.clock += 60_000;
    const changed = retitled(richIssue(), A1, 'Changed before the crash');
    world.crash = 'crash-after-post';
    // Act
    await expect(world.deposit(changed)).rejects.toBeInstanceOf(Crash);
    const restart = await world.deposit(changed);
    const later = await world.deposit(changed);
    // Assess: first Crossref still has it queued (the DOI stays in flight), then its log settles it.
    expect(restart.resumed.map((b) => [b.status, b.dois])).toEqual([['pending', [A1]]]);
    expect(restart.skipped.find((s) => s.doi === A1)?.need).toBe('in-flight');
    expect(later.resumed.map((b) => [b.status, b.dois])).toEqual([['completed', [A1]]]);
    expect([restart.batches, later.batches]).toEqual([[], []]);
    expect((await world.ledger.entries([A1])).get(A1)?.state).toBe('registered');
    expect(rig.sim.accepted(A1)).toBe(2);
    expect(rig.sim.registry.submissions).toHaveLength(2);
  });

  it('a crash after reserving, before the POST: held while Crossref might still get it, then resent with a larger timestamp', async () => {
    // Prepare
    const world = await deposited();
    world.clock += 60_000;
    const changed = retitled(richIssue(), A1, 'Changed before the crash');
    world.crash = 'crash-before-post';
    await expect(world.deposit(changed)).rejects.toBeInstanceOf(Crash);
    const reserved = (await world.ledger.entries([A1])).get(A1)?.lastTimestamp ?? '';
    // Act
    const soon = await world.deposit(changed);
    world.clock += ABANDON_AFTER_MS;
    const later = await world.deposit(changed);
    // Assess
    expect(soon.resumed.map((b) => b.status)).toEqual(['unconfirmed']);
    expect(soon.skipped.find((s) => s.doi === A1)?.need).toBe('in-flight');
    expect(later.resumed.map((b) => b.status)).toEqual(['abandoned']);
    expect(later.batches.map((b) => [b.status, b.dois])).toEqual([['completed', [A1]]]);
    expect(compareTimestamps(later.batches[0]?.timestamp ?? '0', reserved)).toBeGreaterThan(0);
    expect(rig.sim.accepted(A1)).toBe(2);
  });

  it('a log not ready within the polls stays pending and is settled by the next run', async () => {
    // Prepare
    const world = await deposited();
    world.clock += 60_000;
    const changed = retitled(richIssue(), A3, 'Slow queue');
    // Every retry of the first log download fails: the run ends with the batch pending.
    rig.sim.injectFault(...Array.from({ length: 4 }, (): Fault => ({ on: 'result', kind: 'status', status: 500 })));
    // Act
    const first = await world.deposit(changed);
    const second = await world.deposit(changed);
    const third = await world.deposit(changed);
    // Assess
    expect(first.batches.map((b) => [b.status, b.problems?.[0]])).toEqual([['pending', expect.stringMatching(/after 4 attempts: .*HTTP 500/)]]);
    expect(second.resumed.map((b) => b.status)).toEqual(['pending']);
    expect(third.resumed.map((b) => [b.status, b.dois])).toEqual([['completed', [A3]]]);
    expect([second.batches, third.batches]).toEqual([[], []]);
    expect(rig.sim.accepted(A3)).toBe(2);
  });
});
