/**
 * One article cannot be rendered: its head record in the table is corrupt (as a bad migration or a
 * hand edit would leave it). The other articles complete; its message is retried up to the queue's
 * maxReceiveCount and then sits in RenderDlq, and the reason is on the article's record.
 */
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishSources } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources, FIXTURE_DOIS } from './fixtures.ts';
import { queueBodies, siteKeys, tableItems } from './inspect.ts';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(() => stage.stop());

it('sends the article that cannot render to the DLQ with its reason while the others complete', async () => {
  // Prepare: hold the render jobs, then corrupt one article's record before Render reads it.
  await stage.stack.pause('Render');
  await publishSources(stage.stack, fixtureSources());
  await stage.stack.drain();
  const bad = FIXTURE_DOIS[1];
  await stage.stack.clients.documents.send(
    new UpdateCommand({ TableName: stage.stack.table('RecordsTable'), Key: { pk: `ART#${bad}`, sk: 'HEAD' }, UpdateExpression: 'SET #r = :r', ExpressionAttributeNames: { '#r': 'recordGz' }, ExpressionAttributeValues: { ':r': Buffer.from('{"journal":') } }),
  );

  // Act
  stage.stack.resume('Render');
  await stage.stack.drain();

  // Assess
  const dlq = (await queueBodies(stage.stack, 'RenderDlq')).map((b) => JSON.parse(b) as { doi: string });
  expect(dlq.map((j) => j.doi)).toEqual([bad]);
  const heads = (await tableItems(stage.stack)).filter((i) => i.sk === 'HEAD');
  const render = Object.fromEntries(heads.map((h) => [String(h.doi), h.render as { status: string; reason?: string; attempt?: number }]));
  expect(render[bad]).toMatchObject({ status: 'failed', attempt: 3 });
  expect(render[bad]!.reason).toMatch(/^RecordCorruptError: record of 10\.5555\/sbt\.2024\.002 is not JSON/);
  expect(render[FIXTURE_DOIS[0]]!.status).toBe('done');
  expect(render[FIXTURE_DOIS[2]]!.status).toBe('done');
  const keys = await siteKeys(stage.stack);
  expect(keys).toContain(`doi/${FIXTURE_DOIS[0]}/index.html`);
  expect(keys).toContain(`doi/${FIXTURE_DOIS[2]}/index.html`);
  expect(keys.some((k) => k.startsWith(`doi/${bad}/`))).toBe(false);
});

it('moves a message that is not a render job to the DLQ after three receives', async () => {
  // Prepare
  const renderQueue = stage.stack.queue('RenderQueue');

  // Act
  await stage.stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: renderQueue.url, MessageBody: 'not json' }));
  await stage.stack.drain();

  // Assess
  expect(await queueBodies(stage.stack, 'RenderDlq')).toEqual(['not json']);
  const poison = stage.logs.filter((l) => l.fn === 'Render' && l.line.message === 'poison message');
  expect(poison.map((l) => l.line.attempt)).toEqual([1, 2, 3]);
});
