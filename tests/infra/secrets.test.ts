/** No Crossref credential in any template or function environment: only the secret's ARN travels. */
import { describe, expect, it } from 'vitest';
import { STAGE_NAMES } from '#infra/config';
import { resourcesOf, synthStage } from './synth.ts';

describe.each(STAGE_NAMES)('the %s stage keeps Crossref credentials out of its templates', (stage) => {
  const { statefulTemplate, statelessTemplate } = synthStage(stage);

  it('creates the secret with a generated callback token, empty credentials for staff to set, and no value of its own', () => {
    const [secret] = Object.values(resourcesOf(statefulTemplate, 'AWS::SecretsManager::Secret'));
    expect(secret?.Properties.SecretString).toBeUndefined();
    expect(secret?.Properties.GenerateSecretString).toEqual({
      SecretStringTemplate: JSON.stringify({ login_id: '', login_passwd: '' }),
      GenerateStringKey: 'callback_token',
      // Letters and digits only: the token travels unencoded in the notify-url's query string.
      ExcludePunctuation: true,
    });
  });

  it('gives functions the secret ARN and no variable that could hold a credential', () => {
    const variables = Object.values(resourcesOf(statelessTemplate, 'AWS::Lambda::Function')).flatMap((fn) =>
      Object.keys((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables),
    );
    expect(variables).toContain('CROSSREF_SECRET_ARN');
    // The Crossref secret twice (Deposit, CrossrefCallback), the OAI token seal once (Oai): ARNs only.
    expect(variables.filter((name) => /PASSW|LOGIN|TOKEN|SECRET|CREDENTIAL|KEY/.test(name)).sort()).toEqual(['CROSSREF_SECRET_ARN', 'CROSSREF_SECRET_ARN', 'OAI_TOKEN_SECRET_ARN']);
  });

  it('sets no secret value anywhere (Secrets Manager generates the callback token; staff set the credentials)', () => {
    const text = JSON.stringify([statefulTemplate.toJSON(), statelessTemplate.toJSON()]);
    expect(text).not.toMatch(/"SecretString":|SecretValueFromJson|resolve:secretsmanager/);
    // Named as the key to generate and in the callback URL's description, never given a value.
    expect(text).not.toMatch(/\\?"callback_token\\?":/);
  });
});
