/**
 * A local stand-in for Crossref's deposit system (doi.crossref.org / test.crossref.org):
 * `POST /servlet/deposit` answers a receipt at once, `GET /servlet/submissionDownload` answers
 * `queued` and, after some polls or some time, the submission log. What comes from which Crossref
 * page is listed in BEHAVIOUR.md beside this file.
 *
 * Fault injection: `injectFault()` (or `POST /__control/faults`) queues faults that the next
 * matching requests consume: an HTTP status (500, 503 queue full, 429), a stall (no answer until
 * the client gives up) or a dropped connection, each either before or after the deposit is processed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileCrossrefSchema, type XmlValidator } from '#adapters/crossref-xsd';
import { completedLog, queuedLog, unknownSubmissionLog } from './logs.ts';
import { RECEIPT_PAGE } from './messages.ts';
import { Registry, type ForcedOutcome, type Submission } from './registry.ts';

export type Fault = {
  /** Which endpoint it hits. */
  readonly on: 'deposit' | 'result';
  /** `status`: answer with that code; `stall`: never answer; `drop`: close the connection. */
  readonly kind: 'status' | 'stall' | 'drop';
  readonly status?: number;
  /** For `deposit`: process the file first, then fail (the client cannot know it arrived). */
  readonly afterProcessing?: boolean;
  /** Sent as `Retry-After` with a status fault. */
  readonly retryAfterSeconds?: number;
};

export type SimulatorOptions = {
  /** Folder of the schema tree (shared/schemas); the 5.4.0 XSD is compiled once at start. */
  readonly schemasDir?: string;
  /** An already compiled validator, to share one compilation between simulator and tests. */
  readonly validate?: XmlValidator;
  readonly credentials: { readonly loginId: string; readonly password: string };
  /** Further member accounts (a publisher's journals under different members); each sees only its own submissions' logs. */
  readonly accounts?: readonly { readonly loginId: string; readonly password: string }[];
  /** The log shows after this many polls of `type=result` (default 1: the first poll sees `queued`). */
  readonly resultAfterPolls?: number;
  /** …and not before this many milliseconds after receipt (default 0). */
  readonly resultAfterMs?: number;
  /** DOI prefixes the account may deposit; others fail with Crossref's prefix message. Default: any. */
  readonly prefixes?: readonly string[];
  readonly port?: number;
  /** Clock for `resultAfterMs`. */
  readonly now?: () => number;
  /** Crossref's notification callback: POSTed once a submission's log is available (see `setCallback`). */
  readonly callback?: CallbackOptions;
};

export type CallbackOptions = {
  /** The notify-url registered for the account (ours carries its token in the query). */
  readonly url: string;
  /** The `CROSSREF-NOTIFY-ENDPOINT` name (default `colophon`). */
  readonly notifyEndpoint?: string;
};

/** One notification sent: the headers and the status the notify-url answered (0: no answer). */
export type CallbackDelivery = { readonly submissionId: number; readonly headers: Readonly<Record<string, string>>; readonly status: number };

export type CrossrefSimulator = {
  /** Base URL, e.g. http://127.0.0.1:43121 (the deposit client appends /servlet/...). */
  readonly url: string;
  readonly registry: Registry;
  injectFault(...faults: Fault[]): void;
  /** Makes every later deposit of `doi` end with this outcome (until `reset`). */
  forceOutcome(doi: string, outcome: ForcedOutcome): void;
  /** How many deposits Crossref accepted (Success or Warning) for this DOI. */
  accepted(doi: string): number;
  /** Requests seen, by endpoint, for assertions on retries. */
  readonly requests: { deposit: number; result: number };
  /** Where to send notification callbacks from now on (undefined: none, the default). */
  setCallback(callback: CallbackOptions | undefined): void;
  /** Callbacks sent so far, oldest first. */
  readonly callbacks: readonly CallbackDelivery[];
  /** Resolves once every callback in flight has been answered. */
  callbacksSettled(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
};

const XML = 'text/xml;charset=UTF-8';

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(text);
}

/** Starts the simulator on 127.0.0.1 (a free port unless one is given). */
export async function startCrossrefSimulator(options: SimulatorOptions): Promise<CrossrefSimulator> {
  let validate = options.validate;
  let dispose: (() => void) | undefined;
  if (!validate) {
    if (!options.schemasDir) throw new Error('startCrossrefSimulator needs schemasDir or validate');
    const compiled = compileCrossrefSchema(options.schemasDir);
    validate = compiled.validate;
    dispose = compiled.dispose;
  }
  const now = options.now ?? Date.now;
  const registry = new Registry(validate, options.prefixes);
  const faults: Fault[] = [];
  const requests = { deposit: 0, result: 0 };
  const afterPolls = options.resultAfterPolls ?? 1;
  const afterMs = options.resultAfterMs ?? 0;
  let callback = options.callback;
  const callbacks: CallbackDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  let baseUrl = '';

  /**
   * The notification callback, as Crossref documents its headers:
   * https://www.crossref.org/documentation/register-maintain-records/verify-your-registration/notification-callback-service/
   */
  async function notify(submission: Submission, target: CallbackOptions): Promise<void> {
    submission.notified = true;
    const retrieve = `${baseUrl}/servlet/submissionDownload?file_name=${submission.fileName}&type=result`;
    const headers: Record<string, string> = {
      'CROSSREF-NOTIFY-ENDPOINT': target.notifyEndpoint ?? 'colophon',
      'CROSSREF-EXTERNAL-ID': submission.batchId,
      'CROSSREF-INTERNAL-ID': String(submission.submissionId),
      'CROSSREF-RETRIEVE-URL': retrieve,
      'CROSSREF-SERVICE-DATE': new Date(now()).toUTCString(),
      'CROSSREF-RETRIEVE-URL-EXPIRATION-DATE': new Date(now() + 30 * 86_400_000).toUTCString(),
    };
    let status = 0;
    try {
      const response = await fetch(target.url, { method: 'POST', headers, signal: AbortSignal.timeout(30_000) });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      // No answer: recorded as status 0; Crossref does not say that it retries.
    }
    callbacks.push({ submissionId: submission.submissionId, headers, status });
  }

  function scheduleCallback(submission: Submission): void {
    const target = callback;
    if (!target) return;
    const sent = new Promise<void>((resolve) => setTimeout(resolve, afterMs)).then(() => notify(submission, target));
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  }

  const logins = [options.credentials, ...(options.accounts ?? [])];
  const authorised = (id: string | null, password: string | null): boolean => logins.some((l) => id === l.loginId && password === l.password);

  const takeFault = (on: Fault['on']): Fault | undefined => {
    const index = faults.findIndex((f) => f.on === on);
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  };

  /** Applies a fault; true when the request has been dealt with (answered, stalled or dropped). */
  const applyFault = (fault: Fault | undefined, res: ServerResponse): boolean => {
    if (!fault) return false;
    if (fault.kind === 'stall') return true; // the client times out; the connection dies with it
    if (fault.kind === 'drop') {
      res.socket?.destroy();
      return true;
    }
    const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
    send(res, fault.status ?? 500, 'text/html', `<html><body><h2>Error ${fault.status ?? 500}</h2></body></html>`, headers);
    return true;
  };

  async function deposit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requests.deposit += 1;
    const raw = await body(req);
    const fault = takeFault('deposit');
    if (!fault?.afterProcessing && applyFault(fault, res)) return;
    // Multipart parsing by the platform's own Fetch implementation.
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
    } catch {
      send(res, 400, 'text/html', '<html><body><h2>FAILURE</h2><p>Expected multipart/form-data.</p></body></html>');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Crossref also takes the fields in the query string (its documented sample transaction does).
    const field = (name: string): string | null => {
      const v = form.get(name);
      return typeof v === 'string' ? v : url.searchParams.get(name);
    };
    if (!authorised(field('login_id'), field('login_passwd'))) {
      send(res, 401, 'text/html', '<html><body><h2>FAILURE</h2><p>Unauthorized: login_id or login_passwd is wrong.</p></body></html>');
      return;
    }
    const operation = field('operation') ?? 'doMDUpload';
    const file = form.get('fname');
    if (operation !== 'doMDUpload' || !(file instanceof File)) {
      send(res, 400, 'text/html', '<html><body><h2>FAILURE</h2><p>Expected operation=doMDUpload and a file part fname.</p></body></html>');
      return;
    }
    const submission = registry.receive(file.name, await file.text(), now(), field('login_id') ?? '');
    scheduleCallback(submission);
    if (applyFault(fault, res)) return;
    send(res, 200, 'text/html;charset=UTF-8', RECEIPT_PAGE);
  }

  function visible(submission: Submission): boolean {
    return submission.notified || (submission.polls >= afterPolls && now() - submission.receivedAt >= afterMs);
  }

  function download(req: IncomingMessage, res: ServerResponse): void {
    requests.result += 1;
    if (applyFault(takeFault('result'), res)) return;
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    if (!authorised(params.get('usr'), params.get('pwd'))) {
      send(res, 401, 'text/html', '<html><body><h2>FAILURE</h2><p>Unauthorized: usr or pwd is wrong.</p></body></html>');
      return;
    }
    const fileName = params.get('file_name');
    const batchId = params.get('doi_batch_id');
    const type = params.get('type');
    const found = fileName ? registry.byFileName(fileName) : batchId ? registry.byBatchId(batchId) : undefined;
    // Another account's submission is as unknown to this one as a file never sent.
    const submission = found?.loginId === params.get('usr') ? found : undefined;
    if (type !== 'result' && type !== 'contents') {
      send(res, 400, 'text/plain', 'type is mandatory: result or contents');
      return;
    }
    if (!submission) {
      send(res, 200, XML, unknownSubmissionLog());
      return;
    }
    if (type === 'contents') {
      send(res, 200, XML, submission.contents);
      return;
    }
    if (!visible(submission)) {
      submission.polls += 1;
      send(res, 200, XML, queuedLog(submission.submissionId));
      return;
    }
    send(res, 200, XML, completedLog(submission.submissionId, submission.batchId, submission.records));
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/__control/faults' && req.method === 'POST') {
      const list = JSON.parse((await body(req)).toString('utf8')) as Fault[];
      faults.push(...list);
      send(res, 204, 'text/plain', '');
    } else if (path === '/__control/callback' && req.method === 'POST') {
      const text = (await body(req)).toString('utf8');
      callback = text.trim() === '' ? undefined : (JSON.parse(text) as CallbackOptions);
      send(res, 204, 'text/plain', '');
    } else if (path === '/__control/reset' && req.method === 'POST') {
      registry.reset();
      faults.length = 0;
      send(res, 204, 'text/plain', '');
    } else if (path === '/__control/state') {
      const dois = Object.fromEntries(registry.dois);
      const submissions = registry.submissions.map(({ contents: _contents, ...rest }) => rest);
      send(res, 200, 'application/json', JSON.stringify({ dois, submissions, requests, pendingFaults: faults }));
    } else send(res, 404, 'text/plain', 'not found');
  }

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handle = async (): Promise<void> => {
      if (path === '/servlet/deposit' && req.method === 'POST') await deposit(req, res);
      else if (path === '/servlet/submissionDownload' && (req.method === 'GET' || req.method === 'POST')) download(req, res);
      else if (path.startsWith('/__control/')) await control(req, res, path);
      else send(res, 404, 'text/plain', 'not found');
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', `simulator error: ${(error as Error).message}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}`,
    registry,
    requests,
    callbacks,
    setCallback: (next) => void (callback = next),
    callbacksSettled: async () => void (await Promise.all([...inFlight])),
    injectFault: (...list) => void faults.push(...list),
    forceOutcome: (doi, outcome) => void registry.forced.set(doi.toLowerCase(), outcome),
    accepted: (doi) => registry.dois.get(doi.toLowerCase())?.accepted ?? 0,
    reset: () => {
      registry.reset();
      faults.length = 0;
      requests.deposit = 0;
      requests.result = 0;
      callbacks.length = 0;
    },
    close: async () => {
      await Promise.allSettled([...inFlight]);
      // Stalled requests would keep close() waiting: end them.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      dispose?.();
    },
  };
}
