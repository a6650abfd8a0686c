/**
 * The stand-in's S3 event feed stays alive (issue 12, Medium 9). On main the feed was silent
 * between events, Node's fetch ended a body after 300 s of silence, the error was swallowed and the
 * stage stopped ingesting: publish then waited until exit 75. Now the emulator sends a heartbeat,
 * and a subscription whose feed drops or goes silent reconnects with `Last-Event-ID`, getting the
 * events it missed, each once. Against the real emulator (s3rver in its child process) and, for
 * the failures an emulator does not produce on demand, a feed server that drops or stalls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { listenLoopback } from '#infra/local/net';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/paths';
import { startS3, subscribeS3Events, type Subscription } from '#infra/local/s3';

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Resolves when `check` holds, polling; fails after a generous time (the machine is shared and loaded). */
async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const keysOf = (events: readonly S3Event[]): string[] => events.flatMap((e) => e.Records.map((r) => r.s3.object.key));

describe('the emulator\'s event feed', () => {
  it('sends a heartbeat while nothing happens, and ids with every event', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'colophon-s3-events-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const s3 = await startS3({ directory: dir, persist: false, heartbeatMs: 100 });
    cleanup.push(() => s3.stop());
    const abort = new AbortController();
    cleanup.push(() => abort.abort());
    const client = new S3Client({ endpoint: s3.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
    cleanup.push(() => client.destroy());
    // Act
    const response = await fetch(s3.eventsUrl, { signal: abort.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes(': ping')) text += (await reader.read()).value ?? '';
    await client.send(new CreateBucketCommand({ Bucket: 'feed' }));
    await client.send(new PutObjectCommand({ Bucket: 'feed', Key: 'a.txt', Body: 'a' }));
    while (!text.includes('"a.txt"')) text += (await reader.read()).value ?? '';
    // Assess
    expect(text).toContain(': ping\n\n');
    expect(text).toMatch(/id: \d+\ndata: \{.*"a\.txt"/);
  });

  it('replays to a client that reconnects with Last-Event-ID the events it missed, and none it had', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'colophon-s3-events-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const s3 = await startS3({ directory: dir, persist: false });
    cleanup.push(() => s3.stop());
    const client = new S3Client({ endpoint: s3.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
    cleanup.push(() => client.destroy());
    await client.send(new CreateBucketCommand({ Bucket: 'feed' }));
    for (const key of ['1', '2', '3']) await client.send(new PutObjectCommand({ Bucket: 'feed', Key: key, Body: key }));
    // Act: a client that had event 1 (ids count from 1) comes back.
    const abort = new AbortController();
    cleanup.push(() => abort.abort());
    const response = await fetch(s3.eventsUrl, { signal: abort.signal, headers: { 'last-event-id': '1' } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('"3"')) text += (await reader.read()).value ?? '';
    // Assess
    expect([...text.matchAll(/"key":"(\d)"/g)].map((m) => m[1])).toEqual(['2', '3']);
  });
});

/** A feed server under the test's control: each connection is handed to `serve`. */
async function feedServer(serve: (req: IncomingMessage, res: ServerResponse, connection: number) => void): Promise<{ url: string; headers: IncomingMessage['headers'][] }> {
  const headers: IncomingMessage['headers'][] = [];
  const server: Server = createServer((req, res) => {
    headers.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    serve(req, res, headers.length);
  });
  const port = await listenLoopback(server, 0);
  cleanup.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${port}/events`, headers };
}

const event = (id: number, key: string): string => `id: ${id}\ndata: ${JSON.stringify({ Records: [{ s3: { bucket: { name: 'b' }, object: { key } } }] })}\n\n`;

describe('a subscription to the feed', () => {
  it('reconnects when the feed drops, asking for the events after the last one it had', async () => {
    // Prepare: the first connection sends one event and is cut; the next sends the one after it.
    const feed = await feedServer((req, res, n) => {
      if (n === 1) {
        res.write(event(7, 'first'));
        setTimeout(() => res.destroy(), 50);
      } else res.write(event(8, 'second'));
    });
    const got: S3Event[] = [];
    const errors: string[] = [];
    // Act
    const sub: Subscription = subscribeS3Events(feed.url, (e) => got.push(e), { retryMs: 10, onError: (message) => errors.push(message) });
    cleanup.push(() => sub.close());
    await sub.ready;
    await until(() => got.length >= 2, 'the event after the drop');
    // Assess
    expect(keysOf(got)).toEqual(['first', 'second']);
    expect(feed.headers[1]!['last-event-id']).toBe('7');
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });

  it('takes a feed silent past its idle limit for dead and reconnects (heartbeats keep a live one)', async () => {
    // Prepare: the first connection stays open and says nothing; the second sends an event.
    const feed = await feedServer((req, res, n) => {
      if (n === 1) res.write(': subscribed\n\n');
      else res.write(event(1, 'after-silence'));
    });
    const got: S3Event[] = [];
    // Act
    const sub = subscribeS3Events(feed.url, (e) => got.push(e), { idleMs: 300, retryMs: 10 });
    cleanup.push(() => sub.close());
    await sub.ready;
    await until(() => got.length >= 1, 'an event on the new connection');
    // Assess
    expect(keysOf(got)).toEqual(['after-silence']);
    expect(feed.headers.length).toBeGreaterThanOrEqual(2);
  });

  it('stays on one connection while heartbeats arrive, and stops for good when closed', async () => {
    // Prepare: a heartbeat every 50 ms, an idle limit of 3 s (a loaded machine may stall a moment).
    const timers: NodeJS.Timeout[] = [];
    cleanup.push(() => timers.forEach(clearInterval));
    const feed = await feedServer((req, res) => void timers.push(setInterval(() => res.write(': ping\n\n'), 50)));
    // Act
    const sub = subscribeS3Events(feed.url, () => {}, { idleMs: 3000, retryMs: 10 });
    await sub.ready;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    sub.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Assess
    expect(feed.headers).toHaveLength(1);
  });
});
