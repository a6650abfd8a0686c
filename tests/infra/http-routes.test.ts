import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { HttpRoutes, routeId, type HttpRouteSpec } from '#infra/constructs/http-routes';
import { acknowledgements, nagViolations, readable, resourcesOf, testApp } from './synth.ts';

/** An API and an inline test function in a stack of their own; `routes` builds the list from the function. */
function withRoutes(routes: (fn: LambdaFunction) => HttpRouteSpec[]) {
  const stack = new Stack(testApp(), 'Routes');
  const api = new HttpApi(stack, 'Api');
  const fn = new LambdaFunction(stack, 'Echo', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });') });
  const construct = new HttpRoutes(stack, 'Routes', { api, routes: routes(fn) });
  return { stack, construct, template: Template.fromStack(stack) };
}

describe('HttpRoutes', () => {
  it('adds nothing for an empty list', () => {
    const { template, construct } = withRoutes(() => []);
    expect(construct.routes).toEqual([]);
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 0);
    template.resourceCountIs('AWS::Lambda::Permission', 0);
  });

  it('turns one spec into a route, a Lambda proxy integration and an invoke permission for that path only', () => {
    // Prepare + Act
    const { template } = withRoutes((fn) => [{ path: '/api/echo', fn, access: { public: 'A test endpoint anyone may call.' } }]);
    // Assess
    const [integrationId] = Object.keys(resourcesOf(template, 'AWS::ApiGatewayV2::Integration'));
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/echo', AuthorizationType: 'NONE', Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] } });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0', IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Echo'), 'Arn'] } });
    const [permission] = Object.values(resourcesOf(template, 'AWS::Lambda::Permission'));
    expect(permission?.Properties).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' });
    expect(readable(permission?.Properties.SourceArn)).toMatch(/:execute-api:\{AWS::Region\}:\{AWS::AccountId\}:\{Api\}\/\*\/\*\/api\/echo$/);
  });

  it('makes one route per method, each acknowledged as public with the reason given', () => {
    const { template, stack } = withRoutes((fn) => [{ path: '/api/crossref/callback', fn, methods: [HttpMethod.GET, HttpMethod.POST], access: { public: 'Crossref posts results here.' } }]);
    const keys = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(['GET /api/crossref/callback', 'POST /api/crossref/callback']);
    expect(acknowledgements(stack).filter((a) => a.id === 'AwsSolutions-APIG4').map((a) => a.reason)).toEqual(['Crossref posts results here.', 'Crossref posts results here.']);
    expect(nagViolations(stack).filter((v) => v.ruleName === 'AwsSolutions-APIG4')).toEqual([]);
  });

  it('puts an authorizer on a route that has one, with nothing to acknowledge', () => {
    const { template, stack } = withRoutes((fn) => [{ path: '/api/private', fn, access: { authorizer: new HttpIamAuthorizer() } }]);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/private', AuthorizationType: 'AWS_IAM' });
    expect(acknowledgements(stack).filter((a) => a.id === 'AwsSolutions-APIG4')).toEqual([]);
    expect(nagViolations(stack).filter((v) => v.ruleName === 'AwsSolutions-APIG4')).toEqual([]);
  });

  it('is what keeps cdk-nag quiet: a bare public route is reported', () => {
    // Prepare: the same route made without the construct.
    const stack = new Stack(testApp(), 'Bare');
    const fn = new LambdaFunction(stack, 'Echo', { runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('exports.handler = async () => ({});') });
    new HttpRoute(stack, 'Route', { httpApi: new HttpApi(stack, 'Api'), routeKey: HttpRouteKey.with('/api/echo'), integration: new HttpLambdaIntegration('Echo', fn) });
    Template.fromStack(stack);
    // Act + Assess
    expect(nagViolations(stack).map((v) => v.ruleName)).toContain('AwsSolutions-APIG4');
  });
});

describe('routeId', () => {
  it.each([
    ['/api/oai', HttpMethod.ANY, 'Oai'],
    ['/api/crossref/callback', HttpMethod.POST, 'CrossrefCallbackPost'],
    ['/api/oai-pmh/v2', HttpMethod.GET, 'OaiPmhV2Get'],
  ])('%s %s → %s', (path, method, expected) => {
    expect(routeId(path, method)).toBe(expected);
  });
});
