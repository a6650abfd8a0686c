import { Fn, type RemovalPolicy } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * The access log of the HTTP API stage, in HTTP API context variables only: HTTP API stages refuse
 * variables of REST APIs (`AccessLogFormat.jsonWithStandardFields()` emits `$context.resourcePath`,
 * `$context.identity.user` and `$context.identity.caller`, which they do not have). No query string
 * and no header: the Crossref callback's token travels as `?token=`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
} as const;

export interface PublicApiProps {
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The HTTP API behind the distribution's `/api/*` behaviour. It lives with the distribution (the
 * stateful stack) so the distribution can name it as an origin; routes are added by the stateless
 * stack (`HttpRoutes`), which only ever points back at this stack, never the other way round.
 */
export class PublicApi extends Construct {
  readonly api: HttpApi;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: PublicApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', { description: 'Colophon public endpoints (OAI-PMH, Crossref callback), reached through CloudFront /api/*', createDefaultStage: false });
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    // The $default stage, with its throttles per route, is the stateless stack's (api-stage.ts): route settings need the routes first.
  }

  /** The API's host name (`<id>.execute-api.<region>.amazonaws.com`), for a CloudFront origin. */
  get domainName(): string {
    return Fn.select(2, Fn.split('/', this.api.apiEndpoint));
  }
}
