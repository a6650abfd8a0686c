/**
 * Admin Lambda: the staff console's API (`/api/admin/*`, and the public `/api/console/config`).
 * Thin: clients and settings at cold start, the routes in admin/api.ts.
 *
 * Environment, read once at cold start: `TABLE_NAME`, `INBOX_BUCKET`, `DEPOSIT_QUEUE_URL` (bind helpers), `STAFF_ISSUER`,
 * `STAFF_CLIENT_ID`, `STAFF_USER_POOL_ID`, `STAFF_COGNITO_ENDPOINT` (infra/constructs/staff-api.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createClients } from '#adapters/aws-clients';
import { createLogger } from '#adapters/logger';
import { createObjectStore } from '#adapters/object-store';
import { createQueueSender } from '#adapters/queue';
import { createRecordsStore } from '#adapters/records';
import { createDraftStore } from '#adapters/staff-drafts';
import { createIssueFileStore } from '#adapters/staff-issue-file';
import { createStaffFiles } from '#adapters/staff-files';
import { createGalleyUploads } from '#adapters/galley-uploads';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { DEFAULT_MAX_FILE_BYTES } from '#core/model/file-kinds';
import { S3Client } from '@aws-sdk/client-s3';
import { createRateLimiter } from '#adapters/staff-rate';
import type { StaffUsers } from '#adapters/staff-users';
import { staffVerifier } from './admin/access.ts';
import { ADMIN_RATE_LIMIT, adminApi } from './admin/api.ts';
import type { renderLandingPage } from './admin/preview.ts';
import type { AdminMetadata } from './admin/sources.ts';
import type { staffUsersOf } from './admin/staff-users.ts';
import { BUNDLED_MODULES, bundledModuleSpecifier, onFirstUse } from './bundled-modules.ts';
import { requireEnv } from './env.ts';
import type { DepositJob } from './jobs.ts';

const env = requireEnv(['TABLE_NAME', 'INBOX_BUCKET', 'DEPOSIT_QUEUE_URL', 'STAFF_ISSUER', 'STAFF_CLIENT_ID', 'STAFF_USER_POOL_ID', 'STAFF_COGNITO_ENDPOINT']);
const clients = createClients();
const log = createLogger('admin', { stage: process.env.STAGE });

/**
 * The landing renderer, imported on the first preview, not at cold start: in the Lambda bundle it
 * is preview.mjs beside this file (bundled on its own, infra/constructs/staff-api.ts), so a cold
 * start never compiles it; run from source (tsx), it is the core module itself. The specifier is
 * a variable so that esbuild leaves the import to run time instead of folding it into index.mjs.
 */
type Renderer = { readonly renderLandingPage: typeof renderLandingPage };
let renderer: Promise<Renderer> | undefined;
function loadRenderer(): Promise<Renderer> {
  const bundled = new URL('./preview.mjs', import.meta.url);
  const specifier = import.meta.url.endsWith('.mjs') && existsSync(fileURLToPath(bundled)) ? bundled.href : './admin/preview.ts';
  renderer ??= import(specifier) as Promise<Renderer>;
  return renderer;
}

/**
 * The staff pool's users, made on the first users request (admin/staff-users.ts, users.mjs in the
 * bundle): each call waits for the module, then goes to the real one.
 */
const usersModule = onFirstUse(async () => (await import(bundledModuleSpecifier(import.meta.url, BUNDLED_MODULES.admin.users))) as { readonly staffUsersOf: typeof staffUsersOf });
const loadStaffUsers = onFirstUse(async () => (await usersModule()).staffUsersOf(env.STAFF_USER_POOL_ID, env.TABLE_NAME));
const staffUsers: StaffUsers = {
  list: async () => (await loadStaffUsers()).list(),
  get: async (username) => (await loadStaffUsers()).get(username),
  invite: async (username, email) => (await loadStaffUsers()).invite(username, email),
  addToGroup: async (username, group) => (await loadStaffUsers()).addToGroup(username, group),
  removeFromGroup: async (username, group) => (await loadStaffUsers()).removeFromGroup(username, group),
  setEnabled: async (username, enabled) => (await loadStaffUsers()).setEnabled(username, enabled),
  audit: async (entry, at) => (await loadStaffUsers()).audit(entry, at),
  auditTrail: async (limit) => (await loadStaffUsers()).auditTrail(limit),
};

// The YAML reader and writer and the issue check (metadata.mjs beside this file): the first request that edits or checks an issue imports it.
const metadata = onFirstUse(async () => (await import(bundledModuleSpecifier(import.meta.url, BUNDLED_MODULES.admin.metadata))) as AdminMetadata);

const inbox = createObjectStore(clients.s3, env.INBOX_BUCKET);
// Signs the galley upload URLs: no body checksum in a presigned URL (adapters/galley-uploads.ts); path style where an endpoint is set, as clients.s3.
const signer = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', ...(process.env.AWS_ENDPOINT_URL_S3 === undefined ? {} : { forcePathStyle: true }) });

const handle = adminApi({
  verify: staffVerifier({ issuer: env.STAFF_ISSUER, clientId: env.STAFF_CLIENT_ID }),
  records: createRecordsStore(clients.dynamo, env.TABLE_NAME),
  drafts: createDraftStore(clients.dynamo, env.TABLE_NAME),
  issueFile: createIssueFileStore(clients.dynamo, env.TABLE_NAME),
  inbox,
  uploads: createGalleyUploads(clients.s3, signer, inbox),
  files: createStaffFiles(clients.dynamo, env.TABLE_NAME),
  maxFileBytes: Number(process.env.GALLEY_MAX_BYTES) || DEFAULT_MAX_FILE_BYTES,
  ledger: createDepositLedger({ client: clients.dynamoBase, tableName: env.TABLE_NAME }),
  rate: createRateLimiter(clients.dynamo, env.TABLE_NAME, ADMIN_RATE_LIMIT),
  depositQueue: createQueueSender<DepositJob>(clients.sqs, env.DEPOSIT_QUEUE_URL),
  log,
  now: () => new Date(),
  suffix: () => randomBytes(3).toString('hex'),
  metadata,
  renderPreview: async (bundle, article) => (await loadRenderer()).renderLandingPage(bundle, article),
  // Issue 15 (users): the staff pool (admin/staff-users.ts).
  staffUsers,
  signIn: { region: process.env.AWS_REGION ?? '', userPoolId: env.STAFF_USER_POOL_ID, clientId: env.STAFF_CLIENT_ID, cognitoEndpoint: env.STAFF_COGNITO_ENDPOINT },
});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return handle(event);
}
