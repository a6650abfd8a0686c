/**
 * A Render batch reads its articles' heads together (issue 16: Lambda CPU per article goes mostly
 * to requests; `getHead` is two reads per article, `getHeads` two BatchGetItems for the batch).
 * A version stored after that read is still the one rendered in the end (the render is
 * superseded and starts again from its own read), and a batch read that fails leaves each article
 * to read its own head, as before. Render's flow with the default renderers, records faked.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Head, Stored } from '#adapters/records';
import { citeproc } from '#core/cite/engine';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import { recordById } from '#tests/core/oai/fixtures';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';

const BASE = recordById('a01-petrovic');
const record = (n: number): ArticleRecord => ({ ...BASE, article: { ...BASE.article, id: `a0${n}`, doi: `10.2298/BALC1950375E.${n}`, galleys: [], relations: [] } });
const stored = (r: ArticleRecord, version: number): Stored => ({
  meta: { doi: r.article.doi, version, hash: `h${version}`, journalId: r.journal.id, issueId: r.issue.id, articleId: r.article.id, batchId: 'b', createdAt: '2026-12-07T00:00:00.000Z', render: { status: 'pending', version } } satisfies Head,
  record: r,
});

function world(options: { readonly batchFails?: boolean; readonly newerAfterBatchRead?: string } = {}) {
  const records = [1, 2, 3].map(record);
  const current = new Map(records.map((r) => [r.article.doi.toLowerCase(), stored(r, 1)]));
  const reads = { getHead: [] as string[], getHeads: [] as string[][] };
  const marked: string[] = [];
  const deps: RenderDeps = {
    records: {
      getHead: async (doi) => (reads.getHead.push(doi), current.get(doi.toLowerCase())),
      getHeads: async (dois) => {
        reads.getHeads.push([...dois]);
        if (options.batchFails) throw new Error('records table: a corrupt record (injected)');
        const out = new Map(dois.map((d) => [d.toLowerCase(), current.get(d.toLowerCase())!]));
        // A new version stored right after the batch read.
        const newer = options.newerAfterBatchRead;
        if (newer !== undefined) current.set(newer.toLowerCase(), stored(records.find((r) => r.article.doi === newer)!, 2));
        return out;
      },
      markRendered: async (doi, version) => (marked.push(`${doi} v${version}`), current.get(doi.toLowerCase())!.meta.version === version),
      markRenderFailed: async () => true,
    },
    site: { put: async (key) => ({ key, sha256: 'x', written: true }), head: async () => undefined },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-12-07T00:00:01.000Z'),
    citationEngine: async () => citeproc,
  };
  const messages = records.map((r) => sqsMessage({ doi: r.article.doi, version: 1 }));
  return { deps, reads, marked, messages, records };
}

describe('render: the heads of a batch', () => {
  it('are read together, once, and no article reads its own', async () => {
    // Prepare
    const w = world();

    // Act
    const response = await renderBatch(w.deps, w.messages);

    // Assess: before, three getHead calls and no getHeads
    expect(response.batchItemFailures).toEqual([]);
    expect(w.reads.getHeads).toEqual([w.records.map((r) => r.article.doi)]);
    expect(w.reads.getHead).toEqual([]);
    expect(w.marked.sort()).toEqual(w.records.map((r) => `${r.article.doi} v1`).sort());
  });

  it('still end with the version stored after they were read (that article reads its head again)', async () => {
    // Prepare
    const w = world({ newerAfterBatchRead: record(2).article.doi });

    // Act
    const response = await renderBatch(w.deps, w.messages);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(w.reads.getHead).toEqual([record(2).article.doi]);
    expect(w.marked).toContain(`${record(2).article.doi} v2`);
  });

  it('are read one by one when the batch read fails, and every article is rendered', async () => {
    // Prepare
    const w = world({ batchFails: true });

    // Act
    const response = await renderBatch(w.deps, w.messages);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(w.reads.getHead.sort()).toEqual(w.records.map((r) => r.article.doi).sort());
  });
});
