/**
 * The press benchmark (issue 16): a publisher's stage of 20 journals and, by default, 100,000
 * articles in the records table on DynamoDB Local, through the same adapters the Lambdas use.
 *
 *     npm run bench:press [-- --articles 100000 --journals 20 --concurrency 16]
 *
 * 1. load: every journal, issue (25 articles each) and article written as Ingest writes them
 *    (records store: putJournal, putIssue, putVersion's transaction), `concurrency` at a time:
 *    the records layer's publish throughput (Render, Site and Deposit are bench:pipeline's);
 * 2. key distribution: items per partition of the table and of each index (hot keys);
 * 3. OAI-PMH: a full ListRecords harvest of each journal's repository and of the stage's, through
 *    the Oai Lambda's HTTP handler and oai-store.ts (pages, ms per page by depth, each record
 *    exactly once, completeListSize the same on every page: the resumption tokens are stable);
 * 4. Site: each journal's home page and sitemap(s), then the stage's files (sitemap index over
 *    every journal), through the Site flow, into an in-memory bucket (S3 writes are bench:cost's);
 * 5. status of the biggest issue (listIssueArticleMeta);
 * with the Node process's peak heap and RSS during 3 and 4 (the handlers run in this process).
 *
 * Prints numbers; asserts nothing but correctness of what it harvested (each record once).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createLogger } from '#adapters/logger';
import type { ObjectStore, PutOutcome } from '#adapters/object-store';
import { createOaiHttpHandler, repositoryFor, stageRepositoryFor, type OaiEndpoint } from '#adapters/oai-http';
import { createOaiStore } from '#adapters/oai-store';
import type { ArticleRecord } from '#adapters/records';
import type { Journal } from '#core/model/index';
import { stageSource } from '#core/oai/stage-source';
import { buildJournalFiles, buildStageFiles } from '#handlers/flows/site';
import { recordById, withDoi } from '#tests/core/oai/fixtures';
import { startLocalRecords, type LocalRecords } from '#tests/oai/records-table';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, journals: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '16' } } });
const ARTICLES = Number(values.articles);
const JOURNALS = Number(values.journals);
const CONCURRENCY = Number(values.concurrency);
const PER_ISSUE = 25;

const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const MB = 1024 * 1024;

/**
 * The process's peak heap and RSS while `run` runs, sampled every 20 ms, above what it was before.
 * Under `node --expose-gc` also the peak *live* heap (sampled right after a full collection every
 * 500 ms) and what is still live after `run`: garbage V8 had not collected yet is in the first
 * figure, not in these two.
 */
async function withPeakMemory<T>(run: () => Promise<T>): Promise<{ result: T; heapMb: number; rssMb: number; liveMb?: number; retainedMb?: number }> {
  const gc = global.gc;
  gc?.();
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  let live = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 20);
  const collector = gc === undefined ? undefined : setInterval(() => {
    gc();
    live = Math.max(live, process.memoryUsage().heapUsed);
  }, 500);
  try {
    const result = await run();
    if (gc === undefined) return { result, heapMb: (heap - base.heapUsed) / MB, rssMb: rss / MB };
    gc();
    return { result, heapMb: (heap - base.heapUsed) / MB, rssMb: rss / MB, liveMb: (live - base.heapUsed) / MB, retainedMb: (process.memoryUsage().heapUsed - base.heapUsed) / MB };
  } finally {
    clearInterval(timer);
    if (collector !== undefined) clearInterval(collector);
  }
}

/** The live-heap figures, when the bench runs under `node --expose-gc`. */
const live = (m: { liveMb?: number; retainedMb?: number }): string => (m.liveMb === undefined ? ' (run under node --expose-gc for the live heap)' : `; live heap (after full GCs) peak +${fmt(m.liveMb)} MB, still live after +${fmt(m.retainedMb ?? Number.NaN)} MB`);

/** The stage: `JOURNALS` journals of `ARTICLES / JOURNALS` articles, 25 to an issue, cloned from the rich fixture article. */
function press(): { journals: Journal[]; records: ArticleRecord[] } {
  const template = recordById('a01-petrovic');
  const journals = Array.from({ length: JOURNALS }, (_, j): Journal => ({ ...template.journal, id: `press-${String(j + 1).padStart(2, '0')}`, doiPrefix: `10.${5000 + j}` } as Journal));
  const records: ArticleRecord[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    const journal = journals[n % JOURNALS]!;
    const within = Math.floor(n / JOURNALS);
    const issueNo = Math.floor(within / PER_ISSUE);
    const issue = { ...template.issue, id: `V${String(issueNo + 1).padStart(4, '0')}`, number: String((issueNo % 4) + 1), year: 1970 + Math.floor(issueNo / 4) };
    const doi = `10.${5000 + (n % JOURNALS)}/press.${String(within + 1).padStart(6, '0')}`;
    const record = withDoi({ ...template, journal, issue }, doi, `a${String((within % PER_ISSUE) + 1).padStart(3, '0')}`);
    records.push(record as ArticleRecord);
  }
  return { journals, records };
}

async function load(local: LocalRecords, stage: ReturnType<typeof press>): Promise<void> {
  const start = Date.UTC(2024, 0, 1);
  const at = (n: number) => ({ batchId: `press-${Math.floor(n / PER_ISSUE)}`, now: new Date(start + n * 10).toISOString() });
  for (const journal of stage.journals) await local.records.putJournal(journal, `hash-${journal.id}`, at(0).now);
  const issues = new Map<string, ArticleRecord>();
  for (const r of stage.records) issues.set(`${r.journal.id}/${r.issue.id}`, r);
  const t0 = performance.now();
  let next = 0;
  const issueList = [...issues.values()];
  const issueWorker = async (): Promise<void> => {
    while (next < issueList.length) {
      const r = issueList[next++]!;
      await local.records.putIssue(r.journal, r.issue, `hash-${r.journal.id}/${r.issue.id}`, at(0));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, issueWorker));
  const t1 = performance.now();
  let done = 0;
  let lastReport = t1;
  next = 0;
  const worker = async (): Promise<void> => {
    while (next < stage.records.length) {
      const n = next++;
      const record = stage.records[n]!;
      await local.records.putVersion(record, `hash-${n}`, at(n));
      done += 1;
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        console.log(`  … ${done} articles written, ${fmt(done / ((lastReport - t1) / 1000))} articles/s`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const t2 = performance.now();
  console.log(`load: ${issues.size} issues in ${fmt((t1 - t0) / 1000, 1)} s; ${stage.records.length} articles in ${fmt((t2 - t1) / 1000, 1)} s = ${fmt(stage.records.length / ((t2 - t1) / 1000))} articles/s (records layer: version + head + counter transaction, ${CONCURRENCY} writers)`);
}

/** Items per partition key of the table and of each index: the largest partition's share is the hot-key figure. */
async function keyDistribution(local: LocalRecords): Promise<void> {
  const counts = { pk: new Map<string, number>(), gsi1pk: new Map<string, number>(), gsi2pk: new Map<string, number>(), gsi3pk: new Map<string, number>() };
  let start: Record<string, unknown> | undefined;
  const t = performance.now();
  do {
    const page = await local.client.send(new ScanCommand({ TableName: local.tableName, ProjectionExpression: 'pk, gsi1pk, gsi2pk, gsi3pk', ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) for (const [name, map] of Object.entries(counts)) if (typeof item[name] === 'string') map.set(item[name], (map.get(item[name]) ?? 0) + 1);
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  console.log(`\nkey distribution (scan ${fmt((performance.now() - t) / 1000, 1)} s): items per partition key`);
  for (const [name, map] of Object.entries(counts)) {
    const sizes = [...map.values()];
    const total = sizes.reduce((a, b) => a + b, 0);
    const [top, topCount] = [...map].sort((a, b) => b[1] - a[1])[0] ?? ['–', 0];
    console.log(`  ${name.padEnd(7)} ${String(total).padStart(8)} items in ${String(map.size).padStart(7)} partitions; median ${fmt(pct(sizes, 50))}, max ${topCount} (${top}, ${fmt((100 * topCount) / Math.max(total, 1), 1)}%)`);
  }
}

const event = (path: string, query: string): APIGatewayProxyEventV2 =>
  ({ version: '2.0', rawPath: path, rawQueryString: query, headers: { 'accept-encoding': 'gzip' }, isBase64Encoded: false, requestContext: { http: { method: 'GET', path } } }) as unknown as APIGatewayProxyEventV2;

type Harvest = { readonly pages: number[]; readonly received: number; readonly distinct: number; readonly sizes: Set<string>; readonly seconds: number };

/** One full ListRecords harvest of a repository: every page's latency, every identifier, every completeListSize seen. */
async function harvest(handler: ReturnType<typeof createOaiHttpHandler>, path: string): Promise<Harvest> {
  const pages: number[] = [];
  const seen = new Set<string>();
  const sizes = new Set<string>();
  let received = 0;
  let query: string | undefined = 'verb=ListRecords&metadataPrefix=oai_dc';
  const started = performance.now();
  while (query !== undefined) {
    const t = performance.now();
    const res = await handler(event(path, query));
    pages.push(performance.now() - t);
    const xml = res.isBase64Encoded ? gunzipSync(Buffer.from(res.body!, 'base64')).toString('utf8') : res.body!;
    if (res.statusCode !== 200 || xml.includes('<error')) throw new Error(`bench: ${path}?${query} answered ${res.statusCode}: ${xml.slice(0, 300)}`);
    for (const m of xml.matchAll(/<header>\s*<identifier>([^<]+)<\/identifier>/g)) {
      seen.add(m[1]!);
      received += 1;
    }
    const token = /<resumptionToken([^>]*)>([^<]*)<\/resumptionToken>/.exec(xml);
    const size = token ? /completeListSize="(\d+)"/.exec(token[1]!)?.[1] : undefined;
    if (size !== undefined) sizes.add(size);
    query = token?.[2] ? `verb=ListRecords&resumptionToken=${encodeURIComponent(token[2])}` : undefined;
  }
  return { pages, received, distinct: seen.size, sizes, seconds: (performance.now() - started) / 1000 };
}

function reportHarvest(what: string, h: Harvest, expected: number): void {
  const tenth = Math.max(1, Math.floor(h.pages.length / 10));
  const ok = h.received === expected && h.distinct === expected && h.sizes.size <= 1;
  console.log(
    `  ${what}: ${h.received} records (${h.distinct} distinct of ${expected}) in ${h.pages.length} pages, ${fmt(h.seconds, 1)} s; ms per page p50 ${fmt(pct(h.pages, 50))}, p95 ${fmt(pct(h.pages, 95))}, max ${fmt(Math.max(...h.pages))}; ` +
      `p95 of the first / last tenth ${fmt(pct(h.pages.slice(0, tenth), 95))} / ${fmt(pct(h.pages.slice(-tenth), 95))}; completeListSize ${[...h.sizes].join(', ') || '–'}; ${ok ? 'each record once' : 'NOT each record once'}`,
  );
}

async function oai(local: LocalRecords, journals: readonly Journal[], perJournal: number): Promise<void> {
  const settings = { adminEmails: ['bench@example.org'], tokenSecret: 'press-bench' };
  const sourceOf = (journal: Journal) => createOaiStore({ client: local.client, tableName: local.tableName, journalId: journal.id });
  const endpoint = (journalId: string | undefined): Promise<OaiEndpoint | undefined> => {
    if (journalId === undefined) return Promise.resolve({ repository: stageRepositoryFor(journals, settings), source: stageSource(journals.map((journal) => ({ journal, source: sourceOf(journal) }))) });
    const journal = journals.find((j) => j.id === journalId);
    return Promise.resolve(journal && { repository: repositoryFor(journal, settings), source: sourceOf(journal) });
  };
  const handler = createOaiHttpHandler({ endpoint, log: createLogger('press-bench', {}, 'error'), now: () => new Date() });
  console.log(`\nOAI-PMH full harvests (ListRecords, oai_dc, through the Oai handler and oai-store.ts on DynamoDB Local)`);
  const all: number[] = [];
  let seconds = 0;
  const perJournalMemory = await withPeakMemory(async () => {
    for (const [k, journal] of journals.entries()) {
      const h = await harvest(handler, `/api/oai/${journal.id}`);
      all.push(...h.pages);
      seconds += h.seconds;
      if (k < 3 || k === journals.length - 1) reportHarvest(`journal ${journal.id}`, h, perJournal);
      else if (h.received !== perJournal || h.distinct !== perJournal || h.sizes.size > 1) reportHarvest(`journal ${journal.id}`, h, perJournal);
    }
  });
  console.log(`  every journal: ${all.length} pages, ${fmt(seconds, 1)} s for ${perJournal * journals.length} records; ms per page p50 ${fmt(pct(all, 50))}, p95 ${fmt(pct(all, 95))}, max ${fmt(Math.max(...all))}; peak heap +${fmt(perJournalMemory.heapMb)} MB, RSS ${fmt(perJournalMemory.rssMb)} MB${live(perJournalMemory)}`);
  const stage = await withPeakMemory(() => harvest(handler, '/api/oai'));
  reportHarvest('the stage repository (every journal)', stage.result, perJournal * journals.length);
  console.log(`  stage harvest: peak heap +${fmt(stage.heapMb)} MB, RSS ${fmt(stage.rssMb)} MB${live(stage)}`);
}

async function site(local: LocalRecords, journals: readonly Journal[]): Promise<void> {
  const bucket = new Map<string, number>();
  const sink = {
    putIfChanged: (key: string, body: string | Uint8Array): Promise<PutOutcome> => {
      bucket.set(key, typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      return Promise.resolve({ key, sha256: '', written: true });
    },
  } as unknown as ObjectStore;
  const deps = { records: local.records, site: sink, log: createLogger('press-bench', {}, 'error'), siteBaseUrl: 'https://press.example.org' };
  console.log(`\nSite: each journal's home page and sitemap(s), then the stage's files (sitemap index), into an in-memory bucket`);
  const perJournal: number[] = [];
  const { result: stageMs, heapMb, rssMb } = await withPeakMemory(async () => {
    const parts = new Map<string, Awaited<ReturnType<typeof buildJournalFiles>>['sitemapParts']>();
    for (const journal of journals) {
      const t = performance.now();
      parts.set(journal.id, (await buildJournalFiles(deps, journal.id)).sitemapParts);
      perJournal.push(performance.now() - t);
    }
    const t = performance.now();
    await buildStageFiles(deps, parts);
    const known = performance.now() - t;
    // What a site job for one journal does for the others: their sitemap parts from the records.
    const t2 = performance.now();
    await buildStageFiles(deps, new Map([...parts].slice(0, 1)));
    return { known, fromRecords: performance.now() - t2 };
  });
  const sitemaps = [...bucket.keys()].filter((k) => k.endsWith('.xml'));
  const urls = sitemaps.filter((k) => /sitemap/.test(k)).length;
  console.log(`  journal files: ${fmt(pct(perJournal, 50))} ms median, ${fmt(Math.max(...perJournal))} ms max per journal (${journals.length} journals, ${fmt(perJournal.reduce((a, b) => a + b, 0) / 1000, 1)} s in all)`);
  console.log(`  stage files: ${fmt(stageMs.known)} ms with every journal's parts known (the schedule's rebuild), ${fmt(stageMs.fromRecords)} ms when a job built one journal and reads the other ${journals.length - 1} journals' sitemaps from the records`);
  console.log(`  ${bucket.size} files written (${sitemaps.length} XML, ${urls} sitemap files, ${fmt([...bucket.values()].reduce((a, b) => a + b, 0) / MB, 1)} MB); peak heap +${fmt(heapMb)} MB, RSS ${fmt(rssMb)} MB`);
}

async function status(local: LocalRecords, journal: Journal): Promise<void> {
  const t = performance.now();
  const heads = await local.records.listIssueArticleMeta(journal.id, 'V0001', { scheduled: true });
  console.log(`\nstatus of one issue (${heads.length} articles: listIssueArticleMeta, query + BatchGetItem): ${fmt(performance.now() - t)} ms`);
}

const stage = press();
const perJournal = ARTICLES / JOURNALS;
if (!Number.isInteger(perJournal)) throw new Error(`bench: --articles ${ARTICLES} is not a multiple of --journals ${JOURNALS}`);
console.log(`press: ${JOURNALS} journals × ${perJournal} articles = ${ARTICLES} articles, ${PER_ISSUE} to an issue (${ARTICLES / PER_ISSUE} issues), cloned from the fixture article a01-petrovic`);
const local = await startLocalRecords();
try {
  await load(local, stage);
  await keyDistribution(local);
  await oai(local, stage.journals, perJournal);
  await site(local, stage.journals);
  await status(local, stage.journals[0]!);
} finally {
  await local.stop();
}
