/**
 * The Admin function's own token check (issue 15), apart from the route's authorizer: a real RS256
 * key pair, its JWKS served on loopback, tokens signed here. Only an unexpired access token of the
 * staff pool for the console's app client passes; the groups decide the journals.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessError, requireJournal, staffVerifier, type StaffVerifier } from '#handlers/admin/access';
import { listenLoopback } from '#infra/local/net';

const CLIENT = 'console-client';
let server: Server;
let issuer: string;
let key: KeyObject;
let verify: StaffVerifier;

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
function sign(payload: Record<string, unknown>, signWith: KeyObject = key): string {
  const head = `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(signWith).toString('base64url')}`;
}
const now = (): number => Math.floor(Date.now() / 1000);
const access = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ iss: issuer, sub: 'user-1', username: 'ed', token_use: 'access', client_id: CLIENT, iat: now(), exp: now() + 3600, ...extra });

/** A genuine editor's token with `admin` pasted into its payload, the signature kept. */
function forged(): string {
  const [head, , signature] = sign(access({ 'cognito:groups': ['editor:x'] })).split('.');
  return `${head}.${b64(access({ 'cognito:groups': ['admin'] }))}.${signature}`;
}

async function refused(token: string | undefined): Promise<number> {
  try {
    await verify(token === undefined ? undefined : `Bearer ${token}`);
    return 200;
  } catch (error) {
    if (error instanceof AccessError) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  key = pair.privateKey;
  const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/jwks.json')) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end();
  });
  const port = await listenLoopback(server, 0);
  issuer = `http://127.0.0.1:${port}/pool_1`;
  verify = staffVerifier({ issuer, clientId: CLIENT });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the Admin function verifies the token itself', () => {
  it('accepts the staff pool’s access token and reads the journals from the groups', async () => {
    const staff = await verify(`Bearer ${sign(access({ 'cognito:groups': ['editor:balcanica', 'editor:other', 'unrelated'] }))}`);
    expect(staff).toEqual({ sub: 'user-1', username: 'ed', admin: false, journals: ['balcanica', 'other'] });
    expect(() => requireJournal(staff, 'balcanica')).not.toThrow();
    expect(() => requireJournal(staff, 'third')).toThrow(expect.objectContaining({ status: 403 }));
    const admin = await verify(`Bearer ${sign(access({ 'cognito:groups': ['admin'] }))}`);
    expect(() => requireJournal(admin, 'any-journal')).not.toThrow();
  });

  it.each([
    ['no token', () => undefined],
    ['not a JWT', () => 'abc'],
    ['an ID token', () => sign(access({ token_use: 'id', aud: CLIENT }))],
    ['a token of another app client', () => sign(access({ client_id: 'other-client' }))],
    ['a token of another issuer', () => sign(access({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_other' }))],
    ['an expired token', () => sign(access({ iat: now() - 7200, exp: now() - 3600 }))],
    ['a token signed by another key', () => sign(access(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)],
    ['a token whose groups were edited after signing', () => forged()],
  ])('refuses %s with 401', async (_what, token) => {
    expect(await refused(token())).toBe(401);
  });
});
