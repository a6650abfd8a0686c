/** The queue sender against fauxqs, and the inbox layout round trip against s3rver. */
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createObjectStore } from '#adapters/object-store';
import { isManifestKey, readIssue, uploadIssue } from '#adapters/inbox';
import { createQueueSender } from '#adapters/queue';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources } from '../integration/fixtures.ts';

let stage: TestStage;
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(() => stage.stop());

it('sends any number of jobs, ten to a request', async () => {
  // Prepare: a queue nothing consumes.
  const queue = stage.stack.queue('SiteDlq');
  const sender = createQueueSender<{ n: number }>(stage.stack.clients.sqs, queue.url);

  // Act
  await sender.send(Array.from({ length: 23 }, (_, n) => ({ n })));

  // Assess
  const received: number[] = [];
  for (let round = 0; round < 10 && received.length < 23; round++) {
    const out = await stage.stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, VisibilityTimeout: 300 }));
    received.push(...(out.Messages ?? []).map((m) => (JSON.parse(m.Body!) as { n: number }).n));
  }
  expect(received.sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, n) => n));
});

it('uploads an issue with its manifest last and reads back the same sources', async () => {
  // Prepare
  const inbox = createObjectStore(stage.stack.clients.s3, stage.stack.bucket('InboxBucket'));
  const sources = fixtureSources()[0]!;

  // Act
  const { manifestKey: key } = await uploadIssue(inbox, sources, 'batch-1');
  const read = await readIssue(inbox, key);

  // Assess
  expect(key).toBe('inbox/testjournal/2024-12-3/batch-1/_publish.json');
  expect(isManifestKey(key)).toBe(true);
  expect(read).toEqual({ ok: true, manifest: expect.objectContaining({ batchId: 'batch-1', journal: 'testjournal', issue: '2024-12-3' }), sources });
  expect(await readIssue(inbox, 'inbox/testjournal/2024-12-3/none/_publish.json')).toEqual({ ok: false, reason: 'inbox/testjournal/2024-12-3/none/_publish.json does not exist' });
});
