/**
 * bench:press's OAI-PMH part: full ListRecords harvests (oai_dc) of each journal's repository and
 * of the stage's, through the Oai Lambda's HTTP handler and oai-store.ts on DynamoDB Local. Per
 * page: wall time, and what load does not change: DynamoDB requests, read units and items read
 * (bench/dynamo-tally.ts). Reported by depth (the first page, the middle tenth, the last tenth),
 * so bounded paging shows as flat request and item counts from the first page to the last.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { gunzipSync } from 'node:zlib';
import { createLogger } from '#adapters/logger';
import { createOaiHttpHandler, repositoryFor, stageRepositoryFor, type OaiEndpoint } from '#adapters/oai-http';
import { createOaiStore } from '#adapters/oai-store';
import { createVersionReader } from '#adapters/oai-versions';
import type { Journal } from '#core/model/index';
import type { OaiPosition } from '#core/oai/source';
import { decodeToken, encodeToken } from '#core/oai/token';
import { stageSource } from '#core/oai/stage-source';
import type { LocalRecords } from '#tests/oai/records-table';
import type { DynamoTally } from './dynamo-tally.ts';
import { withPeakMemory, live, type PeakMemory } from './press-memory.ts';

export const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
export const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** CPU seconds a process has used (Linux /proc), for DynamoDB Local's share of a harvest. */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
const nodeCpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const event = (path: string, query: string): APIGatewayProxyEventV2 =>
  ({ version: '2.0', rawPath: path, rawQueryString: query, headers: { 'accept-encoding': 'gzip' }, isBase64Encoded: false, requestContext: { http: { method: 'GET', path } } }) as unknown as APIGatewayProxyEventV2;

type Page = { readonly ms: number; readonly requests: number; readonly readUnits: number; readonly itemsRead: number };
type Harvest = { readonly pages: Page[]; readonly received: number; readonly distinct: number; readonly sizes: Set<string>; readonly seconds: number; readonly nodeCpu: number; readonly dbCpu: number };

/**
 * A ListRecords harvest of a repository (whole, or `maxPages` pages from `query`): every page's
 * latency and DynamoDB work, every identifier, every completeListSize seen, and the last token.
 */
async function harvest(handler: ReturnType<typeof createOaiHttpHandler>, path: string, tally: DynamoTally, dbPid: number | undefined, from: { readonly query?: string; readonly maxPages?: number } = {}): Promise<Harvest & { readonly token?: string | undefined }> {
  const pages: Page[] = [];
  const seen = new Set<string>();
  const sizes = new Set<string>();
  let received = 0;
  let query: string | undefined = from.query ?? 'verb=ListRecords&metadataPrefix=oai_dc';
  let last: string | undefined;
  const started = performance.now();
  const [node0, db0] = [nodeCpuSeconds(), processCpuSeconds(dbPid)];
  while (query !== undefined && pages.length < (from.maxPages ?? Infinity)) {
    tally.reset();
    const t = performance.now();
    const res = await handler(event(path, query));
    const ms = performance.now() - t;
    const work = tally.reset();
    pages.push({ ms, requests: work.requests, readUnits: work.readUnits, itemsRead: work.itemsRead });
    const xml = res.isBase64Encoded ? gunzipSync(Buffer.from(res.body!, 'base64')).toString('utf8') : res.body!;
    if (res.statusCode !== 200 || xml.includes('<error')) throw new Error(`bench: ${path}?${query} answered ${res.statusCode}: ${xml.slice(0, 300)}`);
    for (const m of xml.matchAll(/<header>\s*<identifier>([^<]+)<\/identifier>/g)) {
      // A copy, not the match: V8 keeps a substring as a slice of its parent, so keeping the match
      // would keep every page's whole XML alive until the harvest ends (the +125 MB of a 20k stage harvest).
      seen.add(Buffer.from(m[1]!, 'utf8').toString('utf8'));
      received += 1;
    }
    const token = /<resumptionToken([^>]*)>([^<]*)<\/resumptionToken>/.exec(xml);
    const size = token ? /completeListSize="(\d+)"/.exec(token[1]!)?.[1] : undefined;
    if (size !== undefined) sizes.add(size);
    last = token?.[2] || undefined;
    query = last === undefined ? undefined : `verb=ListRecords&resumptionToken=${encodeURIComponent(last)}`;
  }
  return { pages, received, distinct: seen.size, sizes, seconds: (performance.now() - started) / 1000, nodeCpu: nodeCpuSeconds() - node0, dbCpu: processCpuSeconds(dbPid) - db0, token: last };
}

/** ms p50/p95/max and the per-page DynamoDB work of a stretch of pages. */
function stretch(pages: readonly Page[]): string {
  const ms = pages.map((p) => p.ms);
  const range = (f: (p: Page) => number, digits = 0): string => {
    const xs = pages.map(f);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    return lo === hi ? fmt(lo, digits) : `${fmt(lo, digits)}–${fmt(hi, digits)}`;
  };
  return `ms p50 ${fmt(pct(ms, 50))} p95 ${fmt(pct(ms, 95))} max ${fmt(Math.max(...ms))}; requests ${range((p) => p.requests)}, items read ${range((p) => p.itemsRead)}, RCU ${range((p) => p.readUnits, 1)} a page`;
}

function reportHarvest(what: string, h: Harvest, expected: number): void {
  const n = h.pages.length;
  const tenth = Math.max(1, Math.floor(n / 10));
  const mid = Math.max(1, Math.floor(n / 2) - Math.floor(tenth / 2));
  const ok = h.received === expected && h.distinct === expected && h.sizes.size <= 1;
  console.log(
    `  ${what}: ${h.received} records (${h.distinct} distinct of ${expected}) in ${n} pages, ${fmt(h.seconds, 1)} s wall, CPU ${fmt(h.nodeCpu, 1)} s node + ${fmt(h.dbCpu, 1)} s DynamoDB Local; ` +
      `completeListSize ${[...h.sizes].join(', ') || '–'}; ${ok ? 'each record once' : 'NOT each record once'}`,
  );
  console.log(`    all pages:         ${stretch(h.pages)}`);
  console.log(`    first page:        ${stretch(h.pages.slice(0, 1))}`);
  if (n > 2) {
    console.log(`    pages 2–${fmt(tenth + 1)}:  ${stretch(h.pages.slice(1, tenth + 1))}`);
    console.log(`    middle tenth:      ${stretch(h.pages.slice(mid, mid + tenth))}`);
    console.log(`    last tenth:        ${stretch(h.pages.slice(-tenth))}`);
  }
}

export type OaiOptions = {
  /** How many journals' own repositories to harvest whole. */
  readonly journalHarvests: number;
  /** 0: harvest the stage's repository whole; else this many pages from its start, its middle and its end (tokens made as the server makes them). */
  readonly stagePages: number;
  /** The stage's k-th record in harvest order (0-based), as the bench wrote them. */
  readonly positionAt: (k: number) => OaiPosition;
  /** Where to write a V8 CPU profile of the journals' harvests (`.cpuprofile`, for DevTools), with its top functions printed. */
  readonly cpuProfile?: string | undefined;
};

type CpuNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] };

/** Self time by package (node_modules/<name>) or by our function, from a V8 CPU profile: where a page's CPU goes. */
function topOfProfile(profile: { nodes: CpuNode[]; samples: number[]; timeDeltas: number[] }, top = 14): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const buckets = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url)?.[1];
    const key = pkg ?? (f.url === '' ? `(${f.functionName || 'native'})` : `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(functions|bench|tests)\//, '$1/').replace(/^node:/, 'node:')}:${f.lineNumber + 1}`);
    buckets.set(key, (buckets.get(key) ?? 0) + us);
  }
  return [...buckets].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${fmt((100 * us) / total, 1).padStart(5)}%  ${k}`);
}

async function profiled<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
  if (file === undefined) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    console.log(`  CPU profile of the journals' harvests: ${file}; self time by package or function:\n    ${topOfProfile(profile as never).join('\n    ')}`);
    session.disconnect();
  }
}

export async function oai(local: LocalRecords, journals: readonly Journal[], perJournal: number, tally: DynamoTally, options: OaiOptions): Promise<void> {
  const settings = { adminEmails: ['bench@example.org'], tokenSecret: 'press-bench' };
  const reader = createVersionReader({ client: local.client, tableName: local.tableName });
  const sourceOf = (journal: Journal) => createOaiStore({ client: local.client, tableName: local.tableName, journalId: journal.id, reader });
  const endpoint = (journalId: string | undefined): Promise<OaiEndpoint | undefined> => {
    if (journalId === undefined) return Promise.resolve({ repository: stageRepositoryFor(journals, settings), source: stageSource(journals.map((journal) => ({ journal, source: sourceOf(journal) }))) });
    const journal = journals.find((j) => j.id === journalId);
    return Promise.resolve(journal && { repository: repositoryFor(journal, settings), source: sourceOf(journal) });
  };
  const handler = createOaiHttpHandler({ endpoint, log: createLogger('press-bench', {}, 'error'), now: () => new Date() });
  const dbPid = local.emulator.pid;
  console.log(`\nOAI-PMH full harvests (ListRecords, oai_dc, 100 a page, through the Oai handler and oai-store.ts on DynamoDB Local; load ${loadAverage()})`);
  const all: Page[] = [];
  let seconds = 0;
  const harvested = journals.slice(0, Math.min(journals.length, options.journalHarvests));
  let nodeCpu = 0;
  const perJournalMemory = await withPeakMemory(() => profiled(options.cpuProfile, async () => {
    for (const [k, journal] of harvested.entries()) {
      const h = await harvest(handler, `/api/oai/${journal.id}`, tally, dbPid);
      all.push(...h.pages);
      seconds += h.seconds;
      nodeCpu += h.nodeCpu;
      if (k < 2 || k === harvested.length - 1 || h.received !== perJournal || h.distinct !== perJournal || h.sizes.size > 1) reportHarvest(`journal ${journal.id}`, h, perJournal);
    }
  }));
  console.log(`  ${harvested.length} journals: ${all.length} pages, ${fmt(seconds, 1)} s for ${perJournal * harvested.length} records, Node CPU ${fmt((1000 * nodeCpu) / Math.max(1, all.length), 1)} ms a page; ${stretch(all)}`);
  console.log(`  memory: ${memoryLine(perJournalMemory)}`);
  const total = perJournal * journals.length;
  if (options.stagePages > 0) return stageAtDepth(handler, tally, dbPid, total, settings.tokenSecret, options);
  const stage = await withPeakMemory(() => harvest(handler, '/api/oai', tally, dbPid), { profile: true });
  reportHarvest(`the stage repository (every journal; load ${loadAverage()})`, stage.result, total);
  console.log(`  stage harvest memory: ${memoryLine(stage)}`);
}

/** The stage's repository sampled by depth: `stagePages` pages from the start, from the middle and up to the end, continuing tokens sealed as the server seals them. */
async function stageAtDepth(handler: ReturnType<typeof createOaiHttpHandler>, tally: DynamoTally, dbPid: number | undefined, total: number, secret: string, options: OaiOptions): Promise<void> {
  const n = options.stagePages;
  const head = await harvest(handler, '/api/oai', tally, dbPid, { maxPages: n });
  const state = head.token === undefined ? undefined : decodeToken(head.token, 'ListRecords', secret);
  if (state === undefined) throw new Error('bench: the stage harvest gave no token to continue');
  const from = async (cursor: number) => {
    // (without the first pages' journal cursor: it says where each journal stood back there, not here)
    const token = encodeToken({ ...state, after: options.positionAt(cursor - 1), cursor, journals: undefined }, secret);
    return harvest(handler, '/api/oai', tally, dbPid, { query: `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`, maxPages: n });
  };
  const middle = await from(Math.floor(total / 200) * 100);
  const end = await from(total - n * 100);
  console.log(`  the stage repository (every journal), ${n} pages at each depth (load ${loadAverage()}), completeListSize ${[...head.sizes].join(', ')}:`);
  for (const [what, h] of [['first pages', head], [`from record ${Math.floor(total / 200) * 100 + 1}`, middle], [`the last ${n} pages`, end]] as const) {
    const pages = (h.pages.length * 100) / Math.max(1, h.seconds);
    console.log(`    ${what.padEnd(18)} ${h.received} records (${h.distinct} distinct) in ${h.pages.length} pages, ${fmt(h.seconds, 1)} s, CPU ${fmt(h.nodeCpu, 1)} s node + ${fmt(h.dbCpu, 1)} s DynamoDB Local: ${stretch(h.pages)} (${fmt(pages)} records/s)`);
  }
  const all = [...head.pages, ...middle.pages, ...end.pages];
  const perPage = all.reduce((a, p) => a + p.ms, 0) / all.length;
  console.log(`    a full stage harvest at this rate: ${fmt(total / 100)} pages × ${fmt(perPage)} ms = ${fmt((total / 100) * perPage / 1000)} s (an extrapolation from ${all.length} pages, not a run); the last page ends the list: ${end.token === undefined ? 'yes' : 'NO'}`);
}

export const memoryLine = (m: PeakMemory<unknown>): string => `peak heap +${fmt(m.heapMb)} MB, RSS ${fmt(m.rssMb)} MB${live(m)}`;

export const loadAverage = (): string => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
};
