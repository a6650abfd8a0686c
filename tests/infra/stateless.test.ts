import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STAGES } from '#infra/config';
import { PROJECT_ROOT } from '#infra/constructs/colophon-function';
import { ACCESS_LOG_FIELDS } from '#infra/constructs/public-api';
import { SCHEDULE_RATE_MS } from '#handlers/flows/deposit-schedule';
import { PUBLISH_MANIFEST_PATTERN } from '#infra/stacks/stateless';
import { readable, resourcesOf, synthStage } from './synth.ts';

const FUNCTIONS = { Ingest: 'ingest', Render: 'render', Site: 'site', Oai: 'oai', Deposit: 'deposit', CrossrefCallback: 'crossref-callback', Admin: 'admin', Downloads: 'downloads' } as const;
type FunctionId = keyof typeof FUNCTIONS;
/** API Gateway may invoke Oai for the /api/oai and /api/oai/<journal> paths only (one permission per route: GET and POST). */
const OAI_INVOKER = ['{Oai.Arn}', 'apigateway.amazonaws.com', 'arn:{AWS::Partition}:execute-api:{AWS::Region}:{AWS::AccountId}:{Stateful.ApiId}/*/*/api/oai'];
const OAI_JOURNAL_INVOKER = ['{Oai.Arn}', 'apigateway.amazonaws.com', 'arn:{AWS::Partition}:execute-api:{AWS::Region}:{AWS::AccountId}:{Stateful.ApiId}/*/*/api/oai/{journal}'];
const OAI_INVOKERS = [OAI_INVOKER, OAI_INVOKER, OAI_JOURNAL_INVOKER, OAI_JOURNAL_INVOKER];
/** …and CrossrefCallback for its GET and POST routes. */
const CALLBACK_INVOKER = ['{CrossrefCallback.Arn}', 'apigateway.amazonaws.com', 'arn:{AWS::Partition}:execute-api:{AWS::Region}:{AWS::AccountId}:{Stateful.ApiId}/*/*/api/crossref/callback'];
const CALLBACK_INVOKERS = [CALLBACK_INVOKER, CALLBACK_INVOKER];
/** …and Downloads for the article downloads below /doi/ (GET and HEAD), which CloudFront sends to the API. */
const DOWNLOADS_INVOKER = ['{Downloads.Arn}', 'apigateway.amazonaws.com', 'arn:{AWS::Partition}:execute-api:{AWS::Region}:{AWS::AccountId}:{Stateful.ApiId}/*/*/doi/{proxy+}'];
/** …and Admin for each staff console route (issue 15), one permission per method. */
const adminInvoker = (path: string): string[] => ['{Admin.Arn}', 'apigateway.amazonaws.com', `arn:{AWS::Partition}:execute-api:{AWS::Region}:{AWS::AccountId}:{Stateful.ApiId}/*/*${path}`];
const ADMIN_INVOKERS = ['article', 'audit', 'catalog', 'deposit', 'draft', 'draft', 'galley', 'galley/attach', 'galley/remove', 'issue', 'preview', 'publish', 'retract', 'schedule', 'toc', 'toc', 'users', 'users', 'users/enabled', 'users/role', 'validate', 'withdraw'].map((r) => adminInvoker(`/api/admin/${r}`)).concat([adminInvoker('/api/console/config')]);
const stateful = (output: string): Record<string, unknown> => ({ 'Fn::GetStackOutput': { StackName: 'Colophon-dev-Stateful', Region: { Ref: 'AWS::Region' }, OutputName: output } });

describe('stateless stack: functions', () => {
  const { statelessTemplate: template } = synthStage('dev');
  const functions = resourcesOf(template, 'AWS::Lambda::Function');

  it('has exactly Ingest, Render, Site, Oai, Deposit, CrossrefCallback, Admin and Downloads, under their contract names', () => {
    expect(Object.keys(functions).sort()).toEqual(['Admin', 'CrossrefCallback', 'Deposit', 'Downloads', 'Ingest', 'Oai', 'Render', 'Site']);
  });

  it.each(Object.keys(FUNCTIONS))('%s runs Node.js 22 on arm64 with tracing, its own log group and index.handler', (id) => {
    const props = functions[id]!.Properties;
    // Downloads waits on one S3 GET: less memory is a smaller bill for the same wall time (stateless.ts).
    expect(props).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler', MemorySize: id === 'Downloads' ? 256 : 1024, TracingConfig: { Mode: 'Active' } });
    const logGroup = (props.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(readable({ Ref: logGroup })).toBe(`{${id}Logs}`);
    expect(resourcesOf(template, 'AWS::Logs::LogGroup')[logGroup]?.Properties.RetentionInDays).toBe(STAGES.dev.logRetention);
  });

  it('keeps prod logs for a year and retains them with the stack', () => {
    const { statelessTemplate: prod } = synthStage('prod');
    prod.allResources('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365 }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('gives each function the environment it binds, and nothing else', () => {
    const env = (id: FunctionId) => (functions[id]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    const common = { STAGE: 'dev', NODE_OPTIONS: '--enable-source-maps', TABLE_NAME: stateful('TableName') };
    expect(env('Ingest')).toEqual({ ...common, INBOX_BUCKET: stateful('InboxBucketName'), RENDER_QUEUE_URL: { Ref: 'RenderQueue' }, GALLEY_MAX_BYTES: String(STAGES.dev.files.maxBytes) });
    expect(env('Render')).toEqual({ ...common, SITE_BUCKET: stateful('SiteBucketName'), FILES_BUCKET: stateful('InboxBucketName'), SITE_QUEUE_URL: { Ref: 'SiteQueue' }, DEPOSIT_QUEUE_URL: { Ref: 'DepositQueue' }, RENDER_QUEUE_URL: { Ref: 'RenderQueue' } });
    const cognito = { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/']] };
    // Site writes the staff console's page, whose CSP names the Cognito endpoint (issue 15).
    // …and the inbox bucket's origin, where the page PUTs galleys at the Admin function's presigned URLs.
    const uploadOrigin = { 'Fn::Join': ['', ['https://', stateful('InboxBucketName'), '.s3.', { Ref: 'AWS::Region' }, '.amazonaws.com']] };
    expect(env('Site')).toEqual({ ...common, SITE_BUCKET: stateful('SiteBucketName'), SITE_BASE_URL: stateful('SiteBaseUrl'), STAFF_COGNITO_ENDPOINT: cognito, STAFF_UPLOAD_ORIGIN: uploadOrigin, FILES_BUCKET: stateful('InboxBucketName') });
    expect(env('Admin')).toEqual({
      ...common,
      INBOX_BUCKET: stateful('InboxBucketName'),
      // "Send to Crossref again" (issue 15).
      DEPOSIT_QUEUE_URL: { Ref: 'DepositQueue' },
      // Galley uploads are checked against Ingest's limit (issue 15).
      GALLEY_MAX_BYTES: String(STAGES.dev.files.maxBytes),
      STAFF_ISSUER: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', stateful('StaffUserPoolId')]] },
      STAFF_CLIENT_ID: stateful('StaffUserPoolClientId'),
      STAFF_USER_POOL_ID: stateful('StaffUserPoolId'),
      STAFF_COGNITO_ENDPOINT: cognito,
    });
    // The parameter's name, never its value: the credentials are read from Parameter Store at run time.
    const crossref = { CROSSREF_PARAMETER: '/colophon/dev/crossref', CROSSREF_ENDPOINT: 'https://test.crossref.org' };
    expect(env('Deposit')).toEqual({ ...common, ...crossref, ARTIFACTS_BUCKET: stateful('ArtifactsBucketName'), CROSSREF_MODE: 'deposit' });
    expect(env('CrossrefCallback')).toEqual({ ...common, ...crossref });
    // The OAI token seal's parameter name, never the key (issue 12, Medium 4).
    expect(env('Oai')).toMatchObject({ TABLE_NAME: stateful('TableName'), OAI_TOKEN_PARAMETER: '/colophon/dev/oai-token-seal' });
    expect(JSON.stringify(env('Oai'))).not.toMatch(/OAI_TOKEN_SECRET"/);
  });

  it('deposits to production Crossref in prod and only dry-runs locally', () => {
    const variables = (stage: 'local' | 'prod') => (resourcesOf(synthStage(stage).statelessTemplate, 'AWS::Lambda::Function').Deposit!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables('prod')).toMatchObject({ CROSSREF_MODE: 'deposit', CROSSREF_ENDPOINT: 'https://doi.crossref.org' });
    expect(variables('local')).toMatchObject({ CROSSREF_MODE: 'dry-run', CROSSREF_ENDPOINT: 'https://test.crossref.org' });
  });

  // The handlers fail at cold start when a variable they require is missing: read their lists.
  it.each(Object.entries(FUNCTIONS))('sets every variable functions/handlers/%s requires', (id, file) => {
    const source = readFileSync(`${PROJECT_ROOT}functions/handlers/${file}.ts`, 'utf8');
    const required = [...(source.match(/requireEnv\(\[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    const variables = (functions[id]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables)).toEqual(expect.arrayContaining(required));
  });

  it('gives Render and Site two minutes, Ingest one, Deposit five and CrossrefCallback thirty seconds', () => {
    expect([functions.Ingest, functions.Render, functions.Site, functions.Deposit, functions.CrossrefCallback].map((f) => f?.Properties.Timeout)).toEqual([60, 120, 120, 300, 30]);
  });
});

describe('stateless stack: queues', () => {
  const { statelessTemplate: template } = synthStage('dev');
  const queues = resourcesOf(template, 'AWS::SQS::Queue');
  const functions = resourcesOf(template, 'AWS::Lambda::Function');

  it('has the three work queues, four dead-letter queues and three on-failure destinations, under their contract names', () => {
    expect(Object.keys(queues).sort()).toEqual(['DepositDlq', 'DepositFailures', 'DepositQueue', 'IngestDlq', 'IngestFailures', 'RenderDlq', 'RenderQueue', 'SiteDlq', 'SiteFailures', 'SiteQueue']);
  });

  it.each([
    ['Ingest', 'IngestFailures'],
    ['Site', 'SiteFailures'],
    ['Deposit', 'DepositFailures'],
  ])('%s, invoked asynchronously by EventBridge, sends an invocation that failed its two retries to %s (issue 12, Medium 6)', (fn, queue) => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    });
  });

  it.each(Object.keys(queues))('%s is encrypted (SSE-SQS) and refuses requests without TLS', (id) => {
    expect(queues[id]?.Properties.SqsManagedSseEnabled).toBe(true);
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it.each([
    ['RenderQueue', 'RenderDlq', 'Render'],
    ['SiteQueue', 'SiteDlq', 'Site'],
    ['DepositQueue', 'DepositDlq', 'Deposit'],
  ])('%s gives up after 3 receives into %s and hides a message for six times %s’s timeout', (queue, dlq, fn) => {
    expect(queues[queue]?.Properties).toMatchObject({ RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 3 } });
    expect(queues[queue]?.Properties.VisibilityTimeout).toBe(6 * (functions[fn]?.Properties.Timeout as number));
  });

  it.each(['RenderDlq', 'SiteDlq', 'DepositDlq', 'IngestDlq', 'IngestFailures', 'SiteFailures', 'DepositFailures'])('%s keeps messages 14 days and alarms on any message', (dlq) => {
    expect(queues[dlq]?.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it.each([
    ['dev', 3600],
    ['prod', 900],
  ] as const)('alarms in %s when a work queue’s oldest message waited over %i s', (stage, seconds) => {
    const { statelessTemplate } = synthStage(stage);
    for (const queue of ['RenderQueue', 'SiteQueue', 'DepositQueue']) {
      statelessTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: seconds,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });
});

describe('stateless stack: wiring', () => {
  const { statelessTemplate: template } = synthStage('dev');
  const rules = Object.values(resourcesOf(template, 'AWS::Events::Rule'));

  it('feeds RenderQueue to Render ten at a time, SiteQueue to Site and DepositQueue to Deposit gathered over a window, reporting failed items', () => {
    const mappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).map((m) => m.Properties);
    const byFunction = new Map(mappings.map((m) => [readable(m.FunctionName), m]));
    expect(mappings.map((m) => [readable(m.EventSourceArn), readable(m.FunctionName)]).sort()).toEqual([
      ['{DepositQueue.Arn}', '{Deposit}'],
      ['{RenderQueue.Arn}', '{Render}'],
      ['{SiteQueue.Arn}', '{Site}'],
    ]);
    for (const mapping of mappings) expect(mapping).toMatchObject({ FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(byFunction.get('{Render}')).toMatchObject({ BatchSize: 10 });
    expect(byFunction.get('{Render}')?.MaximumBatchingWindowInSeconds).toBeUndefined();
    expect(byFunction.get('{Site}')).toMatchObject({ BatchSize: 100, MaximumBatchingWindowInSeconds: 2 });
    expect(byFunction.get('{Deposit}')).toMatchObject({ BatchSize: 100, MaximumBatchingWindowInSeconds: 2 });
  });

  it('runs at most two deposits at a time', () => {
    const deposit = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).find((m) => readable(m.Properties.FunctionName) === '{Deposit}');
    expect(deposit?.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 2 });
  });

  it('starts Ingest on each publish manifest (and each page of colophon rebuild) created in the inbox, retrying into IngestDlq', () => {
    expect(PUBLISH_MANIFEST_PATTERN).toBe('inbox/*/_publish.json');
    const rule = rules.find((r) => r.Properties.EventPattern !== undefined)?.Properties;
    expect(rule?.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [stateful('InboxBucketName')] }, object: { key: [{ wildcard: 'inbox/*/_publish.json' }, { wildcard: 'rebuild/*/page-*.json' }] } },
    });
    expect(rule?.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': ['Ingest', 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['IngestDlq', 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 6 * 3600 } }),
    ]);
  });

  it('runs the scheduled release (Ingest) and Deposit every 15 minutes, as the deposit backoff assumes, and Site’s full rebuild once a day', () => {
    const scheduled = rules.filter((r) => r.Properties.ScheduleExpression !== undefined).map((r) => r.Properties);
    expect(scheduled.map((r) => r.ScheduleExpression)).toEqual(['rate(1 day)', 'rate(15 minutes)', 'rate(15 minutes)']);
    expect(SCHEDULE_RATE_MS).toBe(15 * 60_000);
    expect(scheduled.map((r) => (r.Targets as { Arn: unknown }[]).map((t) => readable(t.Arn)))).toEqual([['{Site.Arn}'], ['{Ingest.Arn}'], ['{Deposit.Arn}']]);
  });

  it('lets only those rules and the OAI, callback, admin and downloads routes invoke their functions', () => {
    const permissions = Object.values(resourcesOf(template, 'AWS::Lambda::Permission')).map((p) => [readable(p.Properties.FunctionName), p.Properties.Principal, readable(p.Properties.SourceArn)]);
    expect(permissions.sort()).toEqual([
      ...ADMIN_INVOKERS,
      ...CALLBACK_INVOKERS,
      ['{Deposit.Arn}', 'events.amazonaws.com', '{DepositSchedule.Arn}'],
      DOWNLOADS_INVOKER,
      DOWNLOADS_INVOKER,
      ['{Ingest.Arn}', 'events.amazonaws.com', '{InboxPublished.Arn}'],
      ['{Ingest.Arn}', 'events.amazonaws.com', '{ReleaseSchedule.Arn}'],
      ...OAI_INVOKERS,
      ['{Site.Arn}', 'events.amazonaws.com', '{SiteSchedule.Arn}'],
    ]);
  });

  it('routes GET and POST /api/oai and /api/oai/{journal} to Oai, GET and POST /api/crossref/callback to CrossrefCallback, the staff console routes to Admin, GET and HEAD /doi/{proxy+} to Downloads, and nothing else', () => {
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey).sort();
    expect(routes).toEqual([
      'GET /api/admin/audit',
      'GET /api/admin/catalog',
      'GET /api/admin/draft',
      'GET /api/admin/toc',
      'GET /api/admin/users',
      'GET /api/console/config',
      'GET /api/crossref/callback',
      'GET /api/oai',
      'GET /api/oai/{journal}',
      'GET /doi/{proxy+}',
      'HEAD /doi/{proxy+}',
      'POST /api/admin/article',
      'POST /api/admin/deposit',
      'POST /api/admin/galley',
      'POST /api/admin/galley/attach',
      'POST /api/admin/galley/remove',
      'POST /api/admin/issue',
      'POST /api/admin/preview',
      'POST /api/admin/publish',
      'POST /api/admin/retract',
      'POST /api/admin/schedule',
      'POST /api/admin/users',
      'POST /api/admin/users/enabled',
      'POST /api/admin/users/role',
      'POST /api/admin/validate',
      'POST /api/admin/withdraw',
      'POST /api/crossref/callback',
      'POST /api/oai',
      'POST /api/oai/{journal}',
      'PUT /api/admin/draft',
      'PUT /api/admin/toc',
    ]);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 31); // one Lambda proxy integration per route
  });

  it('reads the stateful stack only through its outputs, and deploys after it', () => {
    const { stateful: statefulStack, stateless } = synthStage('dev');
    expect(stateless.dependencies).toEqual([statefulStack]);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/Fn::ImportValue/);
  });

  it('publishes the queue URLs and the callback URL on the API’s own endpoint, not through CloudFront', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, readable(output.Value)]))).toEqual({
      RenderQueueUrl: '{RenderQueue}',
      SiteQueueUrl: '{SiteQueue}',
      RenderDlqUrl: '{RenderDlq}',
      SiteDlqUrl: '{SiteDlq}',
      IngestDlqUrl: '{IngestDlq}',
      DepositQueueUrl: '{DepositQueue}',
      DepositDlqUrl: '{DepositDlq}',
      IngestFailuresUrl: '{IngestFailures}',
      SiteFailuresUrl: '{SiteFailures}',
      DepositFailuresUrl: '{DepositFailures}',
      CrossrefCallbackUrl: '{Stateful.ApiEndpoint}/api/crossref/callback',
    });
  });
});

describe('stateless stack: limits per route and reserved concurrency (issue 12)', () => {
  const { statelessTemplate: template } = synthStage('dev');
  const stages = resourcesOf(template, 'AWS::ApiGatewayV2::Stage');
  const [stageId, stage] = Object.entries(stages)[0]!;
  const routeIds = Object.fromEntries(Object.entries(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map(([id, r]) => [String(r.Properties.RouteKey), id]));
  const functions = resourcesOf(template, 'AWS::Lambda::Function');

  it('has the $default stage, auto-deployed, access-logged to the stateful log group, with the shared default throttle', () => {
    expect(Object.keys(stages)).toHaveLength(1);
    expect(stage.Properties).toMatchObject({ ApiId: stateful('ApiId'), StageName: '$default', AutoDeploy: true, DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } });
    expect(readable((stage.Properties.AccessLogSettings as { DestinationArn: unknown }).DestinationArn)).toBe('arn:{AWS::Partition}:logs:{AWS::Region}:{AWS::AccountId}:log-group:{Stateful.ApiAccessLogGroupName}:*');
    // None of these carries the query string (the callback's ?token=): $context.path is the path alone.
    const format = (stage.Properties.AccessLogSettings as { Format: string }).Format;
    expect([...format.matchAll(/\$context\.[\w.]+/g)].map((m) => m[0]).sort()).toEqual(Object.values(ACCESS_LOG_FIELDS).sort());
  });

  it("gives the OAI-PMH routes and Crossref's callback routes each their own throttle, so one flooded route leaves the others theirs", () => {
    const { oai, callback } = STAGES.dev.api;
    const own = (limits: { rateLimit: number; burstLimit: number }) => ({ ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit });
    expect(stage.Properties.RouteSettings).toEqual({
      'GET /api/oai': own(oai),
      'POST /api/oai': own(oai),
      'GET /api/oai/{journal}': own(oai),
      'POST /api/oai/{journal}': own(oai),
      'GET /api/crossref/callback': own(callback),
      'POST /api/crossref/callback': own(callback),
    });
    expect(callback.rateLimit).toBeLessThan(STAGES.dev.api.throttle.rateLimit);
  });

  it('is created after every route its settings name (API Gateway refuses settings for a route that does not exist yet)', () => {
    const dependsOn = (template.toJSON().Resources as Record<string, { DependsOn?: string[] }>)[stageId]!.DependsOn ?? [];
    const named = Object.keys(stage.Properties.RouteSettings as object).map((key) => routeIds[key]);
    expect(named.every((id) => id !== undefined)).toBe(true);
    expect(dependsOn).toEqual(expect.arrayContaining(named));
  });

  it('reserves concurrency for Oai (it cannot take the pipeline\'s) and for CrossrefCallback (nothing can take its)', () => {
    expect(functions.Oai!.Properties.ReservedConcurrentExecutions).toBe(STAGES.dev.api.oai.reservedConcurrency);
    expect(functions.CrossrefCallback!.Properties.ReservedConcurrentExecutions).toBe(STAGES.dev.api.callback.reservedConcurrency);
    expect(['Ingest', 'Render', 'Site', 'Deposit', 'Admin'].map((id) => functions[id]!.Properties.ReservedConcurrentExecutions)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
