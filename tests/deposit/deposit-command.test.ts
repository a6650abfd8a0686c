import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepositService } from '#adapters/crossref-deposit';
import { createCrossrefClient } from '#adapters/crossref-http';
import { crossrefEventLine, DEPOSIT_EXIT, runDeposit, type DepositCommandOptions, type ServiceFactory } from '#cli/deposit-command';
import { repoDir } from '../helpers/shared.ts';
import { CREDENTIALS, crossrefValidator } from './fixtures.ts';
import { startRig, type Rig, type World } from './harness.ts';

const ISSUE_DIR = join(repoDir, 'tests/fixtures/metadata/testjournal/2024-12-3');
const ENV = { CROSSREF_LOGIN_ID: CREDENTIALS.loginId, CROSSREF_PASSWORD: CREDENTIALS.password };

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

async function run(world: World, options: Partial<DepositCommandOptions> = {}, env: Record<string, string | undefined> = ENV) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeposit(
    { metadata: ISSUE_DIR, endpoint: rig.sim.url, table: 'unused', keep: 'unused', schemas: 'unused', ...options },
    { out: (l) => void out.push(l), err: (l) => void err.push(l) },
    env,
    () => world.service,
  );
  return { code, out, err };
}

describe('colophon deposit', () => {
  it('registers the issue, then finds nothing to send', async () => {
    // Prepare
    const world = await rig.world();
    // Act
    const first = await run(world);
    world.clock += 1_000;
    const second = await run(world);
    // Assess
    expect(first.code).toBe(DEPOSIT_EXIT.ok);
    expect(first.out[0]).toBe('testjournal/2024-12-3: 4 to deposit, 0 unchanged or waiting');
    expect(first.out).toContain('    Success 10.5555/sbt.2024.001  Successfully added');
    expect(second.code).toBe(DEPOSIT_EXIT.ok);
    expect(second.out).toEqual(['testjournal/2024-12-3: 0 to deposit, 4 unchanged or waiting']);
  });

  it('exits 1 when Crossref refuses a record, naming it', async () => {
    const world = await rig.world();
    rig.sim.forceOutcome('10.5555/sbt.2024.002', { status: 'Failure', message: 'User not allowed to add records for prefix: 10.5555' });
    const result = await run(world);
    expect(result.code).toBe(DEPOSIT_EXIT.refused);
    expect(result.out).toContain('    Failure 10.5555/sbt.2024.002  User not allowed to add records for prefix: 10.5555');
  });

  it('a dry run lists what it would send and sends nothing', async () => {
    const world = await rig.world();
    const result = await run(world, { dryRun: true });
    expect(result.out.filter((l) => l.startsWith('  would send'))).toHaveLength(4);
    // The state names of colophon status and colophon register, not the planner's reasons ("new").
    expect(result.out).toContain('  would send 10.5555/sbt.2024.001 (ready)');
    expect(rig.sim.requests.deposit).toBe(0);
  });

  it('asks for credentials in the environment, and never takes them as flags', async () => {
    const world = await rig.world();
    const result = await run(world, {}, {});
    expect(result.code).toBe(DEPOSIT_EXIT.config);
    expect(result.err[0]).toMatch(/CROSSREF_LOGIN_ID and CROSSREF_PASSWORD/);
  });

  it('a login Crossref refuses is a configuration error (2); nothing stays reserved', async () => {
    // Prepare: a service built from the credentials the command read.
    const world = await rig.world();
    const factory: ServiceFactory = (_options, credentials) =>
      createDepositService({
        crossref: createCrossrefClient({ endpoint: rig.sim.url, credentials, sleep: async () => undefined }),
        ledger: world.ledger,
        store: { put: async () => undefined },
        validate: crossrefValidator(),
        now: () => new Date(world.clock),
        newId: () => 'fixed',
      });
    const err: string[] = [];
    // Act
    const code = await runDeposit(
      { metadata: ISSUE_DIR, endpoint: rig.sim.url, table: 'unused', keep: 'unused', schemas: 'unused' },
      { out: () => undefined, err: (l) => void err.push(l) },
      { CROSSREF_LOGIN_ID: CREDENTIALS.loginId, CROSSREF_PASSWORD: 'wrong-secret' },
      factory,
    );
    // Assess
    expect(code).toBe(DEPOSIT_EXIT.config);
    expect(err.join('\n')).toMatch(/Crossref refused the login \(HTTP 401\)/);
    expect(err.join('\n')).not.toContain('wrong-secret');
    expect(await world.ledger.pendingBatches()).toEqual([]);
    expect((await world.ledger.entries(['10.5555/sbt.2024.001'])).get('10.5555/sbt.2024.001')?.state).toBe('ready');
  });
});

describe("the Crossref client's events", () => {
  it.each([
    [{ event: 'crossref.retry', what: 'deposit', attempt: 2, delayMs: 4_000, reason: 'HTTP 503' }, 'Crossref did not answer (HTTP 503): trying again in 4 s'],
    [{ event: 'crossref.deposit.received', fileName: 'colophon-1.xml', attempt: 1 }, 'Crossref received colophon-1.xml'],
    [{ event: 'crossref.deposit.already-received', fileName: 'colophon-1.xml', attempt: 2 }, 'Crossref already had colophon-1.xml: not sent again'],
  ])('are plain lines for staff, never a JSON log line: %j', (event, expected) => {
    // Act
    const line = crossrefEventLine(event);
    // Assess
    expect(line).toBe(expected);
    expect(line).not.toMatch(/[{}"]/);
  });
});
