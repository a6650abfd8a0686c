/**
 * The staff pool on this machine: cognito-local (an Amazon Cognito user pools emulator, npm
 * `cognito-local`) in a child process (cognito-process.ts), and the template's pool, app client and
 * groups created in it. cognito-local signs RS256 tokens with its own key and serves the JWKS at
 * `<endpoint>/<pool id>/.well-known/jwks.json`, with issuer `<endpoint>/<pool id>`: the same shape as
 * Cognito's `https://cognito-idp.<region>.amazonaws.com/<pool id>`, so aws-jwt-verify checks its
 * tokens as it checks Cognito's. What it does not do (see infra/local/README.md): e-mail delivery
 * (invitations are printed), SRP, advanced security; TOTP and groups it does.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GroupExistsException,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UsernameExistsException,
  type CreateUserPoolCommandInput,
  type ExplicitAuthFlowsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { stopChild } from './dynamodb-local.ts';
import { LOOPBACK, StartupError } from './net.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './paths.ts';
import type { Json } from './template.ts';

export type CognitoEmulator = { readonly endpoint: string; readonly startupMs: number; stop(): Promise<void> };

const CHILD = fileURLToPath(new URL('./cognito-process.ts', import.meta.url));

/** Starts cognito-local on a free loopback port; its pools live in `directory` (a temporary one, removed on stop, when absent). */
export async function startCognito(options: { readonly directory?: string } = {}): Promise<CognitoEmulator> {
  const scratch = options.directory === undefined ? mkdtempSync(join(tmpdir(), 'colophon-cognito-')) : undefined;
  const dir = options.directory ?? scratch!;
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const execArgv = process.features.typescript ? [] : ['--import', 'tsx'];
  const child: ChildProcess = fork(CHILD, [JSON.stringify({ dir })], {
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // cognito-local is built on the AWS SDK v2, which prints an end-of-support notice on load: noise in npm start's output.
    env: { ...process.env, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
  });
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const ready = await new Promise<{ port: number }>((resolve, reject) => {
    child.on('message', (message: { type: string; port: number }) => (message.type === 'ready' ? resolve(message) : undefined));
    child.once('exit', (code) => reject(new StartupError(`cognito-local exited (${code}) before it was ready`)));
    child.once('error', (error) => reject(new StartupError('cognito-local could not start', { cause: error })));
  });
  return {
    endpoint: `http://${LOOPBACK}:${ready.port}`,
    startupMs: performance.now() - started,
    stop: async () => {
      process.off('exit', killOnExit);
      if (child.connected) child.send({ type: 'stop' });
      await stopChild(child);
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export const cognitoClient = (endpoint: string): CognitoIdentityProviderClient => new CognitoIdentityProviderClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

/** A user pool of the template, its app clients and groups, by the names the local model gave them. */
export type LocalUserPool = {
  readonly logicalId: string;
  readonly name: string;
  readonly properties: Record<string, Json>;
  readonly clients: readonly { readonly logicalId: string; readonly name: string; readonly properties: Record<string, Json> }[];
  readonly groups: readonly { readonly name: string; readonly description?: string }[];
};

/** What the template's names became in the emulator: pool name → id, client name → id, and the issuer prefix. */
export type CognitoIds = { readonly endpoint: string; readonly pools: ReadonlyMap<string, string>; readonly clients: ReadonlyMap<string, string> };

/** The CreateUserPool settings cognito-local keeps (MFA, password policy, sign-up rules, aliases); the rest does not exist locally. */
function poolInput(pool: LocalUserPool): CreateUserPoolCommandInput {
  const p = pool.properties;
  const keep = ['MfaConfiguration', 'Policies', 'AdminCreateUserConfig', 'AliasAttributes', 'UsernameAttributes', 'AutoVerifiedAttributes', 'AccountRecoverySetting', 'EnabledMfas'] as const;
  const input: Record<string, unknown> = { PoolName: pool.name };
  for (const k of keep) if (p[k] !== undefined && p[k] !== null) input[k] = p[k];
  return input as unknown as CreateUserPoolCommandInput;
}

/** Creates each pool (found again by name on kept state), its clients and groups; safe to run again. */
export async function provisionCognito(endpoint: string, pools: readonly LocalUserPool[]): Promise<CognitoIds> {
  const client = cognitoClient(endpoint);
  const poolIds = new Map<string, string>();
  const clientIds = new Map<string, string>();
  try {
    const existing = (await client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
    for (const pool of pools) {
      const found = existing.find((p) => p.Name === pool.name)?.Id;
      const id = found ?? (await client.send(new CreateUserPoolCommand(poolInput(pool)))).UserPool?.Id;
      if (id === undefined) throw new StartupError(`cognito-local created no pool for ${pool.name}`);
      poolIds.set(pool.name, id);
      const clients = (await client.send(new ListUserPoolClientsCommand({ UserPoolId: id, MaxResults: 60 }))).UserPoolClients ?? [];
      for (const c of pool.clients) {
        const clientId =
          clients.find((x) => x.ClientName === c.name)?.ClientId ??
          (await client.send(new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: c.name, ExplicitAuthFlows: c.properties.ExplicitAuthFlows as ExplicitAuthFlowsType[] | undefined }))).UserPoolClient?.ClientId;
        if (clientId === undefined) throw new StartupError(`cognito-local created no app client for ${c.name}`);
        clientIds.set(c.name, clientId);
      }
      for (const g of pool.groups) await ensureGroup(client, id, g.name, g.description);
    }
  } finally {
    client.destroy();
  }
  return { endpoint, pools: poolIds, clients: clientIds };
}

async function ensureGroup(client: CognitoIdentityProviderClient, userPoolId: string, name: string, description?: string): Promise<void> {
  try {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: name, ...(description ? { Description: description } : {}) }));
  } catch (error) {
    if (!(error instanceof GroupExistsException) && (error as Error).name !== 'GroupExistsException') throw error;
  }
}

/**
 * Replaces what the template says about a pool (Cognito's issuer and endpoint, the pool's and
 * client's local names) with what the emulator gave them, in an environment value or an authorizer's issuer.
 */
export function translateCognito(value: string, ids: CognitoIds): string {
  let out = value.replace(`https://cognito-idp.${LOCAL_REGION}.amazonaws.com/`, `${ids.endpoint}/`);
  for (const [name, id] of ids.pools) out = out.split(name).join(id);
  for (const [name, id] of ids.clients) out = out.split(name).join(id);
  return out;
}

export type LocalStaffUser = { readonly username: string; readonly password: string; readonly groups: readonly string[] };

/** A signed-up member of staff with a permanent password (no invitation e-mail locally), in the given groups (created if missing). */
export async function seedStaffUser(endpoint: string, userPoolId: string, user: LocalStaffUser): Promise<void> {
  const client = cognitoClient(endpoint);
  try {
    try {
      await client.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: user.username, MessageAction: 'SUPPRESS', TemporaryPassword: user.password }));
    } catch (error) {
      if (!(error instanceof UsernameExistsException) && (error as Error).name !== 'UsernameExistsException') throw error;
    }
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: user.username, Password: user.password, Permanent: true }));
    for (const group of user.groups) {
      await ensureGroup(client, userPoolId, group);
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.username, GroupName: group }));
    }
  } finally {
    client.destroy();
  }
}
