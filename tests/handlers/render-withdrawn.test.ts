/**
 * Render does not publish a withdrawn article's galley (issue 11): its page and JATS no longer
 * link the file, and a withdrawn article's work is not served. On main Render still copied it,
 * unlinked, beside the notice page. The same record without `withdrawn` shows the copy happens.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '#adapters/content-hash';
import type { ArticleRecord, Head, Stored } from '#adapters/records';
import type { Output } from '#core/publish/outputs';
import { citeproc } from '#core/cite/engine';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';

const DOI = '10.5555/exemplaria.xiii.41';
const PDF = new TextEncoder().encode('%PDF-1.4\n% a galley\n');

function world(withdrawn: boolean) {
  const article = {
    doi: DOI,
    id: 'ferrer',
    galleys: [{ format: 'pdf', path: 'ferrer.pdf', file: { sha256: sha256(PDF), size: PDF.length } }],
    relations: [],
    ...(withdrawn ? { withdrawn: { date: { year: 2025, month: 3, day: 20 }, reason: 'Published in error.' } } : {}),
  };
  const record = { journal: { id: 'exemplaria' }, issue: { id: 'XIII-2025' }, article } as unknown as ArticleRecord;
  const meta: Head = { doi: DOI, version: 2, hash: 'h2', journalId: 'exemplaria', issueId: 'XIII-2025', articleId: 'ferrer', batchId: 'b', createdAt: '2026-11-28T00:00:00.000Z', render: { status: 'pending', version: 2 } };
  const stored: Stored = { meta, record };
  const written: string[] = [];
  const read: string[] = [];
  const artifacts: Record<string, string>[] = [];
  const deps: RenderDeps = {
    records: {
      getHead: async () => stored,
      markRendered: async (_doi, _version, files) => (artifacts.push(files), true),
      markRenderFailed: async () => true,
    },
    site: { put: async (key) => (written.push(key), { key, sha256: 'x', written: true }), head: async () => undefined },
    files: { getBytes: async (key) => (read.push(key), PDF) },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-11-28T00:00:03.000Z'),
    citationEngine: async () => citeproc,
    render: (): Output[] => [{ key: `doi/${DOI}/index.html`, contentType: 'text/html', body: 'page' }],
  };
  return { deps, written, read, artifacts };
}

describe("render: a withdrawn article's galley", () => {
  it('is published for the article as it was (so the check below can fail)', async () => {
    // Prepare
    const { deps, written } = world(false);
    // Act
    const response = await renderBatch(deps, [sqsMessage({ doi: DOI, version: 2 })]);
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(written).toContain(`doi/${DOI}/ferrer.pdf`);
  });

  it('is neither read nor published once the article is withdrawn; the notice page is', async () => {
    // Prepare
    const { deps, written, read, artifacts } = world(true);
    // Act
    const response = await renderBatch(deps, [sqsMessage({ doi: DOI, version: 2 })]);
    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(written).toEqual([`doi/${DOI}/index.html`]);
    expect(read).toEqual([]);
    expect(artifacts.flatMap(Object.keys)).toEqual([`doi/${DOI}/index.html`]);
  });
});
