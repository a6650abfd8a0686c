/**
 * Oai Lambda: the OAI-PMH 2.0 endpoint at `/api/oai` (HTTP API route or Function URL), GET and POST.
 *
 * Environment, read once at cold start: `TABLE_NAME` (bindTable), `OAI_ADMIN_EMAIL` (Identify's
 * adminEmail; several separated by commas), optionally `OAI_JOURNAL_ID` (the journal served; by
 * default the only journal in the table), `OAI_BASE_URL` (by default `/api/oai` on the journal site's origin)
 * and `OAI_TOKEN_SECRET_ARN` (the Secrets Manager secret that keys the resumption-token seal, read
 * once at cold start and kept for the container's life).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createClients } from '#adapters/aws-clients';
import { ConfigError } from '#adapters/errors';
import { createLogger } from '#adapters/logger';
import { createOaiHttpHandler } from '#adapters/oai-http';
import { createOaiStore } from '#adapters/oai-store';
import { createRecordsStore } from '#adapters/records';
import type { Journal } from '#core/model/index';
import type { OaiRecordSource } from '#core/oai/source';
import { requireEnv } from './env.ts';

const env = requireEnv(['TABLE_NAME', 'OAI_ADMIN_EMAIL', 'OAI_TOKEN_SECRET_ARN']);
const adminEmails = env.OAI_ADMIN_EMAIL.split(',').map((e) => e.trim()).filter((e) => e !== '');
if (adminEmails.length === 0) throw new ConfigError('OAI_ADMIN_EMAIL names no address');
const clients = createClients();
const records = createRecordsStore(clients.dynamo, env.TABLE_NAME);
const log = createLogger('oai', { stage: process.env.STAGE });

/** The journal is looked up again after a minute, so a retitled journal shows without a cold start. */
const JOURNAL_TTL_MS = 60_000;
let cached: { readonly at: number; readonly journal: Journal; readonly source: OaiRecordSource } | undefined;

async function repository(): Promise<{ journal: Journal; source: OaiRecordSource }> {
  const now = Date.now();
  if (cached !== undefined && now - cached.at < JOURNAL_TTL_MS) return cached;
  const journal = await findJournal(process.env.OAI_JOURNAL_ID);
  cached = { at: now, journal, source: createOaiStore({ client: clients.dynamo, tableName: env.TABLE_NAME, journalId: journal.id }) };
  return cached;
}

async function findJournal(journalId: string | undefined): Promise<Journal> {
  if (journalId !== undefined && journalId !== '') {
    const found = await records.getJournal(journalId);
    if (!found) throw new ConfigError(`OAI_JOURNAL_ID names journal "${journalId}", which is not in the records table`);
    return found.journal;
  }
  const journals = await records.listJournals();
  if (journals.length !== 1) throw new ConfigError(`set OAI_JOURNAL_ID: the records table holds ${journals.length} journals`);
  return journals[0]!.journal;
}

/** The seal key: a forged or altered token fails it (core/oai/token.ts). Read at cold start, before any request. */
async function readTokenSecret(arn: string): Promise<string> {
  const client = new SecretsManagerClient({});
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!out.SecretString) throw new ConfigError(`secret ${arn} is empty: it should hold the generated OAI token key`);
    return out.SecretString;
  } finally {
    client.destroy();
  }
}
const tokenSecret = await readTokenSecret(env.OAI_TOKEN_SECRET_ARN);

export const handler = createOaiHttpHandler({
  repository,
  settings: { adminEmails: adminEmails as [string, ...string[]], baseUrl: process.env.OAI_BASE_URL || undefined, tokenSecret },
  log,
  now: () => new Date(),
});
