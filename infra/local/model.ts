/**
 * The local model of a synthesized stage: what to create in the emulators and what to run,
 * read from the templates' resources (never from the CDK code), with local names resolved.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { Resolver, TemplateError, type Json, type Naming, type Resource, type Stack } from './template.ts';
import type { LocalUserPool } from './cognito.ts';
import { roleOf, type LocalRole } from './iam-model.ts';
import type { Throttle } from './throttle.ts';

/** A bucket's CORS rule as S3's PutBucketCors takes it (the template's `CorsConfiguration.CorsRules`, `MaxAge` → `MaxAgeSeconds`). */
export type LocalCorsRule = { readonly AllowedMethods: string[]; readonly AllowedOrigins: string[]; readonly AllowedHeaders?: string[]; readonly ExposedHeaders?: string[]; readonly MaxAgeSeconds?: number };
export type LocalBucket = { readonly logicalId: string; readonly name: string; readonly eventBridge: boolean; readonly cors?: readonly LocalCorsRule[] };
export type LocalTable = { readonly logicalId: string; readonly name: string; readonly create: CreateTableCommandInput };
export type LocalQueue = { readonly logicalId: string; readonly name: string; readonly url: string; readonly arn: string; readonly attributes: Record<string, string>; readonly visibilityTimeout: number };
export type LocalFunction = {
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  /** The bundled entry file in the cloud assembly, and the export Lambda calls. */
  readonly file: string;
  readonly exportName: string;
  readonly environment: Record<string, string>;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  /** Asynchronous invocation (AWS::Lambda::EventInvokeConfig, else Lambda's defaults: two retries, six hours, no destination). */
  readonly async: AsyncInvokeConfig;
  /** Its execution role and the statements the local IAM gateway enforces (iam-model.ts). */
  readonly role: LocalRole;
  /** ReservedConcurrentExecutions: the most environments it may run at once (stack.ts caps its local concurrency there). */
  readonly reservedConcurrency?: number;
};
export type AsyncInvokeConfig = { readonly retryAttempts: number; readonly maxEventAgeSeconds: number; readonly onFailureArn?: string };
/** https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html */
export const ASYNC_DEFAULTS = { retryAttempts: 2, maxEventAgeSeconds: 6 * 3600 } as const;
/**
 * An SSM SecureString parameter the stage reads (infra/constructs/secure-parameters.ts): named by a
 * stack output (`…ParameterName`), since no template can create one; its value never comes from
 * the template (the stand-in seeds it).
 */
export type LocalParameter = { readonly output: string; readonly name: string };
export type LocalMapping = { readonly functionName: string; readonly queueArn: string; readonly batchSize: number; readonly reportBatchItemFailures: boolean; readonly maxBatchingWindowSeconds: number };
export type RuleTarget = { readonly functionName: string; readonly input?: string; readonly retryAttempts: number; readonly deadLetterArn?: string };
export type LocalRule = { readonly logicalId: string; readonly name: string; readonly pattern?: Record<string, Json>; readonly schedule?: string; readonly targets: readonly RuleTarget[] };

/** An HTTP API route to a Lambda proxy integration (API Gateway v2), served locally under the site's origin as CloudFront does for `/api/*`. */
export type LocalRoute = {
  readonly method: string;
  readonly path: string;
  readonly routeKey: string;
  readonly functionName: string;
  readonly payloadFormatVersion: string;
  /** The route's JWT authorizer (AuthorizationType JWT), as the template configures it. */
  readonly jwt?: LocalJwtAuthorizer;
  /** Its throttle: the stage's RouteSettings for its key, else the stage's DefaultRouteSettings (throttle.ts). */
  readonly throttle?: Throttle;
};
/** An HTTP API JWT authorizer: where the token is read, which issuer signs it, which audiences (or app clients) it must name. */
export type LocalJwtAuthorizer = { readonly name: string; readonly identitySource: readonly string[]; readonly issuer: string; readonly audience: readonly string[] };

export type LocalModel = {
  readonly buckets: readonly LocalBucket[];
  readonly tables: readonly LocalTable[];
  readonly queues: readonly LocalQueue[];
  readonly functions: readonly LocalFunction[];
  readonly mappings: readonly LocalMapping[];
  readonly rules: readonly LocalRule[];
  readonly routes: readonly LocalRoute[];
  readonly parameters: readonly LocalParameter[];
  readonly userPools: readonly LocalUserPool[];
  /** The site distribution's viewer-request CloudFront Function code (index rewrite, old-path redirects), if the template has one. */
  readonly viewerRequestCode?: string;
  /** The path patterns of the distribution's behaviours that go to the HTTP API (`/api/*`, the article downloads), as the template lists them. */
  readonly apiPathPatterns?: readonly string[];
};

type Entry = { readonly stack: string; readonly id: string; readonly resource: Resource };

/** Lambda's defaults where the template says nothing (AWS::Lambda::Function). */
const LAMBDA_DEFAULTS = { timeoutSeconds: 3, memoryMb: 128 } as const;
/** SQS: 30 s visibility timeout by default. */
const SQS_DEFAULT_VISIBILITY = 30;
const QUEUE_ATTRIBUTES = ['VisibilityTimeout', 'MessageRetentionPeriod', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds', 'MaximumMessageSize'] as const;

export function localModel(stacks: readonly Stack[], naming: Naming, cdkOut: string): LocalModel {
  const r = new Resolver(stacks, naming);
  const entries: Entry[] = stacks.flatMap((s) => Object.entries(s.template.Resources).map(([id, resource]) => ({ stack: s.name, id, resource })));
  const ofType = (type: string): Entry[] => entries.filter((e) => e.resource.Type === type);
  const props = (e: Entry): Record<string, Json> => e.resource.Properties ?? {};
  const resolve = (e: Entry, v: Json | undefined): Json => (v === undefined ? null : r.value(e.stack, v));
  const fnNameByArn = new Map<string, string>();

  const buckets = ofType('AWS::S3::Bucket').map((e) => {
    const config = props(e).NotificationConfiguration as { EventBridgeConfiguration?: { EventBridgeEnabled?: boolean } } | undefined;
    const corsRules = (props(e).CorsConfiguration as { CorsRules?: Json[] } | undefined)?.CorsRules;
    const cors = corsRules?.map((rule) => {
      const { MaxAge, Id: _id, ...rest } = resolve(e, rule) as Record<string, Json>;
      return { ...rest, ...(typeof MaxAge === 'number' ? { MaxAgeSeconds: MaxAge } : {}) } as unknown as LocalCorsRule;
    });
    return { logicalId: e.id, name: r.name(e.stack, e.id), eventBridge: config?.EventBridgeConfiguration?.EventBridgeEnabled === true, ...(cors === undefined ? {} : { cors }) };
  });

  const tables = ofType('AWS::DynamoDB::Table').map((e) => {
    const p = resolve(e, props(e)) as Record<string, Json>;
    const name = r.name(e.stack, e.id);
    // Only what shapes the data: billing, keys and indexes. PITR, SSE, tags and protection do not exist locally.
    const create = { TableName: name, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: p.AttributeDefinitions, KeySchema: p.KeySchema, ...(p.GlobalSecondaryIndexes ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes } : {}), ...(p.LocalSecondaryIndexes ? { LocalSecondaryIndexes: p.LocalSecondaryIndexes } : {}) };
    return { logicalId: e.id, name, create: create as unknown as CreateTableCommandInput };
  });

  const queues = ofType('AWS::SQS::Queue').map((e) => {
    const p = resolve(e, props(e)) as Record<string, Json>;
    const attributes: Record<string, string> = {};
    for (const key of QUEUE_ATTRIBUTES) if (p[key] !== undefined && p[key] !== null) attributes[key] = String(p[key]);
    if (p.RedrivePolicy) attributes.RedrivePolicy = JSON.stringify(p.RedrivePolicy);
    const name = r.name(e.stack, e.id);
    return { logicalId: e.id, name, url: r.ref(e.stack, e.id), arn: r.getAtt(e.stack, e.id, 'Arn'), attributes, visibilityTimeout: Number(attributes.VisibilityTimeout ?? SQS_DEFAULT_VISIBILITY) };
  });

  const asyncConfigs = ofType('AWS::Lambda::EventInvokeConfig').map((e) => {
    const p = props(e);
    const onFailure = (resolve(e, p.DestinationConfig) as { OnFailure?: { Destination?: string } } | null)?.OnFailure?.Destination;
    return {
      functionName: String(resolve(e, p.FunctionName)),
      config: {
        retryAttempts: Number(p.MaximumRetryAttempts ?? ASYNC_DEFAULTS.retryAttempts),
        maxEventAgeSeconds: Number(p.MaximumEventAgeInSeconds ?? ASYNC_DEFAULTS.maxEventAgeSeconds),
        ...(onFailure ? { onFailureArn: String(onFailure) } : {}),
      } satisfies AsyncInvokeConfig,
    };
  });
  const asyncConfigOf = (name: string): AsyncInvokeConfig => asyncConfigs.find((c) => c.functionName === name)?.config ?? ASYNC_DEFAULTS;
  const functions = ofType('AWS::Lambda::Function').map((e) => {
    const p = props(e);
    const asset = e.resource.Metadata?.['aws:asset:path'];
    if (typeof asset !== 'string') throw new TemplateError(`${e.stack}/${e.id}: no aws:asset:path metadata; only bundled assets run locally`);
    const [module, exportName] = String(p.Handler ?? 'index.handler').split(/\.(?=[^.]+$)/);
    const file = ['.mjs', '.js', '.cjs'].map((ext) => join(cdkOut, asset, `${module}${ext}`)).find(existsSync);
    if (!file) throw new TemplateError(`${e.stack}/${e.id}: ${join(cdkOut, asset)} has no ${module}.mjs/.js/.cjs`);
    const variables = resolve(e, (p.Environment as { Variables?: Json } | undefined)?.Variables ?? {}) as Record<string, Json>;
    const name = r.name(e.stack, e.id);
    const fnArn = r.getAtt(e.stack, e.id, 'Arn');
    fnNameByArn.set(fnArn, name);
    return {
      logicalId: e.id,
      name,
      arn: fnArn,
      file,
      exportName: exportName ?? 'handler',
      environment: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, String(v)])),
      timeoutSeconds: Number(p.Timeout ?? LAMBDA_DEFAULTS.timeoutSeconds),
      memoryMb: Number(p.MemorySize ?? LAMBDA_DEFAULTS.memoryMb),
      async: asyncConfigOf(name),
      role: roleOf(e, entries, r),
      ...(p.ReservedConcurrentExecutions === undefined ? {} : { reservedConcurrency: Number(p.ReservedConcurrentExecutions) }),
    };
  });

  const mappings = ofType('AWS::Lambda::EventSourceMapping').map((e) => {
    const p = resolve(e, props(e)) as Record<string, Json>;
    const types = (p.FunctionResponseTypes as string[] | null) ?? [];
    return {
      functionName: String(p.FunctionName),
      queueArn: String(p.EventSourceArn),
      batchSize: Number(p.BatchSize ?? 10),
      reportBatchItemFailures: types.includes('ReportBatchItemFailures'),
      maxBatchingWindowSeconds: Number(p.MaximumBatchingWindowInSeconds ?? 0),
    };
  });

  const rules = ofType('AWS::Events::Rule').map((e) => {
    const p = props(e);
    const targets = ((p.Targets as Json[] | undefined) ?? []).map((t) => {
      const target = resolve(e, t) as Record<string, Json>;
      const fn = fnNameByArn.get(String(target.Arn));
      if (!fn) throw new TemplateError(`${e.stack}/${e.id}: target ${String(target.Arn)} is not a function of this stage`);
      const retry = target.RetryPolicy as { MaximumRetryAttempts?: number } | null;
      const dlq = target.DeadLetterConfig as { Arn?: string } | null;
      return { functionName: fn, ...(target.Input ? { input: String(target.Input) } : {}), retryAttempts: retry?.MaximumRetryAttempts ?? 185, ...(dlq?.Arn ? { deadLetterArn: dlq.Arn } : {}) };
    });
    return {
      logicalId: e.id,
      name: r.name(e.stack, e.id),
      ...(p.EventPattern ? { pattern: resolve(e, p.EventPattern) as Record<string, Json> } : {}),
      ...(p.ScheduleExpression ? { schedule: String(p.ScheduleExpression) } : {}),
      targets,
    };
  });

  const integrations = new Map(
    ofType('AWS::ApiGatewayV2::Integration').map((e) => {
      const p = resolve(e, props(e)) as Record<string, Json>;
      return [r.name(e.stack, e.id), { functionName: fnNameByArn.get(String(p.IntegrationUri)), payloadFormatVersion: String(p.PayloadFormatVersion ?? '2.0') }] as const;
    }),
  );
  const authorizers = new Map(
    ofType('AWS::ApiGatewayV2::Authorizer').map((e) => {
      const p = resolve(e, props(e)) as Record<string, Json>;
      const jwt = (p.JwtConfiguration ?? {}) as { Issuer?: Json; Audience?: Json[] };
      const authorizer: LocalJwtAuthorizer = { name: String(p.Name ?? e.id), identitySource: ((p.IdentitySource as Json[] | null) ?? []).map(String), issuer: String(jwt.Issuer ?? ''), audience: (jwt.Audience ?? []).map(String) };
      return [e.id, { type: String(p.AuthorizerType), authorizer }] as const;
    }),
  );
  // The $default stage's throttles (one stage: the project's API has only $default).
  const stage = ofType('AWS::ApiGatewayV2::Stage').map((e) => resolve(e, props(e)) as Record<string, Json>)[0];
  const throttleOf = (settings: Json | undefined): Throttle | undefined => {
    const s = settings as { ThrottlingRateLimit?: Json; ThrottlingBurstLimit?: Json } | null | undefined;
    return s?.ThrottlingRateLimit === undefined || s.ThrottlingBurstLimit === undefined ? undefined : { rateLimit: Number(s.ThrottlingRateLimit), burstLimit: Number(s.ThrottlingBurstLimit) };
  };
  const routeThrottle = (routeKey: string): Throttle | undefined =>
    throttleOf((stage?.RouteSettings as Record<string, Json> | undefined)?.[routeKey]) ?? throttleOf(stage?.DefaultRouteSettings);
  const routes = ofType('AWS::ApiGatewayV2::Route').flatMap((e) => {
    const p = resolve(e, props(e)) as Record<string, Json>;
    const raw = props(e).AuthorizerId as { Ref?: string } | undefined;
    const auth = raw?.Ref === undefined ? undefined : authorizers.get(raw.Ref);
    if (p.AuthorizationType === 'JWT' && auth?.type !== 'JWT') throw new TemplateError(`${e.stack}/${e.id}: a JWT route without its JWT authorizer`);
    if (p.AuthorizationType !== undefined && p.AuthorizationType !== null && p.AuthorizationType !== 'NONE' && p.AuthorizationType !== 'JWT') throw new TemplateError(`${e.stack}/${e.id}: authorization ${String(p.AuthorizationType)} is not emulated locally`);
    const routeKey = String(p.RouteKey);
    const integration = integrations.get(String(p.Target).replace(/^integrations\//, ''));
    const [method, path] = routeKey.split(' ');
    if (!integration?.functionName || method === undefined || path === undefined) return [];
    const throttle = routeThrottle(routeKey);
    return [{ method, path, routeKey, functionName: integration.functionName, payloadFormatVersion: integration.payloadFormatVersion, ...(p.AuthorizationType === 'JWT' && auth ? { jwt: auth.authorizer } : {}), ...(throttle ? { throttle } : {}) }];
  });

  const parameters = stacks.flatMap((s) =>
    Object.keys(s.template.Outputs ?? {})
      .filter((output) => output.endsWith('ParameterName'))
      .map((output) => ({ output, name: r.output(s.name, output) })),
  );

  const userPools = ofType('AWS::Cognito::UserPool').map((e): LocalUserPool => {
    const ofPool = (type: string): Entry[] => ofType(type).filter((c) => (props(c).UserPoolId as { Ref?: string } | undefined)?.Ref === e.id);
    return {
      logicalId: e.id,
      name: r.name(e.stack, e.id),
      properties: resolve(e, props(e)) as Record<string, Json>,
      clients: ofPool('AWS::Cognito::UserPoolClient').map((c) => ({ logicalId: c.id, name: r.name(c.stack, c.id), properties: resolve(c, props(c)) as Record<string, Json> })),
      groups: ofPool('AWS::Cognito::UserPoolGroup').map((g) => ({ name: String(props(g).GroupName), ...(props(g).Description ? { description: String(props(g).Description) } : {}) })),
    };
  });

  const viewerRequestCode = ofType('AWS::CloudFront::Function').map((e) => props(e).FunctionCode).find((c): c is string => typeof c === 'string');

  // Every additional behaviour of the site distribution goes to a custom (HTTP) origin: the API. The S3 origin is the default behaviour's.
  const apiPathPatterns = ofType('AWS::CloudFront::Distribution').flatMap((e) => {
    const config = props(e).DistributionConfig as { CacheBehaviors?: { PathPattern?: unknown; TargetOriginId?: unknown }[]; Origins?: { Id?: unknown; CustomOriginConfig?: unknown }[] } | undefined;
    const custom = new Set((config?.Origins ?? []).filter((o) => o.CustomOriginConfig !== undefined).map((o) => o.Id));
    return (config?.CacheBehaviors ?? []).filter((b) => custom.has(b.TargetOriginId) && typeof b.PathPattern === 'string').map((b) => b.PathPattern as string);
  });

  return { buckets, tables, queues, functions, mappings, rules, routes, parameters, userPools, ...(viewerRequestCode === undefined ? {} : { viewerRequestCode }), ...(apiPathPatterns.length === 0 ? {} : { apiPathPatterns }) };
}
