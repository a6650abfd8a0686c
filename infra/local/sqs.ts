/**
 * The SQS emulator (fauxqs, in process). Its queue URLs use a `sqs.<region>.localhost` host that
 * does not resolve here, so every client sends to the configured endpoint instead
 * (`useQueueUrlAsEndpoint: false`, see functions/adapters/aws-clients.ts).
 */
import { mkdirSync } from 'node:fs';
import { startFauxqs } from 'fauxqs';
import { LOOPBACK } from './net.ts';
import { LOCAL_REGION } from './paths.ts';

export type SqsEmulator = { readonly endpoint: string; readonly port: number; readonly startupMs: number; stop(): Promise<void> };

/** Starts fauxqs on a free loopback port; with `dataDir`, queues and messages survive a restart (SQLite). */
export async function startSqs(options: { readonly dataDir?: string; readonly port?: number } = {}): Promise<SqsEmulator> {
  const started = performance.now();
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const server = await startFauxqs({ port: options.port ?? 0, host: 'localhost', logger: false, defaultRegion: LOCAL_REGION, ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }) });
  return { endpoint: `http://${LOOPBACK}:${server.port}`, port: server.port, startupMs: performance.now() - started, stop: () => server.stop() };
}
