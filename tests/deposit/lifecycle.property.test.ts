/**
 * Property: whatever the clock does (forwards, backwards, standing still) and whatever transient
 * fault or crash hits a deposit, Crossref never sees an equal or older timestamp for a DOI
 * ("less or equal to previously submitted version" cannot happen), and each change is accepted
 * exactly once.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHashes, issueDepositSource } from '#adapters/crossref-deposit';
import type { Fault } from '#infra/local/crossref-simulator/server';
import { richIssue, retitled } from './fixtures.ts';
import { ABANDON_AFTER_MS, Crash, startRig, timestampRefusals, type Rig } from './harness.ts';

const ARTICLES = ['10.5555/sbt.2024.001', '10.5555/sbt.2024.002', '10.5555/sbt.2024.e7'];
const ISSUE = '10.5555/sbt.2024.12.3';

type Trouble = 'none' | 'crash-before-post' | 'crash-after-post' | Fault;
const troubles: Trouble[] = [
  'none',
  'crash-before-post',
  'crash-after-post',
  { on: 'deposit', kind: 'status', status: 500 },
  { on: 'deposit', kind: 'status', status: 503 },
  { on: 'deposit', kind: 'stall' },
  { on: 'deposit', kind: 'stall', afterProcessing: true },
  { on: 'deposit', kind: 'drop', afterProcessing: true },
  { on: 'result', kind: 'status', status: 502 },
];

const step = fc.record({
  /** From a day back to an hour forward: clocks of different machines, NTP corrections. */
  clockMs: fc.integer({ min: -86_400_000, max: 3_600_000 }),
  changed: fc.subarray(ARTICLES),
  trouble: fc.constantFrom(...troubles),
});

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

describe('deposit lifecycle property', () => {
  it('no timestamp refusal and exactly one accepted deposit per change, over random clocks, faults and crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        // Prepare
        const world = await rig.world();
        let bundle = richIssue();
        const expected = new Map([...ARTICLES, ISSUE].map((d) => [d, 1]));
        await world.deposit(bundle);
        // Act
        for (const [n, { clockMs, changed, trouble }] of steps.entries()) {
          world.clock += clockMs;
          for (const doi of changed) {
            bundle = retitled(bundle, doi, `Version ${n + 2} of ${doi}`);
            expected.set(doi, (expected.get(doi) ?? 0) + 1);
          }
          if (typeof trouble === 'string') world.crash = trouble === 'none' ? 'none' : trouble;
          else rig.sim.injectFault(trouble);
          await world.deposit(bundle).catch((error: unknown) => {
            if (!(error instanceof Crash)) throw error;
          });
          // Restart until nothing is pending (after a crash before the POST, only the grace period releases it).
          for (let restart = 0; restart < 4 && (await world.ledger.pendingBatches()).length > 0; restart += 1) {
            world.clock += ABANDON_AFTER_MS;
            await world.deposit(bundle);
          }
        }
        // Assess
        expect(timestampRefusals(rig.sim)).toEqual([]);
        for (const [doi, count] of expected) expect({ doi, accepted: rig.sim.accepted(doi) }).toEqual({ doi, accepted: count });
        const entries = await world.ledger.entries([...expected.keys()]);
        for (const { doi, hash } of recordHashes(issueDepositSource(bundle))) {
          expect(entries.get(doi)).toMatchObject({ state: 'registered', depositedHash: hash });
        }
      }),
      { numRuns: 12, seed: 20250101 },
    );
  });
});
