/**
 * cognito-local (an Amazon Cognito user pools emulator) in its own Node process, started by
 * cognito.ts. It keeps its pools in `<dir>/.cognito/db/` and reads `<dir>/.cognito/config.json`,
 * where the issuer its tokens carry is written first: the issuer must name the port it listens on,
 * so a port is probed, written, and bound (and probed again if someone took it meanwhile).
 * Over IPC it sends `{ type: 'ready', port }` and stops on `{ type: 'stop' }` or when the parent goes.
 * Written in erasable TypeScript only, so Node runs it without a loader.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

type Options = { dir: string };
type Started = { close(callback: () => void): void; address(): unknown };

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const require = createRequire(createRequire(import.meta.url).resolve('cognito-local'));
const LOOPBACK = '127.0.0.1';

const probe = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, LOOPBACK, () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });

mkdirSync(join(options.dir, '.cognito', 'db'), { recursive: true });
process.chdir(options.dir);
process.env.HOST = LOOPBACK;
const { createDefaultServer } = require('./server/defaults.js') as { createDefaultServer: (logger: unknown) => Promise<{ start(): Promise<Started> }> };
const pino = require('pino') as (opts: { level: string }) => unknown;
const logger = pino({ level: 'silent' });

let started: Started | undefined;
for (let attempt = 1; started === undefined; attempt += 1) {
  const port = await probe();
  // No UsernameAttributes by default (cognito-local's default is e-mail): each pool says what its template says.
  const config = { UserPoolDefaults: { UsernameAttributes: [] }, TokenConfig: { IssuerDomain: `http://${LOOPBACK}:${port}` }, ServerConfig: { hostname: LOOPBACK, port } };
  writeFileSync(join(options.dir, '.cognito', 'config.json'), JSON.stringify(config, null, 2));
  try {
    const server = await createDefaultServer(logger);
    started = await server.start();
    process.send?.({ type: 'ready', port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw error;
  }
}
const stop = (): void => started?.close(() => process.exit(0));
process.on('message', (message: { type?: string }) => (message.type === 'stop' ? stop() : undefined));
process.on('disconnect', stop);
