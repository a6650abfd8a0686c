/**
 * Render rollback (issue 12): a write that fails part-way through an article's files puts back
 * every file it had already replaced, so readers see the old article whole (never new citation
 * files beside an old landing page), and the message is retried. Fault injection: a site store
 * whose PUT of one key fails (an S3 500, a dropped connection). Before, the files written before
 * the failure stayed new beside the old ones.
 */
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Head, Stored } from '#adapters/records';
import type { Output } from '#core/publish/outputs';
import { citeproc } from '#core/cite/engine';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';

const DOI = '10.2298/BALC1950375E';
const KEYS = ['doi/10.2298/BALC1950375E/citation.bib', 'doi/10.2298/BALC1950375E/jats.xml', 'doi/10.2298/BALC1950375E/references.ris', 'doi/10.2298/BALC1950375E/index.html'];

function world(failOn: string | undefined, version = 2, render: Head['render'] = { status: 'pending', version }) {
  const record = { journal: { id: 'balcanica' }, issue: { id: 'L-2019' }, article: { doi: DOI, id: 'a01', galleys: [], relations: [] } } as unknown as ArticleRecord;
  const meta: Head = { doi: DOI, version, hash: 'h2', journalId: 'balcanica', issueId: 'L-2019', articleId: 'a01', batchId: 'b', createdAt: '2026-12-07T00:00:00.000Z', render };
  const read: string[] = [];
  // Version 1's files are there, but for the reference list, which version 2 adds.
  const site = new Map<string, string>(KEYS.filter((k) => !k.endsWith('.ris')).map((k) => [k, 'version 1']));
  const log = captureLogger();
  const marked: number[] = [];
  const deps: RenderDeps = {
    records: { getHead: async (): Promise<Stored> => ({ meta, record }), markRendered: async (_d, v) => (marked.push(v), true), markRenderFailed: async () => true },
    site: {
      put: async (key, body) => {
        if (key === failOn) throw new Error('S3: InternalError (injected)');
        site.set(key, typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
        return { key, sha256: 'x', written: true };
      },
      head: async () => undefined,
      getBytes: async (key) => (read.push(key), site.has(key) ? new TextEncoder().encode(site.get(key)) : undefined),
    },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log,
    now: () => new Date('2026-12-07T00:00:01.000Z'),
    citationEngine: async () => citeproc,
    render: (): Output[] => KEYS.map((key) => ({ key, contentType: key.endsWith('.html') ? 'text/html' : 'text/plain', body: 'version 2' })),
  };
  return { deps, site, marked, log, read };
}

const message = (): SQSRecord => sqsMessage({ doi: DOI, version: 2 });

describe('render: a write failing part-way', () => {
  it.each(KEYS)('puts back every replaced file when the write of %s fails, and gives the message back', async (failOn) => {
    // Prepare
    const w = world(failOn);

    // Act
    const response = await renderBatch(w.deps, [message()]);

    // Assess
    expect(response.batchItemFailures).toHaveLength(1);
    expect(Object.fromEntries(w.site)).toEqual(Object.fromEntries(KEYS.filter((k) => !k.endsWith('.ris')).map((k) => [k, 'version 1']).concat(w.site.has(KEYS[2]!) ? [[KEYS[2]!, 'version 2']] : [])));
    expect(w.marked).toEqual([]);
  });

  it('writes the whole new version when nothing fails', async () => {
    // Prepare
    const w = world(undefined);

    // Act
    const response = await renderBatch(w.deps, [message()]);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(Object.fromEntries(w.site)).toEqual(Object.fromEntries(KEYS.map((k) => [k, 'version 2'])));
    expect(w.marked).toEqual([2]);
  });
});

describe('render: the backup reads', () => {
  it('are skipped for an article\'s first version before any render of it succeeded (no reader has seen its files)', async () => {
    // Prepare
    const w = world(undefined, 1);

    // Act
    const response = await renderBatch(w.deps, [sqsMessage({ doi: DOI, version: 1 })]);

    // Assess: before, one GET per file
    expect(response.batchItemFailures).toEqual([]);
    expect(w.read).toEqual([]);
    expect(w.marked).toEqual([1]);
  });

  it('are kept for a refresh of a first version already rendered, and for every later version', async () => {
    // Prepare
    const refreshed = world(undefined, 1, { status: 'done', version: 1, at: '2026-12-06T00:00:00.000Z', artifacts: {} });
    const later = world(undefined, 2);

    // Act
    await renderBatch(refreshed.deps, [sqsMessage({ doi: DOI, version: 1, refresh: true })]);
    await renderBatch(later.deps, [message()]);

    // Assess
    expect(refreshed.read.sort()).toEqual([...KEYS].sort());
    expect(later.read.sort()).toEqual([...KEYS].sort());
  });
});
