/** Sends jobs to one SQS queue as JSON, ten to a request (SendMessageBatch's limit), reporting any it refused. */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueError } from './errors.ts';

/** SQS: "a maximum of 10 messages" per SendMessageBatch. */
const BATCH_LIMIT = 10;

export type QueueSender<T> = { readonly queueUrl: string; send(jobs: readonly T[]): Promise<void> };

export function createQueueSender<T>(sqs: SQSClient, queueUrl: string): QueueSender<T> {
  async function sendChunk(chunk: readonly T[]): Promise<void> {
    let failed: string[];
    try {
      const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: chunk.map((job, k) => ({ Id: String(k), MessageBody: JSON.stringify(job) })) }));
      failed = (out.Failed ?? []).map((f) => `${f.Id ?? '?'}: ${f.Code ?? ''} ${f.Message ?? ''}`);
    } catch (error) {
      throw new QueueError(`${queueUrl}: could not send ${chunk.length} message(s)`, { cause: error });
    }
    if (failed.length > 0) throw new QueueError(`${queueUrl}: ${failed.length} message(s) refused: ${failed.join('; ')}`);
  }

  /** All chunks at once: an issue's render jobs are a few round trips' worth, not a sequence of them. */
  async function send(jobs: readonly T[]): Promise<void> {
    const chunks: T[][] = [];
    for (let start = 0; start < jobs.length; start += BATCH_LIMIT) chunks.push(jobs.slice(start, start + BATCH_LIMIT));
    await Promise.all(chunks.map(sendChunk));
  }
  return { queueUrl, send };
}
