/**
 * What one AWS request on the wire needs from IAM: its service, and each action with the ARN it
 * touches and the condition keys it carries (`s3:prefix`, `dynamodb:LeadingKeys`). Read from the
 * request as the services read it: S3 from method, path (decoded once, as S3 does) and query;
 * DynamoDB, SQS, SSM Parameter Store and Cognito from `X-Amz-Target` and the JSON body.
 * Actions per API: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { XMLParser } from 'fast-xml-parser';
import type { Permission } from './iam-policy.ts';
import { parameterArn, parameterName } from './parameter-store.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './paths.ts';

export type Service = 's3' | 'dynamodb' | 'sqs' | 'ssm' | 'cognito-idp';
export type WireRequest = { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly body: Buffer };
/** The partition key attribute of each table and index, by table name (for `dynamodb:LeadingKeys`). */
export type KeySchemas = ReadonlyMap<string, { readonly table: string; readonly indexes: ReadonlyMap<string, string> }>;
export type RequestContext = { readonly keySchemas: KeySchemas };

const header = (req: WireRequest, name: string): string => {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** Which service a request is for: JSON-protocol services name themselves in `X-Amz-Target`; the rest is S3. */
export function serviceOf(req: WireRequest): Service {
  const target = header(req, 'x-amz-target');
  if (target.startsWith('DynamoDB_')) return 'dynamodb';
  if (target.startsWith('AmazonSQS.')) return 'sqs';
  if (target.startsWith('AmazonSSM.')) return 'ssm';
  if (target.startsWith('AWSCognitoIdentityProviderService.')) return 'cognito-idp';
  const type = header(req, 'content-type');
  if (type.startsWith('application/x-www-form-urlencoded') && /(^|&)Action=/.test(req.body.toString('utf8'))) return 'sqs';
  return 's3';
}

const arn = (service: string, resource: string): string => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${resource}`;
const s3Arn = (bucket: string, key?: string): string => `arn:aws:s3:::${bucket}${key === undefined ? '' : `/${key}`}`;

export function permissionsOf(req: WireRequest, context: RequestContext): Permission[] {
  switch (serviceOf(req)) {
    case 's3':
      return s3Permissions(req);
    case 'dynamodb':
      return dynamoPermissions(action(req), json(req), context.keySchemas);
    case 'sqs':
      return sqsPermissions(req);
    case 'ssm': {
      // GetParameter takes a name or an ARN; IAM checks the parameter's ARN either way.
      const name = String(json(req).Name ?? '');
      return [{ action: `ssm:${action(req)}`, resource: name === '' ? '*' : parameterArn(parameterName(name)) }];
    }
    case 'cognito-idp': {
      // Issue 15 (users): every Admin*/List* call names its pool; IAM checks the pool's ARN.
      const pool = String(json(req).UserPoolId ?? '');
      return [{ action: `cognito-idp:${action(req)}`, resource: pool === '' ? '*' : arn('cognito-idp', `userpool/${pool}`) }];
    }
  }
}

const action = (req: WireRequest): string => {
  const target = header(req, 'x-amz-target');
  return target.slice(target.lastIndexOf('.') + 1);
};
const json = (req: WireRequest): Record<string, unknown> => {
  try {
    return JSON.parse(req.body.toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** S3, path-style (`/bucket/key`): the key is the path decoded once, as S3 decodes it. */
function s3Permissions(req: WireRequest): Permission[] {
  const url = new URL(req.url, 'http://s3.local');
  const [, bucketPart = '', ...rest] = url.pathname.split('/');
  const bucket = decodeURIComponent(bucketPart);
  const key = rest.length === 0 ? undefined : decodeURIComponent(rest.join('/'));
  const q = url.searchParams;
  const method = req.method.toUpperCase();
  if (bucket === '') return [{ action: 's3:ListAllMyBuckets', resource: '*' }];
  if (key === undefined || key === '') {
    if (method === 'POST' && q.has('delete')) return deletedKeys(req.body).map((k) => ({ action: 's3:DeleteObject', resource: s3Arn(bucket, k) }));
    if ((method === 'GET' || method === 'HEAD') && q.has('versions')) return [{ action: 's3:ListBucketVersions', resource: s3Arn(bucket), context: prefix(q) }];
    if (method === 'GET' && q.has('uploads')) return [{ action: 's3:ListBucketMultipartUploads', resource: s3Arn(bucket) }];
    if (method === 'GET' && q.has('location')) return [{ action: 's3:GetBucketLocation', resource: s3Arn(bucket) }];
    if ((method === 'GET' && [...q.keys()].every((k) => LIST_PARAMS.has(k))) || method === 'HEAD') return [{ action: 's3:ListBucket', resource: s3Arn(bucket), context: prefix(q) }];
    if (method === 'PUT' && [...q.keys()].length === 0) return [{ action: 's3:CreateBucket', resource: s3Arn(bucket) }];
    if (method === 'DELETE' && [...q.keys()].length === 0) return [{ action: 's3:DeleteBucket', resource: s3Arn(bucket) }];
    // Bucket configuration (policy, lifecycle, notification …): no function of the stage needs it.
    return [{ action: `s3:${method}Bucket?${[...q.keys()].join('&')}`, resource: s3Arn(bucket) }];
  }
  const object = s3Arn(bucket, key);
  const versioned = q.has('versionId');
  if (method === 'GET' || method === 'HEAD') {
    if (q.has('tagging')) return [{ action: versioned ? 's3:GetObjectVersionTagging' : 's3:GetObjectTagging', resource: object }];
    if (q.has('acl')) return [{ action: versioned ? 's3:GetObjectVersionAcl' : 's3:GetObjectAcl', resource: object }];
    if (q.has('uploadId')) return [{ action: 's3:ListMultipartUploadParts', resource: object }];
    return [{ action: versioned ? 's3:GetObjectVersion' : 's3:GetObject', resource: object }];
  }
  if (method === 'PUT') {
    if (q.has('tagging')) return [{ action: versioned ? 's3:PutObjectVersionTagging' : 's3:PutObjectTagging', resource: object }];
    if (q.has('acl')) return [{ action: versioned ? 's3:PutObjectVersionAcl' : 's3:PutObjectAcl', resource: object }];
    const source = header(req, 'x-amz-copy-source');
    if (source !== '') return [{ action: 's3:PutObject', resource: object }, copySource(source)];
    return [{ action: 's3:PutObject', resource: object }];
  }
  if (method === 'POST') return [{ action: 's3:PutObject', resource: object }];
  if (method === 'DELETE') {
    if (q.has('uploadId')) return [{ action: 's3:AbortMultipartUpload', resource: object }];
    if (q.has('tagging')) return [{ action: 's3:DeleteObjectTagging', resource: object }];
    return [{ action: versioned ? 's3:DeleteObjectVersion' : 's3:DeleteObject', resource: object }];
  }
  return [{ action: `s3:${method}Object`, resource: object }];
}

const LIST_PARAMS = new Set(['list-type', 'prefix', 'delimiter', 'max-keys', 'continuation-token', 'start-after', 'encoding-type', 'fetch-owner', 'marker', 'x-id']);
const prefix = (q: URLSearchParams): Record<string, string[]> => ({ 's3:prefix': [q.get('prefix') ?? ''] });

/** `x-amz-copy-source: /bucket/key?versionId=…` (URL-encoded): reading it needs GetObject (or GetObjectVersion). */
function copySource(value: string): Permission {
  const [path = '', query = ''] = value.split('?', 2);
  const decoded = decodeURIComponent(path.replace(/^\//, ''));
  const slash = decoded.indexOf('/');
  const resource = s3Arn(decoded.slice(0, slash), decoded.slice(slash + 1));
  return { action: new URLSearchParams(query).has('versionId') ? 's3:GetObjectVersion' : 's3:GetObject', resource };
}

function deletedKeys(body: Buffer): string[] {
  const parsed = new XMLParser({ isArray: (name) => name === 'Object', parseTagValue: false }).parse(body.toString('utf8')) as { Delete?: { Object?: { Key?: unknown }[] } };
  return (parsed.Delete?.Object ?? []).map((o) => String(o.Key ?? ''));
}

type AttributeValue = { S?: string; N?: string; B?: string };
type Item = Record<string, AttributeValue>;
const scalar = (v: AttributeValue | undefined): string | undefined => v?.S ?? v?.N ?? v?.B;

/** DynamoDB (JSON 1.0): one permission per table touched; transactions need the action of each item. */
function dynamoPermissions(op: string, input: Record<string, unknown>, schemas: KeySchemas): Permission[] {
  const tableArn = (table: string, index?: string): string => arn('dynamodb', `table/${table}${index ? `/index/${index}` : ''}`);
  const leading = (table: string, items: readonly (Item | undefined)[], index?: string): Record<string, string[]> => {
    const schema = schemas.get(table);
    const attribute = index === undefined ? schema?.table : schema?.indexes.get(index);
    if (attribute === undefined) return {};
    return { 'dynamodb:LeadingKeys': [...new Set(items.map((i) => scalar(i?.[attribute]) ?? ''))] };
  };
  const table = String(input.TableName ?? '');
  switch (op) {
    case 'GetItem':
    case 'DeleteItem':
    case 'UpdateItem':
      return [{ action: `dynamodb:${op}`, resource: tableArn(table), context: leading(table, [input.Key as Item]) }];
    case 'PutItem':
      return [{ action: 'dynamodb:PutItem', resource: tableArn(table), context: leading(table, [input.Item as Item]) }];
    case 'Query': {
      const index = input.IndexName === undefined ? undefined : String(input.IndexName);
      return [{ action: 'dynamodb:Query', resource: tableArn(table, index), context: leading(table, [queryKey(input, schemas, table, index)], index) }];
    }
    case 'Scan': {
      const index = input.IndexName === undefined ? undefined : String(input.IndexName);
      return [{ action: 'dynamodb:Scan', resource: tableArn(table, index) }];
    }
    case 'BatchGetItem':
      return Object.entries((input.RequestItems ?? {}) as Record<string, { Keys?: Item[] }>).map(([t, r]) => ({ action: 'dynamodb:BatchGetItem', resource: tableArn(t), context: leading(t, r.Keys ?? []) }));
    case 'BatchWriteItem':
      return Object.entries((input.RequestItems ?? {}) as Record<string, { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]>).map(([t, writes]) => ({
        action: 'dynamodb:BatchWriteItem',
        resource: tableArn(t),
        context: leading(t, writes.map((w) => w.PutRequest?.Item ?? w.DeleteRequest?.Key)),
      }));
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return ((input.TransactItems ?? []) as Record<string, { TableName?: string; Key?: Item; Item?: Item }>[]).flatMap((entry) =>
        Object.entries(entry).map(([kind, part]) => {
          const name = String(part.TableName ?? '');
          const actionName = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem', Get: 'GetItem' }[kind] ?? kind;
          return { action: `dynamodb:${actionName}`, resource: tableArn(name), context: leading(name, [part.Item ?? part.Key]) };
        }),
      );
    default:
      return [{ action: `dynamodb:${op}`, resource: table === '' ? '*' : tableArn(table) }];
  }
}

/** The partition key value a Query names (`#pk = :v` in its KeyConditionExpression, or legacy KeyConditions). */
function queryKey(input: Record<string, unknown>, schemas: KeySchemas, table: string, index: string | undefined): Item | undefined {
  const schema = schemas.get(table);
  const attribute = index === undefined ? schema?.table : schema?.indexes.get(index);
  if (attribute === undefined) return undefined;
  const legacy = (input.KeyConditions as Record<string, { AttributeValueList?: AttributeValue[] }> | undefined)?.[attribute]?.AttributeValueList?.[0];
  if (legacy) return { [attribute]: legacy };
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
  for (const m of String(input.KeyConditionExpression ?? '').matchAll(/([#A-Za-z0-9_.-]+)\s*=\s*(:[A-Za-z0-9_]+)/g)) {
    const name = m[1]!.startsWith('#') ? names[m[1]!] : m[1];
    if (name === attribute) return { [attribute]: values[m[2]!] ?? {} };
  }
  return undefined;
}

/** SQS: the JSON protocol (`AmazonSQS.<Action>`) or the older query protocol; the queue from its URL. */
function sqsPermissions(req: WireRequest): Permission[] {
  const target = header(req, 'x-amz-target');
  let op: string;
  let queueUrl: string | undefined;
  let queueName: string | undefined;
  if (target !== '') {
    op = action(req);
    const input = json(req);
    queueUrl = input.QueueUrl === undefined ? undefined : String(input.QueueUrl);
    queueName = input.QueueName === undefined ? undefined : String(input.QueueName);
  } else {
    const form = new URLSearchParams(req.body.toString('utf8'));
    op = form.get('Action') ?? '';
    queueUrl = form.get('QueueUrl') ?? undefined;
    queueName = form.get('QueueName') ?? undefined;
  }
  const name = queueName ?? (queueUrl === undefined ? undefined : decodeURIComponent(new URL(queueUrl).pathname.split('/').pop() ?? ''));
  const base = op.replace(/Batch$/, '');
  return [{ action: `sqs:${base}`, resource: name === undefined ? '*' : arn('sqs', name) }];
}
