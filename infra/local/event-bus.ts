/**
 * The default EventBridge bus, locally: S3 "Object Created" events from buckets that send to
 * EventBridge, and schedule rules. A matching rule hands the event to its Lambda targets'
 * asynchronous invocation; the target's retry policy and dead-letter queue are for events that
 * cannot be delivered, while a function error is retried by Lambda and then sent to the
 * function's on-failure destination (or dropped without one), as on AWS.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { S3Event } from 'aws-lambda';
import { matchesPattern } from './event-pattern.ts';
import type { LocalLambda } from './lambda.ts';
import type { LocalBucket, LocalQueue, LocalRule, RuleTarget } from './model.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './paths.ts';

export type BusEvent = { readonly version: '0'; readonly id: string; readonly 'detail-type': string; readonly source: string; readonly account: string; readonly time: string; readonly region: string; readonly resources: string[]; readonly detail: Record<string, unknown> };

/** An S3 notification record as the EventBridge event S3 sends for it (keys are not URL-encoded there). */
export function objectCreatedEvent(record: S3Event['Records'][number]): BusEvent {
  const { bucket, object } = record.s3;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: LOCAL_ACCOUNT,
    time: record.eventTime,
    region: LOCAL_REGION,
    resources: [`arn:aws:s3:::${bucket.name}`],
    detail: { version: '0', bucket: { name: bucket.name }, object: { key: object.key, size: object.size, etag: object.eTag, sequencer: object.sequencer }, 'request-id': randomUUID(), requester: LOCAL_ACCOUNT, reason: 'PutObject' },
  };
}

export function scheduledEvent(rule: LocalRule, at: Date = new Date()): BusEvent {
  // EventBridge's `time` has whole seconds: 2030-12-15T00:15:00Z.
  const time = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { version: '0', id: randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.events', account: LOCAL_ACCOUNT, time, region: LOCAL_REGION, resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT}:rule/${rule.name}`], detail: {} };
}

/** `rate(15 minutes)` → milliseconds; cron expressions are fired only on request. */
export function rateMs(expression: string): number | undefined {
  const match = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (!match) return undefined;
  const unit = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[match[2]!.replace(/s$/, '') as 'minute' | 'hour' | 'day'];
  return Number(match[1]) * unit;
}

export type BusOptions = {
  /** Pause before retry n (1-based); EventBridge backs off exponentially, locally it is kept short. */
  readonly retryDelayMs: (attempt: number) => number;
  readonly onError: (message: string, error: unknown) => void;
};

export class EventBus {
  private inFlight = 0;
  private timers: NodeJS.Timeout[] = [];
  /** What EventBridge did with each event: delivered to Lambda (ok), or not (no such function). */
  readonly delivered: { rule: string; target: string; ok: boolean; attempts: number }[] = [];
  /** How each asynchronous invocation ended, after Lambda's retries. */
  readonly asyncOutcomes: { fn: string; ok: boolean; attempts: number }[] = [];

  constructor(
    private readonly rules: readonly LocalRule[],
    private readonly buckets: readonly LocalBucket[],
    private readonly queues: readonly LocalQueue[],
    private readonly lambdas: ReadonlyMap<string, LocalLambda>,
    private readonly sqs: SQSClient,
    private readonly options: BusOptions,
  ) {}

  get busy(): boolean {
    return this.inFlight > 0;
  }

  /** An object event from the S3 emulator: only buckets of this stage with EventBridge on send it. */
  fromS3(event: S3Event): void {
    for (const record of event.Records ?? []) {
      const bucket = this.buckets.find((b) => b.name === record.s3.bucket.name);
      if (bucket?.eventBridge && record.eventName.startsWith('ObjectCreated:')) this.put(objectCreatedEvent(record));
    }
  }

  /** PutEvents: every rule whose pattern matches gets the event. */
  put(event: BusEvent): void {
    for (const rule of this.rules) if (rule.pattern && matchesPattern(rule.pattern, event)) this.deliver(rule, event);
  }

  /** Fires every schedule rule now (tests, the bench, and `npm start` at start-up); `at` is the event's time (tests choose it: no sleeping). */
  async fireSchedules(at?: Date, only?: (rule: { readonly logicalId: string; readonly schedule: string }) => boolean): Promise<void> {
    const due = this.rules.filter((r): r is LocalRule & { schedule: string } => r.schedule !== undefined && (only === undefined || only({ logicalId: r.logicalId, schedule: r.schedule })));
    await Promise.all(due.map((rule) => this.deliver(rule, scheduledEvent(rule, at))));
  }

  startSchedules(): void {
    for (const rule of this.rules) {
      const every = rule.schedule === undefined ? undefined : rateMs(rule.schedule);
      if (every !== undefined) this.timers.push(setInterval(() => void this.deliver(rule, scheduledEvent(rule)), every));
    }
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  private deliver(rule: LocalRule, event: BusEvent): Promise<void> {
    return Promise.all(rule.targets.map((t) => this.invoke(rule, t, t.input === undefined ? event : JSON.parse(t.input)))).then(() => undefined);
  }

  /**
   * EventBridge hands the event to Lambda's asynchronous invocation: that is the delivery, and its
   * retry policy and the target's DLQ apply only when Lambda cannot take the event (here: no such
   * function). What the function then does with it is Lambda's business (invokeAsync), not the
   * rule's: a function error never reaches the target's DLQ.
   * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
   */
  private async invoke(rule: LocalRule, target: RuleTarget, event: unknown): Promise<void> {
    const lambda = this.lambdas.get(target.functionName);
    this.inFlight++;
    try {
      if (!lambda) {
        this.options.onError(`${rule.logicalId}: no function ${target.functionName}; the event goes to the target's dead-letter queue`, undefined);
        this.delivered.push({ rule: rule.logicalId, target: target.functionName, ok: false, attempts: 1 });
        const dlq = this.queues.find((q) => q.arn === target.deadLetterArn);
        if (dlq) await this.sqs.send(new SendMessageCommand({ QueueUrl: dlq.url, MessageBody: JSON.stringify(event) }));
        return;
      }
      this.delivered.push({ rule: rule.logicalId, target: lambda.fn.logicalId, ok: true, attempts: 1 });
      await this.invokeAsync(lambda, event);
    } catch (error) {
      this.options.onError(`${rule.logicalId} → ${target.functionName}: delivery failed`, error);
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Lambda's asynchronous invocation: a function error is retried up to the function's
   * MaximumRetryAttempts (two by default; Lambda waits a minute, then two; locally `retryDelayMs`)
   * while the event is younger than MaximumEventAgeInSeconds; then the event goes to the on-failure
   * destination as a destination record, or, without one, is dropped, as on AWS.
   * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
   * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
   */
  private async invokeAsync(lambda: LocalLambda, event: unknown): Promise<void> {
    const { retryAttempts, maxEventAgeSeconds, onFailureArn } = lambda.fn.async;
    const started = Date.now();
    let attempts = 0;
    let condition: 'RetriesExhausted' | 'EventAgeExceeded' = 'RetriesExhausted';
    let error: { errorType: string; errorMessage: string } | undefined;
    for (;;) {
      attempts++;
      const outcome = await lambda.invoke(event);
      if (outcome.ok) {
        this.asyncOutcomes.push({ fn: lambda.fn.logicalId, ok: true, attempts });
        return;
      }
      error = outcome.error;
      this.options.onError(`${lambda.fn.logicalId} failed an asynchronous invocation (attempt ${attempts} of ${retryAttempts + 1})`, new Error(`${error.errorType}: ${error.errorMessage}`));
      if (attempts > retryAttempts) break;
      await sleep(this.options.retryDelayMs(attempts));
      if (Date.now() - started > maxEventAgeSeconds * 1000) {
        condition = 'EventAgeExceeded';
        break;
      }
    }
    this.asyncOutcomes.push({ fn: lambda.fn.logicalId, ok: false, attempts });
    const destination = this.queues.find((q) => q.arn === onFailureArn);
    if (!destination) {
      this.options.onError(`${lambda.fn.logicalId}: the event is dropped after ${attempts} attempts: the function has no on-failure destination`, undefined);
      return;
    }
    const record = {
      version: '1.0',
      timestamp: new Date().toISOString(),
      requestContext: { requestId: randomUUID(), functionArn: `${lambda.fn.arn}:$LATEST`, condition, approximateInvokeCount: attempts },
      requestPayload: event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: error,
    };
    await this.sqs.send(new SendMessageCommand({ QueueUrl: destination.url, MessageBody: JSON.stringify(record) }));
  }
}
