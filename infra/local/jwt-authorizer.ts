/**
 * The HTTP API's JWT authorizer, locally: what API Gateway does before a route with
 * `AuthorizationType: JWT` reaches its Lambda. The token comes from the identity source (the
 * `Authorization` header, with or without `Bearer `); it must be signed by a key of the issuer's
 * JWKS, unexpired, from that issuer, and its `aud` (or, for access tokens, `client_id`) must be one of
 * the audiences. Otherwise the answer is 401 `{"message":"Unauthorized"}` and the function never
 * runs. The claims reach the function as `requestContext.authorizer.jwt`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 *
 * API Gateway finds the JWKS through the issuer's `/.well-known/openid-configuration`; cognito-local
 * answers that document with a fixed `localhost:9229` address, so the JWKS is read at
 * `<issuer>/.well-known/jwks.json`, where both Cognito and cognito-local serve it.
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { fetchJwksCache } from '#handlers/admin/access';
import type { LocalJwtAuthorizer } from './model.ts';

export type Authorized = { readonly ok: true; readonly claims: Record<string, string>; readonly scopes: string[] } | { readonly ok: false };

const jwksCache = fetchJwksCache();

/** HTTP APIs hand claims to the function as strings; a list becomes `[a b]`. */
const claimString = (value: unknown): string => (Array.isArray(value) ? `[${value.map(String).join(' ')}]` : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

export function jwtAuthorizer(config: LocalJwtAuthorizer): (headers: Readonly<Record<string, string>>) => Promise<Authorized> {
  const verifier = JwtVerifier.create(
    {
      issuer: config.issuer,
      jwksUri: `${config.issuer}/.well-known/jwks.json`,
      audience: null,
      customJwtCheck: ({ payload }) => {
        const aud = [payload.aud ?? []].flat().map(String);
        const clientId = typeof payload.client_id === 'string' ? [payload.client_id] : [];
        if (![...aud, ...clientId].some((a) => config.audience.includes(a))) throw new Error('audience');
      },
    },
    { jwksCache },
  );
  const header = (config.identitySource[0] ?? '$request.header.Authorization').replace(/^\$request\.header\./, '').toLowerCase();
  return async (headers) => {
    const raw = headers[header];
    if (raw === undefined || raw === '') return { ok: false };
    const token = raw.replace(/^Bearer\s+/i, '');
    try {
      const payload = (await verifier.verify(token)) as Record<string, unknown>;
      return { ok: true, claims: Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, claimString(v)])), scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [] };
    } catch {
      return { ok: false };
    }
  };
}
