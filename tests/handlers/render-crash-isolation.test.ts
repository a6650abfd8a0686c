/**
 * An innocent message after a repeatedly crashing one is not dead-lettered (issue 12). A model of
 * RenderQueue (visibility timeout 12 minutes, maxReceiveCount 3, messages deleted as the event
 * source mapping and `ack` delete them) feeds Render's flow a batch of two: P, whose render never
 * ends (the process dies: a timeout), and I, an innocent article. Before, P and I came back
 * together after each crash, both reached their third receive with P first, and both went to the
 * DLQ. Now each message is held back (ChangeMessageVisibility) just before it is rendered one by
 * one after a crash, so I comes back without P and is rendered; P alone ends in the DLQ.
 */
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Head, Stored } from '#adapters/records';
import { citeproc } from '#core/cite/engine';
import { HOLD_BACK_SECONDS, renderBatch, type RenderDeps } from '#handlers/flows/render';
import { MAX_RECEIVE_COUNT } from '#infra/constructs/work-queue';
import { captureLogger } from './deposit-fakes.ts';

const VISIBILITY_SECONDS = 12 * 60;
type Sqs = { id: string; doi: string; receives: number; visibleAt: number; receipt: number };

const stored = (doi: string): Stored => ({
  meta: { doi, version: 1, hash: 'h', journalId: 'j', issueId: 'i', articleId: doi, batchId: 'b', createdAt: '2026-12-07T00:00:00.000Z', render: { status: 'pending', version: 1 } } as Head,
  record: { journal: { id: 'j' }, issue: { id: 'i' }, article: { doi, id: doi, galleys: [], relations: [] } } as unknown as ArticleRecord,
});

/** Lets every pending promise of the in-memory fakes settle (no I/O here: only microtasks and immediates). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 50; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

async function run(holdBack: boolean) {
  const queue: Sqs[] = [{ id: 'P', doi: '10.5555/poison', receives: 0, visibleAt: 0, receipt: 0 }, { id: 'I', doi: '10.5555/innocent', receives: 0, visibleAt: 0, receipt: 0 }];
  const dlq: string[] = [];
  const rendered: string[] = [];
  let now = 0;
  const live = (id: string) => queue.find((m) => m.id === id);
  const remove = (id: string) => void queue.splice(queue.findIndex((m) => m.id === id), 1);
  const deps: RenderDeps = {
    records: {
      // P's render never ends: the function times out and its environment is gone.
      getHead: async (doi) => (doi === '10.5555/poison' ? new Promise<Stored>(() => undefined) : stored(doi)),
      markRendered: async (doi) => (rendered.push(doi), true),
      markRenderFailed: async () => true,
    },
    site: { put: async (key) => ({ key, sha256: 'x', written: true }), head: async () => undefined },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-12-07T00:00:01.000Z'),
    citationEngine: async () => citeproc,
    render: () => [],
    ack: async (message) => remove(message.messageId),
    ...(holdBack ? { holdBack: async (message: SQSRecord, seconds: number) => void (live(message.messageId)!.visibleAt = now + seconds) } : {}),
  };
  for (let round = 0; round < 12 && queue.length > 0; round += 1) {
    now = Math.min(...queue.map((m) => m.visibleAt));
    const batch = queue.filter((m) => m.visibleAt <= now);
    for (const m of [...batch]) {
      m.receives += 1;
      // SQS moves a message to the DLQ when a receive would pass maxReceiveCount.
      if (m.receives > MAX_RECEIVE_COUNT) {
        dlq.push(m.id);
        remove(m.id);
        batch.splice(batch.indexOf(m), 1);
        continue;
      }
      m.visibleAt = now + VISIBILITY_SECONDS;
    }
    if (batch.length === 0) continue;
    const records = batch.map((m) => ({ messageId: m.id, receiptHandle: `r${m.receipt++}`, body: JSON.stringify({ doi: m.doi, version: 1 }), attributes: { ApproximateReceiveCount: String(m.receives) } }) as unknown as SQSRecord);
    let result: Awaited<ReturnType<typeof renderBatch>> | undefined;
    void renderBatch(deps, records).then((r) => (result = r));
    await settle();
    // Still running: the invocation timed out; nothing more of it happens. Else the mapping deletes its successes.
    if (result) for (const m of batch) if (!result.batchItemFailures.some((f) => f.itemIdentifier === m.id) && live(m.id)) remove(m.id);
  }
  return { dlq, rendered };
}

describe('Render after repeated crashes of one message', () => {
  it('renders the innocent message of the batch and dead-letters only the crashing one', async () => {
    // Act
    const { dlq, rendered } = await run(true);

    // Assess
    expect(rendered).toContain('10.5555/innocent');
    expect(dlq).toEqual(['P']);
  });

  it('holds a message back well past the queue visibility timeout', () => {
    expect(HOLD_BACK_SECONDS).toBeGreaterThan(VISIBILITY_SECONDS);
  });
});
