/**
 * Site Lambda: SiteQueue batches (one issue's table of contents, then the journal's archive,
 * sitemap and robots.txt) and a schedule (everything, catching up on any lost job).
 */
import type { Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createClients } from '#adapters/aws-clients';
import { createLogger } from '#adapters/logger';
import { createObjectStore } from '#adapters/object-store';
import { createRecordsStore } from '#adapters/records';
import { requireEnv } from './env.ts';
import { rebuildAll, siteBatch, type SiteDeps } from './flows/site.ts';

const env = requireEnv(['TABLE_NAME', 'SITE_BUCKET', 'SITE_BASE_URL']);
const clients = createClients();
const log = createLogger('site', { stage: process.env.STAGE });
const deps: SiteDeps = {
  records: createRecordsStore(clients.dynamo, env.TABLE_NAME),
  site: createObjectStore(clients.s3, env.SITE_BUCKET),
  log,
  siteBaseUrl: env.SITE_BASE_URL.replace(/\/+$/, ''),
};

export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse>;
export async function handler(event: ScheduledEvent, context?: Context): Promise<void>;
export async function handler(event: SQSEvent | ScheduledEvent, context?: Context): Promise<SQSBatchResponse | void> {
  const scoped = { ...deps, log: log.child({ requestId: context?.awsRequestId }) };
  if ('Records' in event) return siteBatch(scoped, event.Records);
  await rebuildAll(scoped);
}
