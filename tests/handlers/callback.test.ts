import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { CrossrefSecret } from '#adapters/secrets';
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

async function world(options: { log?: string; secret?: CrossrefSecret } = {}) {
  const ledger = memoryLedger();
  await ledger.reserve({ batchId: 'batch-1', fileName: 'batch-1.xml', timestamp: '20250301115900000', records: DOIS.map((doi) => ({ doi, hash: `h-${doi}` })), at: '2025-03-01T11:59:00.000Z' });
  const fetched: { url: string; init: RequestInit | undefined }[] = [];
  const body =
    options.log ??
    completedLog(1000000001, 'batch-1', DOIS.map((doi) => ({ status: 'Success' as const, doi, message: 'Successfully added' })));
  const deps: CallbackDeps = {
    ledger,
    secret: { get: async () => options.secret ?? SECRET },
    crossrefEndpoint: ENDPOINT,
    fetch: (async (url: URL | string, init?: RequestInit) => {
      fetched.push({ url: String(url), init });
      return new Response(body, { status: 200 });
    }) as typeof fetch,
    log: captureLogger(),
    now: () => new Date('2025-03-01T12:00:00.000Z'),
  };
  return { deps, ledger, fetched };
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

  it('answers 200 for a batch this ledger does not know, settling nothing', async () => {
    // Prepare
    const w = await world({ log: completedLog(7, 'someone-else', [{ status: 'Success', doi: '10.5555/z', message: 'Successfully added' }]) });

    // Act
    const response = await handleCallback(w.deps, event({ token: TOKEN }, { ...HEADERS, 'crossref-external-id': 'someone-else' }));

    // Assess
    expect(JSON.parse(String(response.body))).toEqual({ status: 'unknown-batch' });
    expect(w.ledger.batches.get('batch-1')?.status).toBe('reserved');
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
