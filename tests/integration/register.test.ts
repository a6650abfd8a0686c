/**
 * `colophon register` against the local stage with the Crossref simulator (issue 13 item 7): an
 * issue published while nothing was sent to Crossref (the Deposit job never ran, as on a dry-run
 * stand-in) is registered by one command; `status`, `register --dry-run` and the ledger name the
 * same state for every DOI before and after, and nothing the editor reads is a JSON log line.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { startCrossrefSimulator, type CrossrefSimulator } from '#infra/local/crossref-simulator/server';
import { startEmulators, type Endpoints, type Emulators } from '#infra/local/emulators';
import { CDK_OUT } from '#infra/local/paths';
import { deployLocal, type LocalStack } from '#infra/local/stack';
import { ensureSynth } from '#infra/local/synth';
import { removeTempDirs, runCli, tempDir } from '#tests/cli/run';
import { schemasDir } from '#tests/helpers/shared';
import { FIXTURE_DIR, FIXTURE_DOIS } from './fixtures.ts';

const ISSUE = join(FIXTURE_DIR, '2024-12-3');
const ISSUE_DOI = '10.5555/sbt.2024.12.3';
const DOIS = [ISSUE_DOI, ...FIXTURE_DOIS];
const FAST = ['--poll', '0.1', '--timeout', '120'];
const credentials = { loginId: 'colophon-test', password: `pw-${randomBytes(12).toString('hex')}` };

let simulator: CrossrefSimulator;
let stack: LocalStack;
let own: Emulators | undefined;
let endpoints: Endpoints;
const errors: string[] = [];
/** The state files the CLI finds the stage by: one saying the stand-in deposits, one saying it is a dry run. */
let depositing: string[];
let dryRunStage: string[];

function stateFile(crossref: 'deposit' | 'dry-run'): string[] {
  const table = stack.table('RecordsTable');
  const file = join(tempDir(), `endpoints-${crossref}.json`);
  const prefix = table.slice(0, table.indexOf('Colophon-local-'));
  writeFileSync(file, JSON.stringify({ endpoints: { s3: endpoints.s3, dynamodb: endpoints.dynamodb, sqs: endpoints.sqs }, siteUrl: stack.siteUrl, prefix, crossref }));
  return ['--local-state', file];
}

/** Empties the Deposit queue: the job Render sent is gone, as if a dry-run stand-in had handled it. */
async function dropDepositJobs(): Promise<number> {
  const url = stack.queue('DepositQueue').url;
  let dropped = 0;
  for (;;) {
    const { Messages } = await stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    if (!Messages || Messages.length === 0) return dropped;
    for (const m of Messages) await stack.clients.sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
    dropped += Messages.length;
  }
}

const ledgerStates = async (): Promise<Record<string, string | undefined>> => {
  const entries = await createDepositLedger({ client: stack.clients.dynamodb, tableName: stack.table('RecordsTable') }).entries(DOIS);
  return Object.fromEntries(DOIS.map((doi) => [doi, entries.get(doi.toLowerCase())?.state]));
};
/** The CROSSREF cell of each article row of `status`, and the issue DOI's state. */
const statusStates = (stdout: string): Record<string, string | undefined> =>
  Object.fromEntries(
    DOIS.map((doi) => {
      const escaped = doi.replace(/\./g, '\\.');
      const row = new RegExp(`^  ${escaped}\\*? .* (ready|stale|submitted|registered|warning|FAILED|-) .*$`, 'm').exec(stdout);
      const issue = new RegExp(`^  issue DOI ${escaped}: Crossref (\\S+)`, 'm').exec(stdout);
      return [doi, (row ?? issue)?.[1]];
    }),
  );
const noJsonLines = (text: string): void => expect(text.split('\n').filter((l) => /^\s*[{[]/.test(l))).toEqual([]);

beforeAll(async () => {
  const provided = inject('colophonEmulators') as Endpoints | undefined;
  if (!provided) await ensureSynth({ cdkOut: CDK_OUT });
  own = provided ? undefined : await startEmulators();
  endpoints = provided ?? own!.endpoints;
  simulator = await startCrossrefSimulator({ schemasDir: schemasDir(), credentials, resultAfterMs: 300 });
  stack = await deployLocal({
    cdkOut: CDK_OUT,
    endpoints,
    prefix: `t${randomBytes(3).toString('hex')}-`,
    retryAfterSeconds: 0,
    crossref: { endpoint: simulator.url, mode: 'deposit', credentials },
    log: () => undefined,
    onError: (message, error) => errors.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
  simulator.setCallback({ url: stack.crossref.callbackUrl });
  depositing = stateFile('deposit');
  dryRunStage = stateFile('dry-run');
  // Published while the Deposit function held its queue; then the job is dropped: nothing reached Crossref.
  await stack.pause('Deposit');
  const published = await runCli(['publish', ISSUE, ...depositing, ...FAST]);
  if (published.code !== 0) throw new Error(`publish failed: ${published.stderr}`);
  await stack.drain();
  await dropDepositJobs();
  stack.resume('Deposit');
});
afterAll(async () => {
  await stack?.stop();
  await simulator?.close();
  await own?.stop();
  removeTempDirs();
});

describe('colophon register', () => {
  it('before: status and register --dry-run name every DOI ready, as the ledger (empty) implies, and send nothing', async () => {
    // Act
    const status = await runCli(['status', ISSUE, ...depositing]);
    const dry = await runCli(['register', ISSUE, '--dry-run', ...depositing]);

    // Assess
    expect(await ledgerStates()).toEqual(Object.fromEntries(DOIS.map((d) => [d, undefined])));
    expect(statusStates(status.stdout)).toEqual(Object.fromEntries(DOIS.map((d) => [d, 'ready'])));
    expect(status.stdout).toContain('  ready: Crossref does not have this DOI yet: colophon register sends it\n');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('testjournal/2024-12-3: 4 DOIs (4 ready); 4 to register\n');
    for (const doi of DOIS) expect(dry.stdout).toContain(`  ${doi}  ready: would be sent (Crossref does not have this DOI yet)\n`);
    expect(dry.stdout).toMatch(/dry run: nothing was sent; colophon register \S+ would send 4 DOIs\n$/);
    expect(simulator.requests.deposit).toBe(0);
  });

  it('on a stage that does not send deposits, says so and what to do, and sends nothing (exit 2)', async () => {
    // Act
    const run = await runCli(['register', ISSUE, ...dryRunStage, ...FAST]);
    await stack.drain();

    // Assess
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does not send deposits to Crossref (its Crossref mode is dry-run): nothing was sent. Restart it with COLOPHON_CROSSREF=simulator npm start');
    expect(simulator.requests.deposit).toBe(0);
    expect(await ledgerStates()).toEqual(Object.fromEntries(DOIS.map((d) => [d, undefined])));
  });

  it('registers every DOI Crossref lacks with one command, in plain lines, and waits for the answer', async () => {
    // Act
    const run = await runCli(['register', ISSUE, ...depositing, ...FAST]);
    await stack.drain();

    // Assess
    expect(errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('testjournal/2024-12-3: 4 DOIs handed to the stage\'s Deposit function; waiting for Crossref\'s answer\n');
    for (const doi of DOIS) expect(run.stderr).toMatch(new RegExp(`^testjournal/2024-12-3 ${doi.replace(/\./g, '\\.')}: registered: Successfully (added|updated)$`, 'm'));
    expect(run.stdout).toMatch(/4 of 4 DOIs registered with Crossref\n$/);
    noJsonLines(run.stdout);
    noJsonLines(run.stderr);
    expect(simulator.requests.deposit).toBe(1);
    expect(DOIS.map((d) => simulator.accepted(d))).toEqual(DOIS.map(() => 1));
    expect(await ledgerStates()).toEqual(Object.fromEntries(DOIS.map((d) => [d, 'registered'])));
  });

  it('after: status, register --dry-run and the ledger agree that Crossref has everything; a second register sends nothing', async () => {
    // Act
    const status = await runCli(['status', ISSUE, ...depositing]);
    const dry = await runCli(['register', ISSUE, '--dry-run', ...depositing]);
    const again = await runCli(['register', ISSUE, ...depositing, ...FAST]);

    // Assess
    expect(statusStates(status.stdout)).toEqual(Object.fromEntries(DOIS.map((d) => [d, 'registered'])));
    expect(status.stdout).not.toMatch(/ready|stale|update due/);
    expect(dry.stdout).toContain('testjournal/2024-12-3: 4 DOIs (4 registered); nothing to register\n');
    expect(dry.stdout).toMatch(/dry run: nothing to send\n$/);
    expect(again.code).toBe(0);
    expect(simulator.requests.deposit).toBe(1);
  });
});
