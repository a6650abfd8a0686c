/**
 * The site bucket over HTTP on 127.0.0.1, as CloudFront serves it: `/` is the default root object,
 * and a path ending in `/` gets `index.html` (the distribution's IndexRewrite function); the
 * object's Content-Type and Cache-Control go out with it. The path is decoded once, as S3 does.
 * `/api/*` goes to the HTTP API's routes first (http-api.ts), as the distribution's API behaviour,
 * and so does every other path a behaviour of the distribution sends to the API (the article
 * downloads: `apiPaths`, the template's path patterns).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { runInNewContext } from 'node:vm';
import { GetObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { NOT_FOUND_KEY } from '#core/site/files';
import { keyOfPath } from '#core/urls';
import { listenLoopback, LOOPBACK } from './net.ts';

/** `/doi/10.2298/X/` → `doi/10.2298/X/index.html`: decoded once, as S3 decodes a request path (core/urls.ts). */
export function siteKey(urlPath: string): string {
  const path = urlPath.split('?')[0]!.split('#')[0]!;
  return keyOfPath(path.endsWith('/') ? `${path}index.html` : path);
}

export type SiteServer = { readonly url: string; readonly port: number; close(): Promise<void> };

/** A bound site server waiting for what to serve: the port comes first (the stage's URLs name it), the bucket and routes after. */
export type SiteListener = SiteServer & { serve(s3: S3Client, bucket: string, api?: ApiHandler, onError?: (message: string, error: unknown) => void, viewerRequest?: ViewerRequest, apiPaths?: readonly string[]): void };

/** A CloudFront Function's viewer-request handler: the request (maybe rewritten) goes on, or a response is sent at once. */
export type ViewerRequest = (event: { request: { uri: string; querystring: Record<string, { value: string }> } }) => { uri: string } | { statusCode: number; headers?: Record<string, { value: string }> };

/**
 * The distribution's CloudFront Function from the template's `FunctionCode`, run in its own V8
 * context as CloudFront runs it (cloudfront-js-2.0 has no Node APIs), rather than a copy of what it does.
 */
export const compileViewerRequest = (code: string): ViewerRequest => runInNewContext(`${code}\n;handler`, {}) as ViewerRequest;

export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
export const API_PREFIX = '/api/';

/**
 * Whether a CloudFront cache behaviour's path pattern matches a request path: `*` any run of
 * characters (`/` too), `?` exactly one, everything else literally and case-sensitively; the
 * pattern must match the whole path, as received (not decoded).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 */
export function pathPatternMatches(pattern: string, path: string): boolean {
  const source = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's').test(path);
}

/** A request's path with dot segments resolved, or '' for a request target no URL parser takes (it then reaches no behaviour but the default). */
function normalisedPath(target: string): string {
  try {
    return new URL(target, 'http://local').pathname;
  } catch {
    return '';
  }
}

/**
 * Binds the site server on loopback at `port` (0: any free port; with `fallback`, any free port when
 * that one is taken). Until `serve` is called it answers 503.
 */
export async function openSite(port: number, options: { readonly fallback?: boolean } = {}): Promise<SiteListener> {
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server: Server = createServer((req, res) => (handle ? handle(req, res) : res.writeHead(503, { 'retry-after': '1' }).end()));
  const bound = await listenLoopback(server, port, options);
  return {
    url: `http://${LOOPBACK}:${bound}`,
    port: bound,
    serve: (s3, bucket, api, onError = () => {}, viewerRequest, apiPaths) => void (handle = siteHandler(s3, bucket, api, bound, onError, viewerRequest, apiPaths)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Serves the bucket (and the API routes) on a new loopback server at `port` (0: any free port). */
export async function serveSite(s3: S3Client, bucket: string, port: number, api?: ApiHandler): Promise<SiteServer> {
  const site = await openSite(port);
  site.serve(s3, bucket, api);
  return site;
}

/** S3: "The name for a key is a sequence of Unicode characters whose UTF-8 encoding is at most 1,024 bytes long." https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html */
export const MAX_KEY_BYTES = 1024;

/**
 * Why a decoded key is not one the site can hold, or undefined when it may be asked of S3. Keys are
 * sent to the emulator in a path (`/<bucket>/<key>`), so a `.` or `..` segment would be resolved
 * there and read another bucket (the inbox with contributor e-mails); CloudFront normalises such
 * segments itself and asks S3 only for keys below the site bucket. A NUL or another control
 * character is no key the site writes (DOIs refuse them).
 */
export function refusedKey(key: string): { readonly status: 400 | 404; readonly why: string } | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) return { status: 400, why: 'control character in the path' };
  if (key.split('/').some((segment) => segment === '.' || segment === '..')) return { status: 404, why: 'dot segment' };
  if (key.includes('\\')) return { status: 404, why: 'backslash' };
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) return { status: 404, why: 'longer than any S3 key' };
  return undefined;
}

/** DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 reaches this server with its own Host. */
const allowedHost = (host: string | undefined, port: number): boolean => host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;

const plain = { 'content-type': 'text/plain; charset=utf-8' } as const;

function siteHandler(s3: S3Client, bucket: string, api: ApiHandler | undefined, port: number, onError: (message: string, error: unknown) => void, viewerRequest?: ViewerRequest, apiPaths: readonly string[] = []): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (!allowedHost(req.headers.host, port)) {
      res.writeHead(421, plain).end('misdirected request: this server answers only to its own host name\n');
      return;
    }
    // CloudFront matches behaviours on the normalised path (dot segments resolved), as new URL() gives it.
    const path = normalisedPath(req.url ?? '/');
    if (api && ((req.url ?? '').startsWith(API_PREFIX) || apiPaths.some((pattern) => pathPatternMatches(pattern, path)))) {
      api(req, res)
        .then((handled) => (handled ? undefined : res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}')))
        .catch((error: unknown) => {
          // Like API Gateway: the caller learns nothing of the stand-in's insides; the log does.
          onError(`${req.method ?? ''} ${req.url ?? ''} failed`, error);
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end('{"message":"Internal Server Error"}');
        });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let key: string;
    try {
      if (viewerRequest) {
        // The raw path: dot segments stay for refusedKey below to see (new URL() would resolve them).
        const [uri = '/', query = ''] = (req.url ?? '/').split('#')[0]!.split('?', 2);
        const querystring = Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, { value: v }]));
        const out = viewerRequest({ request: { uri, querystring } });
        if ('statusCode' in out) {
          res.writeHead(out.statusCode, Object.fromEntries(Object.entries(out.headers ?? {}).map(([k, v]) => [k, v.value]))).end();
          return;
        }
        key = siteKey(out.uri);
      } else key = siteKey(req.url ?? '/');
    } catch {
      res.writeHead(400, plain).end('bad path\n');
      return;
    }
    const refused = refusedKey(key);
    if (refused) {
      res.writeHead(refused.status, plain).end(refused.status === 400 ? 'bad path\n' : 'not found\n');
      return;
    }
    s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      .then(async (out) => {
        const body = Buffer.from((await out.Body?.transformToByteArray()) ?? []);
        res.writeHead(200, {
          'content-type': out.ContentType ?? 'application/octet-stream',
          ...(out.CacheControl ? { 'cache-control': out.CacheControl } : {}),
          ...(out.ETag ? { etag: out.ETag } : {}),
          'content-length': body.length,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      })
      .catch(async (error: unknown) => {
        const missing = error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);
        if (!missing) {
          onError(`GET ${key} from the site bucket failed`, error);
          res.writeHead(502, plain).end('the site storage did not answer\n');
          return;
        }
        // The site's own 404 page when it has one, as a CloudFront custom error response would serve it.
        const page = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: NOT_FOUND_KEY })).then((o) => o.Body?.transformToString('utf8')).catch(() => undefined);
        res.writeHead(404, { 'content-type': page === undefined ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8' }).end(page ?? `not found: ${key}\n`);
      });
  };
}
