/**
 * The stand-in enforces each function's IAM policy from the synthesized template (issue 12, "the
 * stand-in enforces IAM"): a call the role does not grant fails with AccessDenied as on AWS, through
 * the function's own SDK client, and never reaches the emulator. The rest of the integration suite
 * runs with the same enforcement (a denial is a stage error there), which proves the grants suffice.
 */
import { rmSync } from 'node:fs';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIamGateway, type IamGateway } from '#infra/local/iam-gateway';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/paths';
import { publishSources } from '#infra/local/publish';
import type { Template } from '#infra/local/template';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';
import { assemblyWith } from './assembly.ts';
import { fixtureSources, FIXTURE_DOIS } from './fixtures.ts';
import { siteKeys, tableItems } from './inspect.ts';

type PolicyStatement = { Action: string | string[]; Resource: unknown };
/** Takes `action` out of every statement of the role `roleLogicalIdPrefix`'s policies. */
const withoutAction = (roleLogicalIdPrefix: string, action: string) => (template: Template, stack: string) => {
  if (!stack.endsWith('-Stateless')) return;
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const roles = (resource.Properties?.Roles ?? []) as { Ref?: string }[];
    if (!roles.some((r) => r.Ref?.startsWith(roleLogicalIdPrefix))) continue;
    const document = resource.Properties!.PolicyDocument as unknown as { Statement: PolicyStatement[] };
    for (const s of document.Statement) s.Action = ([] as string[]).concat(s.Action).filter((a) => a !== action);
    document.Statement = document.Statement.filter((s) => (s.Action as string[]).length > 0);
  }
};

describe('a role without s3:PutObject on the site bucket', () => {
  let stage: TestStage;
  let assembly: string;
  beforeAll(async () => {
    assembly = assemblyWith(withoutAction('RenderRole', 's3:PutObject'));
    stage = await startTestStage({ cdkOut: assembly });
  });
  afterAll(async () => {
    await stage.stop();
    rmSync(assembly, { recursive: true, force: true });
  });

  it('makes Render fail with AccessDenied, as AWS would, and nothing reaches the bucket', async () => {
    // Act
    await publishSources(stage.stack, fixtureSources());
    await stage.stack.drain();

    // Assess: every article's render failed on the refused write, with AWS's words.
    const heads = (await tableItems(stage.stack)).filter((i) => i.sk === 'HEAD');
    expect(heads.map((h) => h.doi).sort()).toEqual([...FIXTURE_DOIS].sort());
    for (const head of heads) {
      const render = head.render as { status: string; reason?: string };
      expect(render.status).toBe('failed');
      expect(render.reason).toMatch(/AccessDenied/);
      expect(render.reason).toMatch(/is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::[^ ]*sitebucket[^ ]*\/doi\//);
    }
    expect((await siteKeys(stage.stack)).filter((k) => k.startsWith('doi/'))).toEqual([]);
    const refused = stage.stack.iam.denials.map((d) => `${d.principal.split('/').pop()!.replace(/^.*-/, '')} ${d.permission.action}`);
    expect(new Set(refused)).toEqual(new Set(['Render s3:PutObject']));
    expect(stage.errors.length).toBeGreaterThan(0);
    expect(stage.errors.every((e) => e.startsWith('Render: AccessDenied'))).toBe(true);
  });
});

describe('dynamodb:LeadingKeys through a real SDK client', () => {
  let stage: TestStage;
  let gateway: IamGateway;
  let client: DynamoDBClient;
  beforeAll(async () => {
    stage = await startTestStage();
    // Prepare: a gateway with the Admin role's statements from the template (it may write DRAFT# and AUDIT# partitions only).
    const admin = stage.stack.fn('Admin');
    gateway = await startIamGateway({
      principal: `arn:aws:sts::000000000000:assumed-role/${admin.role.name}/${admin.name}`,
      statements: admin.role.statements,
      upstream: { s3: stage.endpoints.s3, dynamodb: stage.endpoints.dynamodb, sqs: stage.endpoints.sqs, ssm: stage.endpoints.s3, 'cognito-idp': stage.endpoints.cognito },
      context: { keySchemas: new Map([[stage.stack.table('RecordsTable'), { table: 'pk', indexes: new Map() }]]) },
    });
    client = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: gateway.endpoint, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await gateway.stop();
    await stage.stop();
  });

  const put = (pk: string) => client.send(new PutItemCommand({ TableName: stage.stack.table('RecordsTable'), Item: { pk: { S: pk }, sk: { S: 'x' } } }));

  it('lets the Admin role write a draft and refuses it an article head', async () => {
    // Act + Assess
    await expect(put('DRAFT#10.5555/x')).resolves.toBeDefined();
    await expect(put('ART#10.5555/x')).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    const keys = (await tableItems(stage.stack)).map((i) => i.pk);
    expect(keys).toContain('DRAFT#10.5555/x');
    expect(keys).not.toContain('ART#10.5555/x');
  });
});
