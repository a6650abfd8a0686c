/**
 * The reference lists are parts of the article's one downloads object (issue 16), which each
 * version replaces whole: an article that cites nothing has none (its page links none), and lists an
 * earlier version left go with the old object, without a HEAD or an empty file for each (before,
 * Render wrote each list as a file and emptied those an earlier version left). Render's flow with
 * the default renderers, the site bucket in memory.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, Stored } from '#adapters/records';
import { citeproc } from '#core/cite/engine';
import { decodeDownload } from '#core/publish/downloads';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import { recordById } from '#tests/core/oai/fixtures';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';

const LISTS = ['references.json', 'references.ris', 'references.bib'];

function world(record: ArticleRecord, already: readonly string[] = []) {
  const site = new Map<string, string>(already.map((key) => [key, 'an earlier version\'s list']));
  const puts: string[] = [];
  const heads: string[] = [];
  const stored: Stored = { meta: { doi: record.article.doi, version: 2, hash: 'h', journalId: record.journal.id, issueId: record.issue.id, articleId: record.article.id, batchId: 'b', createdAt: '2026-12-01T00:00:00.000Z', render: { status: 'pending', version: 2 } }, record };
  const deps: RenderDeps = {
    records: { getHead: async () => stored, markRendered: async () => true, markRenderFailed: async () => true },
    site: {
      put: async (key, body) => (puts.push(key), site.set(key, String(body)), { key, sha256: 'x', written: true }),
      head: async (key) => (heads.push(key), site.has(key) ? { sha256: 'x', contentType: 'text/plain' } : undefined),
    },
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-12-01T00:00:01.000Z'),
    citationEngine: async () => citeproc,
  } as RenderDeps;
  return { deps, site, puts, heads };
}

const CITES = recordById('a01-petrovic');
const CITES_NOTHING: ArticleRecord = { ...CITES, article: { ...CITES.article, references: [] } };
const lists = (record: ArticleRecord): string[] => LISTS.map((f) => `doi/${record.article.doi}/${f}`);
const parts = (site: ReadonlyMap<string, string>, record: ArticleRecord) => LISTS.map((name) => decodeDownload(site.get(`doi/${record.article.doi}/downloads.json`)!, name as 'references.ris'));

describe('render: the reference lists', () => {
  it('writes none for an article that cites nothing, as files or in its downloads object', async () => {
    // Prepare
    const { deps, puts, site } = world(CITES_NOTHING);
    // Act
    await renderBatch(deps, [sqsMessage({ doi: CITES_NOTHING.article.doi, version: 2 })]);
    // Assess
    expect(puts).toContain(`doi/${CITES_NOTHING.article.doi}/index.html`);
    expect(puts.filter((key) => lists(CITES_NOTHING).includes(key))).toEqual([]);
    expect(parts(site, CITES_NOTHING)).toEqual([undefined, undefined, undefined]);
  });

  it('replaces the object whose lists an earlier version left, with no HEAD and no file for them, when the new one cites nothing', async () => {
    // Prepare: an earlier version's object, which had the lists
    const { deps: before, site } = world(CITES);
    await renderBatch(before, [sqsMessage({ doi: CITES.article.doi, version: 2 })]);
    expect(parts(site, CITES).every((part) => part !== undefined)).toBe(true);
    const { deps, puts, heads } = world(CITES_NOTHING);
    deps.site.put = async (key, body) => (puts.push(key), site.set(key, String(body)), { key, sha256: 'x', written: true });
    // Act
    await renderBatch(deps, [sqsMessage({ doi: CITES_NOTHING.article.doi, version: 2 })]);
    // Assess
    expect(parts(site, CITES_NOTHING)).toEqual([undefined, undefined, undefined]);
    expect(heads.filter((key) => lists(CITES_NOTHING).includes(key))).toEqual([]);
    expect(puts.filter((key) => lists(CITES_NOTHING).includes(key))).toEqual([]);
  });

  it('keeps all three, in the downloads object, for an article that cites works', async () => {
    // Prepare
    expect(CITES.article.references.length).toBeGreaterThan(0);
    const { deps, site, puts } = world(CITES);
    // Act
    await renderBatch(deps, [sqsMessage({ doi: CITES.article.doi, version: 2 })]);
    // Assess
    for (const part of parts(site, CITES)) expect(part?.body.length).toBeGreaterThan(10);
    expect(puts.sort()).toEqual([`doi/${CITES.article.doi}/article.xml`, `doi/${CITES.article.doi}/downloads.json`, `doi/${CITES.article.doi}/index.html`]);
  });
});
