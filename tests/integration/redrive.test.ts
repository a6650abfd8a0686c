/**
 * `colophon redrive` (issue 12): a render job dead-lettered while its record was broken is moved
 * back once the record is mended, and the article is rendered; nothing is left in the DLQ.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { removeTempDirs, runCli, tempDir } from '#tests/cli/run';
import { cliStateFlags, startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources, FIXTURE_DOIS } from './fixtures.ts';
import { queueBodies, siteKeys } from './inspect.ts';

/** A loaded machine (several test runs at once) may take minutes: the wait is a ceiling, not an expectation. */
const SETTLE = { timeoutMs: 240_000 };

let stage: TestStage;
let state: string[];
beforeAll(async () => {
  stage = await startTestStage();
  state = [...cliStateFlags(stage, tempDir()), '--endpoint-sqs', stage.endpoints.sqs];
});
afterAll(async () => {
  await stage.stop();
  removeTempDirs();
});

it('moves a dead-lettered render job back once its cause is fixed, and the article is rendered', async () => {
  // Prepare: one article's record is broken while Render runs, so its job ends in RenderDlq.
  const table = stage.stack.table('RecordsTable');
  const bad = FIXTURE_DOIS[1];
  const key = { pk: `ART#${bad}`, sk: 'HEAD' };
  await stage.stack.pause('Render');
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain(SETTLE);
  const good = (await stage.stack.clients.documents.send(new GetCommand({ TableName: table, Key: key }))).Item!;
  await stage.stack.clients.documents.send(new UpdateCommand({ TableName: table, Key: key, UpdateExpression: 'SET #r = :r', ExpressionAttributeNames: { '#r': 'recordGz' }, ExpressionAttributeValues: { ':r': Buffer.from('{"journal":') } }));
  stage.stack.resume('Render');
  await stage.stack.drain(SETTLE);
  const dry = await runCli(['redrive', 'render', '--dry-run', ...state]);
  expect(dry.stdout).toContain('render: 1 message in the dead-letter queue (dry run: nothing moved)');
  expect((await siteKeys(stage.stack)).some((k) => k.startsWith(`doi/${bad}/`))).toBe(false);
  // The cause is fixed: the record as it was.
  await stage.stack.clients.documents.send(new PutCommand({ TableName: table, Item: good }));

  // Act
  const run = await runCli(['redrive', 'render', ...state]);
  await stage.stack.drain(SETTLE);

  // Assess
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('render: 1 message moved back to the render queue');
  expect(await queueBodies(stage.stack, 'RenderDlq')).toEqual([]);
  expect(await siteKeys(stage.stack)).toContain(`doi/${bad}/index.html`);
  const head = (await stage.stack.clients.documents.send(new GetCommand({ TableName: table, Key: key }))).Item!;
  expect((head.render as { status: string }).status).toBe('done');
  expect(stage.errors.filter((e) => e.includes('AccessDenied'))).toEqual([]);
}, 900_000);

it('refuses a queue it does not know, naming the ones it does', async () => {
  // Act
  const run = await runCli(['redrive', 'ingest', ...state]);

  // Assess
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('no dead-letter queue named ingest: use render, site, deposit');
});
