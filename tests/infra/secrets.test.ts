/** No Crossref credential in any template or function environment: only the secret's ARN travels. */
import { describe, expect, it } from 'vitest';
import { STAGE_NAMES } from '#infra/config';
import { resourcesOf, synthStage } from './synth.ts';

describe.each(STAGE_NAMES)('the %s stage keeps Crossref credentials out of its templates', (stage) => {
  const { statefulTemplate, statelessTemplate } = synthStage(stage);

  it('creates the secret with a generated password and no value of its own', () => {
    const [secret] = Object.values(resourcesOf(statefulTemplate, 'AWS::SecretsManager::Secret'));
    expect(secret?.Properties.SecretString).toBeUndefined();
    expect(secret?.Properties.GenerateSecretString).toEqual({ SecretStringTemplate: JSON.stringify({ login_id: '' }), GenerateStringKey: 'login_passwd' });
  });

  it('gives functions the secret ARN and no variable that could hold a credential', () => {
    const variables = Object.values(resourcesOf(statelessTemplate, 'AWS::Lambda::Function')).flatMap((fn) =>
      Object.keys((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables),
    );
    expect(variables).toContain('CROSSREF_SECRET_ARN');
    expect(variables.filter((name) => /PASSW|LOGIN|TOKEN|SECRET|CREDENTIAL|KEY/.test(name))).toEqual(['CROSSREF_SECRET_ARN', 'CROSSREF_SECRET_ARN']);
  });

  it('sets no secret value anywhere (the callback token, like the password, is set by staff)', () => {
    const text = JSON.stringify([statefulTemplate.toJSON(), statelessTemplate.toJSON()]);
    expect(text).not.toMatch(/"SecretString":|callback_token|SecretValueFromJson|resolve:secretsmanager/);
  });
});
