/**
 * Crossref's deposit system over HTTPS: upload a deposit file, read its submission log.
 *
 * - Upload: `POST <endpoint>/servlet/deposit`, multipart/form-data with `operation=doMDUpload`,
 *   `login_id`, `login_passwd` and the file part `fname`.
 *   https://www.crossref.org/documentation/register-maintain-records/direct-deposit-xml/https-post/
 * - Log: `GET <endpoint>/servlet/submissionDownload?usr=…&pwd=…&file_name=…&type=result`
 *   (by file name, which also finds files still in the queue).
 *   https://support.crossref.org/hc/en-us/articles/217515926-Using-HTTPS-to-retrieve-logs
 *
 * Retries: 5xx, 429 and 503 (Crossref's answer when 10,000 submissions of the user are pending),
 * timeouts and dropped connections, with bounded exponential backoff and full jitter. A re-POST
 * could make a second submission of a file that did arrive, so before each new attempt the upload
 * asks Crossref whether it knows the file name, and stops if it does. 401/403 stop at once.
 * Credentials never appear in errors or logs: every message is redacted.
 */
import { parseDepositReceipt, parseSubmissionLog, type SubmissionLog } from '#core/deposit/index';

export type CrossrefCredentials = { readonly loginId: string; readonly password: string };

export type RetryPolicy = {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
};

export type CrossrefHttpOptions = {
  /** https://doi.crossref.org, https://test.crossref.org, or the local simulator. */
  readonly endpoint: string;
  readonly credentials: CrossrefCredentials;
  /** Per request. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  readonly random?: () => number;
  /** Structured events for the shared logger; never contains credentials. */
  readonly log?: (event: { readonly event: string; readonly [key: string]: unknown }) => void;
  /**
   * When the caller must have an answer (epoch ms; read at each step): no attempt starts and no
   * backoff sleeps past it, and each request's timeout is cut to what is left. A Lambda sets it
   * from its remaining time, so the retries give up with CrossrefUnavailableError (the deposit is
   * tried again later) instead of the function being killed mid-request.
   */
  readonly deadline?: () => number;
  readonly now?: () => number;
};

/** Less time than this left before the deadline: not worth starting a request. */
export const MIN_ATTEMPT_MS = 5_000;

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export type DepositReceipt = {
  /** `posted`: Crossref confirmed this upload; `already-received`: an earlier, unanswered attempt had arrived. */
  readonly via: 'posted' | 'already-received';
  readonly attempts: number;
};

export type CrossrefClient = {
  /** Uploads one deposit file. Resolves once Crossref has it queued; throws CrossrefError otherwise. */
  deposit(fileName: string, xml: string): Promise<DepositReceipt>;
  /** The submission log for a file name (one request, retried on transient failures). */
  result(fileName: string): Promise<SubmissionLog>;
};

/** Base of every error from this adapter; messages are already redacted. */
export class CrossrefError extends Error {
  override readonly name: string = 'CrossrefError';
}
/** Crossref refused the login: no retry can help. */
export class CrossrefAuthError extends CrossrefError {
  override readonly name = 'CrossrefAuthError';
}
/** Crossref (or the network) kept failing through every retry. */
export class CrossrefUnavailableError extends CrossrefError {
  override readonly name = 'CrossrefUnavailableError';
}
/** Crossref answered something this client does not understand, or refused the request itself (4xx). */
export class CrossrefResponseError extends CrossrefError {
  override readonly name = 'CrossrefResponseError';
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Replaces each secret (raw and URL-encoded) by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2)])) out = out.split(form).join('***');
  }
  return out;
}

/** A failure that a later attempt may not have. */
class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Full jitter: a random delay up to the exponential bound, never below Retry-After, never above maxDelayMs. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: number, retryAfterMs?: number): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.min(policy.maxDelayMs, Math.max(Math.floor(random * bound), retryAfterMs ?? 0));
}

export function createCrossrefClient(options: CrossrefHttpOptions): CrossrefClient {
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const policy = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const { loginId, password } = options.credentials;
  const secrets = [password, loginId];
  const clean = (text: string): string => redact(text, secrets);
  const log = (event: string, fields: Record<string, unknown> = {}): void => options.log?.({ event, ...fields });
  const now = options.now ?? Date.now;
  const left = (): number => (options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline() - now());

  /** One HTTP exchange; classifies the outcome. */
  async function exchange(what: string, url: string, init: RequestInit): Promise<string> {
    let response: Response;
    const requestTimeoutMs = Math.max(1, Math.min(timeoutMs, left()));
    try {
      response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
    } catch (error) {
      const name = (error as Error).name;
      const reason = name === 'TimeoutError' || name === 'AbortError' ? `no answer within ${requestTimeoutMs} ms` : `connection failed (${(error as Error).message})`;
      throw new Transient(clean(`${what}: ${reason}`));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new Transient(clean(`${what}: the answer broke off (${(error as Error).message})`));
    }
    if (response.status === 401 || response.status === 403) {
      throw new CrossrefAuthError(
        `Crossref refused the login (HTTP ${response.status}) while ${what}. Check the Crossref username (login_id; ` +
          `personal credentials are written email/role) and the password configured for deposits, and that this role may deposit for the DOI prefix.`,
      );
    }
    if (response.status === 429 || response.status >= 500) {
      const queueFull = response.status === 503 || response.status === 429 ? ' (Crossref may have too many pending submissions for this account)' : '';
      throw new Transient(`${what}: HTTP ${response.status}${queueFull}`, retryAfter(response.headers.get('retry-after')));
    }
    if (response.status < 200 || response.status >= 300) {
      throw new CrossrefResponseError(clean(`${what}: HTTP ${response.status}: ${text.replace(/\s+/g, ' ').slice(0, 300)}`));
    }
    return text;
  }

  /** Runs `attempt` until it succeeds, a non-transient error occurs, or the attempts are used up. */
  async function withRetries<T>(what: string, attempt: (n: number) => Promise<T>): Promise<T> {
    let last: Transient | undefined;
    let tried = 0;
    for (let n = 1; n <= policy.attempts; n += 1) {
      if (left() < MIN_ATTEMPT_MS) break;
      tried = n;
      try {
        return await attempt(n);
      } catch (error) {
        if (!(error instanceof Transient)) throw error;
        last = error;
        if (n === policy.attempts) break;
        const delay = backoffDelay(policy, n, random(), error.retryAfterMs);
        if (left() - delay < MIN_ATTEMPT_MS) break;
        log('crossref.retry', { what, attempt: n, delayMs: delay, reason: error.message });
        await sleep(delay);
      }
    }
    const why = tried < policy.attempts ? `stopped after ${tried} of ${policy.attempts} attempts, to finish within the time this run has (it is tried again later)` : `Crossref did not answer usefully after ${policy.attempts} attempts`;
    throw new CrossrefUnavailableError(`${what}: ${why}: ${last?.message ?? 'no attempt made'}`, { cause: last });
  }

  async function fetchLog(fileName: string): Promise<SubmissionLog> {
    const query = new URLSearchParams({ usr: loginId, pwd: password, file_name: fileName, type: 'result' });
    const text = await exchange(`reading the log of ${fileName}`, `${endpoint}/servlet/submissionDownload?${query.toString()}`, { method: 'GET' });
    const parsed = parseSubmissionLog(text);
    if (!parsed.ok) throw new CrossrefResponseError(clean(`reading the log of ${fileName}: ${parsed.problems.join('; ')}`));
    return parsed.value;
  }

  async function post(fileName: string, xml: string): Promise<void> {
    const form = new FormData();
    form.set('operation', 'doMDUpload');
    form.set('login_id', loginId);
    form.set('login_passwd', password);
    form.set('fname', new Blob([xml], { type: 'application/xml' }), fileName);
    const text = await exchange(`uploading ${fileName}`, `${endpoint}/servlet/deposit`, { method: 'POST', body: form });
    const receipt = parseDepositReceipt(text);
    if (!receipt.ok) throw new CrossrefResponseError(clean(`uploading ${fileName}: ${receipt.problems.join('; ')}`));
  }

  return {
    async deposit(fileName, xml) {
      return withRetries(`uploading ${fileName}`, async (n) => {
        if (n > 1) {
          // The earlier attempt may have arrived with its answer lost: never send the same file twice.
          let known: boolean;
          try {
            known = (await fetchLog(fileName)).status !== 'unknown';
          } catch (error) {
            if (error instanceof CrossrefAuthError) throw error;
            throw new Transient(error instanceof Error ? error.message : String(error));
          }
          if (known) {
            log('crossref.deposit.already-received', { fileName, attempt: n });
            return { via: 'already-received', attempts: n };
          }
        }
        await post(fileName, xml);
        log('crossref.deposit.received', { fileName, attempt: n });
        return { via: 'posted', attempts: n };
      });
    },
    async result(fileName) {
      return withRetries(`reading the log of ${fileName}`, () => fetchLog(fileName));
    },
  };
}
