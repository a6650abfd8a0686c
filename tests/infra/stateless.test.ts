import { readFileSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STAGES } from '#infra/config';
import { PROJECT_ROOT } from '#infra/constructs/colophon-function';
import { PUBLISH_MANIFEST_PATTERN } from '#infra/stacks/stateless';
import { readable, resourcesOf, synthStage } from './synth.ts';

const FUNCTIONS = { Ingest: 'ingest', Render: 'render', Site: 'site', Oai: 'oai' } as const;
type FunctionId = keyof typeof FUNCTIONS;
/** API Gateway may invoke Oai for the /api/oai path only (one permission per route: GET and POST). */
const OAI_INVOKER = ['{Oai.Arn}', 'apigateway.amazonaws.com', 'arn:{AWS::Partition}:execute-api:{AWS::Region}:{AWS::AccountId}:{Stateful.ApiId}/*/*/api/oai'];
const OAI_INVOKERS = [OAI_INVOKER, OAI_INVOKER];
const stateful = (output: string): Record<string, unknown> => ({ 'Fn::GetStackOutput': { StackName: 'Colophon-dev-Stateful', Region: { Ref: 'AWS::Region' }, OutputName: output } });

describe('stateless stack: functions', () => {
  const { statelessTemplate: template } = synthStage('dev');
  const functions = resourcesOf(template, 'AWS::Lambda::Function');

  it('has exactly Ingest, Render, Site and Oai, under their contract names', () => {
    expect(Object.keys(functions).sort()).toEqual(['Ingest', 'Oai', 'Render', 'Site']);
  });

  it.each(Object.keys(FUNCTIONS))('%s runs Node.js 22 on arm64 with tracing, its own log group and index.handler', (id) => {
    const props = functions[id]!.Properties;
    expect(props).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler', MemorySize: 1024, TracingConfig: { Mode: 'Active' } });
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
    expect(env('Ingest')).toEqual({ ...common, INBOX_BUCKET: stateful('InboxBucketName'), RENDER_QUEUE_URL: { Ref: 'RenderQueue' } });
    expect(env('Render')).toEqual({ ...common, SITE_BUCKET: stateful('SiteBucketName'), SITE_QUEUE_URL: { Ref: 'SiteQueue' } });
    expect(env('Site')).toEqual({ ...common, SITE_BUCKET: stateful('SiteBucketName'), SITE_BASE_URL: stateful('SiteBaseUrl') });
  });

  // The handlers fail at cold start when a variable they require is missing: read their lists.
  it.each(Object.entries(FUNCTIONS))('sets every variable functions/handlers/%s requires', (id, file) => {
    const source = readFileSync(`${PROJECT_ROOT}functions/handlers/${file}.ts`, 'utf8');
    const required = [...(source.match(/requireEnv\(\[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    const variables = (functions[id]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables)).toEqual(expect.arrayContaining(required));
  });

  it('gives Render and Site two minutes and Ingest one', () => {
    expect([functions.Ingest, functions.Render, functions.Site].map((f) => f?.Properties.Timeout)).toEqual([60, 120, 120]);
  });
});

describe('stateless stack: queues', () => {
  const { statelessTemplate: template } = synthStage('dev');
  const queues = resourcesOf(template, 'AWS::SQS::Queue');
  const functions = resourcesOf(template, 'AWS::Lambda::Function');

  it('has the two work queues and three dead-letter queues, under their contract names', () => {
    expect(Object.keys(queues).sort()).toEqual(['IngestDlq', 'RenderDlq', 'RenderQueue', 'SiteDlq', 'SiteQueue']);
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
  ])('%s gives up after 3 receives into %s and hides a message for six times %s’s timeout', (queue, dlq, fn) => {
    expect(queues[queue]?.Properties).toMatchObject({ RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlq, 'Arn'] }, maxReceiveCount: 3 } });
    expect(queues[queue]?.Properties.VisibilityTimeout).toBe(6 * (functions[fn]?.Properties.Timeout as number));
  });

  it.each(['RenderDlq', 'SiteDlq', 'IngestDlq'])('%s keeps messages 14 days and alarms on any message', (dlq) => {
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
    for (const queue of ['RenderQueue', 'SiteQueue']) {
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

  it('feeds RenderQueue to Render and SiteQueue to Site, ten at a time, reporting failed items', () => {
    const mappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).map((m) => m.Properties);
    expect(mappings.map((m) => [readable(m.EventSourceArn), readable(m.FunctionName)]).sort()).toEqual([
      ['{RenderQueue.Arn}', '{Render}'],
      ['{SiteQueue.Arn}', '{Site}'],
    ]);
    for (const mapping of mappings) expect(mapping).toMatchObject({ BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] });
  });

  it('starts Ingest on each publish manifest created in the inbox, retrying into IngestDlq', () => {
    expect(PUBLISH_MANIFEST_PATTERN).toBe('inbox/*/_publish.json');
    const rule = rules.find((r) => r.Properties.EventPattern !== undefined)?.Properties;
    expect(rule?.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [stateful('InboxBucketName')] }, object: { key: [{ wildcard: 'inbox/*/_publish.json' }] } },
    });
    expect(rule?.Targets).toEqual([
      expect.objectContaining({ Arn: { 'Fn::GetAtt': ['Ingest', 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['IngestDlq', 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 6 * 3600 } }),
    ]);
  });

  it('runs Site every 15 minutes', () => {
    const rule = rules.find((r) => r.Properties.ScheduleExpression !== undefined)?.Properties;
    expect(rule?.ScheduleExpression).toBe('rate(15 minutes)');
    expect(rule?.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': ['Site', 'Arn'] } })]);
  });

  it('lets only those two rules and the OAI routes invoke their functions', () => {
    const permissions = Object.values(resourcesOf(template, 'AWS::Lambda::Permission')).map((p) => [readable(p.Properties.FunctionName), p.Properties.Principal, readable(p.Properties.SourceArn)]);
    expect(permissions.sort()).toEqual([
      ['{Ingest.Arn}', 'events.amazonaws.com', '{InboxPublished.Arn}'],
      ...OAI_INVOKERS,
      ['{Site.Arn}', 'events.amazonaws.com', '{SiteSchedule.Arn}'],
    ]);
  });

  it('routes GET and POST /api/oai, and nothing else, to Oai', () => {
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey).sort();
    expect(routes).toEqual(['GET /api/oai', 'POST /api/oai']);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 2); // one Lambda proxy integration per route
  });

  it('reads the stateful stack only through its outputs, and deploys after it', () => {
    const { stateful: statefulStack, stateless } = synthStage('dev');
    expect(stateless.dependencies).toEqual([statefulStack]);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/Fn::ImportValue/);
  });

  it('publishes the queue URLs', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, readable(output.Value)]))).toEqual({
      RenderQueueUrl: '{RenderQueue}',
      SiteQueueUrl: '{SiteQueue}',
      RenderDlqUrl: '{RenderDlq}',
      SiteDlqUrl: '{SiteDlq}',
      IngestDlqUrl: '{IngestDlq}',
    });
  });
});
