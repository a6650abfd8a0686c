/**
 * The HTTP API stage's access log uses HTTP API context variables only (issue 12, Medium 12): a
 * REST-only variable makes API Gateway refuse the stage on deploy. The list below is the HTTP API
 * page's (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html).
 */
import { describe, expect, it } from 'vitest';
import { resourcesOf, synthStage } from './synth.ts';

const HTTP_API_VARIABLES = new Set([
  'accountId', 'apiId', 'authorizer.claims.property', 'authorizer.error', 'authorizer.principalId', 'authorizer.property', 'awsEndpointRequestId', 'awsEndpointRequestId2',
  'customDomain.basePathMatched', 'dataProcessed', 'domainName', 'domainPrefix', 'error.message', 'error.messageString', 'error.responseType', 'extendedRequestId', 'httpMethod',
  'identity.cognitoAuthenticationProvider', 'identity.cognitoAuthenticationType', 'identity.cognitoIdentityId', 'identity.cognitoIdentityPoolId',
  'identity.principalOrgId', 'identity.clientCert.clientCertPem', 'identity.clientCert.subjectDN', 'identity.clientCert.issuerDN', 'identity.clientCert.serialNumber',
  'identity.clientCert.validity.notBefore', 'identity.clientCert.validity.notAfter', 'identity.sourceIp', 'identity.userAgent',
  'integration.error', 'integration.integrationStatus', 'integration.latency', 'integration.requestId', 'integration.status', 'integrationErrorMessage', 'integrationLatency',
  'integrationStatus', 'path', 'protocol', 'requestId', 'requestTime', 'requestTimeEpoch', 'responseLatency', 'responseLength', 'routeKey', 'stage', 'status',
]);
/** What jsonWithStandardFields() emits that an HTTP API stage has no value for (seen refused in other CDK apps). */
const REST_ONLY = ['resourcePath', 'identity.user', 'identity.caller'];

describe('the HTTP API access log', () => {
  // The stage lives with the routes (infra/constructs/api-stage.ts).
  const { statelessTemplate } = synthStage('dev');
  const stages = Object.values(resourcesOf(statelessTemplate, 'AWS::ApiGatewayV2::Stage'));
  const format = String((stages[0]!.Properties.AccessLogSettings as { Format: string }).Format);
  const variables = [...format.matchAll(/\$context\.([A-Za-z0-9.]+)/g)].map((m) => m[1]!);

  it('uses only HTTP API context variables, and none of the REST-only ones', () => {
    expect(stages).toHaveLength(1);
    expect(variables.length).toBeGreaterThan(5);
    expect(variables.filter((v) => !HTTP_API_VARIABLES.has(v))).toEqual([]);
    expect(variables.filter((v) => REST_ONLY.includes(v))).toEqual([]);
  });

  it('is JSON and records no query string or header (the callback token travels as ?token=)', () => {
    expect(() => JSON.parse(format) as unknown).not.toThrow();
    expect(format).not.toMatch(/querystring|rawQueryString|header/i);
  });
});
