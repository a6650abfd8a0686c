/**
 * Deposit Lambda: DepositQueue batches (ReportBatchItemFailures) register an issue's rendered
 * DOIs with Crossref; the EventBridge schedule settles pending batches and catches up.
 *
 * Environment, read once at cold start: `TABLE_NAME` (records and the deposit ledger),
 * `ARTIFACTS_BUCKET` (deposit files under `crossref/deposits/`, files the schema refused under
 * `crossref/invalid/`, dry-run files under `crossref/dry-run/`), `CROSSREF_MODE` (`deposit` or
 * `dry-run`), `CROSSREF_ENDPOINT`, `CROSSREF_PARAMETER` (the name of the SSM SecureString parameter
 * the credentials are read from at run time, only in deposit mode, and kept for the container's life). The Crossref
 * 5.4.0 XSD is bundled beside the handler (`schemas/`, see infra/constructs/colophon-function.ts);
 * `CROSSREF_SCHEMAS_DIR` overrides where it is looked for.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDynamoClients, createS3Client } from '#adapters/aws-clients';
import { createDepositService } from '#adapters/crossref-deposit';
import { createCrossrefClient } from '#adapters/crossref-http';
import type { compileCrossrefSchema, DeferredXmlValidator, XmlValidator } from '#adapters/crossref-xsd';
import { createDepositLedger } from '#adapters/deposit-ledger';
import { ConfigError } from '#adapters/errors';
import { createLogger } from '#adapters/logger';
import { createObjectStore } from '#adapters/object-store';
import { createRecordsStore } from '#adapters/records';
import { createCrossrefSecretSource, credentialsFor } from '#adapters/secrets';
import { BUNDLED_MODULES, bundledModuleSpecifier, onFirstUse } from './bundled-modules.ts';
import { requireEnv } from './env.ts';
import { CROSSREF_MODES, depositBatch, depositFileStore, type ArtifactStore, type CrossrefMode, type DepositFlowDeps } from './flows/deposit.ts';
import { depositSchedule, type ScheduleSummary } from './flows/deposit-schedule.ts';
import { ownedBy } from './flows/deposit-owner.ts';

const env = requireEnv(['TABLE_NAME', 'ARTIFACTS_BUCKET', 'CROSSREF_MODE', 'CROSSREF_ENDPOINT', 'CROSSREF_PARAMETER']);
const mode = env.CROSSREF_MODE as CrossrefMode;
if (!CROSSREF_MODES.includes(mode)) throw new ConfigError(`CROSSREF_MODE must be one of ${CROSSREF_MODES.join(', ')}, not "${env.CROSSREF_MODE}"`);
// S3 and DynamoDB only: no SQS client in this bundle (cold start, issue 16).
const clients = { s3: createS3Client(), ...createDynamoClients() };
const log = createLogger('deposit', { stage: process.env.STAGE, mode });
const secret = createCrossrefSecretSource({ client: new SSMClient({}), secretId: env.CROSSREF_PARAMETER });
const artifacts = createObjectStore(clients.s3, env.ARTIFACTS_BUCKET);
const schemasDir = process.env.CROSSREF_SCHEMAS_DIR || fileURLToPath(new URL('./schemas', import.meta.url));

// libxml2 (xsd.mjs beside this bundle, bundled-modules.ts) is imported and the XSD compiled (~0.15 s
// without its MathML module, which Colophon's files never bind; seconds for the whole schema, compiled
// only for a file that does: adapters/crossref-xsd.ts) on first use, not during Lambda's init phase: a schedule run that deposits nothing needs neither.
const xsd = onFirstUse(async (): Promise<XmlValidator> => {
  const xsdModule = (await import(bundledModuleSpecifier(import.meta.url, BUNDLED_MODULES.deposit.xsd))) as { readonly compileCrossrefSchema: typeof compileCrossrefSchema };
  return xsdModule.compileCrossrefSchema(schemasDir).validate;
});
const validate: DeferredXmlValidator = async (xml) => (await xsd())(xml);

const files: ArtifactStore = { put: async (key, xml) => void (await artifacts.put(key, xml, { contentType: 'application/xml; charset=utf-8' })) };
const store = depositFileStore(files);

/**
 * When an invocation must be done talking to Crossref: its remaining time less a margin for
 * recording the outcome. The Crossref client's retries stop there rather than be cut off by the
 * function's timeout. Each invocation builds its own services with its own deadline, so nothing
 * about one invocation's time is kept in module state.
 */
const RECORDING_MARGIN_MS = 30_000;

const records = createRecordsStore(clients.dynamo, env.TABLE_NAME);
const ledger = createDepositLedger({ client: clients.dynamoBase, tableName: env.TABLE_NAME });

function depsFor(deadline: number, requestId: string | undefined): DepositFlowDeps {
  return {
    records,
    ledger,
    mode,
    service: async (journalLedger, journalId) => {
      // A journal under its own Crossref member account deposits with its own login (the secret's `journals`).
      const credentials = credentialsFor(await secret.get(), journalId);
      return createDepositService({
        crossref: createCrossrefClient({ endpoint: env.CROSSREF_ENDPOINT, credentials, log: (e) => log.info(e.event, e), deadline: () => deadline }),
        // Each batch records its journal and login: its log is fetched with that login only (flows/deposit-owner.ts).
        ledger: ownedBy(journalLedger, { journalId, loginId: credentials.loginId }),
        store,
        validate,
        now: () => new Date(),
        newId: randomUUID,
        // A short wait: the schedule or Crossref's callback settles what is still queued.
        poll: { attempts: 2, intervalMs: 3_000 },
        log: (e) => log.info(e.event, e),
      });
    },
    artifacts: files,
    validate,
    log: log.child({ requestId }),
    now: () => new Date(),
    newId: randomUUID,
  };
}

export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse>;
export async function handler(event: ScheduledEvent, context?: Context): Promise<ScheduleSummary>;
export async function handler(event: SQSEvent | ScheduledEvent, context?: Context): Promise<SQSBatchResponse | ScheduleSummary> {
  const deadline = context === undefined ? Number.POSITIVE_INFINITY : Date.now() + context.getRemainingTimeInMillis() - RECORDING_MARGIN_MS;
  const scoped = depsFor(deadline, context?.awsRequestId);
  if ('Records' in event) return depositBatch(scoped, event.Records);
  return depositSchedule(scoped);
}
