/**
 * The Crossref secret read through the real SDK client from the local Parameter Store stand-in
 * (the AWS JSON protocol, X-Amz-Target AmazonSSM.GetParameter, decrypted), cached per container.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '#adapters/errors';
import { createCrossrefSecretSource, parseCrossrefSecret, SecretError } from '#adapters/secrets';
import { startParameterStore, type ParameterStoreStandIn } from '#infra/local/parameter-store';

const NAME = '/colophon/local/crossref';
const VALUE = JSON.stringify({ login_id: 'colophon/role', login_passwd: 'pw-9f8e', callback_token: 'tok-1' });

let standIn: ParameterStoreStandIn;
let client: SSMClient;
beforeAll(async () => {
  standIn = await startParameterStore([{ name: NAME, value: VALUE }]);
  client = new SSMClient({ endpoint: standIn.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'colophonlocal', secretAccessKey: 'colophonlocal' } });
});
afterAll(async () => {
  client.destroy();
  await standIn.stop();
});

describe('the Crossref secret from Parameter Store', () => {
  it('reads login, password and callback token once, and serves later calls from the cache', async () => {
    // Prepare
    const source = createCrossrefSecretSource({ client, secretId: NAME });

    // Act
    const [first, second] = await Promise.all([source.get(), source.get()]);
    const third = await source.get();

    // Assess
    expect(first).toEqual({ credentials: { loginId: 'colophon/role', password: 'pw-9f8e' }, callbackToken: 'tok-1', journals: new Map() }); // no journal has its own login in this secret
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(standIn.reads.get(NAME)).toBe(1);
  });

  it('reads again once the cached value is older than its time to live', async () => {
    // Prepare
    let clock = 0;
    const source = createCrossrefSecretSource({ client, secretId: NAME, ttlMs: 1000, now: () => clock });
    const before = standIn.reads.get(NAME) ?? 0;

    // Act
    await source.get();
    clock = 999;
    await source.get();
    clock = 1000;
    await source.get();

    // Assess
    expect(standIn.reads.get(NAME)).toBe(before + 2);
  });

  it('names the secret, not its value, when it cannot be read, and asks again next time', async () => {
    // Prepare
    const source = createCrossrefSecretSource({ client, secretId: '/colophon/local/no-such-parameter' });

    // Act
    const failure = await source.get().catch((e: unknown) => e);
    const again = await source.get().catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(SecretError);
    expect((failure as Error).message).toBe('cannot read secret /colophon/local/no-such-parameter');
    expect(((failure as Error).cause as Error).name).toBe('ParameterNotFound');
    expect(again).not.toBe(failure);
  });
});

describe('the Parameter Store stand-in, as SSM answers', () => {
  it('finds a parameter by its ARN too, and never answers a SecureString in clear without WithDecryption', async () => {
    // Act
    const byArn = await client.send(new GetParameterCommand({ Name: 'arn:aws:ssm:us-east-1:000000000000:parameter/colophon/local/crossref', WithDecryption: true }));
    const encrypted = await client.send(new GetParameterCommand({ Name: NAME }));

    // Assess
    expect(byArn.Parameter).toMatchObject({ Name: NAME, Type: 'SecureString', Value: VALUE });
    expect(encrypted.Parameter?.Type).toBe('SecureString');
    expect(encrypted.Parameter?.Value).not.toContain('pw-9f8e');
  });
});

describe('parseCrossrefSecret', () => {
  it.each([
    ['not JSON', 'pw-9f8e', /is not JSON/],
    ['without a password', JSON.stringify({ login_id: 'x', login_passwd: '' }), /lacks login_passwd/],
    ['without anything', '{}', /lacks login_id and login_passwd/],
  ])('refuses a secret %s without quoting it', (_name, text, expected) => {
    const act = (): unknown => parseCrossrefSecret(text, 'arn:x');
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(expected);
    try {
      act();
    } catch (error) {
      expect((error as Error).message).not.toContain('pw-9f8e');
    }
  });

  it('leaves the callback token out when there is none', () => {
    expect(parseCrossrefSecret(JSON.stringify({ login_id: 'a', login_passwd: 'b' }), 'x').callbackToken).toBeUndefined();
  });
});
