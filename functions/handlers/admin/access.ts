/**
 * Who is asking, and may they touch this journal. Every admin request is authorised twice: the
 * route's JWT authorizer (API Gateway) and here, where the bearer token is verified again with
 * aws-jwt-verify (signature against the pool's JWKS, issuer, expiry, an access token of the
 * console's app client) and its `cognito:groups` decide the journals: `admin` sees every journal,
 * `editor:<journal id>` only that one. A token's claims are never logged (they carry the e-mail).
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';

export const ADMIN_GROUP = 'admin';
export const EDITOR_PREFIX = 'editor:';

/** A signed-in member of staff: the user id (`sub`, what the audit trail keeps), the user name, and the journals they may edit. */
export type Staff = { readonly sub: string; readonly username: string; readonly admin: boolean; readonly journals: readonly string[] };

export class AccessError extends Error {
  override readonly name = 'AccessError';
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/** aws-jwt-verify's JWKS cache, fetching with the runtime's `fetch` (HTTP or HTTPS; 5 s at most). */
export const fetchJwksCache = (): SimpleJwksCache =>
  new SimpleJwksCache({
    fetcher: {
      fetch: async (uri: string) => {
        const response = await fetch(uri, { signal: AbortSignal.timeout(5_000) });
        if (!response.ok) throw new Error(`JWKS ${uri} answered ${response.status}`);
        return response.arrayBuffer();
      },
    },
  });

export type StaffVerifier = (authorization: string | undefined) => Promise<Staff>;

/**
 * A verifier for the staff pool's access tokens. The JWKS is fetched with the runtime's fetch
 * (aws-jwt-verify's own fetcher speaks HTTPS only; the local Cognito emulator serves HTTP), once
 * per key id and cached for the container's life, as aws-jwt-verify does.
 */
export function staffVerifier(settings: { readonly issuer: string; readonly clientId: string }): StaffVerifier {
  const jwksCache = fetchJwksCache();
  const verifier = JwtVerifier.create(
    {
      issuer: settings.issuer,
      jwksUri: `${settings.issuer}/.well-known/jwks.json`,
      // Cognito access tokens carry no `aud`: the app client is `client_id`, checked below.
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new Error('not an access token');
        if (payload.client_id !== settings.clientId) throw new Error('a token of another app client');
      },
    },
    { jwksCache },
  );
  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) throw new AccessError(401, 'Sign in first: this request carries no sign-in token.');
    let payload: Record<string, unknown>;
    try {
      payload = (await verifier.verify(token)) as Record<string, unknown>;
    } catch {
      throw new AccessError(401, 'Your sign-in has expired or is not valid: sign in again.');
    }
    const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'].map(String) : [];
    return {
      sub: String(payload.sub),
      username: String(payload.username ?? payload['cognito:username'] ?? payload.sub),
      admin: groups.includes(ADMIN_GROUP),
      journals: groups.filter((g) => g.startsWith(EDITOR_PREFIX)).map((g) => g.slice(EDITOR_PREFIX.length)),
    };
  };
}

export const mayEdit = (staff: Staff, journal: string): boolean => staff.admin || staff.journals.includes(journal);

/** Throws 403 unless `staff` may read and change `journal`; the message never says whether the journal exists. */
export function requireJournal(staff: Staff, journal: string): void {
  if (!mayEdit(staff, journal)) throw new AccessError(403, `You are not an editor of journal "${journal}". Ask an administrator to add you to its editors (group ${EDITOR_PREFIX}${journal}).`);
}
