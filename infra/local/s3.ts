/**
 * The S3 emulator (s3rver) in a child Node process (see s3-process.ts for why), and a client
 * for the object events it publishes, which the runner turns into what EventBridge would deliver.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { S3Event } from 'aws-lambda';
import { stopChild } from './dynamodb-local.ts';
import { LOOPBACK, StartupError } from './net.ts';
import { LOCAL_CREDENTIALS } from './paths.ts';

export type S3Emulator = { readonly endpoint: string; readonly eventsUrl: string; readonly startupMs: number; stop(): Promise<void> };

const CHILD = fileURLToPath(new URL('./s3-process.ts', import.meta.url));

/** Starts s3rver on a free loopback port, storing objects in `directory` (emptied on stop unless `persist`). */
export async function startS3(options: { readonly directory: string; readonly persist: boolean; readonly port?: number; readonly heartbeatMs?: number }): Promise<S3Emulator> {
  mkdirSync(options.directory, { recursive: true });
  const started = performance.now();
  const execArgv = ['--openssl-legacy-provider', ...(process.features.typescript ? [] : ['--import', 'tsx'])];
  const child: ChildProcess = fork(CHILD, [JSON.stringify({ port: options.port ?? 0, directory: options.directory, resetOnClose: !options.persist, ...LOCAL_CREDENTIALS, ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }) })], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const ready = await new Promise<{ port: number; eventsPort: number }>((resolve, reject) => {
    child.on('message', (message: { type: string; port: number; eventsPort: number }) => (message.type === 'ready' ? resolve(message) : undefined));
    child.once('exit', (code) => reject(new StartupError(`s3rver exited (${code}) before it was ready`)));
    child.once('error', (error) => reject(new StartupError('s3rver could not start', { cause: error })));
  });
  return {
    endpoint: `http://${LOOPBACK}:${ready.port}`,
    eventsUrl: `http://${LOOPBACK}:${ready.eventsPort}/events`,
    startupMs: performance.now() - started,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.connected) child.send({ type: 'stop' });
      await stopChild(child);
    },
  };
}

export type Subscription = { readonly ready: Promise<void>; close(): void };

export type SubscribeOptions = {
  /**
   * A feed silent this long is taken for dead and reconnected. The emulator sends a heartbeat every
   * 15 s (s3-process.ts); Node's fetch would otherwise wait 300 s and then end the body, which
   * stopped ingestion on an idle stage.
   */
  readonly idleMs?: number;
  /** Pause before a reconnect (doubling up to 5 s while the feed stays unreachable). */
  readonly retryMs?: number;
  /** Told of each lost connection (the stand-in logs it); the subscription reconnects by itself. */
  readonly onError?: (message: string, error: unknown) => void;
};

/**
 * Follows the emulator's object events until closed; `ready` resolves once the feed is first
 * connected. A dropped or silent feed is reconnected with `Last-Event-ID`, and the emulator sends
 * the events it missed, so none is lost and none delivered twice.
 */
export function subscribeS3Events(eventsUrl: string, onEvent: (event: S3Event) => void, options: SubscribeOptions = {}): Subscription {
  const idleMs = options.idleMs ?? 45_000;
  const retryMs = options.retryMs ?? 250;
  let closed = false;
  let current: AbortController | undefined;
  let lastId: string | undefined;

  /** One connection: resolves when it ends (dropped, silent too long, or closed). */
  async function follow(onConnected: () => void): Promise<void> {
    const abort = new AbortController();
    current = abort;
    let idle = setTimeout(() => abort.abort(), idleMs);
    const alive = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => abort.abort(), idleMs);
    };
    try {
      const response = await fetch(eventsUrl, { signal: abort.signal, headers: lastId === undefined ? {} : { 'last-event-id': lastId } });
      if (!response.ok || !response.body) throw new StartupError(`${eventsUrl} answered ${response.status}`);
      onConnected();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        alive();
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let data: string | undefined;
          for (const line of frame.split('\n')) {
            if (line.startsWith('id: ')) lastId = line.slice(4);
            else if (line.startsWith('data: ')) data = line.slice(6);
          }
          if (data !== undefined) onEvent(JSON.parse(data) as S3Event);
        }
      }
    } finally {
      clearTimeout(idle);
    }
  }

  let connected: () => void = () => {};
  let failedFirst: (error: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    connected = resolve;
    failedFirst = reject;
  });
  void (async () => {
    let first = true;
    let pause = retryMs;
    while (!closed) {
      try {
        await follow(() => {
          first = false;
          pause = retryMs;
          connected();
        });
        if (!closed) options.onError?.(`${eventsUrl}: the event feed ended; reconnecting`, new Error('feed ended'));
      } catch (error) {
        if (closed) return;
        // The first connection decides whether the stage starts; later ones are retried for good.
        if (first) return failedFirst(error);
        options.onError?.(`${eventsUrl}: the event feed was lost; reconnecting`, error);
      }
      if (closed) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(5000, pause * 2);
    }
  })();
  return {
    ready,
    close: () => {
      closed = true;
      current?.abort();
    },
  };
}
