import { Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type IHttpApiRef, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Who may call a route: anyone (say why: the reason is recorded as the cdk-nag acknowledgement), or an authorizer. */
export type RouteAccess = { readonly public: string } | { readonly authorizer: IHttpRouteAuthorizer };

/**
 * One public endpoint. The path is the public URL path; only `/api/…` and the article downloads
 * below `/doi/` (site-distribution.ts `DOWNLOAD_PATH_PATTERNS`) reach the API through CloudFront, so
 * the type accepts nothing else.
 */
export interface HttpRouteSpec {
  readonly path: `/api/${string}` | `/doi/${string}`;
  readonly fn: IFunction;
  readonly methods?: readonly HttpMethod[];
  readonly access: RouteAccess;
}

export interface HttpRoutesProps {
  readonly api: IHttpApiRef;
  readonly routes: readonly HttpRouteSpec[];
}

/** `/api/oai-pmh/v2` → `OaiPmhV2`: a stable construct id for the route. */
export const routeId = (path: string, method: HttpMethod): string =>
  [...path.replace(/^\/api\//, '').split(/[^A-Za-z0-9]+/), method === HttpMethod.ANY ? '' : method.toLowerCase()]
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

/**
 * The HTTP seam: each spec becomes a route on the shared API with a Lambda proxy integration.
 * An empty list adds nothing, so the API can exist before its first endpoint.
 */
export class HttpRoutes extends Construct {
  readonly routes: HttpRoute[] = [];
  /** Each route with its key (`GET /api/oai`, as stage route settings name it) and its function. */
  readonly keyed: { readonly route: HttpRoute; readonly key: string; readonly fn: IFunction }[] = [];

  constructor(scope: Construct, id: string, props: HttpRoutesProps) {
    super(scope, id);
    for (const spec of props.routes) {
      for (const method of spec.methods ?? [HttpMethod.ANY]) {
        const name = routeId(spec.path, method);
        const route = new HttpRoute(this, name, {
          httpApi: props.api,
          routeKey: HttpRouteKey.with(spec.path, method),
          integration: new HttpLambdaIntegration(`${name}Integration`, spec.fn),
          ...('authorizer' in spec.access ? { authorizer: spec.access.authorizer } : {}),
        });
        if ('public' in spec.access) Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason: spec.access.public });
        this.routes.push(route);
        this.keyed.push({ route, key: `${method} ${spec.path}`, fn: spec.fn });
      }
    }
  }
}
