/**
 * The module bundled in place of the SDK's default credential chain
 * (infra/constructs/sdk-shims/credential-provider-node.ts): on Lambda it must give the function's
 * credentials from its environment, session token included, as the chain's first provider does,
 * and say plainly when there are none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultProvider } from '#infra/constructs/sdk-shims/credential-provider-node';

const NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
afterEach(() => {
  for (const n of NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

describe('the bundled credential provider', () => {
  it('gives the credentials Lambda puts in the environment, with the session token', async () => {
    // Prepare
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDLAMBDA', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });

    // Act
    const credentials = await defaultProvider({})();

    // Assess
    expect(credentials).toMatchObject({ accessKeyId: 'AKIDLAMBDA', secretAccessKey: 'secret', sessionToken: 'token' });
  });

  it('fails with the SDK\'s message when the environment has none', async () => {
    // Prepare
    for (const n of NAMES) delete process.env[n];

    // Act, Assess
    await expect(defaultProvider({})()).rejects.toThrow('Unable to find environment variable credentials.');
  });
});
