/**
 * The three emulators the stand-in needs, on free loopback ports: DynamoDB Local (Java),
 * s3rver (a child Node process) and fauxqs (in process). `persistDir` keeps their state
 * (the `.local/` folder in run mode); without it everything lives in memory or a temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCognito, type CognitoEmulator } from './cognito.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { startS3, type S3Emulator } from './s3.ts';
import { startSqs, type SqsEmulator } from './sqs.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './paths.ts';

/** Where each emulator listens; `s3Events` is the object-event feed (Server-Sent Events); `cognito` the staff pool emulator. Plain data, so tests can be handed it. */
export type Endpoints = { readonly s3: string; readonly dynamodb: string; readonly sqs: string; readonly s3Events: string; readonly cognito: string };
export type Emulators = {
  readonly endpoints: Endpoints;
  readonly startupMs: { readonly dynamodb: number; readonly s3: number; readonly sqs: number; readonly cognito: number };
  /** Messages a crashed run left received but not deleted, made visible again (sqs.ts); how many. */
  releaseInflight(): Promise<number>;
  stop(): Promise<void>;
};

export async function startEmulators(options: { readonly persistDir?: string } = {}): Promise<Emulators> {
  const scratch = options.persistDir === undefined ? mkdtempSync(join(tmpdir(), 'colophon-s3-')) : undefined;
  const started: { dynamo?: DynamoDbLocal; s3?: S3Emulator; sqs?: SqsEmulator; cognito?: CognitoEmulator } = {};
  try {
    // Java takes the longest; the Node emulators start meanwhile.
    const [dynamo, s3, sqs, cognito] = await Promise.all([
      startDynamoDbLocal(options.persistDir === undefined ? {} : { dbPath: join(options.persistDir, 'dynamodb') }).then((d) => (started.dynamo = d)),
      startS3({ directory: scratch ?? join(options.persistDir!, 's3'), persist: scratch === undefined }).then((s) => (started.s3 = s)),
      startSqs(options.persistDir === undefined ? {} : { dataDir: join(options.persistDir, 'sqs') }).then((q) => (started.sqs = q)),
      startCognito(options.persistDir === undefined ? {} : { directory: join(options.persistDir, 'cognito') }).then((c) => (started.cognito = c)),
    ]);
    return {
      endpoints: { s3: s3.endpoint, dynamodb: dynamo.endpoint, sqs: sqs.endpoint, s3Events: s3.eventsUrl, cognito: cognito.endpoint },
      startupMs: { dynamodb: dynamo.startupMs, s3: s3.startupMs, sqs: sqs.startupMs, cognito: cognito.startupMs },
      releaseInflight: () => sqs.releaseInflight(),
      stop: async () => {
        await Promise.allSettled([dynamo.stop(), s3.stop(), sqs.stop(), cognito.stop()]);
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.allSettled([started.dynamo?.stop(), started.s3?.stop(), started.sqs?.stop(), started.cognito?.stop()]);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The environment an AWS SDK v3 client needs to reach the emulators: the SDK reads the
 * service-specific endpoint variables itself. Checksums only when required: s3rver cannot
 * read the aws-chunked bodies with trailing checksums the SDK otherwise sends for streams.
 */
export function awsEnv(endpoints: Pick<Endpoints, 's3' | 'dynamodb' | 'sqs'>): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  };
}
