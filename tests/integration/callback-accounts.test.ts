/**
 * Two journals under two Crossref member accounts on one local stage (issue 12): the fixture
 * journal deposits under its own login (the secret's `journals`), Balcanica under the stage's. The
 * Crossref simulator shows each submission's log only to the account that sent it, and its
 * notification callbacks settle both journals' batches through the CrossrefCallback route, each log
 * fetched with its own journal's login (recorded on the batch). Before the batch recorded its
 * login, the callback asked with the stage's login for both and the fixture journal's batch stayed
 * pending. A callback naming no batch of this stage is refused.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { depositDois } from '#core/crossref/index';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { loadMetadata } from '#adapters/metadata-fs';
import { startCrossrefSimulator, type CrossrefSimulator } from '#infra/local/crossref-simulator/server';
import { startEmulators, type Endpoints, type Emulators } from '#infra/local/emulators';
import { CDK_OUT, METADATA_DIR } from '#infra/local/paths';
import { publishFolder, publishSources } from '#infra/local/publish';
import { CALLBACK_PATH, deployLocal, type LocalStack } from '#infra/local/stack';
import { ensureSynth } from '#infra/local/synth';
import { schemasDir } from '#tests/helpers/shared';
import { FIXTURE_DIR, fixtureSources } from './fixtures.ts';
import { tableItems } from './inspect.ts';

const stageLogin = { loginId: 'publisher', password: `pw-${randomBytes(12).toString('hex')}` };
const memberLogin = { loginId: 'other-member', password: `pw-${randomBytes(12).toString('hex')}` };
const callbackToken = randomBytes(24).toString('base64url');
const dois = (dir: string): string[] => {
  const loaded = loadMetadata(dir);
  if (!loaded.ok) throw new Error(`${dir} does not load`);
  return loaded.bundles.flatMap((b) => depositDois(b));
};
const BALCANICA = dois(METADATA_DIR);
const FIXTURE = dois(FIXTURE_DIR);

let simulator: CrossrefSimulator;
let stack: LocalStack;
let own: Emulators | undefined;
const errors: string[] = [];

beforeAll(async () => {
  const provided = inject('colophonEmulators') as Endpoints | undefined;
  if (!provided) await ensureSynth({ cdkOut: CDK_OUT });
  own = provided ? undefined : await startEmulators();
  // Polls never see a log: only the callbacks can settle the batches.
  simulator = await startCrossrefSimulator({ schemasDir: schemasDir(), credentials: stageLogin, accounts: [memberLogin], resultAfterPolls: 1000, resultAfterMs: 300 });
  stack = await deployLocal({
    cdkOut: CDK_OUT,
    endpoints: provided ?? own!.endpoints,
    prefix: `t${randomBytes(3).toString('hex')}-`,
    retryAfterSeconds: 0,
    crossref: { endpoint: simulator.url, mode: 'deposit', credentials: stageLogin, callbackToken, journals: { testjournal: memberLogin } },
    log: () => undefined,
    onError: (message, error) => errors.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
  simulator.setCallback({ url: stack.crossref.callbackUrl });
  await publishSources(stack, fixtureSources());
  await publishFolder(stack, METADATA_DIR);
  await stack.drain({ timeoutMs: 240_000 });
  await simulator.callbacksSettled();
  await stack.drain({ timeoutMs: 240_000 });
}, 600_000);
afterAll(async () => {
  await stack?.stop();
  await simulator?.close();
  await own?.stop();
});

const ledger = () => createDepositLedger({ client: stack.clients.dynamodb, tableName: stack.table('RecordsTable') });
const callback = (headers: Record<string, string>): Promise<Response> => fetch(`${stack.siteUrl}${CALLBACK_PATH}?token=${callbackToken}`, { method: 'POST', headers });

describe('the Crossref callback with a login per journal', () => {
  it("sends each journal's file under its own login and records journal and login on the batch", async () => {
    // Act
    const batches = (await tableItems(stack)).filter((i) => i.sk === 'BATCH');

    // Assess
    expect(errors).toEqual([]);
    expect(simulator.registry.submissions.map((s) => s.loginId).sort()).toEqual(['other-member', 'publisher']);
    expect(batches.map((b) => `${String(b.journalId)} ${String(b.loginId)}`).sort()).toEqual(['balcanica publisher', 'testjournal other-member']);
  });

  it("settles both journals' batches through the callback, each log fetched with its own account", async () => {
    // Act
    const entries = await ledger().entries([...BALCANICA, ...FIXTURE]);

    // Assess
    expect(simulator.callbacks.map((c) => c.status)).toEqual([200, 200]);
    expect([...BALCANICA, ...FIXTURE].map((doi) => `${doi} ${entries.get(doi.toLowerCase())?.state}`)).toEqual([...BALCANICA, ...FIXTURE].map((doi) => `${doi} registered`));
    expect(await ledger().pendingBatches()).toEqual([]);
  });

  it('refuses a callback naming a batch this stage never sent, and one without a batch', async () => {
    // Prepare
    const headers = simulator.callbacks[0]!.headers;
    const { 'CROSSREF-EXTERNAL-ID': _id, ...unnamed } = headers;

    // Act
    const unknown = await callback({ ...headers, 'CROSSREF-EXTERNAL-ID': 'colophon-20990101000000000-forged' });
    const missing = await callback(unnamed);

    // Assess
    expect([unknown.status, missing.status]).toEqual([404, 404]);
    expect(await unknown.json()).toEqual({ status: 'unknown-batch' });
  });
});
