/**
 * How to Cite kept with each article version (issue 16), on DynamoDB Local and the S3 emulator:
 * Ingest's flow renders the citations of each new version and the records table keeps them in the
 * version item; Render's flow reads them with the head and its landing page runs no citeproc-js.
 * A version stored without them (before this change) or with stale ones renders the same page
 * with citeproc. citeproc is watched through the engine Render's flow is given (counted): its
 * loads (the handler imports citeproc.mjs then) and its entries.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newBatchId, uploadIssue } from '#adapters/inbox';
import { createObjectStore, type ObjectStore } from '#adapters/object-store';
import { createRecordsStore, type RecordsStore, type Stored } from '#adapters/records';
import { keys } from '#adapters/records-keys';
import { citeproc } from '#core/cite/engine';
import { forgetCitations, type CitationEngine, type StoredCitations } from '#core/cite/index';
import { landingCitations } from '#core/landing/citations';
import type { Article, IssueBundle } from '#core/model/index';
import { ingestManifest, type IngestDeps } from '#handlers/flows/ingest';
import { renderBatch, type RenderDeps } from '#handlers/flows/render';
import type { RenderJob } from '#handlers/jobs';
import { filesOfIssue } from '#infra/local/publish';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { fixtureSources, FIXTURE_DOIS } from '../integration/fixtures.ts';
import { captureLogger, sqsMessage } from './deposit-fakes.ts';

const calls = { renderEntry: 0, loads: 0 };
/** citeproc, counted. */
const engine: CitationEngine = { renderEntry: (...args) => ((calls.renderEntry += 1), citeproc.renderEntry(...args)) };

let stage: TestStage;
let records: RecordsStore;
let inbox: ObjectStore;
const queued: RenderJob[] = [];
const made: string[] = [];

/** Ingest's flow as the handler wires it, on this stage's table and a private inbox bucket (no Lambda reacts to it). */
const ingestDeps = (): IngestDeps => ({
  records,
  inbox,
  renderQueue: { queueUrl: 'q', send: async (jobs: readonly RenderJob[]) => void queued.push(...jobs) } as unknown as IngestDeps['renderQueue'],
  log: captureLogger(),
  now: () => new Date('2026-12-07T12:00:00.000Z'),
  maxFileBytes: 50_000_000,
  citations: (bundle: IssueBundle, article: Article) => (made.push(article.doi), landingCitations(bundle, article)),
});

async function ingest(sources = fixtureSources()): Promise<void> {
  const journal = sources[0]!;
  const issue = journal.issues[0]!;
  const sent = await uploadIssue(inbox, { ...journal, issues: [issue] }, newBatchId(new Date(), randomBytes(3).toString('hex')), { files: filesOfIssue(issue), journalId: 'testjournal' });
  const summary = await ingestManifest(ingestDeps(), sent.manifestKey);
  expect(summary.status).toBe('published');
}

/** Render's flow with the real records store (`heads` may change what a head read returns) and the site in memory. */
function renderWorld(heads: (stored: Stored) => Stored = (s) => s) {
  const site = new Map<string, string>();
  const deps: RenderDeps = {
    records: { ...records, getHead: async (doi: string) => ((s) => (s === undefined ? undefined : heads(s)))(await records.getHead(doi)) },
    site: { put: async (key: string, body: string | Uint8Array) => (site.set(key, typeof body === 'string' ? body : '(bytes)'), { key, sha256: 'x', written: true }), head: async () => undefined },
    files: inbox,
    siteQueue: { queueUrl: 'q', send: async () => undefined },
    log: captureLogger(),
    now: () => new Date('2026-12-07T12:00:01.000Z'),
    citationEngine: async () => ((calls.loads += 1), engine),
  } as unknown as RenderDeps;
  return { deps, site };
}

/** Renders `doi` again (a `rebuild`) in a process that remembers no citation; the landing page, citeproc's calls and loads. */
async function renderLanding(doi: string, heads?: (stored: Stored) => Stored): Promise<{ page: string; citeproc: number; loads: number }> {
  const { deps, site } = renderWorld(heads);
  forgetCitations();
  const before = calls.renderEntry;
  const loadsBefore = calls.loads;
  const response = await renderBatch(deps, [sqsMessage({ doi, version: 1, refresh: true })]);
  expect(response.batchItemFailures).toEqual([]);
  const page = [...site].find(([key]) => key.endsWith('/index.html'))?.[1];
  expect(page).toBeDefined();
  return { page: page!, citeproc: calls.renderEntry - before, loads: calls.loads - loadsBefore };
}

const withoutCitations = (s: Stored): Stored => ({ meta: s.meta, record: s.record });

beforeAll(async () => {
  stage = await startTestStage();
  records = createRecordsStore(stage.stack.clients.documents, stage.stack.table('RecordsTable'));
  const bucket = `c16-inbox-${randomBytes(4).toString('hex')}`;
  await stage.stack.clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  inbox = createObjectStore(stage.stack.clients.s3, bucket);
  await ingest();
}, 600_000);
afterAll(() => stage?.stop());

describe('How to Cite kept with each version', () => {
  it('Ingest keeps every new version\'s citations in its version item, compressed, and the head reads them', async () => {
    // Assess
    expect(made.sort()).toEqual([...FIXTURE_DOIS].sort());
    const heads = await records.getHeads([...FIXTURE_DOIS]);
    for (const doi of FIXTURE_DOIS) {
      const stored = heads.get(doi)!;
      expect(stored.citations?.entries.map((e) => e.style)).toEqual(['apa', 'chicago', 'mla', 'harvard', 'vancouver']);
      expect(stored.citations).toEqual(JSON.parse(JSON.stringify(landingCitations({ journal: stored.record.journal, issue: stored.record.issue, articles: [stored.record.article] }, stored.record.article))));
      expect(Object.keys(stored.meta)).not.toContain('citationsGz');
      const item = await stage.stack.clients.documents.send(new GetCommand({ TableName: records.tableName, Key: keys.version(doi, 1) }));
      expect(item.Item?.citationsGz).toBeInstanceOf(Uint8Array);
      const head = await stage.stack.clients.documents.send(new GetCommand({ TableName: records.tableName, Key: keys.head(doi) }));
      expect(head.Item?.citationsGz).toBeUndefined();
    }
  });

  it('reads a version\'s citations only when they are asked for: a listing of heads for their records (Site) does not unpack them', async () => {
    // Prepare
    const first = (await records.getHead(FIXTURE_DOIS[0]))!;

    // Act
    const listed = await records.listIssueArticles(first.meta.journalId, first.meta.issueId, { scheduled: true });

    // Assess: each citations is a getter not yet run, then the same value as an eager read
    expect(listed.length).toBeGreaterThan(0);
    for (const stored of listed) {
      const citations = Object.getOwnPropertyDescriptor(stored, 'citations');
      expect(citations?.get, stored.meta.doi).toBeTypeOf('function');
      expect(citations?.enumerable).toBe(true);
      expect(stored.citations?.entries.map((e) => e.style)).toEqual(['apa', 'chicago', 'mla', 'harvard', 'vancouver']);
      expect(stored.citations).toBe(stored.citations);
      expect({ ...stored }.citations).toEqual(JSON.parse(JSON.stringify(landingCitations({ journal: stored.record.journal, issue: stored.record.issue, articles: [stored.record.article] }, stored.record.article))));
    }
  });

  it('Render uses them: no citeproc call, and the same landing page as one rendered by citeproc', async () => {
    for (const doi of FIXTURE_DOIS) {
      // Act
      const kept = await renderLanding(doi);
      const rendered = await renderLanding(doi, withoutCitations);

      // Assess: citeproc not even loaded for the kept ones
      expect([kept.citeproc, kept.loads], doi).toEqual([0, 0]);
      expect([rendered.citeproc, rendered.loads], doi).toEqual([5, 1]);
      expect(kept.page).toBe(rendered.page);
    }
  });

  it('renders stale citations again with citeproc (an upgraded style or engine), the page unchanged', async () => {
    // Prepare: every entry kept by another engine, each showing a marker if it were used
    const stale = (s: Stored): Stored => ({ ...s, citations: { ...s.citations!, entries: s.citations!.entries.map((e) => ({ ...e, engine: 'older', inline: ['STALE'] })) } });
    const doi = FIXTURE_DOIS[0];

    // Act
    const got = await renderLanding(doi, stale);

    // Assess
    expect(got.citeproc).toBe(5);
    expect(got.page).not.toContain('STALE');
    expect(got.page).toBe((await renderLanding(doi, withoutCitations)).page);
  });

  it('renders a version stored without citations (before this change), or with unreadable ones, as before', async () => {
    // Prepare: version 2 of the first article written as before issue 16 (no citations), then
    // version 3 with a citation attribute that is not gzip JSON
    const doi = FIXTURE_DOIS[0];
    const head = (await records.getHead(doi))!;
    const changed = { ...head.record, article: { ...head.record.article, keywords: [{ lang: 'en', terms: ['kept-citations'] }] } };
    await records.putVersion(changed, 'hash-v2', { batchId: 'old', now: '2026-12-07T12:00:02.000Z' });
    const v2 = await records.getHead(doi);
    expect(v2?.meta.version).toBe(2);
    expect(v2?.citations).toBeUndefined();

    // Act
    const old = await renderLanding(doi);

    // Assess: the same bytes as the page given the citations Ingest would have kept
    expect(old.citeproc).toBe(5);
    const kept: StoredCitations = landingCitations({ journal: changed.journal, issue: changed.issue, articles: [changed.article] }, changed.article);
    expect((await renderLanding(doi, (s) => ({ ...s, citations: kept }))).page).toBe(old.page);
    expect(old.page).toContain('kept-citations');

    // Prepare: unreadable citations in a version item
    const v2Item = (await stage.stack.clients.documents.send(new GetCommand({ TableName: records.tableName, Key: keys.version(doi, 2) }))).Item;
    await stage.stack.clients.documents.send(new PutCommand({ TableName: records.tableName, Item: { ...v2Item, citationsGz: gzipSync('{"not json') } }));
    // Act, Assess
    expect((await records.getHead(doi))?.citations).toBeUndefined();
    expect((await renderLanding(doi)).page).toBe(old.page);
  });

  it('renders citations on a republish only for the articles that get a new version', async () => {
    // Prepare: the first article's head is at the hand-written version 2 (see above); the others are unchanged
    made.length = 0;

    // Act
    await ingest();

    // Assess
    expect(made).toEqual([FIXTURE_DOIS[0]]);
    const head = await records.getHead(FIXTURE_DOIS[0]);
    expect(head?.meta.version).toBe(3);
    expect(head?.citations?.entries).toHaveLength(5);
  });
});
