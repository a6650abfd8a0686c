/**
 * Admin Lambda: the staff console's API (`/api/admin/*`, and the public `/api/console/config`).
 * Thin: clients and settings at cold start, the routes in admin/api.ts.
 *
 * Environment, read once at cold start: `TABLE_NAME`, `INBOX_BUCKET` (bind helpers), `STAFF_ISSUER`,
 * `STAFF_CLIENT_ID`, `STAFF_USER_POOL_ID`, `STAFF_COGNITO_ENDPOINT` (infra/constructs/staff-api.ts).
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createClients } from '#adapters/aws-clients';
import { createLogger } from '#adapters/logger';
import { createObjectStore } from '#adapters/object-store';
import { createRecordsStore } from '#adapters/records';
import { createDraftStore } from '#adapters/staff-drafts';
import { staffVerifier } from './admin/access.ts';
import { adminApi } from './admin/api.ts';
import { requireEnv } from './env.ts';

const env = requireEnv(['TABLE_NAME', 'INBOX_BUCKET', 'STAFF_ISSUER', 'STAFF_CLIENT_ID', 'STAFF_USER_POOL_ID', 'STAFF_COGNITO_ENDPOINT']);
const clients = createClients();
const log = createLogger('admin', { stage: process.env.STAGE });

const handle = adminApi({
  verify: staffVerifier({ issuer: env.STAFF_ISSUER, clientId: env.STAFF_CLIENT_ID }),
  records: createRecordsStore(clients.dynamo, env.TABLE_NAME),
  drafts: createDraftStore(clients.dynamo, env.TABLE_NAME),
  inbox: createObjectStore(clients.s3, env.INBOX_BUCKET),
  log,
  now: () => new Date(),
  suffix: () => randomBytes(3).toString('hex'),
  signIn: { region: process.env.AWS_REGION ?? '', userPoolId: env.STAFF_USER_POOL_ID, clientId: env.STAFF_CLIENT_ID, cognitoEndpoint: env.STAFF_COGNITO_ENDPOINT },
});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return handle(event);
}
