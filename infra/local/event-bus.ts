/**
 * The default EventBridge bus, locally: S3 "Object Created" events from buckets that send to
 * EventBridge, and schedule rules. A matching rule invokes its Lambda targets asynchronously,
 * retrying a failed invocation up to the target's MaximumRetryAttempts, then sending the event
 * to the target's dead-letter queue, as EventBridge does.
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
  readonly delivered: { rule: string; target: string; ok: boolean; attempts: number }[] = [];

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
  async fireSchedules(at?: Date): Promise<void> {
    await Promise.all(this.rules.filter((r) => r.schedule).map((rule) => this.deliver(rule, scheduledEvent(rule, at))));
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

  private async invoke(rule: LocalRule, target: RuleTarget, event: unknown): Promise<void> {
    const lambda = this.lambdas.get(target.functionName);
    if (!lambda) return this.options.onError(`${rule.logicalId}: no function ${target.functionName}`, undefined);
    this.inFlight++;
    try {
      let attempts = 0;
      for (;;) {
        attempts++;
        const outcome = await lambda.invoke(event);
        if (outcome.ok) {
          this.delivered.push({ rule: rule.logicalId, target: lambda.fn.logicalId, ok: true, attempts });
          return;
        }
        this.options.onError(`${rule.logicalId} → ${lambda.fn.logicalId} failed (attempt ${attempts})`, new Error(`${outcome.error.errorType}: ${outcome.error.errorMessage}`));
        if (attempts > target.retryAttempts) break;
        await sleep(this.options.retryDelayMs(attempts));
      }
      this.delivered.push({ rule: rule.logicalId, target: lambda.fn.logicalId, ok: false, attempts });
      const dlq = this.queues.find((q) => q.arn === target.deadLetterArn);
      if (dlq) await this.sqs.send(new SendMessageCommand({ QueueUrl: dlq.url, MessageBody: JSON.stringify(event) }));
    } catch (error) {
      this.options.onError(`${rule.logicalId} → ${target.functionName}: delivery failed`, error);
    } finally {
      this.inFlight--;
    }
  }
}
