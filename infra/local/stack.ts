/**
 * One synthesized stage deployed onto the emulators: its resources created from the template,
 * each function ready to run from its bundle, the event source mappings polling, the EventBridge
 * rules listening to the inbox, and the site bucket served over HTTP.
 */
import { randomBytes } from 'node:crypto';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { setTimeout as sleep } from 'node:timers/promises';
import { localClients, type Clients } from './clients.ts';
import { awsEnv, type Endpoints } from './emulators.ts';
import { EventBus } from './event-bus.ts';
import { EventSourceMapping } from './event-source.ts';
import { LocalLambda, type LogSink } from './lambda.ts';
import { localModel, type LocalFunction, type LocalModel, type LocalQueue } from './model.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './paths.ts';
import { provision } from './provision.ts';
import { startParameterStore, type ParameterStoreStandIn } from './parameter-store.ts';
import { subscribeS3Events, type Subscription } from './s3.ts';
import { apiRouter } from './http-api.ts';
import { provisionCognito, translateCognito, type CognitoIds } from './cognito.ts';
import { compileViewerRequest, openSite } from './site-server.ts';
import { readStacks } from './template.ts';
import { startIamGateway, type Denial, type IamGateway } from './iam-gateway.ts';
import type { KeySchemas } from './iam-request.ts';
import { localUploadOrigin } from './upload-origin.ts';

/** The simulator's default login (infra/local/crossref-simulator/main.ts): the local secret holds it unless told otherwise. */
export const LOCAL_CROSSREF_LOGIN = { loginId: 'colophon', password: 'local' } as const;
/** Where Crossref's notification callback is served (infra/stacks/stateless.ts routes). */
export const CALLBACK_PATH = '/api/crossref/callback';

export type LocalCrossref = {
  /** Replaces the functions' CROSSREF_ENDPOINT (e.g. the Crossref simulator's URL). */
  readonly endpoint?: string;
  /** Replaces the Deposit function's CROSSREF_MODE (the local stage's is `dry-run`). */
  readonly mode?: 'deposit' | 'dry-run';
  /** What the Crossref secret holds locally: the login (default LOCAL_CROSSREF_LOGIN) and the callback token (default: random). */
  readonly credentials?: { readonly loginId: string; readonly password: string };
  readonly callbackToken?: string;
  /** Journals with their own Crossref login: the secret's `journals` (adapters/secrets.ts). */
  readonly journals?: Readonly<Record<string, { readonly loginId: string; readonly password: string }>>;
};

export type LocalStackOptions = {
  readonly cdkOut: string;
  readonly stage?: string;
  readonly endpoints: Endpoints;
  /** Prepended to every resource name, so deployments sharing the emulators stay apart (tests). */
  readonly prefix?: string;
  /** Concurrent environments per function logical id (default 1) and pollers per mapping. */
  readonly concurrency?: Readonly<Record<string, number>>;
  /** Visibility a failed SQS message gets before its retry; default: its queue's own timeout, as on AWS. */
  readonly retryAfterSeconds?: number;
  /** Run rate() schedules on their timers (`npm start`); tests fire them with fireSchedules(). */
  readonly schedules?: boolean;
  /** Where to serve the site: a port (0 or absent: any free one), and whether another may be taken when it is busy. */
  readonly sitePort?: number;
  readonly sitePortFallback?: boolean;
  readonly crossref?: LocalCrossref;
  readonly log?: LogSink;
  readonly onError?: (message: string, error: unknown) => void;
};

export type LocalStack = {
  readonly model: LocalModel;
  readonly clients: Clients;
  readonly siteUrl: string;
  readonly lambdas: ReadonlyMap<string, LocalLambda>;
  readonly bus: EventBus;
  /** The local Parameter Store and what the Crossref parameter holds; `callbackUrl` is the notify-url Crossref would be given. */
  readonly crossref: { readonly secrets: ParameterStoreStandIn; readonly callbackToken: string; readonly callbackUrl: string };
  /** The staff pool in the Cognito emulator (issue 15): its endpoint and the ids the template's pool and console client got there. */
  readonly staff: { readonly endpoint: string; readonly userPoolId: string; readonly clientId: string } | undefined;
  /** Every AWS call a function's role did not allow (each was answered AccessDenied, as on AWS). */
  readonly iam: { readonly denials: readonly Denial[] };
  bucket(logicalId: string): string;
  table(logicalId: string): string;
  queue(logicalId: string): LocalQueue;
  fn(logicalId: string): LocalFunction;
  /** Resolves once the object event for `bucket`/`key` has reached the bus. */
  objectSeen(bucket: string, key: string, timeoutMs?: number): Promise<void>;
  /** Disables / enables the event source mappings of a function (to hold work on its queue). */
  pause(functionLogicalId: string): Promise<void>;
  resume(functionLogicalId: string): void;
  /** Waits until no function runs, no event is in delivery and every queue of an enabled mapping is empty. */
  drain(options?: { readonly timeoutMs?: number; readonly quietMs?: number }): Promise<void>;
  stop(): Promise<void>;
};

const byLogicalId = <T extends { logicalId: string }>(items: readonly T[], id: string, what: string): T => {
  const found = items.find((i) => i.logicalId === id);
  if (!found) throw new RangeError(`the stage has no ${what} ${id}`);
  return found;
};

export async function deployLocal(options: LocalStackOptions): Promise<LocalStack> {
  // The site is bound first: its port is part of the stage's URLs (what the CloudFront domain becomes locally).
  const site = await openSite(options.sitePort ?? 0, { fallback: options.sitePortFallback ?? false });
  const sqsPort = new URL(options.endpoints.sqs).port;
  const model = localModel(readStacks(options.cdkOut, options.stage ?? 'local'), {
    prefix: options.prefix ?? '',
    // The URL fauxqs gives a queue created with host "localhost" (checked after provisioning).
    queueUrl: (name) => `http://sqs.${LOCAL_REGION}.localhost:${sqsPort}/${LOCAL_ACCOUNT}/${name}`,
    siteHost: new URL(site.url).host,
  }, options.cdkOut);
  const clients = localClients(options.endpoints);
  await provision(model, clients);
  // The staff pool: created in the Cognito emulator, whose ids and issuer then replace the template's
  // in the functions' environment and the routes' JWT authorizers.
  const cognito: CognitoIds | undefined = model.userPools.length > 0 ? await provisionCognito(options.endpoints.cognito, model.userPools) : undefined;
  const local = (value: string): string => (cognito ? translateCognito(value, cognito) : value);
  const routes = model.routes.map((r) => (r.jwt ? { ...r, jwt: { ...r.jwt, issuer: local(r.jwt.issuer), audience: r.jwt.audience.map(local) } } : r));
  const staffPool = model.userPools[0];
  const staff = cognito && staffPool ? { endpoint: cognito.endpoint, userPoolId: cognito.pools.get(staffPool.name)!, clientId: cognito.clients.get(staffPool.clients[0]?.name ?? '') ?? '' } : undefined;

  const onError = options.onError ?? ((message, error) => console.error(`[local] ${message}`, error instanceof Error ? error.message : (error ?? '')));
  const log: LogSink = options.log ?? ((fn, line) => console.log(`[${fn}] ${line}`));
  // The parameters' values are seeded here, never read from the template (which holds none).
  const login = options.crossref?.credentials ?? LOCAL_CROSSREF_LOGIN;
  const callbackToken = options.crossref?.callbackToken ?? randomBytes(24).toString('base64url');
  const journals = Object.entries(options.crossref?.journals ?? {}).map(([id, l]) => [id, { login_id: l.loginId, login_passwd: l.password }] as const);
  const secretValue = JSON.stringify({ login_id: login.loginId, login_passwd: login.password, callback_token: callbackToken, ...(journals.length > 0 ? { journals: Object.fromEntries(journals) } : {}) });
  // Every other parameter is a generated key (the OAI token seal): a random one, as README tells whoever deploys to make.
  const secrets = await startParameterStore(model.parameters.map((p) => ({ name: p.name, value: p.output === 'CrossrefParameterName' ? secretValue : randomBytes(36).toString('base64url') })));
  const env = { ...awsEnv(options.endpoints), AWS_ENDPOINT_URL_SSM: secrets.endpoint };
  // Each function reaches the emulators through its own IAM gateway, which refuses what its role does not grant.
  const denials: Denial[] = [];
  const gateways: IamGateway[] = [];
  const iamEnv = new Map<string, Record<string, string>>();
  for (const fn of model.functions) {
    const gateway = await startIamGateway({
      principal: `arn:aws:sts::${LOCAL_ACCOUNT}:assumed-role/${fn.role.name}/${fn.name}`,
      // The staff pool's ARN names the template's pool; here it is the emulator's id (issue 15, users).
      statements: fn.role.statements.map((s) => ({ ...s, resources: s.resources.map(local) })),
      upstream: { s3: options.endpoints.s3, dynamodb: options.endpoints.dynamodb, sqs: options.endpoints.sqs, ssm: secrets.endpoint, 'cognito-idp': options.endpoints.cognito },
      context: { keySchemas: keySchemas(model) },
      // Reported like the stand-in's other faults: a test stage's `errors` then shows any grant the pipeline lacks.
      onDenied: (denial) => {
        denials.push(denial);
        onError(`${fn.logicalId}: AccessDenied`, new Error(denial.message));
      },
    });
    gateways.push(gateway);
    iamEnv.set(fn.name, { AWS_ENDPOINT_URL_S3: gateway.endpoint, AWS_ENDPOINT_URL_DYNAMODB: gateway.endpoint, AWS_ENDPOINT_URL_SQS: gateway.endpoint, AWS_ENDPOINT_URL_SSM: gateway.endpoint, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: gateway.endpoint });
  }
  // A bucket's S3 origin in a function's environment (the console's upload CSP) is the signer's gateway here (upload-origin.ts).
  const localValue = (v: string): string => localUploadOrigin(local(v), model.functions, (fn) => iamEnv.get(fn.name)?.AWS_ENDPOINT_URL_S3);
  const lambdas = new Map(
    model.functions.map((fn) => [
      fn.name,
      new LocalLambda(fn, { ...env, ...iamEnv.get(fn.name), ...Object.fromEntries(Object.entries(fn.environment).map(([k, v]) => [k, localValue(v)])), ...crossrefOverrides(fn.environment, options.crossref), AWS_LAMBDA_FUNCTION_NAME: fn.name, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb), AWS_LAMBDA_FUNCTION_TIMEOUT: String(fn.timeoutSeconds), TZ: 'UTC' }, { concurrency: localConcurrency(fn, options.concurrency?.[fn.logicalId]), log }),
    ]),
  );
  const mappings = model.mappings.map((m) => {
    const queue = model.queues.find((q) => q.arn === m.queueArn);
    const lambda = lambdas.get(m.functionName);
    if (!queue || !lambda) throw new RangeError(`event source mapping ${m.queueArn} → ${m.functionName} names nothing of this stage`);
    return new EventSourceMapping(m, queue, lambda, clients.sqs, { pollers: options.concurrency?.[lambda.fn.logicalId] ?? 1, ...(options.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: options.retryAfterSeconds }), onError });
  });
  const bus = new EventBus(model.rules, model.buckets, model.queues, lambdas, clients.sqs, { retryDelayMs: (n) => Math.min(2000, 200 * 2 ** (n - 1)), onError });

  const seen = new Set<string>();
  const waiters = new Map<string, () => void>();
  const subscription: Subscription = subscribeS3Events(options.endpoints.s3Events, (event) => {
    bus.fromS3(event);
    for (const r of event.Records ?? []) {
      const id = `${r.s3.bucket.name}/${r.s3.object.key}`;
      seen.add(id);
      waiters.get(id)?.();
    }
  }, { onError });
  await subscription.ready;
  site.serve(clients.s3, byLogicalId(model.buckets, 'SiteBucket', 'bucket').name, apiRouter(routes, lambdas), onError, model.viewerRequestCode === undefined ? undefined : compileViewerRequest(model.viewerRequestCode), model.apiPathPatterns);
  for (const m of mappings) m.start();
  if (options.schedules === true) bus.startSchedules();

  const mappingsOf = (id: string): EventSourceMapping[] => {
    const name = byLogicalId(model.functions, id, 'function').name;
    return mappings.filter((m) => m.mapping.functionName === name);
  };
  const queueEmpty = async (q: LocalQueue): Promise<boolean> => {
    const out = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: q.url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }));
    return Object.values(out.Attributes ?? {}).every((v) => Number(v) === 0);
  };
  const idle = async (): Promise<boolean> =>
    !bus.busy && ![...lambdas.values()].some((l) => l.busy) && !mappings.some((m) => m.busy) && (await Promise.all(mappings.filter((m) => !m.paused).map((m) => queueEmpty(m.queue)))).every(Boolean);

  return {
    model,
    clients,
    siteUrl: site.url,
    lambdas,
    bus,
    crossref: { secrets, callbackToken, callbackUrl: `${site.url}${CALLBACK_PATH}?token=${encodeURIComponent(callbackToken)}` },
    staff,
    iam: { denials },
    bucket: (id) => byLogicalId(model.buckets, id, 'bucket').name,
    table: (id) => byLogicalId(model.tables, id, 'table').name,
    queue: (id) => byLogicalId(model.queues, id, 'queue'),
    fn: (id) => byLogicalId(model.functions, id, 'function'),
    pause: async (id) => void (await Promise.all(mappingsOf(id).map((m) => m.pause()))),
    resume: (id) => mappingsOf(id).forEach((m) => m.resume()),
    objectSeen: (bucket, key, timeoutMs = 10_000) => {
      const id = `${bucket}/${key}`;
      if (seen.has(id)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no object event for ${id} within ${timeoutMs} ms`)), timeoutMs);
        waiters.set(id, () => {
          clearTimeout(timer);
          waiters.delete(id);
          resolve();
        });
      });
    },
    drain: async ({ timeoutMs = 60_000, quietMs = 300 } = {}) => {
      const deadline = performance.now() + timeoutMs;
      let quietSince: number | undefined;
      while (performance.now() < deadline) {
        if (await idle()) {
          quietSince ??= performance.now();
          if (performance.now() - quietSince >= quietMs) return;
        } else quietSince = undefined;
        await sleep(50);
      }
      throw new Error(`the local stage did not settle within ${timeoutMs} ms`);
    },
    stop: async () => {
      bus.stop();
      subscription.close();
      await Promise.all(mappings.map((m) => m.stop()));
      await site.close();
      await Promise.all([...lambdas.values()].map((l) => l.stop()));
      await secrets.stop();
      await Promise.all(gateways.map((g) => g.stop()));
      clients.s3.destroy();
      clients.sqs.destroy();
      clients.dynamodb.destroy();
    },
  };
}

/** The Crossref settings a function's template environment has, replaced where the options say. */
function crossrefOverrides(environment: Readonly<Record<string, string>>, crossref: LocalCrossref | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (crossref?.endpoint !== undefined && 'CROSSREF_ENDPOINT' in environment) out.CROSSREF_ENDPOINT = crossref.endpoint;
  if (crossref?.mode !== undefined && 'CROSSREF_MODE' in environment) out.CROSSREF_MODE = crossref.mode;
  return out;
}

/** The partition key attribute of each table and of each of its indexes (for `dynamodb:LeadingKeys`). */
function keySchemas(model: LocalModel): KeySchemas {
  const hash = (schema: unknown): string | undefined => (schema as { AttributeName: string; KeyType: string }[] | undefined)?.find((k) => k.KeyType === 'HASH')?.AttributeName;
  return new Map(
    model.tables.map((t) => {
      const indexes = [...(t.create.GlobalSecondaryIndexes ?? []), ...(t.create.LocalSecondaryIndexes ?? [])].map((i) => [String(i.IndexName), hash(i.KeySchema) ?? ''] as const);
      return [t.name, { table: hash(t.create.KeySchema) ?? '', indexes: new Map(indexes) }] as const;
    }),
  );
}

/**
 * Environments a function runs at once locally: as asked (default 1), never past its reserved
 * concurrency. Beyond it AWS throttles (a synchronous call fails with 429 TooManyRequestsException);
 * the stand-in queues the call instead (infra/local/README.md).
 */
export const localConcurrency = (fn: Pick<LocalFunction, 'reservedConcurrency'>, asked: number | undefined): number => Math.min(asked ?? 1, fn.reservedConcurrency ?? Number.POSITIVE_INFINITY);
