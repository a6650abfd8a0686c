/**
 * Site Lambda: SiteQueue batches (one issue's table of contents, then the journal's archive,
 * sitemap and robots.txt) and a schedule (everything, catching up on any lost job).
 */
import type { Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDynamoClients, createS3Client } from '#adapters/aws-clients';
import { createLogger } from '#adapters/logger';
import { createObjectStore } from '#adapters/object-store';
import { createRecordsStore } from '#adapters/records';
import { fileURLToPath } from 'node:url';
import { requireEnv } from './env.ts';
import { writeConsole } from './flows/console-assets.ts';
import { rebuildAll, siteBatch, type SiteDeps } from './flows/site.ts';

const env = requireEnv(['TABLE_NAME', 'SITE_BUCKET', 'SITE_BASE_URL', 'STAFF_COGNITO_ENDPOINT', 'FILES_BUCKET']);
/** The staff console's files, copied into this function's bundle (infra/stacks/stateless.ts). */
const CONSOLE_DIR = fileURLToPath(new URL('./console/', import.meta.url));
// S3 and DynamoDB only: no SQS client in this bundle (cold start, issue 16).
const clients = { s3: createS3Client(), ...createDynamoClients() };
const log = createLogger('site', { stage: process.env.STAGE });
const deps: SiteDeps = {
  records: createRecordsStore(clients.dynamo, env.TABLE_NAME),
  site: createObjectStore(clients.s3, env.SITE_BUCKET),
  files: createObjectStore(clients.s3, env.FILES_BUCKET),
  log,
  siteBaseUrl: env.SITE_BASE_URL.replace(/\/+$/, ''),
};

/** The console is written once per container (only what changed is put). */
let consoleWritten: Promise<unknown> | undefined;

export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse>;
export async function handler(event: ScheduledEvent, context?: Context): Promise<void>;
export async function handler(event: SQSEvent | ScheduledEvent, context?: Context): Promise<SQSBatchResponse | void> {
  const scoped = { ...deps, log: log.child({ requestId: context?.awsRequestId }) };
  consoleWritten ??= writeConsole(deps.site, CONSOLE_DIR, env.STAFF_COGNITO_ENDPOINT, process.env.STAFF_UPLOAD_ORIGIN ?? '').catch((error: unknown) => {
    consoleWritten = undefined;
    log.error('staff console not written', { error: error instanceof Error ? error.message : String(error) });
  });
  await consoleWritten;
  if ('Records' in event) return siteBatch(scoped, event.Records);
  await rebuildAll(scoped);
}
