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
export async function startS3(options: { readonly directory: string; readonly persist: boolean; readonly port?: number }): Promise<S3Emulator> {
  mkdirSync(options.directory, { recursive: true });
  const started = performance.now();
  const execArgv = ['--openssl-legacy-provider', ...(process.features.typescript ? [] : ['--import', 'tsx'])];
  const child: ChildProcess = fork(CHILD, [JSON.stringify({ port: options.port ?? 0, directory: options.directory, resetOnClose: !options.persist, ...LOCAL_CREDENTIALS })], {
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

/** Follows the emulator's object events until closed; `ready` resolves once the feed is connected. */
export function subscribeS3Events(eventsUrl: string, onEvent: (event: S3Event) => void): Subscription {
  const abort = new AbortController();
  const ready = (async () => {
    const response = await fetch(eventsUrl, { signal: abort.signal });
    if (!response.ok || !response.body) throw new StartupError(`${eventsUrl} answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith('data: ')) onEvent(JSON.parse(frame.slice(6)) as S3Event);
          }
        }
      } catch {
        // Closed by close() or by the emulator stopping: nothing more to deliver.
      }
    })();
  })();
  return { ready, close: () => abort.abort() };
}
