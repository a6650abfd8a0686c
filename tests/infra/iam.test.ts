import { describe, expect, it } from 'vitest';
import { batchPk, doiPk } from '#adapters/crossref-ledger-items';
import { LEDGER_PARTITIONS } from '#infra/constructs/colophon-function';
import { grants, readable, resourcesOf, synthStage } from './synth.ts';

// Every function's role, compared action by action with what its handler calls (functions/adapters):
// a new grant must be added here on purpose, and an unused one shows up as a difference.
const TABLE = 'arn:{AWS::Partition}:dynamodb:{AWS::Region}:{AWS::AccountId}:table/{Stateful.TableName}';
const INDEXES = ['gsi1', 'gsi2', 'gsi3'].map((name) => `${TABLE}/index/${name}`);
const bucket = (output: string): string => `arn:{AWS::Partition}:s3:::{Stateful.${output}}`;
const objects = (output: string): string => `${bucket(output)}/*`;
/** An SSM SecureString parameter of the dev stage (infra/constructs/secure-parameters.ts): its exact ARN, no wildcard. */
const parameter = (name: string): string => `arn:{AWS::Partition}:ssm:{AWS::Region}:{AWS::AccountId}:parameter/colophon/dev/${name}`;

const base = (fn: string): Record<string, string[]> => ({
  'logs:CreateLogStream': [`{${fn}Logs.Arn}`],
  'logs:PutLogEvents': [`{${fn}Logs.Arn}`],
  'xray:PutTelemetryRecords': ['*'],
  'xray:PutTraceSegments': ['*'],
});
const tableRead = { 'dynamodb:GetItem': [TABLE], 'dynamodb:BatchGetItem': [TABLE], 'dynamodb:Query': [TABLE, ...INDEXES].sort() };
// No BatchWriteItem or ConditionCheckItem: nothing calls them (issue 12, Low: roles trimmed to what they use).
const tableWrite = Object.fromEntries(['DeleteItem', 'PutItem', 'UpdateItem'].map((a) => [`dynamodb:${a}`, [TABLE]]));
const bucketRead = (output: string) => ({ 's3:GetObject': [objects(output)], 's3:ListBucket': [bucket(output)] });
/** What the SQS event source mapping needs (CDK grants it with the mapping). */
const consume = (queue: string) =>
  Object.fromEntries(['ChangeMessageVisibility', 'DeleteMessage', 'GetQueueAttributes', 'GetQueueUrl', 'ReceiveMessage'].map((a) => [`sqs:${a}`, [`{${queue}.Arn}`]]));

/** Lambda sends a failed asynchronous invocation to the function's on-failure destination with the function's role (issue 12, Medium 6). */
const onFailure = (grant: Record<string, string[]>, queue: string): Record<string, string[]> => {
  const out = { ...grant };
  for (const action of ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']) out[action] = [...(out[action] ?? []), `{${queue}.Arn}`];
  return out;
};

const sorted = (grant: Record<string, string[]>): Record<string, string[]> => Object.fromEntries(Object.entries(grant).map(([action, resources]) => [action, [...resources].sort()]));

describe('IAM: each function gets only what it uses', () => {
  const { statelessTemplate: template } = synthStage('dev');

  it('Ingest reads the inbox, reads and writes records, and sends render jobs', () => {
    expect(grants(template, 'Ingest')).toEqual(
      sorted(onFailure({ ...base('Ingest'), ...bucketRead('InboxBucketName'), ...tableRead, ...tableWrite, 'sqs:SendMessage': ['{RenderQueue.Arn}'] }, 'IngestFailures')),
    );
  });

  it('Render consumes render jobs, reads records and updates their render state (no Put, Delete or BatchWrite), writes site files, reads only the galleys of the inbox, and sends site jobs', () => {
    expect(grants(template, 'Render')).toEqual(
      sorted({
        ...base('Render'),
        ...consume('RenderQueue'),
        ...tableRead,
        'dynamodb:UpdateItem': [TABLE],
        ...bucketRead('SiteBucketName'),
        's3:GetObject': [objects('SiteBucketName'), `${bucket('InboxBucketName')}/galleys/*`],
        's3:PutObject': [objects('SiteBucketName')],
        'sqs:SendMessage': ['{DepositQueue.Arn}', '{SiteQueue.Arn}'],
      }),
    );
  });

  it('Downloads reads only the objects below doi/ of the site bucket: no list, no write, no table, nothing of the other buckets', () => {
    expect(grants(template, 'Downloads')).toEqual(sorted({ ...base('Downloads'), 's3:GetObject': [`${bucket('SiteBucketName')}/doi/*`] }));
  });

  it('Deposit consumes deposit jobs, reads and writes records (and the ledger), writes deposit files and reads only the Crossref parameter', () => {
    expect(grants(template, 'Deposit')).toEqual(
      sorted(
        onFailure(
          {
            ...base('Deposit'),
            ...consume('DepositQueue'),
            ...tableRead,
            ...tableWrite,
            's3:PutObject': [objects('ArtifactsBucketName')],
            'ssm:GetParameter': [parameter('crossref')],
          },
          'DepositFailures',
        ),
      ),
    );
  });

  it('CrossrefCallback reads and writes only the ledger items and reads only the Crossref parameter', () => {
    // Prepare
    const ledgerActions = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
    const statements = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .filter((p) => readable(p.Properties.Roles).includes('CrossrefCallbackRole'))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Condition?: unknown }[] }).Statement);
    const tableStatements = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('dynamodb:')));

    // Assess
    expect(grants(template, 'CrossrefCallback')).toEqual(
      sorted({ ...base('CrossrefCallback'), ...Object.fromEntries(ledgerActions.map((a) => [a, [TABLE]])), 'ssm:GetParameter': [parameter('crossref')] }),
    );
    expect(tableStatements).toHaveLength(1);
    expect(tableStatements[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DEPOSIT#*', 'BATCH#*'] } });
  });

  it('Site consumes site jobs, reads records and writes only the journals\' sitemap parts, reads and writes site files, and reads only the galleys (covers) of the inbox', () => {
    // Prepare
    const putItem = Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
      .filter((p) => readable(p.Properties.Roles).includes('SiteRole'))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Condition?: unknown }[] }).Statement)
      .filter((st) => [st.Action].flat().includes('dynamodb:PutItem'));
    // Assess: Site reads the covers Ingest checked (the inbox's galleys/ prefix only) to put them beside issue pages.
    expect(grants(template, 'Site')).toEqual(
      sorted(onFailure({ ...base('Site'), ...consume('SiteQueue'), ...tableRead, 'dynamodb:PutItem': [TABLE], ...bucketRead('SiteBucketName'), 's3:GetObject': [objects('SiteBucketName'), `${bucket('InboxBucketName')}/galleys/*`], 's3:PutObject': [objects('SiteBucketName')] }, 'SiteFailures')),
    );
    // Issue 16: the sitemap parts (records-sitemaps.ts) are the one thing it writes in the table.
    expect(putItem.map((st) => st.Condition)).toEqual([{ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SITEMAP#*'] } }]);
  });

  it('attaches no managed policy and no inline policy to any role', () => {
    for (const [id, role] of Object.entries(resourcesOf(template, 'AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
      expect(role.Properties.Policies, id).toBeUndefined();
      expect(role.Properties.AssumeRolePolicyDocument, id).toMatchObject({ Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] });
    }
  });

  it('only Deposit and CrossrefCallback may read the Crossref parameter, only Oai the OAI token seal, no role anything else of Parameter Store or Secrets Manager, and only Deposit may write the artifacts bucket', () => {
    const policies = resourcesOf(template, 'AWS::IAM::Policy');
    const mentioning = (pattern: RegExp): string[] =>
      Object.values(policies)
        .filter((p) => pattern.test(JSON.stringify(p.Properties.PolicyDocument)))
        .map((p) => readable((p.Properties.Roles as unknown[])[0]))
        .sort();
    expect(mentioning(/parameter\/colophon\/dev\/crossref"/)).toEqual(['{CrossrefCallbackRole}', '{DepositRole}']);
    expect(mentioning(/parameter\/colophon\/dev\/oai-token-seal"/)).toEqual(['{OaiRole}']);
    expect(mentioning(/ssm:/)).toEqual(['{CrossrefCallbackRole}', '{DepositRole}', '{OaiRole}']);
    // Reading is all they do: no GetParameters(ByPath), no wildcard parameter, no write, no Secrets Manager left.
    expect(mentioning(/"ssm:(?!GetParameter")|parameter\/[^"]*\*|secretsmanager:/)).toEqual([]);
    expect(mentioning(/ArtifactsBucketName/)).toEqual(['{DepositRole}']);
  });
});

describe('IAM: the ledger-only grant', () => {
  it('matches the partition keys the ledger writes, and no article key', () => {
    // Prepare
    const matches = (key: string): boolean => LEDGER_PARTITIONS.some((pattern) => key.startsWith(pattern.slice(0, -1)));

    // Assess
    expect(matches(doiPk('10.2298/BALC1950375E'))).toBe(true);
    expect(matches(batchPk('colophon-20261128081927642-b08664eed37a'))).toBe(true);
    expect(matches('ART#10.2298/balc1950375e')).toBe(false);
  });
});
