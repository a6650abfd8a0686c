/**
 * The SQS emulator (fauxqs, in process). Its queue URLs use a `sqs.<region>.localhost` host that
 * does not resolve here, so every client sends to the configured endpoint instead
 * (`useQueueUrlAsEndpoint: false`, see functions/adapters/aws-clients.ts).
 */
import { mkdirSync } from 'node:fs';
import { Server } from 'node:net';
import { ChangeMessageVisibilityBatchCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { LOCAL_CREDENTIALS } from './paths.ts';
import { LOOPBACK } from './net.ts';
import { LOCAL_REGION } from './paths.ts';

export type SqsEmulator = {
  readonly endpoint: string;
  readonly port: number;
  readonly startupMs: number;
  /**
   * Makes visible again every message received but not deleted by the last run (see releaseInflight); returns how many.
   */
  releaseInflight(): Promise<number>;
  stop(): Promise<void>;
};

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
  const endpoint = `http://${LOOPBACK}:${server.port}`;
  return { endpoint, port: server.port, startupMs: performance.now() - started, releaseInflight: () => releaseInflight(server, endpoint), stop: () => server.stop() };
}

/**
 * After a crash of the stand-in (issue 12, Medium 10). The messages its pollers had received when
 * it was killed stay invisible for their queue's visibility timeout (12 min for Render, 30 for
 * Deposit), so a restart waited out that time before it could finish the work. On AWS the pollers
 * belong to the Lambda service, which does not die with a function; here they died with this
 * process, so at the next start nobody holds those messages and they are made visible within a
 * second (ChangeMessageVisibility, as a consumer that gives a message back does; 1 s, not 0:
 * fauxqs 2.4 with a data folder writes NULL into a NOT NULL column for 0). Their receive count
 * stays, so a poison message still reaches its dead-letter queue after maxReceiveCount receives.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
 */
async function releaseInflight(server: FauxqsServer, endpoint: string): Promise<number> {
  const sqs = new SQSClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, useQueueUrlAsEndpoint: false });
  let released = 0;
  try {
    const urls = (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [];
    for (const url of urls) {
      const inflight = server.inspectQueue(url.slice(url.lastIndexOf('/') + 1))?.messages.inflight ?? [];
      for (let i = 0; i < inflight.length; i += 10) {
        const entries = inflight.slice(i, i + 10).map((m, k) => ({ Id: String(k), ReceiptHandle: m.receiptHandle, VisibilityTimeout: 1 }));
        const out = await sqs.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: url, Entries: entries }));
        released += out.Successful?.length ?? 0;
      }
    }
  } finally {
    sqs.destroy();
  }
  return released;
}
