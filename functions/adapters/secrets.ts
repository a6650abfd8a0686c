/**
 * The Crossref secret (an SSM Parameter Store SecureString, JSON `{ login_id, login_passwd,
 * callback_token? }`), read at run time with decryption and kept for the life of the container:
 * the value never sits in an environment variable or a template, and is never logged (errors name
 * the parameter, never its content). Parameter Store rather than Secrets Manager (issue 16): a
 * standard parameter has no monthly fee where a secret costs $0.40, and both are encrypted with an
 * AWS managed KMS key and read under an IAM grant on exactly that parameter.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html
 */
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { CrossrefCredentials } from './crossref-http.ts';
import { ConfigError } from './errors.ts';

export type CrossrefSecret = {
  /** The stage's Crossref login: used for every journal without its own. */
  readonly credentials: CrossrefCredentials;
  /**
   * Journals deposited under another Crossref member account than the stage's (a publisher's
   * journals may belong to different members): `"journals": {"<journal id>": {"login_id", "login_passwd"}}`.
   */
  readonly journals?: ReadonlyMap<string, CrossrefCredentials>;
  /** The token the notification callback URL carries; absent: the callback refuses every request. */
  readonly callbackToken?: string | undefined;
};

/** The parameter could not be read (I/O), as opposed to read but unusable (a ConfigError). */
export class SecretError extends Error {
  override readonly name = 'SecretError';
}

/** How long a read value is trusted: staff may change the password, and a warm container should notice. */
export const SECRET_TTL_MS = 15 * 60_000;

/** The secret's JSON as this project's shape; a ConfigError names the missing fields, never a value. */
export function parseCrossrefSecret(text: string, secretId: string): CrossrefSecret {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(`secret ${secretId} is not JSON (expected {"login_id": …, "login_passwd": …})`);
  }
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const str = (name: string): string | undefined => (typeof fields[name] === 'string' && fields[name] !== '' ? fields[name] : undefined);
  const loginId = str('login_id');
  const password = str('login_passwd');
  if (loginId === undefined || password === undefined) {
    const missing = [loginId === undefined ? 'login_id' : '', password === undefined ? 'login_passwd' : ''].filter(Boolean);
    throw new ConfigError(`secret ${secretId} lacks ${missing.join(' and ')}: set them to the Crossref deposit credentials`);
  }
  return { credentials: { loginId, password }, callbackToken: str('callback_token'), journals: journalLogins(fields.journals, secretId) };
}

/** The per-journal logins of the secret; a ConfigError names the journal and the missing field, never a value. */
function journalLogins(value: unknown, secretId: string): ReadonlyMap<string, CrossrefCredentials> {
  if (value === undefined) return new Map();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`secret ${secretId}: "journals" must map each journal id to {"login_id": …, "login_passwd": …}`);
  return new Map(
    Object.entries(value as Record<string, unknown>).map(([journalId, login]) => {
      const fields = (typeof login === 'object' && login !== null ? login : {}) as Record<string, unknown>;
      const missing = ['login_id', 'login_passwd'].filter((f) => typeof fields[f] !== 'string' || fields[f] === '');
      if (missing.length > 0) throw new ConfigError(`secret ${secretId}: journals.${journalId} lacks ${missing.join(' and ')}: set them to that journal's Crossref deposit credentials`);
      return [journalId, { loginId: String(fields.login_id), password: String(fields.login_passwd) }] as const;
    }),
  );
}

/** The login a journal's deposits go under: its own when the secret has one, else the stage's. */
export const credentialsFor = (secret: CrossrefSecret, journalId: string | undefined): CrossrefCredentials =>
  (journalId === undefined ? undefined : secret.journals?.get(journalId)) ?? secret.credentials;

export type SecretSource<T = CrossrefSecret> = { get(): Promise<T> };

/**
 * Reads a SecureString parameter once (decrypted), parses it and keeps it for `ttlMs`; concurrent
 * callers share one request, and a failed read is not kept (the next call asks again).
 */
export function createSecretSource<T>(options: { readonly client: SSMClient; readonly secretId: string; readonly parse: (text: string, secretId: string) => T; readonly ttlMs?: number; readonly now?: () => number }): SecretSource<T> {
  const ttl = options.ttlMs ?? SECRET_TTL_MS;
  const now = options.now ?? Date.now;
  let cached: { readonly at: number; readonly value: Promise<T> } | undefined;

  async function read(): Promise<T> {
    let text: string | undefined;
    try {
      text = (await options.client.send(new GetParameterCommand({ Name: options.secretId, WithDecryption: true }))).Parameter?.Value;
    } catch (error) {
      throw new SecretError(`cannot read secret ${options.secretId}`, { cause: error });
    }
    if (text === undefined) throw new ConfigError(`secret ${options.secretId} has no value`);
    return options.parse(text, options.secretId);
  }

  return {
    get() {
      if (cached !== undefined && now() - cached.at < ttl) return cached.value;
      const value = read();
      const entry = { at: now(), value };
      cached = entry;
      value.catch(() => {
        if (cached === entry) cached = undefined;
      });
      return value;
    },
  };
}

/** The Crossref logins (parseCrossrefSecret), read and kept as `createSecretSource` does. */
export function createCrossrefSecretSource(options: { readonly client: SSMClient; readonly secretId: string; readonly ttlMs?: number; readonly now?: () => number }): SecretSource {
  return createSecretSource({ ...options, parse: parseCrossrefSecret });
}
