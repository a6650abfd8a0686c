/**
 * The SQS emulator (fauxqs, in process). Its queue URLs use a `sqs.<region>.localhost` host that
 * does not resolve here, so every client sends to the configured endpoint instead
 * (`useQueueUrlAsEndpoint: false`, see functions/adapters/aws-clients.ts).
 */
import { mkdirSync } from 'node:fs';
import { Server } from 'node:net';
import { startFauxqs } from 'fauxqs';
import { LOOPBACK } from './net.ts';
import { LOCAL_REGION } from './paths.ts';

export type SqsEmulator = { readonly endpoint: string; readonly port: number; readonly startupMs: number; stop(): Promise<void> };

const EVERY_INTERFACE = new Set(['0.0.0.0', '::', '']);

/**
 * Runs `start` with every listen on all interfaces turned into one on 127.0.0.1. fauxqs 2.4
 * hard-codes `app.listen({ port, host: "0.0.0.0" })` in `startFauxqs` (dist/app.js) and exports
 * no way to pass the address, so anyone on the network could read and send the pipeline's
 * messages. Only a host that means "every interface" is rewritten, and only while `start` runs.
 */
export async function onLoopbackOnly<T>(start: () => Promise<T>): Promise<T> {
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    const [first] = args;
    if (typeof first === 'object' && first !== null && 'host' in first && EVERY_INTERFACE.has(String((first as { host?: unknown }).host))) {
      args[0] = { ...first, host: LOOPBACK };
    }
    return (listen as (...a: unknown[]) => Server).apply(this, args);
  } as typeof listen;
  try {
    return await start();
  } finally {
    Server.prototype.listen = listen;
  }
}

/** Starts fauxqs on a free loopback port; with `dataDir`, queues and messages survive a restart (SQLite). */
export async function startSqs(options: { readonly dataDir?: string; readonly port?: number } = {}): Promise<SqsEmulator> {
  const started = performance.now();
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const server = await onLoopbackOnly(() =>
    startFauxqs({ port: options.port ?? 0, host: 'localhost', logger: false, defaultRegion: LOCAL_REGION, ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }) }),
  );
  return { endpoint: `http://${LOOPBACK}:${server.port}`, port: server.port, startupMs: performance.now() - started, stop: () => server.stop() };
}
