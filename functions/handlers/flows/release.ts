/**
 * The scheduled release (EventBridge, every 15 minutes, on Ingest): every article held until an
 * online date that has begun by the event's time is published: it joins OAI-PMH and the deposits
 * due, and goes onto RenderQueue, whose render writes its page and asks Site (issue page, sitemap)
 * and Deposit (Crossref) for their part, as for any new article. The time is the event's, never
 * this Lambda's clock, so a late or retried invocation releases exactly what was due then.
 */
import { noticesOf } from '#core/model/links';
import type { Logger } from '#adapters/logger';
import type { QueueSender } from '#adapters/queue';
import type { RecordsStore } from '#adapters/records';
import type { RenderJob } from '../jobs.ts';

export type ReleaseDeps = { readonly records: Pick<RecordsStore, 'scheduledDue' | 'releaseHead' | 'getHead' | 'getHeads' | 'putNotice'>; readonly renderQueue: QueueSender<RenderJob>; readonly log: Logger };
export type ReleaseSummary = { readonly status: 'released'; readonly time: string; readonly released: number; readonly skipped: number };

export async function releaseScheduled(deps: ReleaseDeps, time: string): Promise<ReleaseSummary> {
  const at = new Date(time).toISOString();
  const due = await deps.records.scheduledDue(at);
  const jobs: RenderJob[] = [];
  const updated: string[] = [];
  for (const head of due) {
    // false: released by an earlier run, or replaced by a newer version (Ingest decides that one afresh).
    if (!(await deps.records.releaseHead(head, at))) continue;
    jobs.push({ doi: head.doi, version: head.version });
    // A notice held until today (a correction, retraction, concern) now updates the other article's page, as Ingest does for one published at once.
    const record = (await deps.records.getHead(head.doi))?.record.article;
    for (const { target, notice } of record === undefined ? [] : noticesOf(record)) {
      await deps.records.putNotice(target, notice);
      updated.push(target);
    }
  }
  const already = new Set(jobs.map((j) => j.doi.toLowerCase()));
  for (const h of (await deps.records.getHeads(updated)).values()) if (!already.has(h.meta.doi.toLowerCase())) jobs.push({ doi: h.meta.doi, version: h.meta.version, refresh: true });
  await deps.renderQueue.send(jobs);
  deps.log.info('scheduled articles released', { time: at, released: jobs.length, skipped: due.length - jobs.length });
  return { status: 'released', time: at, released: jobs.length, skipped: due.length - jobs.length };
}
