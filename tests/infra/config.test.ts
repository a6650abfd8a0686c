import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { CROSSREF_MODES as HANDLER_MODES } from '#handlers/flows/deposit';
import { CROSSREF_ENDPOINTS, CROSSREF_MODES, isPlaceholderAddress, STAGES, StageConfigError, stageConfig, stageProblems, type StageConfig } from '#infra/config';

const withChange = (base: StageConfig, change: Partial<StageConfig>): StageConfig => ({ ...structuredClone(base), ...change });

describe('stageConfig', () => {
  it('defaults to dev when no stage is given in context', () => {
    expect(stageConfig(undefined)).toBe(STAGES.dev);
  });

  it.each(['local', 'dev'] as const)('returns the %s settings', (name) => {
    expect(stageConfig(name).stage).toBe(name);
  });

  it('refuses prod while it holds placeholders (issue 12, Low: prod ships placeholders): the OAI contact and the custom domain', () => {
    expect(() => stageConfig('prod')).toThrow(/oai\.adminEmail is the placeholder "oai-admin@example\.org"[\s\S]*site\.customDomain is missing/);
  });

  it.each([['oai@example.org', true], ['x@sub.example.com', true], ['a@b.test', true], ['oai@balcanica.rs', false], ['me@example-journal.org', false]])('treats %s as a placeholder: %s', (email, expected) => {
    expect(isPlaceholderAddress(email)).toBe(expected);
  });

  it.each([['qa'], [''], ['Prod'], [42]])('refuses the unknown stage %j, naming the choices', (name) => {
    expect(() => stageConfig(name)).toThrow(StageConfigError);
    expect(() => stageConfig(name)).toThrow(/Unknown stage .*choose one of local, dev, prod/);
  });

  it('refuses a known stage whose settings have problems, listing every one', () => {
    // Prepare
    const broken = withChange(STAGES.dev, { env: { account: '123', region: 'mars' } });
    // Act
    const act = (): StageConfig => stageConfig('dev', { ...STAGES, dev: broken });
    // Assess
    expect(act).toThrow(/Stage "dev" cannot be synthesized:\n- env.account .*\n- env.region/);
  });
});

describe('the stages', () => {
  it('deposit to Crossref test outside prod and to production in prod', () => {
    expect(STAGES.local.crossref.endpoint).toBe('https://test.crossref.org');
    expect(STAGES.dev.crossref.endpoint).toBe('https://test.crossref.org');
    expect(STAGES.prod.crossref.endpoint).toBe('https://doi.crossref.org');
  });

  it('keep local deposits a dry run and register DOIs in dev (Crossref test) and prod', () => {
    expect(STAGES.local.crossref.mode).toBe('dry-run');
    expect(STAGES.dev.crossref.mode).toBe('deposit');
    expect(STAGES.prod.crossref.mode).toBe('deposit');
  });

  it('bundle the Crossref 5.4.0 schema folder that the deposit handler validates with', () => {
    for (const stage of Object.values(STAGES)) expect(existsSync(join(stage.crossref.schemaDir, 'crossref5.4.0.xsd'))).toBe(true);
  });

  it('know the same Crossref modes as the Deposit handler', () => {
    expect(CROSSREF_MODES).toEqual(HANDLER_MODES);
  });

  it('protect data only in prod', () => {
    expect(STAGES.prod).toMatchObject({ deletionProtection: true, removalPolicy: RemovalPolicy.RETAIN });
    for (const stage of [STAGES.local, STAGES.dev]) expect(stage).toMatchObject({ deletionProtection: false, removalPolicy: RemovalPolicy.DESTROY });
  });

  it('have no problems, except that prod waits for the publisher’s contact and domain', () => {
    expect(stageProblems(STAGES.local)).toEqual([]);
    expect(stageProblems(STAGES.dev)).toEqual([]);
    expect(stageProblems(STAGES.prod)).toHaveLength(2);
  });
});

// Each case: a change to the dev settings and the problem it must produce.
const problemCases: [string, Partial<StageConfig>, RegExp][] = [
  ['a short account id', { env: { account: '12345' } }, /env.account must be a 12-digit/],
  ['a region that is not one', { env: { region: 'europe' } }, /env.region must be an AWS region/],
  ['a certificate outside us-east-1', { site: { customDomain: { name: 'journal.example.org', certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/x' } } }, /us-east-1/],
  ['production Crossref outside prod', { crossref: { ...STAGES.dev.crossref, endpoint: CROSSREF_ENDPOINTS.production } }, /must not deposit to the production Crossref endpoint/],
  ['an unknown Crossref mode', { crossref: { ...STAGES.dev.crossref, mode: 'maybe' as never } }, /crossref.mode must be one of deposit, dry-run/],
  ['no Crossref schema folder', { crossref: { ...STAGES.dev.crossref, schemaDir: ' ' } }, /crossref.schemaDir/],
  ['a negative DLQ threshold', { alarms: { dlqDepth: -1, oldestMessageAgeSeconds: 600 } }, /alarms.dlqDepth/],
  ['a queue age under a minute', { alarms: { dlqDepth: 0, oldestMessageAgeSeconds: 10 } }, /oldestMessageAgeSeconds/],
];

describe('stageProblems', () => {
  it.each(problemCases)('finds %s', (_name, change, expected) => {
    const problems = stageProblems(withChange(STAGES.dev, change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('requires prod to deposit to production Crossref', () => {
    expect(stageProblems(withChange(STAGES.prod, { crossref: { ...STAGES.prod.crossref, endpoint: CROSSREF_ENDPOINTS.test } }))).toContain('prod must deposit to the production Crossref endpoint');
  });

  it('accepts a custom domain with a us-east-1 certificate and a full environment', () => {
    const config = withChange(STAGES.prod, {
      env: { account: '123456789012', region: 'eu-central-1' },
      oai: { adminEmail: 'oai@balcanica.rs' },
      site: { customDomain: { name: 'journal.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' } },
    });
    expect(stageProblems(config)).toEqual([]);
  });
});
