/**
 * s3rver in its own Node process, started by s3.ts with `--openssl-legacy-provider`: s3rver
 * encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in its legacy
 * provider, so without the flag the second page of any listing fails with InternalError.
 * Running it apart keeps that flag out of everything else (tests, handlers, the CLI).
 *
 * Object events (what S3 would send to EventBridge) are served as Server-Sent Events on a second
 * loopback port, so a runner in any process (a test worker, `npm start`) can follow them.
 * Over IPC it sends `{ type: 'ready', port, eventsPort }` and closes on `{ type: 'stop' }` or when
 * the parent goes away. Written in erasable TypeScript only, so Node runs it without a loader.
 *
 * The feed keeps itself alive and lossless (issue 12, Medium 9): a comment line every
 * `heartbeatMs` (Node's fetch drops a body silent for 300 s, so an idle stage stopped ingesting),
 * and every event has an `id:`; a client that reconnects with `Last-Event-ID` is sent the events it
 * missed from the last REPLAY_LIMIT (the SSE protocol: https://html.spec.whatwg.org/multipage/server-sent-events.html).
 */
import { createServer, type ServerResponse } from 'node:http';
import S3rver from 's3rver';
// s3rver signs with a built-in account; the local credentials are added to it as a second key pair.
import account from 's3rver/lib/models/account.js';

type Options = { port: number; directory: string; resetOnClose: boolean; accessKeyId: string; secretAccessKey: string; heartbeatMs?: number };

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
account.DUMMY_ACCOUNT.createKeyPair(options.accessKeyId, options.secretAccessKey);

/** Events kept for clients that reconnect: far more than a reconnect's few seconds produce. */
const REPLAY_LIMIT = 10_000;
const HEARTBEAT_MS = options.heartbeatMs ?? 15_000;

const subscribers = new Set<ServerResponse>();
const recent: { readonly id: number; readonly frame: string }[] = [];
let nextId = 1;

const events = createServer((req, res) => {
  if (req.url !== '/events') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': subscribed\n\n');
  const last = Number(req.headers['last-event-id']);
  if (Number.isInteger(last)) for (const event of recent) if (event.id > last) res.write(event.frame);
  subscribers.add(res);
  req.on('close', () => subscribers.delete(res));
});
const heartbeat = setInterval(() => {
  for (const res of subscribers) res.write(': ping\n\n');
}, HEARTBEAT_MS);
heartbeat.unref();
await new Promise<void>((resolve) => events.listen(0, '127.0.0.1', resolve));
const eventsPort = (events.address() as { port: number }).port;

const server = new S3rver({ address: '127.0.0.1', port: options.port, silent: true, directory: options.directory, resetOnClose: options.resetOnClose, vhostBuckets: false });
server.on('event', (event: unknown) => {
  const id = nextId++;
  const frame = `id: ${id}\ndata: ${JSON.stringify(event)}\n\n`;
  recent.push({ id, frame });
  if (recent.length > REPLAY_LIMIT) recent.shift();
  for (const res of subscribers) res.write(frame);
});
const { port } = await server.run();
process.send?.({ type: 'ready', port, eventsPort });

let closing = false;
const close = async (): Promise<void> => {
  if (closing) return;
  closing = true;
  clearInterval(heartbeat);
  for (const res of subscribers) res.end();
  events.close();
  await server.close();
  process.exit(0);
};
process.on('message', (message: { type?: string }) => void (message.type === 'stop' ? close() : undefined));
process.on('disconnect', () => void close());
