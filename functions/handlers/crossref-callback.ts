/**
 * CrossrefCallback Lambda: `GET|POST /api/crossref/callback?token=…`, Crossref's notification callback
 * (flows/callback.ts). Environment, read once at cold start: `TABLE_NAME` (the deposit ledger),
 * `CROSSREF_ENDPOINT` (the only origin logs are fetched from), `CROSSREF_PARAMETER` (credentials
 * and `callback_token`, read at run time and kept for the container's life).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { createLogger } from '#adapters/logger';
import { createCrossrefSecretSource } from '#adapters/secrets';
import { requireEnv } from './env.ts';
import { handleCallback, type CallbackDeps } from './flows/callback.ts';

const env = requireEnv(['TABLE_NAME', 'CROSSREF_ENDPOINT', 'CROSSREF_PARAMETER']);
const log = createLogger('crossref-callback', { stage: process.env.STAGE });
const deps: CallbackDeps = {
  ledger: createDepositLedger({ client: new DynamoDBClient({}), tableName: env.TABLE_NAME }),
  secret: createCrossrefSecretSource({ client: new SSMClient({}), secretId: env.CROSSREF_PARAMETER }),
  crossrefEndpoint: env.CROSSREF_ENDPOINT,
  fetch: (input, init) => fetch(input, init),
  log,
  now: () => new Date(),
};

export const handler = (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> =>
  handleCallback({ ...deps, log: log.child({ requestId: context?.awsRequestId }) }, event);
