import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '#adapters/errors';
import { SecretError, type CrossrefSecret, type SecretSource } from '#adapters/secrets';
import { allowedRetrieveUrl, handleCallback, tokensEqual, type CallbackDeps } from '#handlers/flows/callback';
import { completedLog, queuedLog } from '#infra/local/crossref-simulator/logs';
import { captureLogger, memoryLedger } from './deposit-fakes.ts';

const ENDPOINT = 'https://test.crossref.org';
const TOKEN = 'tok-0123456789abcdef0123456789';
const SECRET: CrossrefSecret = { credentials: { loginId: 'colophon/role', password: 's3cr&t' }, callbackToken: TOKEN };
const DOIS = ['10.5555/a', '10.5555/b'];
const HEADERS = {
  'crossref-notify-endpoint': 'colophon',
  'crossref-external-id': 'batch-1',
  'crossref-internal-id': '1000000001',
  'crossref-retrieve-url': `${ENDPOINT}/servlet/submissionDownload?file_name=batch-1.xml&type=result`,
  'crossref-service-date': 'Sat, 01 Mar 2025 12:00:00 GMT',
};

const event = (query: Record<string, string> | undefined, headers: Record<string, string> = HEADERS): APIGatewayProxyEventV2 =>
  ({ headers, ...(query ? { queryStringParameters: query } : {}), requestContext: { http: { sourceIp: '192.0.2.1' } } }) as unknown as APIGatewayProxyEventV2;

/** Every form the password and the token could take in a log line: raw, URL-encoded, form-encoded. */
const SECRET_FORMS = [TOKEN, SECRET.credentials.password, encodeURIComponent(SECRET.credentials.password), new URLSearchParams({ x: SECRET.credentials.password }).toString().slice(2)];
const leaks = (lines: readonly unknown[]): string[] => SECRET_FORMS.filter((form) => JSON.stringify(lines).includes(form));

async function world(options: { log?: string; secret?: CrossrefSecret; secretSource?: SecretSource; fetch?: typeof fetch } = {}) {
  const ledger = memoryLedger();
  await ledger.reserve({ batchId: 'batch-1', fileName: 'batch-1.xml', timestamp: '20250301115900000', records: DOIS.map((doi) => ({ doi, hash: `h-${doi}` })), at: '2025-03-01T11:59:00.000Z' });
  const fetched: { url: string; init: RequestInit | undefined }[] = [];
  const log = captureLogger();
  const body =
    options.log ??
    completedLog(1000000001, 'batch-1', DOIS.map((doi) => ({ status: 'Success' as const, doi, message: 'Successfully added' })));
  const deps: CallbackDeps = {
    ledger,
    secret: options.secretSource ?? { get: async () => options.secret ?? SECRET },
    crossrefEndpoint: ENDPOINT,
    fetch: (async (url: URL | string, init?: RequestInit) => {
      fetched.push({ url: String(url), init });
      return options.fetch ? options.fetch(url, init) : new Response(body, { status: 200 });
    }) as typeof fetch,
    log,
    now: () => new Date('2025-03-01T12:00:00.000Z'),
  };
  return { deps, ledger, fetched, log };
}

describe('the Crossref notification callback', () => {
  it('settles the batch from the log it fetches from Crossref, with the account credentials', async () => {
    // Prepare
    const w = await world();

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(String(response.body))).toEqual({ status: 'settled', batchId: 'batch-1', settled: 2, ignored: 0 });
    expect([...w.ledger.dois.values()].map((e) => e.state)).toEqual(['registered', 'registered']);
    expect(w.ledger.batches.get('batch-1')?.status).toBe('completed');
    const url = new URL(w.fetched[0]!.url);
    expect([url.origin, url.searchParams.get('usr'), url.searchParams.get('pwd'), url.searchParams.get('file_name')]).toEqual([ENDPOINT, 'colophon/role', 's3cr&t', 'batch-1.xml']);
    expect(w.fetched[0]!.init?.redirect).toBe('error');
  });

  it('changes nothing when the same callback comes again (or the poller settled first)', async () => {
    // Prepare
    const w = await world();
    await handleCallback(w.deps, event({ token: TOKEN }));
    const writes = w.ledger.writes;

    // Act
    const again = await handleCallback(w.deps, event({ token: TOKEN }));

    // Assess
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(String(again.body))).toEqual({ status: 'already-settled', batchId: 'batch-1' });
    expect(w.ledger.writes).toBe(writes);
  });

  it('leaves a batch still queued at Crossref to the schedule', async () => {
    // Prepare
    const w = await world({ log: queuedLog(1000000001) });

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }));

    // Assess
    expect(response.statusCode).toBe(202);
    expect(w.ledger.batches.get('batch-1')?.status).toBe('reserved');
  });

  it.each([
    ['no token', undefined, 401],
    ['an empty token', { token: '' }, 401],
    ['a wrong token', { token: `${TOKEN}x` }, 403],
    ['a token differing in one character', { token: `${TOKEN.slice(0, -1)}0` }, 403],
  ])('refuses %s without fetching anything or echoing the token', async (_name, query, status) => {
    // Prepare
    const w = await world();

    // Act
    const response = await handleCallback(w.deps, event(query));

    // Assess
    expect(response.statusCode).toBe(status);
    expect(String(response.body)).not.toContain(TOKEN);
    expect(w.fetched).toEqual([]);
  });

  it('refuses every token while the secret has no callback token', async () => {
    // Prepare
    const w = await world({ secret: { credentials: SECRET.credentials } });

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }));

    // Assess
    expect(response.statusCode).toBe(403);
  });

  it.each([
    ['another host', 'http://169.254.169.254/latest/meta-data/'],
    ['plain HTTP', 'http://test.crossref.org/servlet/submissionDownload'],
    ['another port', 'https://test.crossref.org:8443/x'],
    ['a look-alike host', 'https://test.crossref.org.evil.example/x'],
    ['credentials in the URL', 'https://user:pw@test.crossref.org/x'],
    ['not a URL', 'nothing'],
    ['another path of the endpoint', `${ENDPOINT}/servlet/deposit?operation=doMDUpload&type=result`],
    ['a path that only starts like the download', `${ENDPOINT}/servlet/submissionDownload/x?type=result`],
    ['a download of another type', `${ENDPOINT}/servlet/submissionDownload?file_name=batch-1.xml&type=contents`],
    ['a download without a type', `${ENDPOINT}/servlet/submissionDownload?file_name=batch-1.xml`],
    ['a download with a second type', `${ENDPOINT}/servlet/submissionDownload?file_name=batch-1.xml&type=result&type=contents`],
  ])('refuses a retrieve URL on %s, fetching nothing', async (_name, retrieve) => {
    // Prepare
    const w = await world();

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }, { ...HEADERS, 'crossref-retrieve-url': retrieve }));

    // Assess
    expect(response.statusCode).toBe(400);
    expect(w.fetched).toEqual([]);
  });

  it('requires the notify endpoint and retrieve URL headers', async () => {
    // Prepare
    const w = await world();
    const { 'crossref-notify-endpoint': _omitted, ...rest } = HEADERS;

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }, rest));

    // Assess
    expect(response.statusCode).toBe(400);
  });

  it('refuses a callback for a batch this ledger does not know, sending no credentials anywhere', async () => {
    // Prepare
    const w = await world({ log: completedLog(7, 'someone-else', [{ status: 'Success', doi: '10.5555/z', message: 'Successfully added' }]) });

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }, { ...HEADERS, 'crossref-external-id': 'someone-else' }));
    const unnamed = await handleCallback(w.deps, event({ token: TOKEN }, Object.fromEntries(Object.entries(HEADERS).filter(([k]) => k !== 'crossref-external-id'))));

    // Assess
    expect([response.statusCode, unnamed.statusCode]).toEqual([404, 404]);
    expect(JSON.parse(String(response.body))).toEqual({ status: 'unknown-batch' });
    expect(w.fetched).toEqual([]);
    expect(w.ledger.batches.get('batch-1')?.status).toBe('reserved');
  });
});

describe('the callback under per-journal Crossref logins', () => {
  const PER_JOURNAL: CrossrefSecret = { ...SECRET, journals: new Map([['other', { loginId: 'othermember', password: 'p2-other' }]]) };
  const OTHER_DOIS = ['10.7777/x'];
  const otherBatch = (w: Awaited<ReturnType<typeof world>>, loginId = 'othermember') =>
    w.ledger.reserve({ batchId: 'batch-2', fileName: 'batch-2.xml', timestamp: '20250301115900001', records: OTHER_DOIS.map((doi) => ({ doi, hash: 'h' })), at: '2025-03-01T11:59:00.000Z', journalId: 'other', loginId });
  const otherHeaders = { ...HEADERS, 'crossref-external-id': 'batch-2', 'crossref-retrieve-url': `${ENDPOINT}/servlet/submissionDownload?file_name=batch-2.xml&type=result` };
  const otherLog = completedLog(1000000002, 'batch-2', OTHER_DOIS.map((doi) => ({ status: 'Success' as const, doi, message: 'Successfully added' })));

  it("fetches the log with the login of the journal that sent the batch, not the stage's", async () => {
    // Prepare
    const w = await world({ secret: PER_JOURNAL, log: otherLog });
    await otherBatch(w);

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }, otherHeaders));

    // Assess
    expect(JSON.parse(String(response.body))).toEqual({ status: 'settled', batchId: 'batch-2', settled: 1, ignored: 0 });
    const url = new URL(w.fetched[0]!.url);
    expect([url.searchParams.get('usr'), url.searchParams.get('pwd')]).toEqual(['othermember', 'p2-other']);
    expect(w.ledger.batches.get('batch-1')?.status).toBe('reserved');
  });

  it('refuses a retrieve URL that names another account than the batch was sent under', async () => {
    // Prepare
    const w = await world({ secret: PER_JOURNAL, log: otherLog });
    await otherBatch(w);

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }, { ...otherHeaders, 'crossref-retrieve-url': `${ENDPOINT}/servlet/submissionDownload?usr=colophon%2Frole&file_name=batch-2.xml&type=result` }));

    // Assess
    expect(response.statusCode).toBe(409);
    expect(w.fetched).toEqual([]);
    expect(w.ledger.batches.get('batch-2')?.status).toBe('reserved');
  });

  it("refuses a log of another batch: the callback names journal X's batch, the log is journal Y's", async () => {
    // Prepare: the callback names batch-2 (journal other), the log fetched is batch-1's.
    const w = await world({ secret: PER_JOURNAL });
    await otherBatch(w);

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }, otherHeaders));

    // Assess
    expect(response.statusCode).toBe(409);
    expect([w.ledger.batches.get('batch-1')?.status, w.ledger.batches.get('batch-2')?.status]).toEqual(['reserved', 'reserved']);
    expect([...w.ledger.dois.values()].map((e) => e.state)).not.toContain('registered');
  });

  it('fetches nothing when the login that sent the batch is no longer in the secret', async () => {
    // Prepare
    const w = await world({ secret: PER_JOURNAL, log: otherLog });
    await otherBatch(w, 'retired-login');

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }, otherHeaders));

    // Assess
    expect(response.statusCode).toBe(503);
    expect(w.fetched).toEqual([]);
  });
});

describe('the callback and its secrets', () => {
  it.each([
    ['cannot be read', new SecretError('cannot read secret arn:aws:secretsmanager:eu-central-1:1:secret:crossref', { cause: new Error('AccessDenied') })],
    ['has no credentials yet', new ConfigError('secret arn:aws:secretsmanager:eu-central-1:1:secret:crossref lacks login_id and login_passwd')],
  ])('answers 503 with a generic body when the secret %s', async (_name, failure) => {
    // Prepare
    const w = await world({ secretSource: { get: async () => Promise.reject(failure) } });

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }));

    // Assess
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(String(response.body))).toEqual({ message: 'service unavailable' });
    expect(w.fetched).toEqual([]);
    expect(w.log.lines).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ error: expect.stringContaining(failure.name) }) }));
  });

  it('reads no secret for a request without a token', async () => {
    // Prepare
    let reads = 0;
    const w = await world({ secretSource: { get: async () => ((reads += 1), SECRET) } });

    // Act
    const response = await handleCallback(w.deps, event(undefined));

    // Assess
    expect(response.statusCode).toBe(401);
    expect(reads).toBe(0);
  });

  it('logs neither the token nor the password when the fetch fails quoting the URL', async () => {
    // Prepare
    const w = await world({ fetch: async (url) => Promise.reject(new TypeError(`fetch failed: ${String(url)}`, { cause: new Error(`connect ECONNREFUSED for ${String(url)}`) })) });

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }));

    // Assess
    expect(response.statusCode).toBe(502);
    expect(w.log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'cannot fetch the submission log' }));
    expect(JSON.stringify(w.log.lines)).toContain('pwd=***');
    expect(leaks(w.log.lines)).toEqual([]);
  });

  it.each([
    ['a settled batch', {}, { token: TOKEN }],
    ['a wrong token', {}, { token: `${TOKEN}x` }],
    ['a log that does not parse', { log: 'not xml' }, { token: TOKEN }],
    ['a log still queued', { log: queuedLog(1000000001) }, { token: TOKEN }],
  ] as const)('logs neither the token nor the password for %s', async (_name, options, query) => {
    // Prepare
    const w = await world(options);

    // Act
    await handleCallback(w.deps, event(query));

    // Assess
    expect(w.log.lines.length).toBeGreaterThan(0);
    expect(leaks(w.log.lines)).toEqual([]);
  });
});

describe('helpers', () => {
  it('tokensEqual compares whole tokens of any length', () => {
    expect([tokensEqual(TOKEN, TOKEN), tokensEqual('', TOKEN), tokensEqual(`${TOKEN}${TOKEN}`, TOKEN)]).toEqual([true, false, false]);
  });

  it('allowedRetrieveUrl keeps the path and query of a URL on the endpoint', () => {
    expect(allowedRetrieveUrl(`${ENDPOINT}/servlet/submissionDownload?file_name=a.xml&type=result`, ENDPOINT)?.pathname).toBe('/servlet/submissionDownload');
  });
});
