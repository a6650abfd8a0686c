/**
 * OAI-PMH over HTTP (OAI-PMH 2.0 §3.1): one repository per journal at `/api/oai/<journal-id>` and
 * the stage's repository over every journal at `/api/oai` (core/oai/stage-source.ts), GET with a query string, or POST with an
 * `application/x-www-form-urlencoded` body, in the API Gateway HTTP API (payload 2.0) / Lambda
 * Function URL event shape. OAI-PMH errors are ordinary 200 responses (§3.6); HTTP errors are
 * left for HTTP problems: a wrong method (405), a wrong body type (415), a table that cannot be
 * read (503 with Retry-After, which §3.1.3 asks harvesters to honour), a journal the stage does
 * not hold (404, naming the stage's repository).
 */
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Journal } from '#core/model/index';
import { journalAdminEmails, stageAdminEmails } from '#core/oai/admin-email';
import { METADATA_FORMATS, PAGE_SIZE, renderOai, type OaiRepository, type RawArguments } from '#core/oai/index';
import { repositoryIdentifier } from '#core/oai/identifier';
import type { OaiRecordSource } from '#core/oai/source';
import { stageName } from '#core/site/stage-pages';
import { OAI_STAGE_PATH, oaiUrl } from '#core/urls';
import { RecordsError } from './errors.ts';
import type { Logger } from './logger.ts';

export type OaiHttpSettings = {
  /** The stage's OAI address(es) (config `oai.adminEmail`); placeholders are never sent (core/oai/admin-email.ts). */
  readonly adminEmails: readonly string[];
  /** The stage repository's public URL (`OAI_BASE_URL`); a journal's is it plus `/<journal-id>`. By default `/api/oai` on the journals' origin. */
  readonly baseUrl?: string | undefined;
  /** Where the stage's site is served (`SITE_BASE_URL`): the stage repository's origin when the journals' sites differ. */
  readonly siteBaseUrl?: string | undefined;
  readonly tokenSecret: string;
};

/** One repository: its settings and its records. */
export type OaiEndpoint = { readonly repository: OaiRepository; readonly source: OaiRecordSource };

export type OaiHttpDeps = {
  /** The repository a path names: the stage's (no journal id) or one journal's; undefined when the stage holds no such journal. */
  readonly endpoint: (journalId: string | undefined) => Promise<OaiEndpoint | undefined>;
  readonly log: Logger;
  readonly now: () => Date;
};

/** The public path of the stage's endpoint below the site root (CloudFront sends `/api/*` to the HTTP API). */
export const OAI_PATH = OAI_STAGE_PATH;

/** The journal id a request path names (`/api/oai/<journal-id>`), undefined for the stage's (`/api/oai`), null for neither. */
export function journalOfPath(path: string): string | undefined | null {
  const rest = path.replace(/\/+$/, '');
  if (rest === OAI_PATH) return undefined;
  if (!rest.startsWith(`${OAI_PATH}/`)) return null;
  const segment = rest.slice(OAI_PATH.length + 1);
  if (segment === '' || segment.includes('/')) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

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
    const journalId = journalOfPath(event.rawPath ?? event.requestContext.http.path);
    if (journalId === null) return text(404, `No OAI-PMH repository here: the stage's is at ${OAI_PATH}, each journal's at ${OAI_PATH}/<journal id>.`);
    try {
      const endpoint = await deps.endpoint(journalId);
      if (endpoint === undefined) return text(404, `This stage holds no journal "${journalId ?? ''}": its journals are listed as sets of the stage's repository at ${OAI_PATH} (verb=ListSets).`);
      const xml = await renderOai(raw, { ...endpoint, now: deps.now().toISOString() });
      return xmlResponse(xml, acceptsGzip(headers['accept-encoding']));
    } catch (error) {
      deps.log.error('OAI-PMH request failed', { error, query: event.rawQueryString });
      if (error instanceof RecordsError) return text(503, 'The records are unavailable for a moment; try again.', { 'retry-after': '30' });
      return text(500, 'Internal error.');
    }
  };
}

const originOf = (url: string): string => new URL(url).origin;

/** The repository settings of one journal's endpoint (`/api/oai/<journal-id>` on its site's origin). */
export function repositoryFor(journal: Journal, settings: OaiHttpSettings): OaiRepository {
  return {
    name: journal.title,
    baseUrl: settings.baseUrl === undefined ? oaiUrl(originOf(journal.base_url), journal.id) : `${settings.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(journal.id)}`,
    domain: repositoryIdentifier(journal.base_url),
    adminEmails: journalAdminEmails(journal, settings.adminEmails),
    compression: ['gzip'],
    formats: METADATA_FORMATS,
    pageSize: PAGE_SIZE,
    tokenSecret: settings.tokenSecret,
  };
}

/**
 * The stage repository's settings. Its origin (and so the identifiers' domain) is the journals'
 * when they share one, which makes an article's identifier the same in both repositories (as OJS
 * does for its site-wide and journal endpoints); else the stage site's.
 */
export function stageRepositoryFor(journals: readonly Journal[], settings: OaiHttpSettings): OaiRepository {
  const origins = [...new Set(journals.map((j) => originOf(j.base_url)))];
  const origin = origins.length === 1 ? origins[0]! : settings.siteBaseUrl === undefined ? (origins[0] ?? 'http://localhost') : originOf(settings.siteBaseUrl);
  return {
    name: stageName(journals),
    baseUrl: settings.baseUrl?.replace(/\/+$/, '') ?? oaiUrl(origin),
    domain: new URL(origin).hostname,
    adminEmails: stageAdminEmails(journals, settings.adminEmails),
    compression: ['gzip'],
    formats: METADATA_FORMATS,
    pageSize: PAGE_SIZE,
    tokenSecret: settings.tokenSecret,
    stageWide: true,
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
