/**
 * Downloads: the six citation downloads of an article (`/doi/<doi>/citation.ris` … `references.json`),
 * answered from the one object Render writes per article (core/publish/downloads.ts) with the
 * Content-Type, Cache-Control and ETag the static file had. CloudFront sends exactly these paths
 * here through the HTTP API (infra/constructs/site-distribution.ts `DOWNLOAD_PATH_PATTERNS`).
 *
 * The HTTP API hands the path over decoded once (payload 2.0 `rawPath`), as S3 would have decoded
 * it, so the path is the object key and is not decoded again. Anything but the six names below a
 * DOI is a 404 before any read; a missing bundle (never rendered, not yet released) is a 404 too.
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { decodeDownload, parseDownloadKey } from '#core/publish/downloads';
import { cacheControlFor } from '#core/site/files';

export type DownloadsDeps = {
  /** The text of a site object, or undefined when there is none (or the function may not read it). */
  readonly getText: (key: string) => Promise<string | undefined>;
};

const NOT_FOUND: APIGatewayProxyStructuredResultV2 = { statusCode: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'not found\n' };

export async function serveDownload(deps: DownloadsDeps, event: Pick<APIGatewayProxyEventV2, 'rawPath' | 'requestContext'>): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method;
  if (method !== 'GET' && method !== 'HEAD') return { statusCode: 405, headers: { allow: 'GET, HEAD' }, body: '' };
  const key = event.rawPath.replace(/^\/+/, '');
  const wanted = parseDownloadKey(key);
  if (wanted === undefined) return NOT_FOUND;
  const text = await deps.getText(wanted.bundleKey);
  const file = text === undefined ? undefined : decodeDownload(text, wanted.name);
  if (file === undefined) return NOT_FOUND;
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'cache-control': cacheControlFor(key),
      // What S3 gave the static file (the MD5 of its bytes, for a single PUT), so caches and clients see the same validator.
      etag: `"${createHash('md5').update(file.body).digest('hex')}"`,
    },
    body: method === 'HEAD' ? '' : file.body,
  };
}
