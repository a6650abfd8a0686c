/**
 * Small network helpers for the emulators: binding a loopback port, and waiting until a server answers.
 *
 * Servers we own bind port 0 themselves and report the port the OS gave them: "find a free port,
 * close it, bind it later" races with every other process (parallel test workers) that does the
 * same between the close and the bind (seen as `listen EADDRINUSE` in the test suite). Only a
 * server that must be told its port up front (DynamoDB Local, a Java process) gets a probed port,
 * and its start is retried when the bind fails.
 */
import { createServer, type Server } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/**
 * Binds `server` on loopback at `port` (0: any free port) and resolves with the port it got. With
 * `fallback`, a preferred port that is taken is given up for any free one.
 */
export async function listenLoopback(server: Pick<Server, 'listen' | 'once' | 'off' | 'address'>, port: number, options: { readonly fallback?: boolean } = {}): Promise<number> {
  const attempt = (p: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      server.once('error', onError);
      server.listen(p, LOOPBACK, () => {
        server.off('error', onError);
        const address = server.address();
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  try {
    return await attempt(port);
  } catch (error) {
    if (options.fallback === true && port !== 0 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return attempt(0);
    throw error;
  }
}

/**
 * A port nothing listens on right now, for a server that must be given its port up front. Racy by
 * nature (someone else may bind it before the caller does): callers retry on a failed bind.
 */
export function probePort(): Promise<number> {
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
