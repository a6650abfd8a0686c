import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpStage, LogGroupLogDestination, type CfnStage, type HttpRoute, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ApiThrottle } from '../config.ts';
import { ACCESS_LOG_FIELDS } from './public-api.ts';

export interface ApiStageProps {
  readonly api: IHttpApi;
  readonly accessLogs: ILogGroup;
  /** Every route without its own limit shares this one (the staff console's routes). */
  readonly defaultThrottle: ApiThrottle;
  /** Routes with their own limits, each with its key (`GET /api/oai`). */
  readonly routeThrottles: readonly { readonly routes: readonly { readonly route: HttpRoute; readonly key: string }[]; readonly throttle: ApiThrottle }[];
}

/**
 * The HTTP API's `$default` stage, with a throttle per route: each route's limit is its own, so a
 * client that exhausts the OAI-PMH routes' limit gets 429s there while Crossref's notification
 * callback (and the staff console) still answer. API Gateway refuses route settings for routes that
 * do not exist yet ("Unable to find Route by key … within the provided RouteSettings"), so the stage
 * lives with the routes (the stateless stack) and is created after them.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 *
 * These limits are per route, shared by every client of that route: HTTP APIs have no per-client
 * (usage plan) limits. A per-IP limit needs a WAF rate-based rule on the distribution (README).
 */
export class ApiStage extends Construct {
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiStageProps) {
    super(scope, id);
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: props.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.defaultThrottle.rateLimit, burstLimit: props.defaultThrottle.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(props.accessLogs), format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)) },
    });
    // RouteSettings is a JSON map in CloudFormation's schema: CDK passes it through as written, so the keys are CloudFormation's own casing.
    const settings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const { routes, throttle } of props.routeThrottles) {
      for (const { route, key } of routes) {
        settings[key] = { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit };
        this.stage.node.addDependency(route);
      }
    }
    (this.stage.node.defaultChild as CfnStage).routeSettings = settings;
  }
}

/** Lambda reserved concurrency (undefined: none): the most environments `target` takes, and as many kept for it. */
export function reserveConcurrency(target: { readonly fn: IFunction }, reserved: number | undefined): void {
  if (reserved === undefined) return;
  (target.fn.node.defaultChild as CfnFunction).reservedConcurrentExecutions = reserved;
}
