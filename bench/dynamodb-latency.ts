/**
 * Is DynamoDB Local the floor of the local pipeline's writes? The latency of one PutItem on the
 * records table (its three indexes, an item of an article version's size) alone, then 8 at once
 * (Ingest's article concurrency), straight to the emulator and through a pass-through hop like the
 * stand-in's IAM gateway; then GetItem alone for comparison. Prints p50/p95 per request and the
 * throughput, with the load average (the machine is shared).
 *
 *     npx tsx bench/dynamodb-latency.ts [-- --requests 400 --item-kb 4 --jvm default|c1]
 */
import { createServer, request } from 'node:http';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { listenLoopback, LOOPBACK } from '#infra/local/net';
import { createRecordsTable } from '#tests/helpers/records-table';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '400' }, 'item-kb': { type: 'string', default: '4' } } });
const REQUESTS = Number(values.requests);
const BODY = 'x'.repeat(Number(values['item-kb']) * 1024);
const TABLE = 'latency';

const pct = (xs: readonly number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

/** A loopback hop that buffers each request and passes it on, as the IAM gateway does (iam-gateway.ts), minus the policy check. */
async function passThrough(target: string): Promise<{ endpoint: string; stop(): void }> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, 'content-length': String(body.length) } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.end(body);
    });
  });
  const port = await listenLoopback(server, 0);
  return { endpoint: `http://${LOOPBACK}:${port}`, stop: () => server.close() };
}

let serial = 0;
const item = (n: number) => ({
  pk: { S: `A#10.5555/bench.${n}` },
  sk: { S: `V#${String(n).padStart(6, '0')}` },
  gsi1pk: { S: `J#bench` },
  gsi1sk: { S: `I#${n % 20}#${n}` },
  gsi2pk: { S: `OAI#bench` },
  gsi2sk: { S: `2026-12-08T00:00:00.${String(n).padStart(6, '0')}Z` },
  body: { S: BODY },
});

async function run(client: DynamoDBClient, label: string, concurrency: number, op: 'put' | 'get'): Promise<void> {
  const latencies: number[] = [];
  const base = serial;
  serial += REQUESTS;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < REQUESTS) {
        const n = base + next++;
        const t = performance.now();
        if (op === 'put') await client.send(new PutItemCommand({ TableName: TABLE, Item: item(n), ConditionExpression: 'attribute_not_exists(pk)' }));
        else await client.send(new GetItemCommand({ TableName: TABLE, Key: { pk: item(n - REQUESTS).pk, sk: item(n - REQUESTS).sk } }));
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(34)} ${String(concurrency).padStart(3)} at once  p50 ${pct(latencies, 50).toFixed(1).padStart(6)} ms  p95 ${pct(latencies, 95).toFixed(1).padStart(6)} ms  ${(REQUESTS / seconds).toFixed(0).padStart(5)}/s   load ${load()}`);
}

const local = await startDynamoDbLocal();
const hop = await passThrough(local.endpoint);
const client = (endpoint: string) => new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'colophonlocal', secretAccessKey: 'colophonlocal' } });
const direct = client(local.endpoint);
const viaHop = client(hop.endpoint);
try {
  await createRecordsTable(direct, TABLE);
  console.log(`DynamoDB Local, records table with its indexes, items of ${values['item-kb']} KB, ${REQUESTS} requests per row; load ${load()}`);
  // Warm the JVM first: its first requests are compiled code's, not the steady state's.
  await run(direct, 'warm-up PutItem (not a figure)', 8, 'put');
  for (let round = 0; round < 2; round++) {
    await run(direct, 'PutItem, direct', 1, 'put');
    await run(direct, 'PutItem, direct', 8, 'put');
    await run(viaHop, 'PutItem, through a loopback hop', 1, 'put');
    await run(viaHop, 'PutItem, through a loopback hop', 8, 'put');
    await run(direct, 'GetItem, direct', 1, 'get');
    await run(direct, 'GetItem, direct', 8, 'get');
  }
} finally {
  direct.destroy();
  viaHop.destroy();
  hop.stop();
  await local.stop();
}
