/**
 * The HTTP API's Lambda proxy routes (API Gateway v2, payload format 2.0), answered on the local
 * site origin under `/api/`, as the distribution sends `/api/*` to the API.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { LocalLambda } from './lambda.ts';
import { jwtAuthorizer, type Authorized } from './jwt-authorizer.ts';
import type { LocalRoute } from './model.ts';
import { LOCAL_ACCOUNT } from './paths.ts';
import { createThrottles, type Throttles } from './throttle.ts';

type ProxyResult = { statusCode?: number; headers?: Record<string, string | number | boolean>; body?: string; isBase64Encoded?: boolean; cookies?: string[] };

/** API Gateway HTTP APIs take request payloads up to 10 MB (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html); Lambda's invoke payload is 6 MB, the smaller of the two. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
}

/** The request body, or a PayloadTooLargeError as soon as it passes `limit` (the rest is not read into memory). */
const readBody = (req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        reject(new PayloadTooLargeError(`request body over ${limit} bytes`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * The path as an HTTP API hands it to Lambda: percent-decoded once (payload 2.0 `rawPath` and
 * `requestContext.http.path`; REST APIs and function URLs keep the encoding, HTTP APIs do not). A
 * malformed escape is passed on as sent. Not checked against AWS from here: from published captures
 * (hotsock/voker#8, cited by middleapi/standard-server#93).
 */
export function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export function toEventV2(route: LocalRoute, req: IncomingMessage, body: Buffer, authorized?: Authorized): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://local');
  const path = decodedPath(url.pathname);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
  const textual = /^(text\/|application\/(json|xml|x-www-form-urlencoded))/.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: path,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(route.path.includes('{') ? { pathParameters: pathParameters(route.path, url.pathname) } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: { method: req.method ?? 'GET', path, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(authorized?.ok ? { authorizer: { jwt: { claims: authorized.claims, scopes: authorized.scopes } } } : {}),
    },
    ...(body.length > 0 ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
  };
}

/**
 * Whether a request path matches a route's path: literally, or segment by segment where the route
 * has a `{name}` parameter, which matches one non-empty segment, and a last greedy `{name+}`, which
 * matches the non-empty rest (API Gateway HTTP API path variables). https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export function routeMatches(routePath: string, path: string): boolean {
  const want = routePath.split('/');
  const got = path.split('/');
  if (/^\{[^}]+\+\}$/.test(want.at(-1) ?? '')) {
    const fixed = want.slice(0, -1);
    return got.length > fixed.length && got.slice(fixed.length).join('/') !== '' && routeMatches(fixed.join('/'), got.slice(0, fixed.length).join('/'));
  }
  return want.length === got.length && want.every((segment, k) => (/^\{[^+}]+\}$/.test(segment) ? got[k] !== '' : segment === got[k]));
}

/** The values of a route's `{name}` parameters in a path that matches it, decoded as API Gateway gives them. */
export function pathParameters(routePath: string, path: string): Record<string, string> {
  const got = path.split('/');
  const out: Record<string, string> = {};
  routePath.split('/').forEach((segment, k, all) => {
    const greedy = k === all.length - 1 ? /^\{([^}]+)\+\}$/.exec(segment)?.[1] : undefined;
    if (greedy !== undefined) {
      out[greedy] = decodedPath(got.slice(k).join('/'));
      return;
    }
    const name = /^\{([^+}]+)\}$/.exec(segment)?.[1];
    if (name === undefined) return;
    try {
      out[name] = decodeURIComponent(got[k]!);
    } catch {
      out[name] = got[k]!; // a malformed escape reaches the handler as sent; it answers 404
    }
  });
  return out;
}

/** A request handler for `/api/*`, or undefined when the stage has no route for the request. */
export function apiRouter(routes: readonly LocalRoute[], lambdas: ReadonlyMap<string, LocalLambda>, throttles: Throttles = createThrottles()) {
  const authorizers = new Map(routes.flatMap((r) => (r.jwt ? [[r, jwtAuthorizer(r.jwt)] as const] : [])));
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const route = routes.find((r) => (r.method === req.method || r.method === 'ANY') && routeMatches(r.path, path));
    const lambda = route && lambdas.get(route.functionName);
    if (!route || !lambda) return false;
    // The route's own bucket first: a throttled request costs no body read, no authorizer, no function.
    if (!throttles.take(route.routeKey, route.throttle)) {
      req.resume();
      res.writeHead(429, { 'content-type': 'application/json' }).end('{"message":"Too Many Requests"}');
      return true;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError)) throw error;
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end('{"message":"Request Entity Too Large"}');
      return true;
    }
    // A JWT route: API Gateway answers 401 itself, and the function never runs, unless the token passes.
    const authorize = authorizers.get(route);
    const authorized = authorize ? await authorize(Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]))) : undefined;
    if (authorized?.ok === false) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end('{"message":"Unauthorized"}');
      return true;
    }
    const outcome = await lambda.invoke(toEventV2(route, req, body, authorized));
    if (!outcome.ok) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Internal Server Error' }));
      return true;
    }
    // Payload 2.0: a result without statusCode is a 200 JSON body.
    const result = outcome.result as ProxyResult | string | null | undefined;
    const shaped: ProxyResult = typeof result === 'object' && result !== null && 'statusCode' in result ? result : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
    const headers = Object.fromEntries(Object.entries(shaped.headers ?? {}).map(([k, v]) => [k, String(v)]));
    res.writeHead(shaped.statusCode ?? 200, { ...headers, ...(shaped.cookies ? { 'set-cookie': shaped.cookies } : {}) });
    res.end(shaped.body === undefined ? undefined : shaped.isBase64Encoded ? Buffer.from(shaped.body, 'base64') : shaped.body);
    return true;
  };
}
