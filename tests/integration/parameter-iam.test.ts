/**
 * The stage's secrets as SSM SecureString parameters (issue 16), read through the real
 * `@aws-sdk/client-ssm` client over HTTP, through each function's own IAM gateway with the role's
 * statements from the synthesized template: a function reads exactly the parameter its role names,
 * and any other parameter (by name or by ARN) is refused with AccessDenied before it reaches the
 * Parameter Store stand-in.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIamGateway, type IamGateway } from '#infra/local/iam-gateway';
import { parameterArn } from '#infra/local/parameter-store';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/paths';
import { startTestStage, type TestStage } from '#tests/setup/local-stage';

const CROSSREF = '/colophon/local/crossref';
const SEAL = '/colophon/local/oai-token-seal';

let stage: TestStage;
const gateways: IamGateway[] = [];
const clients: SSMClient[] = [];
beforeAll(async () => {
  stage = await startTestStage();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await Promise.all(gateways.map((g) => g.stop()));
  await stage.stop();
});

/** An SSM client that calls as the function `logicalId` would: through a gateway holding its role's statements. */
async function clientOf(logicalId: string): Promise<SSMClient> {
  const fn = stage.stack.fn(logicalId);
  const gateway = await startIamGateway({
    principal: `arn:aws:sts::000000000000:assumed-role/${fn.role.name}/${fn.name}`,
    statements: fn.role.statements,
    upstream: { s3: stage.endpoints.s3, dynamodb: stage.endpoints.dynamodb, sqs: stage.endpoints.sqs, ssm: stage.stack.crossref.secrets.endpoint, 'cognito-idp': stage.endpoints.cognito },
    context: { keySchemas: new Map() },
  });
  gateways.push(gateway);
  const client = new SSMClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: gateway.endpoint, maxAttempts: 1 });
  clients.push(client);
  return client;
}

const read = (client: SSMClient, name: string) => client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
const denied = { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } };

describe('SecureString parameters under each role', () => {
  it('names both parameters in the stateful outputs and seeds them, and gives no function their values', () => {
    expect(stage.stack.model.parameters.map((p) => `${p.output}=${p.name}`).sort()).toEqual([`CrossrefParameterName=${CROSSREF}`, `OaiTokenParameterName=${SEAL}`]);
    const environments = JSON.stringify(stage.stack.model.functions.map((f) => f.environment));
    expect(environments).not.toContain(stage.stack.crossref.callbackToken);
  });

  it('lets Deposit read the Crossref parameter and refuses it the OAI token seal, which never reaches the store', async () => {
    // Prepare
    const deposit = await clientOf('Deposit');
    const sealReads = stage.stack.crossref.secrets.reads.get(SEAL) ?? 0;

    // Act
    const crossref = await read(deposit, CROSSREF);
    const seal = read(deposit, SEAL);
    const sealByArn = read(deposit, parameterArn(SEAL));

    // Assess
    expect(JSON.parse(crossref.Parameter!.Value!)).toMatchObject({ callback_token: stage.stack.crossref.callbackToken });
    await expect(seal).rejects.toMatchObject(denied);
    await expect(sealByArn).rejects.toMatchObject(denied);
    expect(stage.stack.crossref.secrets.reads.get(SEAL) ?? 0).toBe(sealReads);
  });

  it('lets Oai read the seal and nothing else; the callback reads the Crossref parameter; Render, Site, Ingest and Admin read neither', async () => {
    // Prepare
    const oai = await clientOf('Oai');
    const callback = await clientOf('CrossrefCallback');

    // Act + Assess
    expect((await read(oai, SEAL)).Parameter?.Value).toMatch(/^[\w-]{40,}$/);
    await expect(read(oai, CROSSREF)).rejects.toMatchObject(denied);
    expect((await read(callback, CROSSREF)).Parameter?.Name).toBe(CROSSREF);
    await expect(read(callback, SEAL)).rejects.toMatchObject(denied);
    for (const logicalId of ['Render', 'Site', 'Ingest', 'Admin']) {
      const client = await clientOf(logicalId);
      await expect(read(client, CROSSREF), logicalId).rejects.toMatchObject(denied);
      await expect(read(client, SEAL), logicalId).rejects.toMatchObject(denied);
    }
    // A parameter of another stage in the same account: no role reaches it.
    await expect(read(oai, '/colophon/prod/oai-token-seal')).rejects.toMatchObject(denied);
  });
});
