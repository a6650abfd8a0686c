/**
 * An article's first render (version 1, never rendered) asks S3 nothing about its own keys
 * (issue 16: Lambda CPU per article goes mostly to requests). Before any render of the article
 * succeeded, nothing but a failed attempt at this same version can have written under its DOI:
 * no HEAD of its galley (copied anyway). A refresh and every later version keep the galley's check
 * (the second test shows it can be counted); the reference lists an earlier version may have left
 * are no longer looked for: they are parts of the downloads object, which each render replaces whole. Render's flow with the default renderers; the site bucket in memory.
 */
import { describe, expect, it } from 'vitest';
import { sha256 } from '#adapters/content-hash';
import type { ArticleRecord, Head, Stored } from '#adapters/records';
import { citeproc } from '#core/cite/engine';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import { recordById } from '#tests/core/oai/fixtures';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n% a galley\n');
const BASE = recordById('a01-petrovic');
/** Cites nothing (so Render looks for lists an earlier version left) and has a PDF by path (copied beside the page). */
const RECORD: ArticleRecord = { ...BASE, article: { ...BASE.article, references: [], galleys: [{ format: 'pdf', path: 'petrovic.pdf', file: { sha256: sha256(PDF), size: PDF.length } }] } };
const DOI = RECORD.article.doi;

function world(version: number, render: Head['render']) {
  const heads: string[] = [];
  const puts: string[] = [];
  const stored: Stored = { meta: { doi: DOI, version, hash: 'h', journalId: RECORD.journal.id, issueId: RECORD.issue.id, articleId: RECORD.article.id, batchId: 'b', createdAt: '2026-12-07T00:00:00.000Z', render }, record: RECORD };
  const deps: RenderDeps = {
    records: { getHead: async () => stored, markRendered: async () => true, markRenderFailed: async () => true },
    site: {
      put: async (key) => (puts.push(key), { key, sha256: 'x', written: true }),
      head: async (key) => (heads.push(key), undefined),
      getBytes: async () => undefined,
    },
    files: { getBytes: async () => PDF },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-12-07T00:00:01.000Z'),
    citationEngine: async () => citeproc,
  };
  return { deps, heads, puts };
}

describe("render: an article's first render", () => {
  it('sends no HEAD: the galley is copied', async () => {
    // Prepare
    const w = world(1, { status: 'pending', version: 1 });

    // Act
    const response = await renderBatch(w.deps, [sqsMessage({ doi: DOI, version: 1 })]);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(w.heads).toEqual([]);
    expect(w.puts).toContain(`doi/${DOI}/petrovic.pdf`);
    expect(w.puts).toContain(`doi/${DOI}/index.html`);
  });

  it('keeps the galley\'s check for a refresh of a rendered first version and for a later version', async () => {
    // Prepare
    const refreshed = world(1, { status: 'done', version: 1, at: '2026-12-06T00:00:00.000Z', artifacts: {} });
    const later = world(2, { status: 'pending', version: 2 });
    // Only the galley's: the reference lists are parts of the downloads object, replaced whole (issue 16).
    const expected = [`doi/${DOI}/petrovic.pdf`];

    // Act
    await renderBatch(refreshed.deps, [sqsMessage({ doi: DOI, version: 1, refresh: true })]);
    await renderBatch(later.deps, [sqsMessage({ doi: DOI, version: 2 })]);

    // Assess
    expect(refreshed.heads.sort()).toEqual(expected);
    expect(later.heads.sort()).toEqual(expected);
  });
});
