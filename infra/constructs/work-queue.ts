import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { pinLogicalId } from './logical-id.ts';

/** AWS: a queue feeding Lambda needs a visibility timeout of at least six times the function timeout. */
export const VISIBILITY_PER_FUNCTION_TIMEOUT = 6;
export const MAX_RECEIVE_COUNT = 3;

type Alarms = StageConfig['alarms'];

/** An encrypted, TLS-only queue (SSE-SQS) with the logical id `id`. Queues hold only work in flight, so they go with the stack. */
function secureQueue(scope: Construct, id: string, props: { visibilityTimeout?: Duration; retentionPeriod?: Duration; deadLetterQueue?: Queue }): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    ...(props.visibilityTimeout ? { visibilityTimeout: props.visibilityTimeout } : {}),
    ...(props.retentionPeriod ? { retentionPeriod: props.retentionPeriod } : {}),
    ...(props.deadLetterQueue ? { deadLetterQueue: { queue: props.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT } } : {}),
  });
  pinLogicalId(queue, id);
  return queue;
}

/**
 * A dead-letter queue kept 14 days (SQS's longest), with an alarm as soon as it holds more than
 * `alarms.dlqDepth` messages: a message there is work the pipeline gave up on.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: { alarms: Alarms }) {
    super(scope, id);
    this.queue = secureQueue(this, id, { retentionPeriod: Duration.days(14) });
    this.alarm = new Alarm(this, 'DepthAlarm', {
      alarmDescription: `${id} holds messages the pipeline gave up on`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: props.alarms.dlqDepth,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

export interface WorkQueueProps {
  /** The consuming function's timeout: the visibility timeout is six times it. */
  readonly consumerTimeout: Duration;
  readonly dlqId: string;
  readonly alarms: Alarms;
}

/** A work queue with its dead-letter queue (3 receives), a DLQ depth alarm and an oldest-message-age alarm. */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly dlq: DeadLetterQueue;
  readonly ageAlarm: Alarm;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.dlq = new DeadLetterQueue(this, props.dlqId, { alarms: props.alarms });
    this.queue = secureQueue(this, id, {
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * VISIBILITY_PER_FUNCTION_TIMEOUT),
      deadLetterQueue: this.dlq.queue,
    });
    this.ageAlarm = new Alarm(this, 'AgeAlarm', {
      alarmDescription: `${id} has had a message waiting longer than ${props.alarms.oldestMessageAgeSeconds} s: the pipeline is stuck`,
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: props.alarms.oldestMessageAgeSeconds,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
