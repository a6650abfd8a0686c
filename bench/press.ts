/**
 * The press benchmark (issue 16): a publisher's stage of 20 journals and, by default, 100,000
 * articles in the records table on DynamoDB Local, through the same adapters the Lambdas use.
 *
 *     npm run bench:press [-- --articles 100000 --journals 20 --concurrency 16 --load direct|pipeline --big-issue 5000]
 *     node --expose-gc --import tsx bench/press.ts …   (live heap, and what holds its peak)
 *
 * 1. load: every journal, issue (25 articles each; with `--big-issue N` the first journal's first
 *    N articles make one issue) and article written as Ingest writes them (records store:
 *    putJournal, putIssue, putVersion's Puts), `concurrency` at a time: the records
 *    layer's publish throughput (Render, Site and Deposit are bench:pipeline's); or, with
 *    `--load direct`, putVersion's very items written by BatchWriteItem (bench/press-load.ts);
 * 2. key distribution: items per partition of the table and of each index (hot keys);
 * 3. OAI-PMH: a full ListRecords harvest of each journal's repository and of the stage's, through
 *    the Oai Lambda's HTTP handler and oai-store.ts (bench/press-oai.ts: ms, DynamoDB requests
 *    and items read per page by depth, each record exactly once, completeListSize the same on
 *    every page: the resumption tokens are stable);
 * 4. Site: each journal's home page and sitemap(s), then the stage's files (sitemap index over
 *    every journal), through the Site flow, into an in-memory bucket (S3 writes are bench:cost's);
 *    every sitemap file checked against the sitemaps.org rules (tests/helpers/sitemap-rules.ts);
 * 5. `colophon status` of the biggest issue (collectStatus, as the CLI runs it): time and requests;
 * with the Node process's peak heap and RSS during 3 and 4 (the handlers run in this process).
 *
 * Prints numbers; asserts nothing but correctness of what it harvested (each record once).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseArgs } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createLogger } from '#adapters/logger';
import type { ObjectStore, PutOutcome } from '#adapters/object-store';
import type { ArticleRecord } from '#adapters/records';
import { collectStatus, formatStatus } from '#cli/status-command';
import type { StageTarget } from '#cli/stage';
import type { Journal } from '#core/model/index';
import { canonicalInstant } from '#core/oai/datestamp';
import { SITEMAP_INDEX_KEY } from '#core/urls';
import { buildJournalFiles, buildStageFiles } from '#handlers/flows/site';
import { recordById, withDoi } from '#tests/core/oai/fixtures';
import { startLocalRecords, type LocalRecords } from '#tests/oai/records-table';
import { sitemapLocs, sitemapProblems } from '#tests/helpers/sitemap-rules';
import { tallyDynamo, type DynamoTally, type Tally } from './dynamo-tally.ts';
import { loadDirect, type At } from './press-load.ts';
import { withPeakMemory } from './press-memory.ts';
import { fmt, loadAverage, memoryLine, oai, pct, processCpuSeconds } from './press-oai.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    journals: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '16' },
    load: { type: 'string', default: 'direct' },
    'big-issue': { type: 'string', default: '5000' },
    /** How many journals' own repositories to harvest whole (the stage's is always harvested). */
    'journal-harvests': { type: 'string', default: '20' },
    /** 0: harvest the stage's repository whole; N: N pages at its start, middle and end. */
    'stage-pages': { type: 'string', default: '0' },
    'table-scan': { type: 'string', default: 'yes' },
    /** A V8 CPU profile of the OAI phase's journal harvests, written to this file. */
    'cpu-profile': { type: 'string' },
    /** Which phases after the load to run (comma-separated): keys, oai, site, status. */
    phases: { type: 'string', default: 'keys,oai,site,status' },
    /**
     * `<endpoint>[,<pid>]`: a DynamoDB Local another bench:press run with the same --articles,
     * --journals and --big-issue has loaded (still running): no start, no load; the phases read its table.
     */
    attach: { type: 'string' },
  },
});
const ARTICLES = Number(values.articles);
const JOURNALS = Number(values.journals);
const CONCURRENCY = Number(values.concurrency);
const PER_ISSUE = 25;
const BIG_ISSUE = Math.min(Number(values['big-issue']), ARTICLES / JOURNALS);
if (values.load !== 'direct' && values.load !== 'pipeline') throw new Error(`bench: --load is direct or pipeline, not ${values.load}`);
const MB = 1024 * 1024;
const SITE_BASE_URL = 'https://press.example.org';

/** Which issue the `within`-th article of a journal sits in, and its id there: the first journal's first BIG_ISSUE articles make one issue. */
function placeOf(journalIndex: number, within: number): { issueNo: number; articleNo: number } {
  if (journalIndex === 0 && BIG_ISSUE > PER_ISSUE) return within < BIG_ISSUE ? { issueNo: 0, articleNo: within } : { issueNo: 1 + Math.floor((within - BIG_ISSUE) / PER_ISSUE), articleNo: (within - BIG_ISSUE) % PER_ISSUE };
  return { issueNo: Math.floor(within / PER_ISSUE), articleNo: within % PER_ISSUE };
}

/** The stage: `JOURNALS` journals of `ARTICLES / JOURNALS` articles, 25 to an issue, cloned from the rich fixture article. */
function press(): { journals: Journal[]; records: ArticleRecord[] } {
  const template = recordById('a01-petrovic');
  // Every journal served by the stage's site, as on a publisher's stage (the sitemap index lists parts on its own host).
  const journals = Array.from({ length: JOURNALS }, (_, j): Journal => ({ ...template.journal, id: `press-${String(j + 1).padStart(2, '0')}`, doiPrefix: `10.${5000 + j}`, base_url: SITE_BASE_URL } as Journal));
  const records: ArticleRecord[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    const journal = journals[n % JOURNALS]!;
    const within = Math.floor(n / JOURNALS);
    const { issueNo, articleNo } = placeOf(n % JOURNALS, within);
    const issue = { ...template.issue, id: `V${String(issueNo + 1).padStart(4, '0')}`, number: String((issueNo % 4) + 1), year: 1970 + Math.floor(issueNo / 4) };
    const doi = `10.${5000 + (n % JOURNALS)}/press.${String(within + 1).padStart(6, '0')}`;
    const record = withDoi({ ...template, journal, issue }, doi, `a${String(articleNo + 1).padStart(4, '0')}`);
    records.push(record as ArticleRecord);
  }
  return { journals, records };
}

async function load(local: LocalRecords, stage: ReturnType<typeof press>): Promise<ReadonlyMap<string, number> | undefined> {
  const at: At = (n) => ({ batchId: `press-${Math.floor(n / PER_ISSUE)}`, now: writtenAt(n) });
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
  let lastReport = t1;
  const progress = (done: number): void => {
    if (performance.now() - lastReport < 30_000) return;
    lastReport = performance.now();
    console.log(`  … ${done} articles written, ${fmt(done / ((lastReport - t1) / 1000))} articles/s (load ${loadAverage()})`);
  };
  const db0 = processCpuSeconds(local.emulator.pid);
  const written = new Map<string, number>();
  if (values.load === 'direct') await loadDirect(local, stage.records, at, CONCURRENCY, progress, (pk) => written.set(pk, (written.get(pk) ?? 0) + 1));
  else {
    let done = 0;
    next = 0;
    const worker = async (): Promise<void> => {
      while (next < stage.records.length) {
        const n = next++;
        await local.records.putVersion(stage.records[n]!, `hash-${n}`, at(n));
        progress((done += 1));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // As Ingest counts each batch's new articles (records-counter.ts): here one count per journal.
    const perJournal = new Map<string, number>();
    for (const r of stage.records) perJournal.set(r.journal.id, (perJournal.get(r.journal.id) ?? 0) + 1);
    for (const [journalId, n] of perJournal) await local.records.countFirstPublished(journalId, 'press', n);
  }
  const t2 = performance.now();
  const how = values.load === 'direct' ? "putVersion's items by BatchWriteItem (bench/press-load.ts), not a publish throughput" : 'records layer: version and head Puts, one counter Put per journal';
  if (values.load === 'direct') {
    // The journals' and issues' items too (written by the records store itself).
    for (const j of stage.journals) written.set(`JOURNAL#${j.id}`, 2);
    for (const key of issues.keys()) written.set(`ISSUE#${key.replace('/', '#')}`, 1);
  }
  console.log(`load (${values.load}): ${issues.size} issues in ${fmt((t1 - t0) / 1000, 1)} s; ${stage.records.length} articles in ${fmt((t2 - t1) / 1000, 1)} s = ${fmt(stage.records.length / ((t2 - t1) / 1000))} articles/s, DynamoDB Local CPU ${fmt(processCpuSeconds(local.emulator.pid) - db0, 1)} s (${how}, ${CONCURRENCY} writers; load ${loadAverage()})`);
  return values.load === 'direct' ? written : undefined;
}

/**
 * Items per partition key of each index and of the table: the largest partition's share is the
 * hot-key figure. Each index is scanned on its own (keys and a few attributes, ~15 requests per
 * 100,000 entries); the table's partitions are counted by a scan too unless `--table-scan no`
 * (a scan reads every record body: minutes at 100,000 on a loaded machine), when the items the
 * direct load wrote are counted instead.
 */
async function keyDistribution(local: LocalRecords, written: ReadonlyMap<string, number> | undefined): Promise<void> {
  const t = performance.now();
  const scan = async (name: string, indexName: string | undefined): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await local.client.send(new ScanCommand({ TableName: local.tableName, ...(indexName ? { IndexName: indexName } : {}), ProjectionExpression: name, ExclusiveStartKey: start }));
      for (const item of page.Items ?? []) if (typeof item[name] === 'string') counts.set(item[name], (counts.get(item[name]) ?? 0) + 1);
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return counts;
  };
  const tableCounts = values['table-scan'] === 'no' && written !== undefined ? written : await scan('pk', undefined);
  const counts: [string, Map<string, number> | ReadonlyMap<string, number>][] = [[`pk${tableCounts === written ? ' (items written)' : ''}`, tableCounts]];
  for (const index of ['gsi1', 'gsi2', 'gsi3']) counts.push([`${index}pk`, await scan(`${index}pk`, index)]);
  console.log(`\nkey distribution (scans ${fmt((performance.now() - t) / 1000, 1)} s, load ${loadAverage()}): items per partition key of the table (pk) and of each index`);
  for (const [name, map] of counts) {
    const sizes = [...map.values()];
    const total = sizes.reduce((a, b) => a + b, 0);
    const ranked = [...map].sort((a, b) => b[1] - a[1]);
    const [top, topCount] = ranked[0] ?? ['–', 0];
    const byKind = new Map<string, number>();
    for (const [key, n] of map) byKind.set(key.replace(/#.*$/, ''), Math.max(byKind.get(key.replace(/#.*$/, '')) ?? 0, n));
    console.log(`  ${name.padEnd(7)} ${String(total).padStart(8)} items in ${String(map.size).padStart(7)} partitions; median ${fmt(pct(sizes, 50))}, max ${topCount} (${top}, ${fmt((100 * topCount) / Math.max(total, 1), 1)}% of the ${name.startsWith('pk') ? 'table' : 'index'}; a fair share of ${map.size} is ${fmt(100 / Math.max(map.size, 1), 2)}%)`);
    if (!name.startsWith('pk')) console.log(`          largest partition by kind: ${[...byKind].map(([kind, n]) => `${kind}# ${n}`).join(', ')}`);
  }
}

async function site(local: LocalRecords, journals: readonly Journal[], siteTally: DynamoTally): Promise<void> {
  const bucket = new Map<string, number>();
  const sitemaps = new Map<string, string>();
  const sink = {
    putIfChanged: (key: string, body: string | Uint8Array): Promise<PutOutcome> => {
      bucket.set(key, typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
      if (/^sitemap[^/]*\.xml$/.test(key)) sitemaps.set(key, typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
      return Promise.resolve({ key, sha256: '', written: true });
    },
  } as unknown as ObjectStore;
  const siteBaseUrl = SITE_BASE_URL;
  const deps = { records: local.records, site: sink, log: createLogger('press-bench', {}, 'error'), siteBaseUrl };
  console.log(`\nSite: each journal's home page and sitemap(s), then the stage's files (sitemap index), into an in-memory bucket (load ${loadAverage()})`);
  const perJournal: number[] = [];
  const m = await withPeakMemory(async () => {
    const parts = new Map<string, Awaited<ReturnType<typeof buildJournalFiles>>['sitemapParts']>();
    for (const journal of journals) {
      const t = performance.now();
      parts.set(journal.id, (await buildJournalFiles(deps, journal.id)).sitemapParts);
      perJournal.push(performance.now() - t);
    }
    const t = performance.now();
    await buildStageFiles(deps, parts);
    const known = performance.now() - t;
    // What a site job for one journal does for the others: their kept sitemap parts (records-sitemaps.ts).
    siteTally.reset();
    const t2 = performance.now();
    await buildStageFiles(deps, new Map([...parts].slice(0, 1)));
    return { known, fromRecords: performance.now() - t2, work: siteTally.reset() };
  });
  const { result: stageMs } = m;
  console.log(`  journal files: ${fmt(pct(perJournal, 50))} ms median, ${fmt(Math.max(...perJournal))} ms max per journal (${journals.length} journals, ${fmt(perJournal.reduce((a, b) => a + b, 0) / 1000, 1)} s in all)`);
  console.log(`  stage files: ${fmt(stageMs.known)} ms with every journal's parts known (the schedule's rebuild); ${fmt(stageMs.fromRecords)} ms and ${work(stageMs.work)} when a job built one journal and reads the other ${journals.length - 1} journals' kept parts`);
  console.log(`  ${bucket.size} files written (${sitemaps.size} sitemap files, ${fmt([...bucket.values()].reduce((a, b) => a + b, 0) / MB, 1)} MB); ${memoryLine(m)}`);
  // The sitemaps.org rules on every file, and the index listing every part exactly once.
  const index = sitemaps.get(SITEMAP_INDEX_KEY) ?? '';
  const listed = sitemapLocs(index);
  const problems = sitemapProblems(index, `${siteBaseUrl}/${SITEMAP_INDEX_KEY}`, 'sitemapindex').map((p) => `${SITEMAP_INDEX_KEY}: ${p}`);
  let urls = 0;
  let largest = { key: '–', urls: 0, bytes: 0 };
  for (const [key, body] of sitemaps) {
    if (key === SITEMAP_INDEX_KEY) continue;
    problems.push(...sitemapProblems(body, `${siteBaseUrl}/${key}`, 'urlset').slice(0, 3).map((p) => `${key}: ${p}`));
    const n = sitemapLocs(body).length;
    urls += n;
    if (n > largest.urls) largest = { key, urls: n, bytes: Buffer.byteLength(body) };
    if (!listed.includes(`${siteBaseUrl}/${key}`)) problems.push(`${key} is not in the index`);
  }
  if (listed.length !== sitemaps.size - 1 || new Set(listed).size !== listed.length) problems.push(`the index lists ${listed.length} sitemaps (${new Set(listed).size} distinct) for ${sitemaps.size - 1} parts`);
  console.log(`  sitemap index: ${listed.length} parts, ${urls} URLs in all; largest part ${largest.key} ${largest.urls} URLs, ${fmt(largest.bytes / MB, 1)} MB (limits 50,000 and 50 MB); sitemaps.org rules: ${problems.length === 0 ? 'kept by every file' : `BROKEN:\n    ${problems.slice(0, 10).join('\n    ')}`}`);
}

const work = (t: Tally): string => `${t.requests} requests (${[...t.byOperation].map(([op, n]) => `${op} ${n}`).join(', ')}), ${t.itemsRead} items read, ${fmt(t.readUnits, 1)} RCU`;

/** `colophon status <issue>` as the CLI runs it (collectStatus over one issue; then its table), on its own client so its requests are counted apart. */
async function status(local: LocalRecords, journal: Journal, issueId: string): Promise<void> {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
  const { LOCAL_CREDENTIALS, LOCAL_REGION } = await import('#infra/local/paths');
  const raw = new DynamoDBClient({ endpoint: local.emulator.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const tally = tallyDynamo(raw);
  const target = { stage: 'local', source: 'bench:press', outputs: { TableName: local.tableName }, siteUrl: 'https://press.example.org', dynamodb: raw, documents: DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }), close: () => raw.destroy() } as unknown as StageTarget;
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const report = await collectStatus(target, [{ journalId: journal.id, folderJournalId: journal.id, issueId }]);
  const lines = formatStatus(report);
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  console.log(`\ncolophon status ${journal.id}/${issueId} (${report.issues[0]?.articles.length ?? 0} articles, ${lines.length} lines; collectStatus + formatStatus): ${fmt(ms)} ms wall, ${fmt((cpu.user + cpu.system) / 1000)} ms CPU in node; ${work(tally.now)} (load ${loadAverage()})`);
  target.close();
}

const START = Date.UTC(2024, 0, 1);
/** When the bench wrote its n-th article (each 10 ms after the one before, so the stage's harvest order is n order). */
const writtenAt = (n: number): string => new Date(START + n * 10).toISOString();

const stage = press();
const perJournal = ARTICLES / JOURNALS;
if (!Number.isInteger(perJournal)) throw new Error(`bench: --articles ${ARTICLES} is not a multiple of --journals ${JOURNALS}`);
console.log(`press: ${JOURNALS} journals × ${perJournal} articles = ${ARTICLES} articles, ${PER_ISSUE} to an issue${BIG_ISSUE > PER_ISSUE ? ` (${stage.journals[0]!.id}/V0001 holds ${BIG_ISSUE})` : ''}, ${new Set(stage.records.map((r) => `${r.journal.id}/${r.issue.id}`)).size} issues, cloned from the fixture article a01-petrovic; load ${loadAverage()}`);
async function attach(spec: string): Promise<LocalRecords> {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
  const { createRecordsStore } = await import('#adapters/records');
  const { LOCAL_CREDENTIALS, LOCAL_REGION } = await import('#infra/local/paths');
  const [endpoint = '', pid] = spec.split(',');
  const raw = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const tableName = 'RecordsTable';
  const emulator = { endpoint, port: Number(new URL(endpoint).port), startupMs: 0, pid: pid === undefined ? undefined : Number(pid), stop: () => Promise.resolve() };
  return { emulator, client, tableName, records: createRecordsStore(client, tableName), stop: () => Promise.resolve(raw.destroy()) };
}

const local = values.attach === undefined ? await startLocalRecords() : await attach(values.attach);
const tally = tallyDynamo(local.client as unknown as DynamoDBClient);
try {
  const phases = new Set(values.phases.split(','));
  const written = values.attach === undefined ? await load(local, stage) : undefined;
  if (phases.has('keys')) await keyDistribution(local, written);
  if (phases.has('oai')) await oai(local, stage.journals, perJournal, tally, { journalHarvests: Number(values['journal-harvests']), stagePages: Number(values['stage-pages']), positionAt: (k) => ({ changedAt: canonicalInstant(writtenAt(k)), key: stage.records[k]!.article.doi.toLowerCase() }), cpuProfile: values['cpu-profile'] });
  if (phases.has('site')) await site(local, stage.journals, tally);
  if (phases.has('status')) await status(local, stage.journals[0]!, 'V0001');
} finally {
  await local.stop();
}
