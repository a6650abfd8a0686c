/**
 * An article that cites nothing gets no reference-list files (issue 16: they were written empty,
 * three S3 PUTs per such article, and its page links none); where an earlier version's lists are
 * still in the site bucket, Render replaces them with empty ones. Render's flow with the default
 * renderers, the site bucket in memory.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Stored } from '#adapters/records';
import { citeproc } from '#core/cite/engine';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import { recordById } from '#tests/core/oai/fixtures';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';

const LISTS = ['references.json', 'references.ris', 'references.bib'];

function world(record: ArticleRecord, already: readonly string[] = []) {
  const site = new Map<string, string>(already.map((key) => [key, 'an earlier version\'s list']));
  const puts: string[] = [];
  const stored: Stored = { meta: { doi: record.article.doi, version: 2, hash: 'h', journalId: record.journal.id, issueId: record.issue.id, articleId: record.article.id, batchId: 'b', createdAt: '2026-12-01T00:00:00.000Z', render: { status: 'pending', version: 2 } }, record };
  const deps: RenderDeps = {
    records: { getHead: async () => stored, markRendered: async () => true, markRenderFailed: async () => true },
    site: {
      put: async (key, body) => (puts.push(key), site.set(key, String(body)), { key, sha256: 'x', written: true }),
      head: async (key) => (site.has(key) ? { sha256: 'x', contentType: 'text/plain' } : undefined),
    },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-12-01T00:00:01.000Z'),
    citationEngine: async () => citeproc,
  } as RenderDeps;
  return { deps, site, puts };
}

const CITES = recordById('a01-petrovic');
const CITES_NOTHING: ArticleRecord = { ...CITES, article: { ...CITES.article, references: [] } };
const lists = (record: ArticleRecord): string[] => LISTS.map((f) => `doi/${record.article.doi}/${f}`);

describe('render: the reference lists', () => {
  it('writes none for an article that cites nothing', async () => {
    // Prepare
    const { deps, puts } = world(CITES_NOTHING);
    // Act
    await renderBatch(deps, [sqsMessage({ doi: CITES_NOTHING.article.doi, version: 2 })]);
    // Assess
    expect(puts).toContain(`doi/${CITES_NOTHING.article.doi}/index.html`);
    expect(puts.filter((key) => lists(CITES_NOTHING).includes(key))).toEqual([]);
  });

  it('empties the lists an earlier version left, when the new one cites nothing', async () => {
    // Prepare
    const { deps, site } = world(CITES_NOTHING, lists(CITES_NOTHING));
    // Act
    await renderBatch(deps, [sqsMessage({ doi: CITES_NOTHING.article.doi, version: 2 })]);
    // Assess: an empty CSL-JSON array, no RIS or BibTeX records
    expect(lists(CITES_NOTHING).map((key) => site.get(key)!.trim())).toEqual(['[]', '', '']);
  });

  it('writes all three for an article that cites works', async () => {
    // Prepare
    expect(CITES.article.references.length).toBeGreaterThan(0);
    const { deps, site } = world(CITES);
    // Act
    await renderBatch(deps, [sqsMessage({ doi: CITES.article.doi, version: 2 })]);
    // Assess
    for (const key of lists(CITES)) expect(site.get(key)?.length, key).toBeGreaterThan(10);
  });
});
