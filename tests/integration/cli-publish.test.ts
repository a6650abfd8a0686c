/**
 * `colophon publish` and `colophon status` in this process against the emulators, with the bundled
 * Ingest, Render and Site functions of the local stage. The CLI finds the stage the way it finds
 * `npm start`: from a state file (endpoints, site URL, name prefix) and the synthesized templates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { createObjectStore } from '#adapters/object-store';
import { createRecordsStore } from '#adapters/records';
import type { StatusReport } from '#cli/status-command';
import { copyTree, removeTempDirs, runCli, tempDir } from '#tests/cli/run';
import { cliStateFlags, startTestStage, type TestStage } from '#tests/setup/local-stage';
import { FIXTURE_DIR, FIXTURE_DOIS } from './fixtures.ts';

const SEED = 'metadata/balcanica/L-2019';
const DOI = '10.2298/BALC1950375E';
const FAST = ['--poll', '0.1', '--timeout', '120'];

let stage: TestStage;
let state: string[];
let inboxKeys: () => Promise<string[]>;
/** The batch of each publish of the seed, in order (from the `uploaded … _publish.json` line). */
const seedBatches: string[] = [];
const batchOf = (stderr: string): string => /\/inbox\/balcanica\/L-2019\/(\S+)\/_publish\.json$/m.exec(stderr)?.[1] ?? '';

beforeAll(async () => {
  stage = await startTestStage();
  // The name prefix this test's deployment got: every local name is <prefix>Colophon-local-<stack>-<logical id>.
  state = cliStateFlags(stage, tempDir());
  const inbox = createObjectStore(stage.stack.clients.s3, stage.stack.bucket('InboxBucket'));
  inboxKeys = () => inbox.list('inbox/');
});
afterAll(async () => {
  await stage.stop();
  removeTempDirs();
});

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

describe('colophon publish', () => {
  it('uploads the seed issue and follows its article until it is rendered, then prints its landing page', async () => {
    // Act
    const run = await runCli(['publish', SEED, ...state, ...FAST]);
    seedBatches.push(batchOf(run.stderr));

    // Assess
    const url = `${stage.stack.siteUrl}/doi/${DOI}/`;
    expect(run.stderr).toMatch(/^uploaded balcanica\/L-2019 \(1 article\) to the local stand-in .*: s3:\/\/\S+\/inbox\/balcanica\/L-2019\/\S+\/_publish\.json$/m);
    expect(run.stderr).toMatch(new RegExp(`^balcanica/L-2019 ${DOI}: ingested as version 1, rendering$`, 'm'));
    expect(lastLine(run.stderr)).toBe(`balcanica/L-2019 ${DOI}: rendered version 1 ${url}`);
    expect(run.stdout).toMatch(/^1 of 1 article rendered in \d+\.\d s \(1 rendered\)\n/);
    expect(run.stdout).toContain(`  ${DOI}  ${url}\n`);
    expect(run.stdout).toContain(`  issue balcanica/L-2019  ${stage.stack.siteUrl}/balcanica/issues/L-2019/\n`);
    expect(run.code).toBe(0);
    expect(stage.errors).toEqual([]);
    expect((await fetch(url)).status).toBe(200);
  });

  it('finishes at once when the same metadata is published again: nothing new to render', async () => {
    // Act
    const run = await runCli(['publish', SEED, ...state, ...FAST]);
    seedBatches.push(batchOf(run.stderr));
    await stage.stack.drain();

    // Assess
    expect(run.code).toBe(0);
    expect(lastLine(run.stderr)).toBe(`balcanica/L-2019 ${DOI}: unchanged, version 1 is already rendered ${stage.stack.siteUrl}/doi/${DOI}/`);
    expect(run.stdout).toMatch(/^nothing changed: the article is as published before, already rendered\n/);
    expect(run.stderr).not.toContain('rendering');
  });

  it('refuses an issue with problems before uploading anything', async () => {
    // Prepare
    const tree = copyTree('tests/fixtures/metadata');
    const article = join(tree, 'testjournal/2024-12-3/a02-mueller.yaml');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^doi: .*$/m, 'doi: not-a-doi'));
    const before = await inboxKeys();

    // Act
    const run = await runCli(['publish', join(tree, 'testjournal/2024-12-3'), ...state, ...FAST]);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/a02-mueller\.yaml:\d+:\d+: doi: /);
    expect(lastLine(run.stderr)).toMatch(/problems? in 1 file; nothing was uploaded$/);
    expect(run.stdout).toBe('');
    expect(await inboxKeys()).toEqual(before);
    expect(before.some((k) => k.startsWith('inbox/testjournal/'))).toBe(false);
  });
});

describe('colophon status', () => {
  it('shows the published article rendered, with its URL, as a table and as JSON', async () => {
    // Act
    const table = await runCli(['status', SEED, ...state]);
    const json = await runCli(['status', SEED, ...state, '--json']);

    // Assess
    expect(table.code).toBe(0);
    // The header tells the latest publish (the republish of unchanged files) and when the content last changed (the first).
    const [first, latest] = seedBatches;
    expect(first && latest && first !== latest).toBe(true);
    const time = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ';
    expect(table.stdout).toMatch(new RegExp(`^balcanica/L-2019: 1 article \\(1 rendered\\); published ${time} \\(batch ${latest}\\), metadata last changed ${time} \\(batch ${first}\\)$`, 'm'));
    expect(table.stdout).toMatch(new RegExp(`^  ${DOI.replace(/\./g, '\\.')} +Additional Evidence on the Final Break… +rendered v1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +ready +${stage.stack.siteUrl}/doi/${DOI}/$`, 'm'));
    const report = JSON.parse(json.stdout) as StatusReport;
    expect(report.issues).toEqual([
      expect.objectContaining({
        journalId: 'balcanica',
        issueId: 'L-2019',
        articles: [
          expect.objectContaining({
            doi: DOI,
            render: expect.objectContaining({ state: 'rendered', version: 1 }),
            url: `https://balcanica.rs/doi/${DOI}/`,
            stageUrl: `${stage.stack.siteUrl}/doi/${DOI}/`,
            crossref: { state: 'ready', due: true },
            local: 'same',
          }),
        ],
      }),
    ]);
  });

  it("shows each DOI's Crossref registration from the deposit ledger: state, when, Crossref's message", async () => {
    // Prepare: what the deposit service records when Crossref accepts the DOI.
    const ledger = createDepositLedger({ client: stage.stack.clients.dynamodb, tableName: stage.stack.table('RecordsTable') });
    const at = '2026-03-01T10:00:00.000Z';
    await ledger.reserve({ batchId: 'cli-status-1', fileName: 'cli-status-1.xml', timestamp: '20260301100000000', records: [{ doi: DOI, hash: 'h1' }], at });
    await ledger.settle('cli-status-1', [{ doi: DOI, outcome: 'Success', message: 'Successfully added' }], { submissionId: '1', counts: { records: 1, success: 1, warning: 0, failure: 0 }, at });

    // Act
    const run = await runCli(['status', ...state]);

    // Assess
    expect(run.code).toBe(0);
    // Crossref accepted another form of the record (hash h1), so the published one is still to be sent: stale, as register would say.
    expect(run.stdout).toMatch(new RegExp(`rendered v1 +\\S+ \\S+ +stale +2026-03-01 10:00:00Z +http`));
    expect(run.stdout).toContain(`  ${DOI}: Crossref (stale): Successfully added`);
  });

  it('shows a failed render with its reason and exits 1', async () => {
    // Prepare: the render handler's record of a failure.
    const records = createRecordsStore(stage.stack.clients.documents, stage.stack.table('RecordsTable'));
    await records.markRenderFailed(DOI, 1, 'RecordCorruptError: record of 10.2298/BALC1950375E is not JSON', 3, '2026-03-02T08:00:00.000Z');

    // Act
    const run = await runCli(['status', SEED, ...state]);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAILED v1 +2026-03-02 08:00:00Z/);
    expect(run.stdout).toContain(`  ${DOI}: render failed (attempt 3): RecordCorruptError: record of 10.2298/BALC1950375E is not JSON`);
  });
});

describe('colophon publish when rendering is slow or fails', () => {
  const ISSUE = join(FIXTURE_DIR, '2024-12-3');
  const manifests = async (): Promise<string[]> => (await inboxKeys()).filter((k) => k.startsWith('inbox/testjournal/') && k.endsWith('/_publish.json'));
  /** Waits until the CLI's next manifest is in the inbox and ingest has run on it (Render stays paused). */
  async function ingested(before: readonly string[]): Promise<void> {
    let added: string | undefined;
    for (let tries = 0; added === undefined && tries < 200; tries++) {
      added = (await manifests()).find((k) => !before.includes(k));
      if (added === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (added === undefined) throw new Error('the CLI uploaded no manifest within 10 s');
    await stage.stack.objectSeen(stage.stack.bucket('InboxBucket'), added);
    await stage.stack.drain();
  }

  it('stops following at --timeout with exit 75 and names what is still rendering', async () => {
    // Prepare: hold every render job on its queue.
    await stage.stack.pause('Render');

    // Act: long enough for Ingest to run on a loaded machine (Render is held, so the timeout is
    // certain); with 1 s the "ingested" lines depended on how fast Ingest ran.
    const run = await runCli(['publish', ISSUE, ...state, '--poll', '0.1', '--timeout', '20']);

    // Assess
    expect(run.code).toBe(75);
    for (const doi of FIXTURE_DOIS) expect(run.stderr).toContain(`testjournal/2024-12-3 ${doi}: ingested as version 1, rendering`);
    // In the issue's order: its sections in turn, Articles (pp. 1–28, then article e7) before Book Reviews.
    const inIssueOrder = [FIXTURE_DOIS[0], FIXTURE_DOIS[2], FIXTURE_DOIS[1]];
    expect(lastLine(run.stderr)).toBe(`timed out with 3 articles not rendered yet (${inIssueOrder.join(', ')}); the stage goes on: see colophon status`);
    expect(run.stdout).toMatch(/^0 of 3 articles rendered in \d+\.\d s \(3 rendering\)\n$/);
  });

  it('reports the article whose render fails, with its reason, and the others rendered', async () => {
    // Prepare: publish again (the same files: ingest queues the unrendered versions again), then
    // corrupt one record before Render reads it, as a bad migration or a hand edit would.
    const before = await manifests();
    const publishing = runCli(['publish', ISSUE, ...state, ...FAST]);
    await ingested(before);
    const bad = FIXTURE_DOIS[1];
    await stage.stack.clients.documents.send(
      new UpdateCommand({ TableName: stage.stack.table('RecordsTable'), Key: { pk: `ART#${bad}`, sk: 'HEAD' }, UpdateExpression: 'SET #r = :r', ExpressionAttributeNames: { '#r': 'recordGz' }, ExpressionAttributeValues: { ':r': Buffer.from('{"journal":') } }),
    );

    // Act
    stage.stack.resume('Render');
    const run = await publishing;
    await stage.stack.drain();
    const status = await runCli(['status', ISSUE, ...state]);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^testjournal/2024-12-3 ${bad.replace(/\./g, '\\.')}: FAILED version 1 \\(attempt \\d, [^)]+\\): RecordCorruptError: record of ${bad.replace(/\./g, '\\.')} is not JSON`, 'm'));
    expect(run.stdout).toMatch(/^2 of 3 articles rendered in \d+\.\d s \(/);
    expect(run.stdout).toContain(`  ${FIXTURE_DOIS[0]}  ${stage.stack.siteUrl}/doi/${FIXTURE_DOIS[0]}/\n`);
    expect(run.stdout).toContain(`  FAILED ${bad}: RecordCorruptError: record of ${bad} is not JSON`);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^testjournal\/2024-12-3: 3 articles \(2 rendered, 1 failed\)/m);
    expect(status.stdout).toMatch(new RegExp(`^  ${bad.replace(/\./g, '\\.')}: render failed \\(attempt 3\\): RecordCorruptError`, 'm'));
    // Each article's galleys, and whether the stage serves the very file the folder holds (issue 11).
    expect(status.stdout).toContain(`  ${FIXTURE_DOIS[0]}: galleys: a01-petrovic.pdf (pdf, 1 KB, published)\n`);
  });
});
