/** Small network helpers for the emulators: a free loopback port, and waiting until a server answers. */
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOOPBACK = '127.0.0.1';

/** A port nothing listens on right now (the OS picks it; the caller binds it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** Polls `url` until any HTTP response comes back; fails after `timeoutMs` or as soon as `failed()` says so. */
export async function waitForHttp(url: string, options: { readonly timeoutMs: number; readonly failed?: () => string | undefined }): Promise<number> {
  const start = performance.now();
  let last: unknown;
  while (performance.now() - start < options.timeoutMs) {
    const failure = options.failed?.();
    if (failure !== undefined) throw new StartupError(`${url}: ${failure}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return performance.now() - start;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new StartupError(`${url} did not answer within ${options.timeoutMs} ms`, { cause: last });
}
