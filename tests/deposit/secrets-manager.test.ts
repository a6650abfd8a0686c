/**
 * The Crossref secret read through the real SDK client from the local Secrets Manager stand-in
 * (the AWS JSON protocol, X-Amz-Target secretsmanager.GetSecretValue), cached per container.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '#adapters/errors';
import { createCrossrefSecretSource, parseCrossrefSecret, SecretError } from '#adapters/secrets';
import { startSecretsManager, type SecretsManagerStandIn } from '#infra/local/secrets-manager';

const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:Colophon-local-Stateful-CrossrefCredentials';
const VALUE = JSON.stringify({ login_id: 'colophon/role', login_passwd: 'pw-9f8e', callback_token: 'tok-1' });

let standIn: SecretsManagerStandIn;
let client: SecretsManagerClient;
beforeAll(async () => {
  standIn = await startSecretsManager([{ arn: ARN, name: 'Colophon-local-Stateful-CrossrefCredentials', value: VALUE }]);
  client = new SecretsManagerClient({ endpoint: standIn.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'colophonlocal', secretAccessKey: 'colophonlocal' } });
});
afterAll(async () => {
  client.destroy();
  await standIn.stop();
});

describe('the Crossref secret from Secrets Manager', () => {
  it('reads login, password and callback token once, and serves later calls from the cache', async () => {
    // Prepare
    const source = createCrossrefSecretSource({ client, secretId: ARN });

    // Act
    const [first, second] = await Promise.all([source.get(), source.get()]);
    const third = await source.get();

    // Assess
    expect(first).toEqual({ credentials: { loginId: 'colophon/role', password: 'pw-9f8e' }, callbackToken: 'tok-1', journals: new Map() }); // no journal has its own login in this secret
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(standIn.reads.get('Colophon-local-Stateful-CrossrefCredentials')).toBe(1);
  });

  it('reads again once the cached value is older than its time to live', async () => {
    // Prepare
    let clock = 0;
    const source = createCrossrefSecretSource({ client, secretId: ARN, ttlMs: 1000, now: () => clock });
    const before = standIn.reads.get('Colophon-local-Stateful-CrossrefCredentials') ?? 0;

    // Act
    await source.get();
    clock = 999;
    await source.get();
    clock = 1000;
    await source.get();

    // Assess
    expect(standIn.reads.get('Colophon-local-Stateful-CrossrefCredentials')).toBe(before + 2);
  });

  it('names the secret, not its value, when it cannot be read, and asks again next time', async () => {
    // Prepare
    const source = createCrossrefSecretSource({ client, secretId: 'no-such-secret' });

    // Act
    const failure = await source.get().catch((e: unknown) => e);
    const again = await source.get().catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(SecretError);
    expect((failure as Error).message).toBe('cannot read secret no-such-secret');
    expect(((failure as Error).cause as Error).name).toBe('ResourceNotFoundException');
    expect(again).not.toBe(failure);
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
