/** Render's flow with in-memory stand-ins: what happens when a newer version is stored while a render runs. */
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Head, Stored } from '#adapters/records';
import type { Output } from '#core/publish/outputs';
import { citeproc } from '#core/cite/engine';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import { sha256 } from '#adapters/content-hash';
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
    citationEngine: async () => citeproc,
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

/** Records with one head per DOI (version 1, pending), none with galleys unless given. */
function world(options: { galleys?: ArticleRecord['article']['galleys']; hang?: string } = {}) {
  const site = new Map<string, string>();
  const acked: string[] = [];
  let crashed!: () => void;
  const crash = new Promise<void>((resolve) => (crashed = resolve));
  const deps: RenderDeps = {
    records: {
      getHead: async (doi) => {
        if (doi === options.hang) {
          // The render that takes the execution environment down: it never returns.
          crashed();
          return new Promise<never>(() => {});
        }
        const stored = headAt(1, { status: 'pending', version: 1 });
        return { meta: { ...stored.meta, doi }, record: { ...stored.record, article: { ...stored.record.article, doi, galleys: options.galleys ?? [] } } as ArticleRecord };
      },
      markRendered: async () => true,
      markRenderFailed: async () => true,
    },
    site: { put: async (key, body) => (site.set(key, String(body)), { key, sha256: 'x', written: true }), head: async () => undefined },
    files: { getBytes: async () => undefined },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-11-28T00:00:03.000Z'),
    citationEngine: async () => citeproc,
    // The landing page first, as core/publish lists it.
    render: (record): Output[] => [
      { key: `doi/${record.article.doi}/index.html`, contentType: 'text/html', body: 'page' },
      { key: `doi/${record.article.doi}/article.xml`, contentType: 'application/xml', body: 'jats' },
    ],
    ack: async (message) => void acked.push(message.messageId),
  };
  return { deps, site, acked, crash };
}

const received = (doi: string, count: number): SQSRecord => {
  const m = sqsMessage({ doi, version: 1 });
  return { ...m, attributes: { ...m.attributes, ApproximateReceiveCount: String(count) } };
};

describe('render: a batch that crashed before', () => {
  it('handles a redelivered batch one message at a time, fewest receives first, deleting each as soon as it is done', async () => {
    // Prepare: the batch came back after a crash (receive count 2), with a fresh message beside it;
    // the second message crashes Render again.
    const { deps, acked, crash } = world({ hang: '10.5555/poison' });
    const batch = [received('10.5555/innocent-1', 2), received('10.5555/poison', 2), received('10.5555/innocent-2', 2), received('10.5555/fresh', 1)];

    // Act: run until the crash (the invocation never ends: SQS gives back whatever was not deleted).
    void renderBatch(deps, batch);
    await crash;

    // Assess: what was handled before the crash is off the queue, so it is not received a third time nor dead-lettered.
    expect(acked).toEqual([batch[3]!.messageId, batch[0]!.messageId]);
  });

  it('leaves a first delivery to the event source mapping (one delete for the whole batch)', async () => {
    // Prepare
    const { deps, acked } = world();

    // Act
    const response = await renderBatch(deps, [received('10.5555/a', 1), received('10.5555/b', 1)]);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(acked).toEqual([]);
  });
});

describe('render: an article whose galley is missing', () => {
  it('fails before writing any of its files, so none is left half new', async () => {
    // Prepare
    const galley = { path: 'article.pdf', format: 'pdf', file: { sha256: 'a'.repeat(64), bytes: 10 } } as unknown as ArticleRecord['article']['galleys'][number];
    const { deps, site } = world({ galleys: [galley] });
    const message = received('10.5555/a', 1);

    // Act
    const response = await renderBatch(deps, [message]);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: message.messageId }]);
    expect([...site.keys()]).toEqual([]);
  });

  it('writes the landing page after the files it links to', async () => {
    // Prepare
    const { deps, site } = world();

    // Act
    await renderBatch(deps, [received('10.5555/a', 1)]);

    // Assess
    expect([...site.keys()]).toEqual(['doi/10.5555/a/article.xml', 'doi/10.5555/a/index.html']);
  });

  it('copies a galley with the hash it checked it against, so the copy is not hashed a second time', async () => {
    // Prepare: the galley in the file store matches Ingest's hash
    const bytes = new TextEncoder().encode('%PDF-1.7 galley');
    const galley = { path: 'article.pdf', format: 'pdf', file: { sha256: sha256(bytes), bytes: bytes.length } } as unknown as ArticleRecord['article']['galleys'][number];
    const puts = new Map<string, string | undefined>();
    const base = world({ galleys: [galley] }).deps;
    const deps: RenderDeps = {
      ...base,
      files: { getBytes: async () => bytes },
      site: { ...base.site, put: async (key, _body, _headers, known) => (puts.set(key, known), { key, sha256: known ?? 'x', written: true }) },
    };

    // Act
    const response = await renderBatch(deps, [received('10.5555/a', 1)]);

    // Assess: the galley's put is given its checked hash; the rendered files are hashed by put itself
    expect(response.batchItemFailures).toEqual([]);
    expect(puts.get('doi/10.5555/a/article.pdf')).toBe(sha256(bytes));
    expect(puts.get('doi/10.5555/a/index.html')).toBeUndefined();
  });
});
