/**
 * Crossref's notification callback: when a submission log is ready Crossref calls the notify-url
 * registered for the account, with everything in `CROSSREF-*` headers, the log's address among them.
 * https://www.crossref.org/documentation/register-maintain-records/verify-your-registration/notification-callback-service/
 *
 * - `CROSSREF-NOTIFY-ENDPOINT` (required): the name of the notification.
 * - `CROSSREF-EXTERNAL-ID`: for a deposit, the file's `doi_batch_id`.
 * - `CROSSREF-INTERNAL-ID`: Crossref's submission id.
 * - `CROSSREF-RETRIEVE-URL`: where to fetch the result (the `doi_batch_diagnostic`).
 * - `CROSSREF-SERVICE-DATE`, `CROSSREF-RETRIEVE-URL-EXPIRATION-DATE`: RFC 2616 dates.
 *
 * Crossref sends no credential of its own, so the notify-url carries an unguessable token
 * (`?token=…`, the secret's `callback_token`), compared in constant time and never echoed or logged.
 * The docs say only "an HTTP(S) request" with the data in headers, so GET and POST are both taken.
 * The retrieve URL is fetched only when it is Crossref's log download (`/servlet/submissionDownload`,
 * `type=result`) on the configured Crossref origin, without following redirects: the account's
 * credentials go nowhere else (no SSRF). The credentials are those of the account that sent the batch
 * the callback names (`CROSSREF-EXTERNAL-ID`, flows/deposit-owner.ts): a callback for a batch the
 * ledger does not hold, a retrieve URL naming another account, or a log of another batch is refused
 * and settles nothing. The log settles the batch through the ledger exactly as the
 * poller does: each transition is conditional, so a batch settled by either one is left alone by the other.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { outcomes, parseSubmissionLog, type SubmissionLog } from '#core/deposit/index';
import { redact } from '#adapters/crossref-http';
import type { BatchEntry, DepositLedger } from '#adapters/deposit-ledger';
import { ConfigError, describeError } from '#adapters/errors';
import type { Logger } from '#adapters/logger';
import { SecretError, type CrossrefSecret, type SecretSource } from '#adapters/secrets';
import { batchCredentials } from './deposit-owner.ts';

export const CALLBACK_HEADERS = {
  notifyEndpoint: 'crossref-notify-endpoint',
  externalId: 'crossref-external-id',
  internalId: 'crossref-internal-id',
  retrieveUrl: 'crossref-retrieve-url',
  serviceDate: 'crossref-service-date',
  expirationDate: 'crossref-retrieve-url-expiration-date',
} as const;

export type CallbackDeps = {
  readonly ledger: Pick<DepositLedger, 'batch' | 'settle'>;
  readonly secret: SecretSource;
  /** `CROSSREF_ENDPOINT`: the only origin a retrieve URL may point at. */
  readonly crossrefEndpoint: string;
  readonly fetch: typeof fetch;
  readonly log: Logger;
  readonly now: () => Date;
  readonly timeoutMs?: number;
};

type Result = APIGatewayProxyStructuredResultV2;
const reply = (statusCode: number, body: Record<string, unknown>): Result => ({ statusCode, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: JSON.stringify(body) });

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
/** Equal-length digests, so the comparison takes the same time whatever the token's length or content. */
export const tokensEqual = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

/** The only path a retrieve URL may have: Crossref's log download, the one the credentials are for. */
export const RETRIEVE_PATH = '/servlet/submissionDownload';

/**
 * The retrieve URL when it is a result download (`/servlet/submissionDownload?…&type=result`) on
 * the configured Crossref origin over the same scheme; undefined otherwise.
 */
export function allowedRetrieveUrl(raw: string, crossrefEndpoint: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const allowed = new URL(crossrefEndpoint);
  const sameOrigin = url.origin === allowed.origin && url.username === '' && url.password === '';
  const resultDownload = url.pathname === RETRIEVE_PATH && url.searchParams.getAll('type').join() === 'result';
  return sameOrigin && resultDownload ? url : undefined;
}

export async function handleCallback(deps: CallbackDeps, event: APIGatewayProxyEventV2): Promise<Result> {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
  const token = event.queryStringParameters?.token ?? '';
  // Checked before the secret is read: a request without a token costs no Parameter Store call.
  if (token === '') return reply(401, { message: 'a token is required' });
  let secret: CrossrefSecret;
  try {
    secret = await deps.secret.get();
  } catch (error) {
    if (!(error instanceof SecretError || error instanceof ConfigError)) throw error;
    // The errors name the secret's ARN, never its content; the caller learns only that it may try later.
    deps.log.error('callback unavailable: the Crossref secret cannot be used', { error: describeError(error) });
    return reply(503, { message: 'service unavailable' });
  }
  if (secret.callbackToken === undefined || !tokensEqual(token, secret.callbackToken)) {
    deps.log.warn('callback refused: wrong token', { sourceIp: event.requestContext.http.sourceIp });
    return reply(403, { message: 'forbidden' });
  }
  const fields = {
    notifyEndpoint: headers[CALLBACK_HEADERS.notifyEndpoint],
    externalId: headers[CALLBACK_HEADERS.externalId],
    internalId: headers[CALLBACK_HEADERS.internalId],
    serviceDate: headers[CALLBACK_HEADERS.serviceDate],
  };
  const log = deps.log.child(fields);
  const raw = headers[CALLBACK_HEADERS.retrieveUrl];
  if (!fields.notifyEndpoint || !raw) return reply(400, { message: `${CALLBACK_HEADERS.notifyEndpoint} and ${CALLBACK_HEADERS.retrieveUrl} are required` });
  const url = allowedRetrieveUrl(raw, deps.crossrefEndpoint);
  if (!url) {
    log.warn('callback refused: the retrieve URL is not a result download on the Crossref endpoint', { retrieveHost: safeHost(raw) });
    return reply(400, { message: 'the retrieve URL is not a result download on the configured Crossref endpoint' });
  }
  // The batch decides whose credentials fetch its log: Crossref shows a log only to the account that
  // sent it, and a stage's journals may have their own accounts. A callback naming no batch this
  // ledger holds is refused before any credential leaves.
  const batchId = fields.externalId ?? '';
  const batch = batchId === '' ? undefined : await deps.ledger.batch(batchId);
  if (!batch) {
    log.warn('callback refused: a batch this ledger does not know', { batchId });
    return reply(404, { status: 'unknown-batch' });
  }
  if (batch.status === 'completed' || batch.status === 'abandoned') {
    log.info('batch already settled', { batchId, batchStatus: batch.status });
    return reply(200, { status: 'already-settled', batchId });
  }
  const credentials = batchCredentials(secret, batch);
  if (!credentials) {
    log.error('the login that sent this batch is no longer in the Crossref secret; the schedule will abandon or settle it', { batchId, journalId: batch.journalId });
    return reply(503, { message: 'service unavailable' });
  }
  // A retrieve URL naming another account is a log of another journal's (or member's) batch.
  const named = url.searchParams.get('usr');
  if (named !== null && named !== credentials.loginId) {
    log.warn('callback refused: the retrieve URL names another account than the one that sent the batch', { batchId, journalId: batch.journalId });
    return reply(409, { message: 'the retrieve URL belongs to another account than this batch' });
  }
  // Crossref's log downloads take the account's credentials; they go only to the allowed origin.
  url.searchParams.set('usr', credentials.loginId);
  url.searchParams.set('pwd', credentials.password);
  let text: string;
  try {
    const response = await deps.fetch(url, { redirect: 'error', signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    // A fetch error may quote the URL, the password in it URL-encoded: redact every form.
    log.error('cannot fetch the submission log', { error: redact(describeError(error), [credentials.password, secret.callbackToken ?? '']) });
    return reply(502, { message: 'the submission log could not be fetched' });
  }
  const parsed = parseSubmissionLog(text);
  if (!parsed.ok) {
    log.error('the submission log does not parse', { problems: parsed.problems });
    return reply(502, { message: 'the submission log could not be read' });
  }
  return settleFromLog(deps, parsed.value, batch, log);
}

async function settleFromLog(deps: CallbackDeps, result: SubmissionLog, batch: BatchEntry, log: Logger): Promise<Result> {
  if (result.status !== 'completed') {
    log.info('submission not completed yet; the schedule will settle it', { crossrefStatus: result.status });
    return reply(202, { status: result.status });
  }
  // The log must be this batch's: a log of another batch never settles this one's DOIs.
  if (result.batchId !== '' && result.batchId !== batch.batchId) {
    log.warn('callback refused: the log is of another batch than the callback names', { batchId: batch.batchId, logBatchId: result.batchId });
    return reply(409, { message: 'the submission log is of another batch' });
  }
  const batchId = batch.batchId;
  const perDoi = outcomes(batch.dois, result);
  const settled = await deps.ledger.settle(batchId, perDoi, { submissionId: result.submissionId, counts: result.counts, at: deps.now().toISOString() });
  log.info('batch settled by callback', { batchId, settled: settled.settled, ignored: settled.ignored, counts: result.counts });
  return reply(200, { status: 'settled', batchId, settled: settled.settled.length, ignored: settled.ignored.length });
}

function safeHost(raw: string): string {
  try {
    return new URL(raw).host;
  } catch {
    return '(not a URL)';
  }
}
