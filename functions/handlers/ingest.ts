/**
 * Ingest Lambda: an object created in the inbox (EventBridge "Object Created", or a bucket
 * notification) → when it is an issue's publish manifest, the issue into the records table and
 * its articles onto RenderQueue. Other inbox objects are the files the manifest lists: ignored.
 * The ReleaseSchedule rule's event (every 15 minutes) publishes the articles held until an
 * online date that has come (flows/release.ts), by the event's time.
 */
import type { Context, ScheduledEvent } from 'aws-lambda';
import { createClients } from '#adapters/aws-clients';
import { isManifestKey } from '#adapters/inbox-keys';
import { createLogger } from '#adapters/logger';
import { createObjectStore } from '#adapters/object-store';
import { createQueueSender } from '#adapters/queue';
import { createRecordsStore } from '#adapters/records';
import { createDoiPaths } from '#adapters/doi-paths';
import { DEFAULT_MAX_FILE_BYTES } from '#core/model/file-kinds';
import { requireEnv } from './env.ts';
import { createdObjects, type ObjectCreatedEvent } from './flows/events.ts';
import type { landingCitations } from '#core/landing/citations';
import { BUNDLED_MODULES, bundledModuleSpecifier, onFirstUse } from './bundled-modules.ts';
import type { IngestDeps, IngestSummary, ingestManifest } from './flows/ingest.ts';
import type { RebuildSummary, rebuildPage } from './flows/rebuild.ts';
import { isRebuildPageKey } from './flows/rebuild-keys.ts';
import { releaseScheduled, type ReleaseSummary } from './flows/release.ts';
import type { RenderJob } from './jobs.ts';

const env = requireEnv(['TABLE_NAME', 'INBOX_BUCKET', 'RENDER_QUEUE_URL']);
const clients = createClients();
const log = createLogger('ingest', { stage: process.env.STAGE });
const deps: IngestDeps = {
  records: createRecordsStore(clients.dynamo, env.TABLE_NAME),
  inbox: createObjectStore(clients.s3, env.INBOX_BUCKET),
  renderQueue: createQueueSender<RenderJob>(clients.sqs, env.RENDER_QUEUE_URL),
  log,
  now: () => new Date(),
  maxFileBytes: Number(process.env.GALLEY_MAX_BYTES) || DEFAULT_MAX_FILE_BYTES,
  doiPaths: createDoiPaths(clients.dynamo, env.TABLE_NAME),
  // citeproc and the styles load on the first new version, not at cold start (most Ingest events change no article).
  citations: async (bundle, article) => (await citationsModule()).landingCitations(bundle, article),
};

// A manifest's flow (the YAML parser and the model's zod schemas, ~60 ms), a rebuild page's and
// citeproc are imported by the first invocation that has one, not at cold start: the
// ReleaseSchedule runs every 15 minutes and needs none of them (issue 16). In the Lambda bundle
// each is a file of its own beside this one (bundled-modules.ts).
const modules = BUNDLED_MODULES.ingest;
const ingestFlow = onFirstUse(async () => (await import(bundledModuleSpecifier(import.meta.url, modules.manifest))) as { readonly ingestManifest: typeof ingestManifest });
const rebuildFlow = onFirstUse(async () => (await import(bundledModuleSpecifier(import.meta.url, modules.rebuild))) as { readonly rebuildPage: typeof rebuildPage });
const citationsModule = onFirstUse(async () => (await import(bundledModuleSpecifier(import.meta.url, modules.citations))) as { readonly landingCitations: typeof landingCitations });

const isScheduled = (event: ObjectCreatedEvent | ScheduledEvent): event is ScheduledEvent => 'detail-type' in event && event['detail-type'] === 'Scheduled Event';

export const handler = async (event: ObjectCreatedEvent | ScheduledEvent, context?: Context): Promise<(IngestSummary | RebuildSummary | ReleaseSummary)[]> => {
  const scoped = { ...deps, log: log.child({ requestId: context?.awsRequestId }) };
  if (isScheduled(event)) return [await releaseScheduled(scoped, event.time)];
  const summaries: (IngestSummary | RebuildSummary)[] = [];
  for (const object of createdObjects(event)) {
    // A page of `colophon rebuild`: its articles re-rendered (flows/rebuild.ts).
    if (object.bucket === env.INBOX_BUCKET && isRebuildPageKey(object.key)) {
      summaries.push(await (await rebuildFlow()).rebuildPage(scoped, object.key));
      continue;
    }
    if (object.bucket !== env.INBOX_BUCKET || !isManifestKey(object.key)) {
      scoped.log.debug('not a publish manifest; ignored', { ...object });
      continue;
    }
    summaries.push(await (await ingestFlow()).ingestManifest(scoped, object.key));
  }
  return summaries;
};
