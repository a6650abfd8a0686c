/** Render's flow with in-memory stand-ins: what happens when a newer version is stored while a render runs. */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Head, Stored } from '#adapters/records';
import type { Output } from '#core/publish/outputs';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';

const DOI = '10.2298/BALC1950375E';

/** A head at `version`, its record's title saying which version it is. */
function headAt(version: number, render: Head['render']): Stored {
  const record = { journal: { id: 'balcanica' }, issue: { id: 'L-2019' }, article: { doi: DOI, id: 'a01', title: `version ${version}`, galleys: [], relations: [] } } as unknown as ArticleRecord;
  const meta: Head = { doi: DOI, version, hash: `h${version}`, journalId: 'balcanica', issueId: 'L-2019', articleId: 'a01', batchId: 'b', createdAt: '2026-11-28T00:00:00.000Z', render };
  return { meta, record };
}

/**
 * Records whose head moves from version 1 to version 2 while version 1 is being rendered; version
 * 2's own render has already finished by then (its files written, its render marked done).
 */
function racingWorld() {
  const heads = [headAt(1, { status: 'pending', version: 1 }), headAt(2, { status: 'done', version: 2, at: '2026-11-28T00:00:02.000Z', artifacts: {} })];
  let reads = 0;
  const site = new Map<string, string>();
  const marked: number[] = [];
  const deps: RenderDeps = {
    records: {
      getHead: async () => heads[Math.min(reads++, heads.length - 1)],
      // The head is at version 2 from the second read on: marking version 1 loses.
      markRendered: async (_doi, version) => {
        marked.push(version);
        return version === 2;
      },
      markRenderFailed: async () => true,
    },
    site: { put: async (key, body) => (site.set(key, String(body)), { key, sha256: 'x', written: true }), head: async () => undefined },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-11-28T00:00:03.000Z'),
    render: (record): Output[] => [{ key: 'doi/x/index.html', contentType: 'text/html', body: String((record.article as unknown as { title: string }).title) }],
  };
  return { deps, site, marked };
}

describe('render: a newer version stored while rendering', () => {
  it('renders the current version again, so the older render never leaves its files behind', async () => {
    // Prepare
    const { deps, site, marked } = racingWorld();

    // Act
    const response = await renderBatch(deps, [sqsMessage({ doi: DOI, version: 1 })]);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(site.get('doi/x/index.html')).toBe('version 2');
    expect(marked).toEqual([1, 2]);
  });

  it('gives the message back to SQS when the article keeps changing, and records why', async () => {
    // Prepare: every read finds a newer version, so every mark loses.
    const { deps } = racingWorld();
    let version = 0;
    const failed: string[] = [];
    const restless: RenderDeps = {
      ...deps,
      records: {
        getHead: async () => headAt(++version, { status: 'pending', version }),
        markRendered: async () => false,
        markRenderFailed: async (_doi, _version, reason) => (failed.push(reason), true),
      },
    };
    const message = sqsMessage({ doi: DOI, version: 1 });

    // Act
    const response = await renderBatch(restless, [message]);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: message.messageId }]);
    expect(version).toBe(3);
    expect(failed).toEqual([expect.stringMatching(/^RenderSupersededError: .*changed 3 times/)]);
  });
});
