/**
 * The stand-in follows AWS where a failing asynchronous function is concerned (issue 12, Medium 6).
 * EventBridge delivers a rule's event to Lambda's asynchronous invocation; its target DLQ gets only
 * events that cannot be delivered. A function error is retried by Lambda (MaximumRetryAttempts,
 * two by default) and then goes to the function's on-failure destination as a destination record,
 * or is dropped. On main the stand-in retried the target's MaximumRetryAttempts (4) times and sent
 * the event to the target DLQ, which hid that on AWS the failed Ingest would vanish.
 * A real worker runs a function that fails; the queues are the SQS emulator's.
 */
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '#infra/local/event-bus';
import { LocalLambda } from '#infra/local/lambda';
import { ASYNC_DEFAULTS, localModel, type AsyncInvokeConfig, type LocalFunction, type LocalQueue, type LocalRule } from '#infra/local/model';
import { CDK_OUT, LOCAL_CREDENTIALS, LOCAL_REGION, ROOT } from '#infra/local/paths';
import { startSqs, type SqsEmulator } from '#infra/local/sqs';
import { ensureSynth } from '#infra/local/synth';
import { readStacks } from '#infra/local/template';

let sqs: SqsEmulator;
let client: SQSClient;
const lambdas: LocalLambda[] = [];
beforeAll(async () => {
  sqs = await startSqs();
  client = new SQSClient({ endpoint: sqs.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, useQueueUrlAsEndpoint: false });
});
afterAll(async () => {
  for (const l of lambdas) await l.stop();
  client.destroy();
  await sqs.stop();
});

async function queue(name: string): Promise<LocalQueue> {
  const { QueueUrl: url } = await client.send(new CreateQueueCommand({ QueueName: name }));
  const arn = (await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  return { logicalId: name, name, url: url!, arn, attributes: {}, visibilityTimeout: 30 };
}

const bodies = async (q: LocalQueue): Promise<string[]> => ((await client.send(new ReceiveMessageCommand({ QueueUrl: q.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }))).Messages ?? []).map((m) => m.Body ?? '');

function failing(name: string, async: AsyncInvokeConfig): LocalLambda {
  const fn: LocalFunction = { logicalId: name, name, arn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${name}`, file: `${ROOT}/tests/fixtures/lambda/fails.mjs`, exportName: 'handler', environment: {}, timeoutSeconds: 10, memoryMb: 128, async, role: { logicalId: 'Role', name: 'role', statements: [] } };
  const lambda = new LocalLambda(fn, {}, { concurrency: 1, log: () => {} });
  lambdas.push(lambda);
  return lambda;
}

/** A rule whose one target is `functionName`, retried 4 times by EventBridge into `dlq`, as the InboxPublished rule. */
const rule = (functionName: string, dlq: LocalQueue): LocalRule => ({ logicalId: 'InboxPublished', name: 'inbox-published', schedule: 'rate(1 day)', targets: [{ functionName, retryAttempts: 4, deadLetterArn: dlq.arn }] });

describe('asynchronous invocation on the stand-in', () => {
  it('retries a function error twice, then sends a destination record to the on-failure destination, not the rule\'s DLQ', async () => {
    // Prepare
    const [dlq, failures] = [await queue('target-dlq-1'), await queue('ingest-failures-1')];
    const lambda = failing('ingest-1', { ...ASYNC_DEFAULTS, onFailureArn: failures.arn });
    const errors: string[] = [];
    const bus = new EventBus([rule('ingest-1', dlq)], [], [dlq, failures], new Map([['ingest-1', lambda]]), client, { retryDelayMs: () => 10, onError: (m) => errors.push(m) });
    // Act
    await bus.fireSchedules();
    // Assess
    expect(lambda.stats.invocations).toBe(3);
    expect(await bodies(dlq)).toEqual([]);
    const [record] = (await bodies(failures)).map((b) => JSON.parse(b) as Record<string, Record<string, unknown>>);
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: { functionArn: `${lambda.fn.arn}:$LATEST`, condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { 'detail-type': 'Scheduled Event', source: 'aws.events' },
      responseContext: { functionError: 'Unhandled' },
      responsePayload: { errorType: 'TypeError', errorMessage: 'the records table is unreachable' },
    });
    expect(bus.delivered).toEqual([{ rule: 'InboxPublished', target: 'ingest-1', ok: true, attempts: 1 }]);
  });

  it('drops the event without an on-failure destination, as Lambda does, and says so', async () => {
    // Prepare
    const dlq = await queue('target-dlq-2');
    const lambda = failing('ingest-2', { retryAttempts: 1, maxEventAgeSeconds: 3600 });
    const errors: string[] = [];
    const bus = new EventBus([rule('ingest-2', dlq)], [], [dlq], new Map([['ingest-2', lambda]]), client, { retryDelayMs: () => 10, onError: (m) => errors.push(m) });
    // Act
    await bus.fireSchedules();
    // Assess
    expect(lambda.stats.invocations).toBe(2);
    expect(await bodies(dlq)).toEqual([]);
    expect(errors.at(-1)).toBe('ingest-2: the event is dropped after 2 attempts: the function has no on-failure destination');
  });

  it('sends the rule\'s event to its DLQ only when it cannot be delivered (no such function)', async () => {
    // Prepare
    const dlq = await queue('target-dlq-3');
    const bus = new EventBus([rule('gone', dlq)], [], [dlq], new Map(), client, { retryDelayMs: () => 10, onError: () => {} });
    // Act
    await bus.fireSchedules();
    // Assess
    expect((await bodies(dlq)).map((b) => (JSON.parse(b) as { source: string }).source)).toEqual(['aws.events']);
  });

  it('reads each function\'s EventInvokeConfig from the synthesized stage: Ingest, Site and Deposit have their on-failure queues', async () => {
    // Prepare
    await ensureSynth({ cdkOut: CDK_OUT });
    // Act
    const model = localModel(readStacks(CDK_OUT, 'local'), { prefix: '', queueUrl: (name) => `http://local/${name}`, siteHost: '127.0.0.1:1' }, CDK_OUT);
    const arnOf = (id: string): string => model.queues.find((q) => q.logicalId === id)!.arn;
    const configOf = (id: string): AsyncInvokeConfig => model.functions.find((f) => f.logicalId === id)!.async;
    // Assess
    for (const fn of ['Ingest', 'Site', 'Deposit']) expect(configOf(fn)).toEqual({ retryAttempts: 2, maxEventAgeSeconds: 21600, onFailureArn: arnOf(`${fn}Failures`) });
    expect(configOf('Render')).toEqual(ASYNC_DEFAULTS);
  });
});
