/**
 * A loopback HTTP proxy in front of one emulator that counts the AWS requests passing through it,
 * for the cost benchmark. Counting at the wire (rather than inside each adapter) sees every
 * caller at once: the CLI's publish, each Lambda's worker thread, the stand-in's own plumbing.
 *
 * DynamoDB requests are asked for their consumed capacity (`ReturnConsumedCapacity: TOTAL` is
 * added where the caller did not ask), so read and write units are DynamoDB's own figures, not
 * an estimate from item sizes. DynamoDB Local does not check request signatures, so the changed
 * body is accepted; S3 and SQS bodies pass through untouched (s3rver checks signatures, and the
 * Host header is kept as the client signed it).
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenLoopback, LOOPBACK } from '#infra/local/net';

export type Service = 's3' | 'dynamodb' | 'sqs';

/** What went through one proxy, by operation. */
export type Counts = {
  readonly requests: Map<string, number>;
  /** DynamoDB only: read and write capacity units as DynamoDB reported them. */
  readonly capacity: { read: number; write: number };
  /** DynamoDB only: capacity units by operation. */
  readonly capacityByOperation: Map<string, number>;
  /** S3 only: requests by operation, bucket and kind of key (`PUT site` + the key's shape), for the inventory of what is written. */
  readonly byKey: Map<string, number>;
};

export type CountingProxy = { readonly endpoint: string; readonly counts: Counts; reset(): void; stop(): Promise<void> };

/** DynamoDB operations that accept ReturnConsumedCapacity, and whether they read or write. */
const DYNAMO_CAPACITY: Record<string, 'read' | 'write'> = {
  GetItem: 'read',
  BatchGetItem: 'read',
  Query: 'read',
  Scan: 'read',
  TransactGetItems: 'read',
  PutItem: 'write',
  UpdateItem: 'write',
  DeleteItem: 'write',
  BatchWriteItem: 'write',
  TransactWriteItems: 'write',
};

/**
 * The S3 operation class a request is billed in: S3 prices PUT, COPY, POST and LIST together
 * ("tier 1") and GET, HEAD and the rest ("tier 2"); DELETE is free.
 */
export function s3Operation(method: string, url: string): string {
  const [path = '/', query = ''] = url.split('?', 2);
  const segments = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  if (method === 'DELETE') return 'DELETE';
  if (method === 'GET' && (segments.length <= 1 || params.has('list-type'))) return 'LIST';
  if (method === 'POST') return params.has('delete') ? 'DELETE' : 'POST';
  return method;
}

/**
 * The kind of object a path-style S3 request names: its bucket, then each folder of the key kept
 * when it is a fixed word (`galleys`, `issues`) and `*` when it varies (a DOI, an id, a hash), and
 * the file name kept unless it holds digits (then `*` and its extension): every landing page
 * (`10.5555/x/index.html`) counts as one kind, `site` then two stars and `index.html`.
 */
export function s3KeyKind(url: string): string {
  const [path = '/'] = url.split('?', 1);
  const [bucket = '', ...key] = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const name = key.pop();
  const folders = key.map((s) => (/^[a-z]+$/.test(s) ? s : '*'));
  const file = name === undefined ? '' : /\d/.test(name) || name.length > 40 ? `*${/\.[a-z]+$/.exec(name)?.[0] ?? ''}` : name;
  const label = /site/i.test(bucket) ? 'site' : /inbox/i.test(bucket) ? 'inbox' : bucket;
  return [label, [...folders, file].join('/')].join(' ');
}

/** The SQS or DynamoDB action of a JSON-protocol request (X-Amz-Target: `Service.Action`). */
function targetAction(req: IncomingMessage): string {
  const target = String(req.headers['x-amz-target'] ?? '');
  return target.slice(target.lastIndexOf('.') + 1) || 'unknown';
}

function addCapacity(counts: Counts, kind: 'read' | 'write', action: string, consumed: unknown): void {
  const list = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
  for (const c of list) {
    const units = Number((c as { CapacityUnits?: number }).CapacityUnits ?? 0);
    if (!Number.isFinite(units)) continue;
    counts.capacity[kind] += units;
    counts.capacityByOperation.set(action, (counts.capacityByOperation.get(action) ?? 0) + units);
  }
}

export async function startCountingProxy(service: Service, target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const counts: Counts = { requests: new Map(), capacity: { read: 0, write: 0 }, capacityByOperation: new Map(), byKey: new Map() };
  const count = (op: string): void => void counts.requests.set(op, (counts.requests.get(op) ?? 0) + 1);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      let capacityKind: 'read' | 'write' | undefined;
      let action = '';
      if (service === 's3') {
        const op = s3Operation(req.method ?? 'GET', req.url ?? '/');
        count(op);
        const kind = `${op} ${s3KeyKind(req.url ?? '/')}`;
        counts.byKey.set(kind, (counts.byKey.get(kind) ?? 0) + 1);
      }
      else {
        action = targetAction(req);
        count(action);
        capacityKind = service === 'dynamodb' ? DYNAMO_CAPACITY[action] : undefined;
        if (capacityKind !== undefined) {
          const input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          if (input.ReturnConsumedCapacity === undefined || input.ReturnConsumedCapacity === 'NONE') input.ReturnConsumedCapacity = 'TOTAL';
          body = Buffer.from(JSON.stringify(input));
        }
      }
      const headers: Record<string, string | string[] | undefined> = { ...req.headers, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (upstreamRes) => {
        if (capacityKind === undefined) {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
          return;
        }
        const out: Buffer[] = [];
        upstreamRes.on('data', (c: Buffer) => out.push(c));
        upstreamRes.on('end', () => {
          const text = Buffer.concat(out);
          try {
            addCapacity(counts, capacityKind, action, (JSON.parse(text.toString('utf8')) as { ConsumedCapacity?: unknown }).ConsumedCapacity);
          } catch {
            // An error body without capacity: DynamoDB bills no units for a failed request.
          }
          // The body is sent whole with its length: a chunked upstream answer must not also say chunked.
          const { 'transfer-encoding': _chunked, ...headers } = upstreamRes.headers;
          res.writeHead(upstreamRes.statusCode ?? 502, { ...headers, 'content-length': String(text.length) });
          res.end(text);
        });
      });
      forward.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  const port = await listenLoopback(server, 0);
  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    counts,
    reset: () => {
      counts.requests.clear();
      counts.capacity.read = 0;
      counts.capacity.write = 0;
      counts.capacityByOperation.clear();
      counts.byKey.clear();
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
