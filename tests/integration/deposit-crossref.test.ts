/**
 * The seed issue through the bundled pipeline with Crossref deposits on: Render queues a deposit
 * job, the Deposit function (credentials from the local Parameter Store) sends the issue to the
 * Crossref simulator, and the simulator's notification callback settles the batch through the
 * CrossrefCallback route (the simulator never shows the log to polls, so only the callback can).
 */
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { depositDois } from '#core/crossref/index';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { loadMetadata } from '#adapters/metadata-fs';
import { startCrossrefSimulator, type CrossrefSimulator } from '#infra/local/crossref-simulator/server';
import { startEmulators, type Endpoints, type Emulators } from '#infra/local/emulators';
import { CDK_OUT, METADATA_DIR } from '#infra/local/paths';
import { publishFolder } from '#infra/local/publish';
import { CALLBACK_PATH, deployLocal, type LocalStack } from '#infra/local/stack';
import { ensureSynth } from '#infra/local/synth';
import { schemasDir } from '#tests/helpers/shared';
import { validateXml } from '#tests/helpers/xsd';
import { tableItems } from './inspect.ts';

const credentials = { loginId: 'colophon-test', password: `pw-${randomBytes(12).toString('hex')}` };
const callbackToken = randomBytes(24).toString('base64url');
const loaded = loadMetadata(METADATA_DIR);
if (!loaded.ok) throw new Error('the seed metadata does not load');
const DOIS = depositDois(loaded.bundles[0]!);

let simulator: CrossrefSimulator;
let stack: LocalStack;
let own: Emulators | undefined;
const errors: string[] = [];
const logs: { fn: string; line: string }[] = [];

beforeAll(async () => {
  const provided = inject('colophonEmulators') as Endpoints | undefined;
  if (!provided) await ensureSynth({ cdkOut: CDK_OUT });
  own = provided ? undefined : await startEmulators();
  // The log shows only after a thousand polls: the Deposit function's two polls see "queued".
  simulator = await startCrossrefSimulator({ schemasDir: schemasDir(), credentials, resultAfterPolls: 1000, resultAfterMs: 300 });
  stack = await deployLocal({
    cdkOut: CDK_OUT,
    endpoints: provided ?? own!.endpoints,
    prefix: `t${randomBytes(3).toString('hex')}-`,
    retryAfterSeconds: 0,
    crossref: { endpoint: simulator.url, mode: 'deposit', credentials, callbackToken },
    log: (fn, line) => logs.push({ fn, line }),
    onError: (message, error) => errors.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
  simulator.setCallback({ url: stack.crossref.callbackUrl });
});
afterAll(async () => {
  await stack?.stop();
  await simulator?.close();
  await own?.stop();
});

const artifactKeys = async (): Promise<string[]> => {
  const out = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stack.bucket('ArtifactsBucket'), Prefix: 'crossref/deposits/' }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
};
const ledger = () => createDepositLedger({ client: stack.clients.dynamodb, tableName: stack.table('RecordsTable') });
const states = async (): Promise<Record<string, string | undefined>> => {
  const entries = await ledger().entries(DOIS);
  return Object.fromEntries(DOIS.map((doi) => [doi, entries.get(doi.toLowerCase())?.state]));
};
const callback = (query: string, headers: Record<string, string>, method: 'GET' | 'POST' = 'POST'): Promise<Response> => fetch(`${stack.siteUrl}${CALLBACK_PATH}${query}`, { method, headers });

describe('publishing the seed issue with Crossref deposits on', () => {
  it('keeps the deposit file in the artifacts bucket, valid against Crossref 5.4.0, and sends it once', async () => {
    // Act
    await publishFolder(stack, METADATA_DIR);
    await stack.drain({ timeoutMs: 120_000 });
    await simulator.callbacksSettled();
    await stack.drain();

    // Assess
    expect(errors).toEqual([]);
    const keys = await artifactKeys();
    expect(keys).toHaveLength(1);
    const xml = await (await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.bucket('ArtifactsBucket'), Key: keys[0] }))).Body!.transformToString('utf8');
    expect(validateXml('crossref', xml)).toEqual({ valid: true, errors: [] });
    for (const doi of DOIS) expect(xml).toContain(`<doi>${doi}</doi>`);
    expect(simulator.requests.deposit).toBe(1);
    expect(DOIS.map((doi) => simulator.accepted(doi))).toEqual(DOIS.map(() => 1));
  }, 300_000); // a loaded 2-core machine: the drain alone may take its 120 s (waits on states, not durations)

  it('registers every DOI in the ledger through the notification callback', async () => {
    // Act
    const found = await states();

    // Assess
    expect(DOIS.length).toBeGreaterThan(0);
    expect(found).toEqual(Object.fromEntries(DOIS.map((doi) => [doi, 'registered'])));
    expect(simulator.callbacks.map((c) => c.status)).toEqual([200]);
    expect(simulator.callbacks[0]!.headers['CROSSREF-EXTERNAL-ID']).toMatch(/^colophon-\d{17}-/);
    expect(await ledger().pendingBatches()).toEqual([]);
  });

  it('deposits nothing for a republish of unchanged metadata, a repeated deposit job or the schedule', async () => {
    // Prepare
    const before = { keys: await artifactKeys(), deposits: simulator.requests.deposit };

    // Act
    await publishFolder(stack, METADATA_DIR);
    await stack.drain();
    await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: stack.queue('DepositQueue').url, MessageBody: JSON.stringify({ journalId: 'balcanica', issueId: 'L-2019' }) }));
    await stack.bus.fireSchedules();
    await stack.drain();

    // Assess
    expect(errors).toEqual([]);
    expect(await artifactKeys()).toEqual(before.keys);
    expect(simulator.requests.deposit).toBe(before.deposits);
    expect(await states()).toEqual(Object.fromEntries(DOIS.map((doi) => [doi, 'registered'])));
    // The schedule saw the article's version registered and took it off the deposits-due index.
    const head = (await tableItems(stack)).find((i) => i.sk === 'HEAD');
    expect(head).toMatchObject({ deposit: { status: 'done', version: 1 } });
    expect(head?.gsi3pk).toBeUndefined();
  });

  it('settles nothing twice: the same callback again changes nothing', async () => {
    // Prepare
    const first = simulator.callbacks[0]!;
    const before = await ledger().entries(DOIS);

    // Act
    const response = await callback(`?token=${callbackToken}`, first.headers);

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'already-settled' });
    expect(await ledger().entries(DOIS)).toEqual(before);
  });

  it('takes the notification as a GET as well (Crossref says only "an HTTP(S) request")', async () => {
    // Prepare
    const first = simulator.callbacks[0]!;

    // Act
    const response = await callback(`?token=${callbackToken}`, first.headers, 'GET');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'already-settled' });
  });

  it('refuses a callback without the token (401) or with a wrong one (403), and never echoes it', async () => {
    // Prepare
    const headers = simulator.callbacks[0]!.headers;
    // One character changed (never to itself: a random token may end in x).
    const wrong = `${callbackToken.slice(0, -1)}${callbackToken.endsWith('x') ? 'y' : 'x'}`;

    // Act
    const missing = await callback('', headers);
    const refused = await callback(`?token=${wrong}`, headers);

    // Assess
    expect(missing.status).toBe(401);
    expect(refused.status).toBe(403);
    const bodies = (await missing.text()) + (await refused.text());
    expect(bodies).not.toContain(callbackToken.slice(0, 12));
  });

  it('refuses a retrieve URL that is not on the Crossref endpoint', async () => {
    // Prepare
    const headers = { ...simulator.callbacks[0]!.headers, 'CROSSREF-RETRIEVE-URL': 'http://169.254.169.254/latest/meta-data/' };

    // Act
    const response = await callback(`?token=${callbackToken}`, headers);

    // Assess
    expect(response.status).toBe(400);
  });

  it('keeps the credentials out of every function environment and every log line', () => {
    // Act
    const environments = JSON.stringify(stack.model.functions.map((f) => f.environment));
    const printed = logs.map((l) => l.line).join('\n');

    // Assess
    expect(stack.model.functions.find((f) => f.logicalId === 'Deposit')?.environment).toMatchObject({ CROSSREF_PARAMETER: '/colophon/local/crossref' });
    for (const secret of [credentials.password, callbackToken]) {
      expect(environments).not.toContain(secret);
      expect(printed).not.toContain(secret);
    }
    expect(stack.crossref.secrets.reads.size).toBe(1);
  });
});
