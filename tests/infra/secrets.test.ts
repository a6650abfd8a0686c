/**
 * No Crossref credential or token seal in any template or function environment: only the names of
 * the stage's SSM SecureString parameters travel (issue 16: Parameter Store instead of Secrets
 * Manager, whose $0.40 a secret was the idle month's largest fixed fee).
 */
import { describe, expect, it } from 'vitest';
import { STAGE_NAMES } from '#infra/config';
import { resourcesOf, synthStage } from './synth.ts';

describe.each(STAGE_NAMES)('the %s stage keeps its secrets out of its templates', (stage) => {
  const { statefulTemplate, statelessTemplate } = synthStage(stage);
  const text = JSON.stringify([statefulTemplate.toJSON(), statelessTemplate.toJSON()]);

  it('has no Secrets Manager secret (a fixed fee) and no parameter resource (CloudFormation could only write one in clear)', () => {
    for (const template of [statefulTemplate, statelessTemplate]) {
      expect(resourcesOf(template, 'AWS::SecretsManager::Secret')).toEqual({});
      expect(resourcesOf(template, 'AWS::SSM::Parameter')).toEqual({});
    }
  });

  it('gives functions the parameter names and no variable that could hold a credential', () => {
    const variables = Object.values(resourcesOf(statelessTemplate, 'AWS::Lambda::Function')).map((fn) => (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables);
    const suspect = variables.flatMap((v) => Object.entries(v).filter(([name]) => /PASSW|LOGIN|TOKEN|SECRET|CREDENTIAL|KEY|PARAMETER/.test(name)));
    // The Crossref parameter twice (Deposit, CrossrefCallback), the OAI token seal once (Oai): names only.
    expect(suspect.map(([name, value]) => `${name}=${String(value)}`).sort()).toEqual([
      `CROSSREF_PARAMETER=/colophon/${stage}/crossref`,
      `CROSSREF_PARAMETER=/colophon/${stage}/crossref`,
      `OAI_TOKEN_PARAMETER=/colophon/${stage}/oai-token-seal`,
    ]);
  });

  it('sets no secret value anywhere and resolves none at deploy', () => {
    expect(text).not.toMatch(/"SecretString":|SecretValueFromJson|resolve:secretsmanager|resolve:ssm-secure|GenerateSecretString/);
    // Named in the callback URL's description, never given a value.
    expect(text).not.toMatch(/\\?"callback_token\\?":/);
  });
});
