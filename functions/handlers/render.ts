/** Render Lambda: RenderQueue batches (ReportBatchItemFailures) → each article's site files. */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ChangeMessageVisibilityCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { createClients } from '#adapters/aws-clients';
import { createLogger } from '#adapters/logger';
import { createObjectStore } from '#adapters/object-store';
import { createQueueSender } from '#adapters/queue';
import { createRecordsStore } from '#adapters/records';
import type { CitationEngine } from '#core/cite/index';
import { BUNDLED_MODULES, bundledModuleSpecifier, onFirstUse } from './bundled-modules.ts';
import { requireEnv } from './env.ts';
import { renderBatch, type RenderDeps } from './flows/render.ts';
import type { DepositJob, SiteJob } from './jobs.ts';

const env = requireEnv(['TABLE_NAME', 'SITE_BUCKET', 'SITE_QUEUE_URL', 'DEPOSIT_QUEUE_URL', 'FILES_BUCKET', 'RENDER_QUEUE_URL']);
const clients = createClients();
const log = createLogger('render', { stage: process.env.STAGE });
// citeproc and the CSL files (citeproc.mjs beside this file): only a version without current kept citations needs them.
const citeproc = onFirstUse(async () => ((await import(bundledModuleSpecifier(import.meta.url, BUNDLED_MODULES.render.citeproc))) as { readonly citeproc: CitationEngine }).citeproc);
const deps: RenderDeps = {
  records: createRecordsStore(clients.dynamo, env.TABLE_NAME),
  site: createObjectStore(clients.s3, env.SITE_BUCKET),
  files: createObjectStore(clients.s3, env.FILES_BUCKET),
  siteQueue: createQueueSender<SiteJob>(clients.sqs, env.SITE_QUEUE_URL),
  depositQueue: createQueueSender<DepositJob>(clients.sqs, env.DEPOSIT_QUEUE_URL),
  log,
  now: () => new Date(),
  citationEngine: citeproc,
  // Deletes a message of a batch after a crash as soon as it is handled (flows/render.ts says why).
  ack: async (message) => void (await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: env.RENDER_QUEUE_URL, ReceiptHandle: message.receiptHandle }))),
  holdBack: async (message, seconds) => void (await clients.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: env.RENDER_QUEUE_URL, ReceiptHandle: message.receiptHandle, VisibilityTimeout: seconds }))),
};

export const handler = async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> =>
  renderBatch({ ...deps, log: log.child({ requestId: context?.awsRequestId }) }, event.Records);
