/**
 * OAI-PMH harvest benchmark: 10,000 records in DynamoDB Local (written through the records store,
 * as ingest writes them), harvested whole with ListRecords (oai_dc, 100 per page) through the Oai
 * Lambda's HTTP handler, as a harvester sending `Accept-Encoding: gzip` would.
 * Targets: the full harvest in ≤ 20 s, p95 page latency ≤ 150 ms.
 *
 *   npx tsx bench/oai.ts [records=10000]
 *   OAI_BENCH_NO_COUNTER=1 npx tsx bench/oai.ts   # completeListSize by reading gsi2 (no article counter)
 *
 * Without Java or DynamoDB Local it benches the in-memory source instead, and says so.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { gunzipSync } from 'node:zlib';
import { createLogger } from '#adapters/logger';
import { createOaiHttpHandler, repositoryFor } from '#adapters/oai-http';
import { MemoryOaiSource } from '#adapters/oai-memory';
import { createOaiStore } from '#adapters/oai-store';
import type { OaiRecordSource } from '#core/oai/source';
import { syntheticItems } from '#tests/core/oai/fixtures';
import { putItems, setArticleCounter, startLocalRecords, type LocalRecords } from '#tests/oai/records-table';

const COUNT = Number(process.argv[2] ?? 10_000);
const TARGET = { totalSeconds: 20, p95Ms: 150 } as const;

const items = syntheticItems(COUNT);
const journal = items[0]!.record.journal;

let local: LocalRecords | undefined;
let source: OaiRecordSource;
let label: string;
try {
  local = await startLocalRecords();
  const started = performance.now();
  await putItems(local, items, 16);
  console.log(`loaded ${COUNT} records into DynamoDB Local in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // The article counter the records store is asked to keep (see the report); without it the
  // first page counts the list by reading every head, which DynamoDB Local does at ~2 ms a head.
  const counter = process.env.OAI_BENCH_NO_COUNTER === undefined;
  if (counter) await setArticleCounter(local, journal.id, COUNT);
  source = createOaiStore({ client: local.client, tableName: local.tableName, journalId: journal.id });
  label = `DynamoDB Local (oai-store.ts over gsi2; completeListSize ${counter ? 'from the records store article counter' : 'by reading gsi2'})`;
} catch (error) {
  console.log(`DynamoDB Local is not available (${(error as Error).message}): benching the IN-MEMORY source instead`);
  const memory = new MemoryOaiSource();
  for (const item of items) memory.put(item);
  source = memory;
  label = 'IN-MEMORY source (not DynamoDB)';
}

const handler = createOaiHttpHandler({
  endpoint: () => Promise.resolve({ repository: repositoryFor(journal, { adminEmails: ['bench@example.org'], tokenSecret: 'bench' }), source }),
  log: createLogger('oai-bench', {}, 'error'),
  now: () => new Date(),
});

const event = (query: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    rawPath: '/api/oai',
    rawQueryString: query,
    headers: { 'accept-encoding': 'gzip' },
    isBase64Encoded: false,
    requestContext: { http: { method: 'GET', path: '/api/oai' } },
  }) as unknown as APIGatewayProxyEventV2;

try {
  const latencies: number[] = [];
  const seen = new Set<string>();
  let received = 0;
  let bytes = 0;
  let query: string | undefined = 'verb=ListRecords&metadataPrefix=oai_dc';
  const started = performance.now();
  while (query !== undefined) {
    const t = performance.now();
    const res = await handler(event(query));
    latencies.push(performance.now() - t);
    const xml = res.isBase64Encoded ? gunzipSync(Buffer.from(res.body!, 'base64')).toString('utf8') : res.body!;
    bytes += res.body!.length;
    for (const m of xml.matchAll(/<header>\s*<identifier>([^<]+)<\/identifier>/g)) {
      seen.add(m[1]!);
      received += 1;
    }
    const token = /<resumptionToken[^>]*>([^<]+)<\/resumptionToken>/.exec(xml)?.[1];
    query = token === undefined ? undefined : `verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`;
  }
  const total = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  console.log(`source: ${label}`);
  console.log(`harvested ${received} records (${seen.size} distinct of ${COUNT}) in ${latencies.length} pages, ${total.toFixed(2)} s, ${(received / total).toFixed(0)} records/s, ${(bytes / 1e6).toFixed(1)} MB on the wire (gzip, base64)`);
  console.log(`page latency: first ${latencies[0]!.toFixed(0)} ms (counts the list), p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
  const ok = received === COUNT && seen.size === COUNT && total <= TARGET.totalSeconds && pct(95) <= TARGET.p95Ms;
  console.log(`targets (≤ ${TARGET.totalSeconds} s, p95 ≤ ${TARGET.p95Ms} ms, each record once): ${ok ? 'met' : 'NOT met'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await local?.stop();
}
