import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, createOaiHttpHandler, formArguments, repositoryFor } from '#adapters/oai-http';
import { RecordsError } from '#adapters/errors';
import { createLogger } from '#adapters/logger';
import { MemoryOaiSource } from '#adapters/oai-memory';
import type { OaiRecordSource } from '#core/oai/source';
import { fixtureSource, recordById } from '#tests/core/oai/fixtures';
import { errorCodes, one, parseXml, text } from '#tests/core/oai/read';
import { validateXml } from '#tests/helpers/xsd';

/** A minimal HTTP API (payload 2.0) / Function URL event. */
function event(method: string, options: { query?: string; body?: string; headers?: Record<string, string>; base64?: boolean } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/api/oai',
    rawQueryString: options.query ?? '',
    headers: options.headers ?? {},
    isBase64Encoded: options.base64 ?? false,
    ...(options.body === undefined ? {} : { body: options.body }),
    requestContext: { http: { method, path: '/api/oai', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' } },
  } as unknown as APIGatewayProxyEventV2;
}

const journal = recordById('a01-petrovic').journal;
const silent = createLogger('oai-test', {}, 'error');
const handlerWith = (source: OaiRecordSource = fixtureSource()) =>
  createOaiHttpHandler({
    endpoint: () => Promise.resolve({ repository: repositoryFor(journal, { adminEmails: ['oai@example.org'], tokenSecret: 's' }), source }),
    log: { ...silent, error: () => {} },
    now: () => new Date('2025-03-01T12:00:00.000Z'),
  });

describe('the OAI-PMH HTTP endpoint', () => {
  it('answers GET with text/xml, the journal as repository, baseURL at /api/oai/<journal id> on the site origin', async () => {
    // Act
    const res = await handlerWith()(event('GET', { query: 'verb=Identify' }));
    // Assess
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(res.body!);
    expect(text(one(root, 'repositoryName'))).toBe('Studia Balcanica Testimonia');
    expect(text(one(root, 'baseURL'))).toBe(`https://journal.example.org/api/oai/${journal.id}`);
    expect(validateXml('oai', res.body!).errors).toEqual([]);
  });

  it('answers POST form bodies (plain or base64) exactly as GET', async () => {
    // Prepare
    const query = 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=section:articles';
    const handler = handlerWith();
    // Act
    const get = await handler(event('GET', { query }));
    const post = await handler(event('POST', { body: query, headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' } }));
    const post64 = await handler(event('POST', { body: Buffer.from(query).toString('base64'), base64: true, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    // Assess
    expect(post.body).toBe(get.body);
    expect(post64.body).toBe(get.body);
  });

  it('reports OAI-PMH errors with HTTP 200 (§3.6)', async () => {
    const res = await handlerWith()(event('GET', { query: 'verb=GetRecord&identifier=oai:journal.example.org:10.1/none&metadataPrefix=oai_dc' }));
    expect(res.statusCode).toBe(200);
    expect(errorCodes(parseXml(res.body!))).toEqual(['idDoesNotExist']);
  });

  it('detects a repeated argument in the raw query string (badArgument)', async () => {
    const res = await handlerWith()(event('GET', { query: 'verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc' }));
    expect(errorCodes(parseXml(res.body!))).toEqual(['badArgument']);
  });

  it('gzips when the harvester accepts it, and says so', async () => {
    // Act
    const res = await handlerWith()(event('GET', { query: 'verb=ListRecords&metadataPrefix=oai_dc', headers: { 'accept-encoding': 'gzip, deflate' } }));
    // Assess
    expect(res.headers?.['content-encoding']).toBe('gzip');
    expect(res.headers?.vary).toBe('Accept-Encoding');
    expect(res.isBase64Encoded).toBe(true);
    const xml = gunzipSync(Buffer.from(res.body!, 'base64')).toString('utf8');
    expect(validateXml('oai', xml).errors).toEqual([]);
  });

  it('sends plain text when gzip is not accepted', async () => {
    const res = await handlerWith()(event('GET', { query: 'verb=ListRecords&metadataPrefix=oai_dc', headers: { 'accept-encoding': 'gzip;q=0, identity' } }));
    expect(res.headers?.['content-encoding']).toBeUndefined();
    expect(res.body).toMatch(/^<\?xml/);
  });

  it.each([
    ['gzip', true],
    ['GZIP;q=0.5', true],
    ['*', true],
    ['br, gzip;q=0', false],
    ['identity', false],
    [undefined, false],
  ] as const)('Accept-Encoding %j → gzip %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('refuses other methods (405) and other POST bodies (415)', async () => {
    // Act
    const put = await handlerWith()(event('PUT', { query: 'verb=Identify' }));
    const json = await handlerWith()(event('POST', { body: '{"verb":"Identify"}', headers: { 'content-type': 'application/json' } }));
    // Assess
    expect([put.statusCode, put.headers?.allow]).toEqual([405, 'GET, POST']);
    expect(json.statusCode).toBe(415);
  });

  it('answers 503 with Retry-After when the records table fails', async () => {
    // Prepare
    class Failing extends MemoryOaiSource {
      override earliest(): Promise<string | undefined> {
        return Promise.reject(new RecordsError('records table: could not read'));
      }
    }
    const failing = new Failing();
    // Act
    const res = await handlerWith(failing)(event('GET', { query: 'verb=Identify' }));
    // Assess
    expect([res.statusCode, res.headers?.['retry-after']]).toEqual([503, '30']);
  });

  it('keeps arguments in order with repeats, decoding percent escapes', () => {
    expect(formArguments('verb=GetRecord&identifier=oai%3Ax.org%3A10.1%2Fa&verb=x')).toEqual([
      ['verb', 'GetRecord'],
      ['identifier', 'oai:x.org:10.1/a'],
      ['verb', 'x'],
    ]);
  });
});
