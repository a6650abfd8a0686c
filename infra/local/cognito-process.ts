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
// ---- issue 15, users (developer B): what cognito-local lacks for the Users page, filled in here ----
// 1. An invitation (AdminCreateUser) is "e-mailed" into an outbox instead of cognito-local's console
//    box (silenced above): the local admin reads it on stderr (user name and temporary password,
//    never the address), and tests through the local-only target `ColophonLocalOutbox`.
// 2. A disabled user cannot sign in (Cognito: NotAuthorizedException "User is disabled."); cognito-local 5.3.0 lets them.
// (3. below: CreateGroup.)
type User = { Username: string; Enabled?: boolean };
type Ctx = { logger: unknown };
type Target = (services: Services) => (ctx: Ctx, req: Record<string, unknown>) => Promise<unknown>;
type Services = { cognito: { getUserPoolForClientId(ctx: Ctx, id: string): Promise<{ getUserByUsername(ctx: Ctx, name: string): Promise<User | null> }> } };
const outbox: { username: string; code: string }[] = [];
const { ConsoleMessageSender } = require('./services/messageDelivery/consoleMessageSender.js') as { ConsoleMessageSender: { prototype: { sendEmail: unknown; sendSms: unknown } } };
ConsoleMessageSender.prototype.sendEmail = ConsoleMessageSender.prototype.sendSms = (_ctx: Ctx, user: User, _destination: string, message: { __code?: string }): Promise<void> => {
  outbox.push({ username: user.Username, code: message.__code ?? '' });
  process.stderr.write(`[cognito-local] message for user ${user.Username}: code or temporary password ${message.__code ?? ''} (on AWS, Cognito e-mails it)\n`);
  return Promise.resolve();
};
const { Targets } = require('./targets/targets.js') as { Targets: Record<string, Target> };
const { NotAuthorizedError } = require('./errors.js') as { NotAuthorizedError: new (message: string) => Error };
for (const name of ['InitiateAuth', 'AdminInitiateAuth'] as const) {
  const original = Targets[name]!;
  Targets[name] = (services) => {
    const run = original(services);
    return async (ctx, req) => {
      const pool = await services.cognito.getUserPoolForClientId(ctx, String(req.ClientId));
      const user = await pool.getUserByUsername(ctx, String((req.AuthParameters as Record<string, string> | undefined)?.USERNAME ?? ''));
      if (user?.Enabled === false) throw new NotAuthorizedError('User is disabled.');
      return run(ctx, req);
    };
  };
}
// 3. CreateGroup on an existing group: Cognito answers GroupExistsException; cognito-local 5.3.0 replaces the group, emptying it.
const { CognitoError } = require('./errors.js') as { CognitoError: new (code: string, message: string) => Error };
const createGroup = Targets.CreateGroup!;
Targets.CreateGroup = (services) => {
  const run = createGroup(services);
  const pools = services.cognito as unknown as { getUserPool(ctx: Ctx, id: string): Promise<{ listGroups(ctx: Ctx): Promise<{ GroupName: string }[]> }> };
  return async (ctx, req) => {
    const pool = await pools.getUserPool(ctx, String(req.UserPoolId));
    // (getGroupByGroupName throws on a pool with no group yet; listGroups does not.)
    if ((await pool.listGroups(ctx)).some((g) => g.GroupName === req.GroupName)) throw new CognitoError('GroupExistsException', 'A group with the name already exists.');
    return run(ctx, req);
  };
};
Targets.ColophonLocalOutbox = () => (_ctx, req) => Promise.resolve({ Messages: outbox.filter((m) => m.username === req.Username) });
// ---- end issue 15, users ----
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
