/**
 * OAI-PMH over HTTP (OAI-PMH 2.0 §3.1): GET with a query string, or POST with an
 * `application/x-www-form-urlencoded` body, in the API Gateway HTTP API (payload 2.0) / Lambda
 * Function URL event shape. OAI-PMH errors are ordinary 200 responses (§3.6); HTTP errors are
 * left for HTTP problems: a wrong method (405), a wrong body type (415), a table that cannot be
 * read (503 with Retry-After, which §3.1.3 asks harvesters to honour).
 */
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Journal } from '#core/model/index';
import { METADATA_FORMATS, PAGE_SIZE, renderOai, type OaiRepository, type RawArguments } from '#core/oai/index';
import { repositoryIdentifier } from '#core/oai/identifier';
import type { OaiRecordSource } from '#core/oai/source';
import { RecordsError } from './errors.ts';
import type { Logger } from './logger.ts';

export type OaiHttpSettings = {
  /** Identify's adminEmail(s). */
  readonly adminEmails: readonly [string, ...string[]];
  /** The endpoint's public URL; by default `/api/oai` on the journal site's origin (CloudFront routes `/api/*` from the root). */
  readonly baseUrl?: string | undefined;
  readonly tokenSecret: string;
};

export type OaiHttpDeps = {
  /** The journal this endpoint serves, and its records. */
  readonly repository: () => Promise<{ readonly journal: Journal; readonly source: OaiRecordSource }>;
  readonly settings: OaiHttpSettings;
  readonly log: Logger;
  readonly now: () => Date;
};

/** The public path of the endpoint below the site root (CloudFront sends `/api/*` to the HTTP API). */
export const OAI_PATH = '/api/oai';

const XML = 'text/xml; charset=utf-8';
/** Responses smaller than this are sent as they are: gzip would save nothing worth the CPU. */
const GZIP_MIN_BYTES = 1024;

export function createOaiHttpHandler(deps: OaiHttpDeps): (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> {
  return async (event) => {
    const method = event.requestContext.http.method.toUpperCase();
    if (method !== 'GET' && method !== 'POST') return text(405, 'OAI-PMH takes GET or POST.', { allow: 'GET, POST' });
    const headers = lowerCaseHeaders(event.headers);
    if (method === 'POST' && !(headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return text(415, 'OAI-PMH POST requests are application/x-www-form-urlencoded.');
    }
    const raw: RawArguments = method === 'GET' ? formArguments(event.rawQueryString ?? '') : formArguments(bodyText(event));
    try {
      const { journal, source } = await deps.repository();
      const xml = await renderOai(raw, { repository: repositoryFor(journal, deps.settings), source, now: deps.now().toISOString() });
      return xmlResponse(xml, acceptsGzip(headers['accept-encoding']));
    } catch (error) {
      deps.log.error('OAI-PMH request failed', { error, query: event.rawQueryString });
      if (error instanceof RecordsError) return text(503, 'The records are unavailable for a moment; try again.', { 'retry-after': '30' });
      return text(500, 'Internal error.');
    }
  };
}

/** The repository settings of one journal's endpoint. */
export function repositoryFor(journal: Journal, settings: OaiHttpSettings): OaiRepository {
  return {
    name: journal.title,
    baseUrl: settings.baseUrl ?? `${new URL(journal.base_url).origin}${OAI_PATH}`,
    domain: repositoryIdentifier(journal.base_url),
    adminEmails: settings.adminEmails,
    compression: ['gzip'],
    formats: METADATA_FORMATS,
    pageSize: PAGE_SIZE,
    tokenSecret: settings.tokenSecret,
  };
}

/** Name/value pairs in order, repeats kept (the core refuses repeated arguments, §3.1.1). */
export const formArguments = (encoded: string): RawArguments => [...new URLSearchParams(encoded).entries()];

function bodyText(event: APIGatewayProxyEventV2): string {
  if (event.body === undefined) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function lowerCaseHeaders(headers: APIGatewayProxyEventV2['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) out[name.toLowerCase()] = value;
  return out;
}

/** Whether `Accept-Encoding` admits gzip (RFC 9110 §12.5.3): named, or `*`, with a q-value above zero. */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  const codings = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    codings.set(name.trim(), q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const gzip = codings.get('gzip') ?? codings.get('x-gzip') ?? codings.get('*');
  return gzip !== undefined && gzip > 0;
}

function xmlResponse(xml: string, gzip: boolean): APIGatewayProxyStructuredResultV2 {
  const headers = { 'content-type': XML, vary: 'Accept-Encoding', 'cache-control': 'no-store' };
  if (!gzip || Buffer.byteLength(xml) < GZIP_MIN_BYTES) return { statusCode: 200, headers, body: xml };
  return { statusCode: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipSync(xml).toString('base64'), isBase64Encoded: true };
}

const text = (statusCode: number, body: string, extra: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...extra },
  body,
});
