/**
 * The local IAM check's two halves: what a request on the wire needs (iam-request.ts) and whether a
 * policy grants it (iam-policy.ts), on statements shaped as the synthesized template has them.
 */
import { describe, expect, it } from 'vitest';
import { authorize, conditionHolds, statementsOf, type Statement } from '#infra/local/iam-policy';
import { permissionsOf, type WireRequest } from '#infra/local/iam-request';
import { TemplateError } from '#infra/local/template';

const TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/records';
const context = { keySchemas: new Map([['records', { table: 'pk', indexes: new Map([['gsi1', 'gsi1pk']]) }]]) };
const target = (service: string, op: string, body: unknown): WireRequest => ({ method: 'POST', url: '/', headers: { 'x-amz-target': `${service}.${op}` }, body: Buffer.from(JSON.stringify(body)) });
const s3 = (method: string, url: string, headers: Record<string, string> = {}, body = ''): WireRequest => ({ method, url, headers, body: Buffer.from(body) });

describe('what a request needs', () => {
  it('reads an S3 key decoded once, as S3 does, and a copy as a read of its source and a write of its target', () => {
    expect(permissionsOf(s3('GET', '/site/doi/10.2298/abc%5B1%5D%3Ax/index.html'), context)).toEqual([{ action: 's3:GetObject', resource: 'arn:aws:s3:::site/doi/10.2298/abc[1]:x/index.html' }]);
    expect(permissionsOf(s3('PUT', '/site/b.pdf', { 'x-amz-copy-source': '/inbox/galleys/a%20b.pdf' }), context)).toEqual([
      { action: 's3:PutObject', resource: 'arn:aws:s3:::site/b.pdf' },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::inbox/galleys/a b.pdf' },
    ]);
    expect(permissionsOf(s3('GET', '/inbox?list-type=2&prefix=inbox%2F'), context)).toEqual([{ action: 's3:ListBucket', resource: 'arn:aws:s3:::inbox', context: { 's3:prefix': ['inbox/'] } }]);
    expect(permissionsOf(s3('POST', '/site?delete', {}, '<Delete><Object><Key>a</Key></Object><Object><Key>b</Key></Object></Delete>'), context).map((p) => `${p.action} ${p.resource}`)).toEqual([
      's3:DeleteObject arn:aws:s3:::site/a',
      's3:DeleteObject arn:aws:s3:::site/b',
    ]);
    expect(permissionsOf(s3('GET', '/inbox/a.yaml?versionId=3'), context)[0]!.action).toBe('s3:GetObjectVersion');
  });

  it('names each item of a DynamoDB transaction with its own action and partition key', () => {
    const transaction = { TransactItems: [{ Put: { TableName: 'records', Item: { pk: { S: 'DRAFT#a' }, sk: { S: 'x' } } } }, { Update: { TableName: 'records', Key: { pk: { S: 'AUDIT#a' }, sk: { S: 'y' } } } }] };
    expect(permissionsOf(target('DynamoDB_20120810', 'TransactWriteItems', transaction), context)).toEqual([
      { action: 'dynamodb:PutItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['DRAFT#a'] } },
      { action: 'dynamodb:UpdateItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['AUDIT#a'] } },
    ]);
    const query = { TableName: 'records', IndexName: 'gsi1', KeyConditionExpression: '#p = :p AND begins_with(#s, :s)', ExpressionAttributeNames: { '#p': 'gsi1pk', '#s': 'gsi1sk' }, ExpressionAttributeValues: { ':p': { S: 'JOURNAL#b' }, ':s': { S: 'x' } } };
    expect(permissionsOf(target('DynamoDB_20120810', 'Query', query), context)).toEqual([{ action: 'dynamodb:Query', resource: `${TABLE}/index/gsi1`, context: { 'dynamodb:LeadingKeys': ['JOURNAL#b'] } }]);
  });

  it('reads SQS batches as their single action on the queue named by its URL, and an SSM parameter by name or ARN as its ARN', () => {
    expect(permissionsOf(target('AmazonSQS', 'SendMessageBatch', { QueueUrl: 'http://sqs.us-east-1.localhost:1/000000000000/t-SiteQueue', Entries: [] }), context)).toEqual([{ action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:000000000000:t-SiteQueue' }]);
    const crossref = [{ action: 'ssm:GetParameter', resource: 'arn:aws:ssm:us-east-1:000000000000:parameter/colophon/local/crossref' }];
    expect(permissionsOf(target('AmazonSSM', 'GetParameter', { Name: '/colophon/local/crossref', WithDecryption: true }), context)).toEqual(crossref);
    expect(permissionsOf(target('AmazonSSM', 'GetParameter', { Name: crossref[0]!.resource }), context)).toEqual(crossref);
  });
});

describe('whether the policy grants it', () => {
  const statements: Statement[] = statementsOf(
    {
      Statement: [
        { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: 'arn:aws:logs:x' },
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::site/*' },
        { Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], Resource: TABLE, Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DRAFT#*', 'AUDIT#*'] } } },
        { Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::site/admin/*' },
      ],
    },
    'test',
  );

  it('keeps only the services the stand-in enforces', () => {
    expect(statements.map((s) => s.actions.join(','))).toEqual(['s3:GetObject,s3:PutObject', 'dynamodb:PutItem,dynamodb:UpdateItem', 's3:PutObject']);
  });

  it('allows a granted action on a matching resource and refuses anything else, an explicit deny first', () => {
    expect(authorize(statements, [{ action: 's3:PutObject', resource: 'arn:aws:s3:::site/doi/x/index.html' }])).toEqual({ allowed: true });
    expect(authorize(statements, [{ action: 'S3:getobject', resource: 'arn:aws:s3:::site/a' }])).toEqual({ allowed: true });
    expect(authorize(statements, [{ action: 's3:DeleteObject', resource: 'arn:aws:s3:::site/a' }])).toMatchObject({ allowed: false, explicit: false });
    expect(authorize(statements, [{ action: 's3:GetObject', resource: 'arn:aws:s3:::inbox/a' }])).toMatchObject({ allowed: false });
    expect(authorize(statements, [{ action: 's3:PutObject', resource: 'arn:aws:s3:::site/admin/x' }])).toMatchObject({ allowed: false, explicit: true });
    // A copy is refused when either half is.
    expect(authorize(statements, [{ action: 's3:PutObject', resource: 'arn:aws:s3:::site/a' }, { action: 's3:GetObject', resource: 'arn:aws:s3:::inbox/a' }])).toMatchObject({ allowed: false, permission: { resource: 'arn:aws:s3:::inbox/a' } });
  });

  it('applies dynamodb:LeadingKeys to every partition key of the request', () => {
    const put = (...keys: string[]) => authorize(statements, [{ action: 'dynamodb:PutItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': keys } }]);
    expect(put('DRAFT#10.5555/a')).toEqual({ allowed: true });
    expect(put('ART#10.5555/a')).toMatchObject({ allowed: false });
    expect(put('DRAFT#a', 'ART#a')).toMatchObject({ allowed: false });
  });

  it('treats a missing key as AWS does: ForAllValues holds, a plain operator fails, a negated one holds', () => {
    expect(conditionHolds({ operator: 'ForAllValues:StringLike', key: 'k', values: ['a*'] }, {})).toBe(true);
    expect(conditionHolds({ operator: 'ForAnyValue:StringLike', key: 'k', values: ['a*'] }, {})).toBe(false);
    expect(conditionHolds({ operator: 'StringEquals', key: 'k', values: ['a'] }, {})).toBe(false);
    expect(conditionHolds({ operator: 'StringNotEquals', key: 'k', values: ['a'] }, {})).toBe(true);
    expect(conditionHolds({ operator: 'StringEqualsIfExists', key: 'k', values: ['a'] }, {})).toBe(true);
  });

  it('stops on a condition operator it does not emulate rather than guess', () => {
    expect(() => statementsOf({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }] }, 'x')).toThrow(TemplateError);
  });
});
