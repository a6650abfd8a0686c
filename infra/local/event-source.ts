/**
 * An SQS event source mapping, as Lambda runs one: poll the queue, hand the function a batch
 * (up to BatchSize, within MaximumBatchingWindowInSeconds), delete what succeeded. With
 * ReportBatchItemFailures only the items the function names stay on the queue; an error or an
 * invalid response leaves the whole batch. What stays comes back after the visibility timeout,
 * and the queue's redrive policy moves it to the dead-letter queue after maxReceiveCount receives.
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ChangeMessageVisibilityBatchCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { LocalLambda } from './lambda.ts';
import type { LocalMapping, LocalQueue } from './model.ts';
import { LOCAL_REGION } from './paths.ts';

/** SQS: at most 10 messages per ReceiveMessage and per batch delete. */
const SQS_BATCH = 10;
/** Pause between empty receives while a batching window is open. */
const EMPTY_POLL_PAUSE_MS = 100;

export type MappingOptions = {
  /** Pollers (concurrent batches) for this mapping; Lambda starts with five. */
  readonly pollers: number;
  /** Visibility given to failed messages; Lambda leaves them to the queue's own timeout (the default). */
  readonly retryAfterSeconds?: number;
  readonly onError: (message: string, error: unknown) => void;
};

function toRecord(message: Message, queue: LocalQueue): SQSRecord {
  const attrs = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attrs.ApproximateReceiveCount ?? '1',
      SentTimestamp: attrs.SentTimestamp ?? String(Date.now()),
      SenderId: attrs.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attrs.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, a]) => [name, { dataType: a.DataType ?? 'String', stringListValues: [], binaryListValues: [], ...(a.StringValue === undefined ? {} : { stringValue: a.StringValue }) }]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: LOCAL_REGION,
  };
}

/** The message ids a response says failed; undefined when the response is not a valid one (then all failed). */
export function reportedFailures(result: unknown, ids: ReadonlySet<string>): Set<string> | undefined {
  if (result === null || result === undefined || result === '') return new Set();
  if (typeof result !== 'object' || !('batchItemFailures' in result)) return new Set();
  const failures = (result as { batchItemFailures: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return new Set();
  if (!Array.isArray(failures)) return undefined;
  const out = new Set<string>();
  for (const f of failures) {
    const id = (f as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !ids.has(id)) return undefined;
    out.add(id);
  }
  return out;
}

export class EventSourceMapping {
  private stopped = false;
  private pausedFlag = false;
  private parked = 0;
  private loops: Promise<void>[] = [];
  private active = 0;

  constructor(
    readonly mapping: LocalMapping,
    readonly queue: LocalQueue,
    private readonly lambda: LocalLambda,
    private readonly sqs: SQSClient,
    private readonly options: MappingOptions,
  ) {}

  /** True while a batch is being received or processed. */
  get busy(): boolean {
    return this.active > 0;
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  /** Stops receiving, like disabling the mapping (`Enabled: false`): resolves once batches in hand are done. */
  async pause(): Promise<void> {
    this.pausedFlag = true;
    while (this.parked < this.loops.length && !this.stopped) await sleep(20);
  }

  resume(): void {
    this.pausedFlag = false;
  }

  start(): void {
    this.loops = Array.from({ length: this.options.pollers }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.pausedFlag) {
        this.parked++;
        while (this.pausedFlag && !this.stopped) await sleep(50);
        this.parked--;
        continue;
      }
      try {
        const messages = await this.receive();
        if (messages.length > 0) await this.process(messages);
      } catch (error) {
        if (this.stopped) return;
        this.options.onError(`${this.queue.logicalId} → ${this.lambda.fn.logicalId}: polling failed`, error);
        await sleep(1000);
      }
    }
  }

  private async receive(): Promise<Message[]> {
    const messages: Message[] = [];
    const deadline = performance.now() + this.mapping.maxBatchingWindowSeconds * 1000;
    for (;;) {
      const wait = messages.length === 0 ? 1 : 0;
      const out = await this.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: this.queue.url, MaxNumberOfMessages: Math.min(SQS_BATCH, this.mapping.batchSize - messages.length), WaitTimeSeconds: wait, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }),
      );
      const got = out.Messages ?? [];
      if (got.length > 0 && messages.length === 0) this.active++;
      messages.push(...got);
      if (this.stopped || messages.length >= this.mapping.batchSize || performance.now() >= deadline) return messages;
      if (got.length === 0) {
        // Without a window an empty receive ends the batch; with one, Lambda keeps gathering
        // until the window closes (or the batch is full), so bursts arrive as one invocation.
        if (messages.length === 0 || this.mapping.maxBatchingWindowSeconds === 0) return messages;
        await sleep(Math.min(EMPTY_POLL_PAUSE_MS, Math.max(0, deadline - performance.now())));
      }
    }
  }

  private async process(messages: Message[]): Promise<void> {
    try {
      const event: SQSEvent = { Records: messages.map((m) => toRecord(m, this.queue)) };
      const outcome = await this.lambda.invoke(event);
      const ids = new Set(event.Records.map((r) => r.messageId));
      const failed = outcome.ok && this.mapping.reportBatchItemFailures ? (reportedFailures(outcome.result, ids) ?? ids) : outcome.ok ? new Set<string>() : ids;
      if (!outcome.ok) this.options.onError(`${this.lambda.fn.logicalId} failed a batch of ${messages.length}`, new Error(`${outcome.error.errorType}: ${outcome.error.errorMessage}`));
      const done = messages.filter((m) => !failed.has(m.MessageId!));
      const retry = messages.filter((m) => failed.has(m.MessageId!));
      for (let i = 0; i < done.length; i += SQS_BATCH) {
        await this.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: this.queue.url, Entries: done.slice(i, i + SQS_BATCH).map((m, k) => ({ Id: String(k), ReceiptHandle: m.ReceiptHandle! })) }));
      }
      if (this.options.retryAfterSeconds !== undefined) {
        for (let i = 0; i < retry.length; i += SQS_BATCH) {
          const entries = retry.slice(i, i + SQS_BATCH).map((m, k) => ({ Id: String(k), ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: this.options.retryAfterSeconds! }));
          await this.sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: this.queue.url, Entries: entries }));
        }
      }
    } finally {
      this.active--;
    }
  }
}
