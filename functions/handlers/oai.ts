/**
 * Oai Lambda: the OAI-PMH 2.0 endpoints, GET and POST: the stage's repository at `/api/oai` (every
 * journal, a set each) and one repository per journal at `/api/oai/<journal-id>`.
 *
 * Environment, read once at cold start: `TABLE_NAME` (bindTable), `OAI_ADMIN_EMAIL` (the stage's
 * Identify adminEmail, several separated by commas; a placeholder is never sent: see
 * core/oai/admin-email.ts), `SITE_BASE_URL` (the stage's site), optionally `OAI_BASE_URL` (the
 * stage repository's URL; by default `/api/oai` on the journals' origin) and `OAI_TOKEN_PARAMETER`
 * (the name of the SSM SecureString parameter that keys the resumption-token seal, read on the
 * first request and kept for the container's life).
 */
import { SSMClient } from '@aws-sdk/client-ssm';
import { createDynamoClients } from '#adapters/aws-clients';
import { ConfigError } from '#adapters/errors';
import { createLogger } from '#adapters/logger';
import { createOaiHttpHandler, repositoryFor, stageRepositoryFor, type OaiEndpoint, type OaiHttpSettings } from '#adapters/oai-http';
import { createOaiStore } from '#adapters/oai-store';
import { createVersionReader, type VersionReader } from '#adapters/oai-versions';
import { createRecordsStore } from '#adapters/records';
import { createSecretSource } from '#adapters/secrets';
import type { Journal } from '#core/model/index';
import { stageSource } from '#core/oai/stage-source';
import { requireEnv } from './env.ts';

const env = requireEnv(['TABLE_NAME', 'OAI_ADMIN_EMAIL', 'OAI_TOKEN_PARAMETER']);
const adminEmails = env.OAI_ADMIN_EMAIL.split(',').map((e) => e.trim()).filter((e) => e !== '');
if (adminEmails.length === 0) throw new ConfigError('OAI_ADMIN_EMAIL names no address');
// DynamoDB only: no S3 or SQS client in this bundle (cold start, issue 16).
const clients = createDynamoClients();
const records = createRecordsStore(clients.dynamo, env.TABLE_NAME);
const log = createLogger('oai', { stage: process.env.STAGE });

/** Journals are looked up again after a minute, so a new or retitled journal shows without a cold start. */
const JOURNAL_TTL_MS = 60_000;
const cache = new Map<string, { readonly at: number; readonly endpoint: OaiEndpoint | undefined }>();

const sourceOf = (journal: Journal, reader?: VersionReader) => createOaiStore({ client: clients.dynamo, tableName: env.TABLE_NAME, journalId: journal.id, reader });

async function endpointFor(journalId: string | undefined, settings: OaiHttpSettings): Promise<OaiEndpoint | undefined> {
  if (journalId !== undefined) {
    const found = await records.getJournal(journalId);
    return found === undefined ? undefined : { repository: repositoryFor(found.journal, settings), source: sourceOf(found.journal) };
  }
  const journals = (await records.listJournals()).map((j) => j.journal);
  // One reader for every journal: a stage page's records are read in one BatchGetItem, not one per journal.
  const reader = createVersionReader({ client: clients.dynamo, tableName: env.TABLE_NAME });
  return { repository: stageRepositoryFor(journals, settings), source: stageSource(journals.map((journal) => ({ journal, source: sourceOf(journal, reader) }))) };
}

/**
 * The seal key (core/oai/token.ts: a forged or altered token fails it), read on the first request
 * rather than at import, so the import makes no AWS call (bench/cold.ts), and kept for the
 * container's life; a failed read is tried again by the next request (adapters/secrets.ts).
 */
const tokenKey = createSecretSource({
  client: new SSMClient({}),
  secretId: env.OAI_TOKEN_PARAMETER,
  ttlMs: Number.POSITIVE_INFINITY,
  parse: (text, name) => {
    if (text === '') throw new ConfigError(`parameter ${name} is empty: it should hold the generated OAI token key`);
    return text;
  },
});
const settingsOf = (tokenSecret: string): OaiHttpSettings => ({ adminEmails, baseUrl: process.env.OAI_BASE_URL || undefined, siteBaseUrl: process.env.SITE_BASE_URL || undefined, tokenSecret });

export const handler = createOaiHttpHandler({
  endpoint: async (journalId) => {
    const key = journalId === undefined ? '' : `J#${journalId}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit !== undefined && now - hit.at < JOURNAL_TTL_MS) return hit.endpoint;
    const endpoint = await endpointFor(journalId, settingsOf(await tokenKey.get()));
    // An unknown id is cached too (a probe cannot make every request a table read), but only the last thousand.
    if (cache.size > 1000) cache.clear();
    cache.set(key, { at: now, endpoint });
    return endpoint;
  },
  log,
  now: () => new Date(),
});
