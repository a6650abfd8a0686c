/**
 * A page of `colophon rebuild`: re-render the listed articles' current versions, even though they
 * are rendered (after a template change, every page must be written again). The CLI lists one
 * issue's articles per page into the inbox (`rebuild/<request>/page-<n>.json`) and waits until
 * they are rendered before it sends the next page: so a rebuild of a whole catalogue never floods
 * RenderQueue ahead of an editor's publish, and an interrupted rebuild resumes from its last page.
 *
 * Ingest takes the page (it already reads the inbox and sends render jobs); it trusts nothing in
 * it but the DOIs: the version rendered is the head's current one, and a DOI the stage does not
 * hold is skipped and logged.
 */
import * as z from 'zod';
import type { Logger } from '#adapters/logger';
import type { ObjectStore } from '#adapters/object-store';
import type { QueueSender } from '#adapters/queue';
import type { RecordsStore } from '#adapters/records';
import type { RenderJob } from '../jobs.ts';

export { REBUILD_PREFIX, isRebuildPageKey, rebuildPageKey } from './rebuild-keys.ts';

/** One issue's articles, at most this many DOIs (the largest issue of the corpus has 71). */
export const REBUILD_PAGE_LIMIT = 1000;

export const rebuildPageSchema = z.strictObject({
  requestId: z.string().regex(/^[A-Za-z0-9._-]+$/),
  journalId: z.string().min(1),
  issueId: z.string().min(1),
  dois: z.array(z.string().min(1)).max(REBUILD_PAGE_LIMIT),
});
export type RebuildPage = z.infer<typeof rebuildPageSchema>;

export type RebuildDeps = {
  readonly records: Pick<RecordsStore, 'getHeads'>;
  readonly inbox: Pick<ObjectStore, 'getText'>;
  readonly renderQueue: QueueSender<RenderJob>;
  readonly log: Logger;
};

export type RebuildSummary =
  | { readonly status: 'rebuild-queued'; readonly pageKey: string; readonly queued: number; readonly unknown: number }
  | { readonly status: 'refused'; readonly pageKey: string; readonly reason: string };

export async function rebuildPage(deps: RebuildDeps, pageKey: string): Promise<RebuildSummary> {
  const text = await deps.inbox.getText(pageKey);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const page = rebuildPageSchema.safeParse(parsed);
  if (!page.success) {
    const reason = text === undefined ? 'the page is gone from the inbox' : `not a rebuild page: ${page.error.issues.map((i) => `${i.path.join('.') || '(page)'} ${i.message}`).join('; ')}`;
    deps.log.error('rebuild page refused', { pageKey, reason });
    return { status: 'refused', pageKey, reason };
  }
  const heads = await deps.records.getHeads(page.data.dois);
  const jobs: RenderJob[] = [];
  const unknown: string[] = [];
  for (const doi of page.data.dois) {
    const head = heads.get(doi.toLowerCase());
    if (head === undefined) unknown.push(doi);
    else jobs.push({ doi: head.meta.doi, version: head.meta.version, refresh: true });
  }
  await deps.renderQueue.send(jobs);
  const log = deps.log.child({ requestId: page.data.requestId, journalId: page.data.journalId, issueId: page.data.issueId });
  if (unknown.length > 0) log.warn('rebuild page names DOIs the stage does not hold; skipped', { unknown });
  log.info('rebuild page queued', { queued: jobs.length });
  return { status: 'rebuild-queued', pageKey, queued: jobs.length, unknown: unknown.length };
}
