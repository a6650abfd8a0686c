import { describe, expect, it } from 'vitest';
import type { Logger } from '#adapters/logger';
import type { Stored } from '#adapters/records';
import { isRebuildPageKey, rebuildPage, rebuildPageKey, type RebuildDeps } from '#handlers/flows/rebuild';
import type { RenderJob } from '#handlers/jobs';
import { matchesPattern } from '#infra/local/event-pattern';
import { REBUILD_PAGE_PATTERN } from '#infra/stacks/stateless';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => quiet } as unknown as Logger;

function deps(pages: Record<string, string>, heads: Record<string, number>): { deps: RebuildDeps; sent: RenderJob[] } {
  const sent: RenderJob[] = [];
  return {
    sent,
    deps: {
      inbox: { getText: async (key) => pages[key] },
      records: { getHeads: async (dois) => new Map(dois.filter((d) => heads[d] !== undefined).map((d) => [d.toLowerCase(), { meta: { doi: d, version: heads[d]! } } as unknown as Stored])) },
      renderQueue: { queueUrl: 'q', send: async (jobs) => void sent.push(...jobs) },
      log: quiet,
    },
  };
}

describe('a rebuild page in the inbox', () => {
  it("queues a forced render of each DOI's current version, and skips a DOI the stage does not hold", async () => {
    // Prepare
    const key = rebuildPageKey('r1', 3);
    const { deps: d, sent } = deps({ [key]: JSON.stringify({ requestId: 'r1', journalId: 'j', issueId: 'i', dois: ['10.5555/A', '10.5555/gone'] }) }, { '10.5555/A': 4 });
    // Act
    const summary = await rebuildPage(d, key);
    // Assess
    expect(summary).toEqual({ status: 'rebuild-queued', pageKey: key, queued: 1, unknown: 1 });
    expect(sent).toEqual([{ doi: '10.5555/A', version: 4, refresh: true }]);
  });

  it('refuses a page that is not one, and sends nothing', async () => {
    const { deps: d, sent } = deps({ 'rebuild/r1/page-000001.json': '{"requestId":"r1","dois":"10.5555/A"}' }, { '10.5555/A': 1 });
    const summary = await rebuildPage(d, 'rebuild/r1/page-000001.json');
    expect(summary.status).toBe('refused');
    expect(sent).toEqual([]);
  });

  it('has keys the Ingest rule matches, and the handler tells them from other inbox objects', () => {
    const key = rebuildPageKey('2026-12-07T09-30-00-000Z-1a2b3c', 12);
    // The stand-in's own EventBridge matcher, not a copy of it.
    const ruleMatches = (k: string): boolean => matchesPattern({ detail: { object: { key: [{ wildcard: REBUILD_PAGE_PATTERN }] } } }, { detail: { object: { key: k } } });
    expect(key).toBe('rebuild/2026-12-07T09-30-00-000Z-1a2b3c/page-000012.json');
    expect(ruleMatches(key)).toBe(true);
    expect(isRebuildPageKey(key)).toBe(true);
    expect(isRebuildPageKey('rebuild/r1/progress.json')).toBe(false);
    expect(isRebuildPageKey('inbox/j/i/b/_publish.json')).toBe(false);
  });
});
