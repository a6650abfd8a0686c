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

it('writes one object per batch, the manifest with every YAML file\'s text in it (issue 16: one S3 PUT, not one per file)', async () => {
  // Prepare
  const inbox = createObjectStore(stage.stack.clients.s3, stage.stack.bucket('InboxBucket'));
  const sources = fixtureSources()[0]!;

  // Act
  const { manifestKey: key } = await uploadIssue(inbox, sources, 'batch-one-object');

  // Assess: before, journal.yaml, issue.yaml and one object per article sat beside the manifest
  expect(await inbox.list('inbox/testjournal/2024-12-3/batch-one-object/')).toEqual([key]);
  const manifest = JSON.parse((await inbox.getText(key))!) as { files: { articles: { path: string; text: string }[] } };
  expect(manifest.files.articles.map((a) => a.text)).toEqual(sources.issues[0]!.articles.map((a) => a.text));
});

it('reads a batch made before, whose YAML files sit beside the manifest, named by key', async () => {
  // Prepare: the layout uploadIssue wrote until issue 16
  const inbox = createObjectStore(stage.stack.clients.s3, stage.stack.bucket('InboxBucket'));
  const sources = fixtureSources()[0]!;
  const issue = sources.issues[0]!;
  const base = 'inbox/testjournal/2024-12-3/batch-old';
  const articles = issue.articles.map((a) => ({ key: `${base}/articles/${a.path.replace(/^.*\//, '')}`, path: a.path, text: a.text }));
  for (const [key, text] of [[`${base}/journal.yaml`, sources.journal.text], [`${base}/issue.yaml`, issue.issue.text], ...articles.map((a) => [a.key, a.text])] as const) await inbox.put(key, text, { contentType: 'application/yaml; charset=utf-8' });
  const manifest = { format: 1, batchId: 'batch-old', journal: sources.id, issue: issue.id, files: { journal: { key: `${base}/journal.yaml`, path: sources.journal.path }, issue: { key: `${base}/issue.yaml`, path: issue.issue.path }, articles: articles.map(({ key, path }) => ({ key, path })), attached: [] } };
  await inbox.put(`${base}/_publish.json`, JSON.stringify(manifest), { contentType: 'application/json' });

  // Act
  const read = await readIssue(inbox, `${base}/_publish.json`);

  // Assess
  expect(read).toEqual({ ok: true, manifest: expect.objectContaining({ batchId: 'batch-old' }), sources });
});
