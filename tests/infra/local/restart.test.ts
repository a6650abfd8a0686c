/**
 * `npm start` after a crash (issue 12, Medium 10): messages the killed run had received stay
 * invisible for the queue's visibility timeout (30 min for Deposit), and on main every restart
 * waited 300 s for the queues to drain, then died. Now the restart makes them visible at once and
 * works them off in the background. Here on the SQS emulator with its state on disk, as `.local/` keeps it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/paths';
import { startSqs, type SqsEmulator } from '#infra/local/sqs';

const dir = mkdtempSync(join(tmpdir(), 'colophon-restart-'));
const running: SqsEmulator[] = [];
afterAll(async () => {
  for (const sqs of running) await sqs.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

const clientOf = (sqs: SqsEmulator): SQSClient => new SQSClient({ endpoint: sqs.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, useQueueUrlAsEndpoint: false });
const receive = (client: SQSClient, url: string, wait = 0) => client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: wait, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));

describe('restarting the stand-in after a crash', () => {
  it('gives back within a second the messages the killed run had received, keeping their receive count', async () => {
    // Prepare: a run receives two messages (30 min visibility, as Deposit's queue) and dies holding them.
    const first = await startSqs({ dataDir: join(dir, 'sqs') });
    running.push(first);
    const before = clientOf(first);
    const { QueueUrl: url } = await before.send(new CreateQueueCommand({ QueueName: 'deposit-queue', Attributes: { VisibilityTimeout: '1800' } }));
    for (const body of ['a', 'b', 'c']) await before.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
    const held = await before.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 2, WaitTimeSeconds: 0 }));
    before.destroy();
    await first.stop();
    running.pop();
    // Act: the next start, on the same state.
    const second = await startSqs({ dataDir: join(dir, 'sqs') });
    running.push(second);
    const after = clientOf(second);
    const stuck = await after.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }));
    const released = await second.releaseInflight();
    // Released messages are visible again a second later (sqs.ts); a harvester-style long poll waits for them.
    const back: Awaited<ReturnType<typeof receive>> = { Messages: [], $metadata: {} };
    for (let n = 0; n < 20 && (back.Messages ?? []).length < 3; n += 1) back.Messages!.push(...((await receive(after, url!, 1)).Messages ?? []));
    after.destroy();
    // Assess
    expect(held.Messages).toHaveLength(2);
    expect(stuck.Attributes?.ApproximateNumberOfMessagesNotVisible).toBe('2');
    expect(released).toBe(2);
    const counts = Object.fromEntries((back.Messages ?? []).map((m) => [m.Body, m.Attributes?.ApproximateReceiveCount]));
    expect(counts).toEqual({ a: '2', b: '2', c: '1' });
  });
});
