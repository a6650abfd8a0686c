/**
 * Which deployment `publish` and `status` talk to, and how to reach it. On AWS (`dev`, `prod`) the
 * bucket and table names come from the stateful stack's outputs (CloudFormation DescribeStacks),
 * the contract in infra/stacks/stateful-outputs.ts; nothing is hard-coded. `local` is the stand-in
 * of `npm start`: its emulators listen on ports picked at start, read from its state file (or
 * given as flags / `AWS_ENDPOINT_URL_*`), and its outputs are the synthesized local templates
 * resolved the way the stand-in itself names what it creates (infra/local/template.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The SDK clients are imported when a command talks to a stage: `validate` and `build` start without them.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Option, type Command } from 'commander';
import * as z from 'zod';
import type { StageName } from '#infra/config';
import { CDK_OUT, LOCAL_ACCOUNT, LOCAL_CREDENTIALS, LOCAL_REGION, STATE_DIR } from '#infra/local/paths';
import { readStacks, Resolver } from '#infra/local/template';
import type { StatefulOutputName } from '#infra/stacks/stateful-outputs';

export const CLI_STAGES = ['local', 'dev', 'prod'] as const satisfies readonly StageName[];
export type CliStage = (typeof CLI_STAGES)[number];

/** The outputs these commands read; each one is part of the stateful stack's published contract. */
const NEEDED = ['InboxBucketName', 'SiteBucketName', 'ArtifactsBucketName', 'TableName', 'SiteBaseUrl'] as const satisfies readonly StatefulOutputName[];
export type StageOutputs = Readonly<Record<(typeof NEEDED)[number], string>>;

/** Where a running `npm start` records how to reach it (written by infra/local/start.ts; without it, give --endpoint-*). */
export const LOCAL_STATE_FILE = join(STATE_DIR, 'endpoints.json');
export const DEFAULT_LOCAL_SITE = `http://127.0.0.1:8788`;

/** What a running stand-in writes: its emulators' endpoints, the site's URL, and the resource name prefix (tests). */
export const localStateSchema = z.object({
  endpoints: z.object({ s3: z.url(), dynamodb: z.url(), sqs: z.url().optional() }),
  siteUrl: z.url(),
  prefix: z.string().optional(),
  /** What the stand-in's Deposit function does with a deposit: send it (`COLOPHON_CROSSREF=simulator`) or keep it as a dry run (the default). */
  crossref: z.enum(['deposit', 'dry-run']).optional(),
});
export type LocalState = z.infer<typeof localStateSchema>;

export type StageFlags = {
  readonly stage: CliStage;
  readonly endpointS3?: string | undefined;
  readonly endpointDynamodb?: string | undefined;
  readonly endpointSqs?: string | undefined;
  readonly siteUrl?: string | undefined;
  readonly localState?: string | undefined;
};

/** One deployment, resolved: names from its outputs, clients pointed at it. `close()` frees the sockets. */
export type StageTarget = {
  readonly stage: CliStage;
  /** Where it was found, for messages (`stack Colophon-dev-Stateful`, `the local stand-in at …`). */
  readonly source: string;
  readonly outputs: StageOutputs;
  /** Where this stage serves the site (no trailing slash): the stand-in's server locally, `SiteBaseUrl` on AWS. */
  readonly siteUrl: string;
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;
  /** What the stage's Deposit function does: `deposit` sends to Crossref, `dry-run` only keeps the file. */
  readonly crossrefMode: 'deposit' | 'dry-run';
  /** The local stand-in's SQS endpoint and name prefix (from its state file): how `register` reaches its Deposit queue. */
  readonly local?: { readonly sqs?: string | undefined; readonly prefix: string };
  close(): void;
};

/** The stage cannot be reached or is not what the command needs: a configuration problem (exit 2), not a bug. */
export class StageError extends Error {
  override readonly name = 'StageError';
}

export const stackName = (stage: CliStage, part: 'Stateful' | 'Stateless' = 'Stateful'): string => `Colophon-${stage}-${part}`;

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function pickOutputs(found: Readonly<Record<string, string | undefined>>, where: string): StageOutputs {
  const missing = NEEDED.filter((name) => !found[name]);
  if (missing.length > 0) throw new StageError(`${where} has no output ${missing.join(', ')}: deploy the current version of the stack`);
  return Object.fromEntries(NEEDED.map((name) => [name, found[name]!])) as StageOutputs;
}

/** The stateful stack's outputs from CloudFormation. */
export async function describeOutputs(cfn: CloudFormationClient, stage: CliStage): Promise<StageOutputs> {
  const name = stackName(stage);
  const { DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
  let stacks;
  try {
    ({ Stacks: stacks } = await cfn.send(new DescribeStacksCommand({ StackName: name })));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/does not exist/.test(message)) throw new StageError(`stack ${name} does not exist in this account and region: deploy the ${stage} stage first (npx cdk deploy -c stage=${stage} --all)`, { cause: error });
    throw new StageError(`cannot read stack ${name} (AWS credentials and region come from the usual AWS_PROFILE / AWS_REGION settings): ${message}`, { cause: error });
  }
  const outputs = stacks?.[0]?.Outputs ?? [];
  return pickOutputs(Object.fromEntries(outputs.map((o) => [o.OutputKey ?? '', o.OutputValue])), `stack ${name}`);
}

/** The state file of a running stand-in, or undefined when there is none. */
export function readLocalState(file: string): LocalState | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StageError(`${file} is not JSON: delete it and run npm start again`, { cause: error });
  }
  const result = localStateSchema.safeParse(parsed);
  if (!result.success) throw new StageError(`${file} is not a stand-in state file: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return result.data;
}

/**
 * The local stage's outputs: the synthesized templates' outputs resolved with the stand-in's own
 * naming, so the CLI finds exactly the buckets and table `npm start` created.
 */
export function localOutputs(siteUrl: string, prefix = '', cdkOut = CDK_OUT): StageOutputs {
  const stacks = (() => {
    try {
      return readStacks(cdkOut, 'local');
    } catch (error) {
      throw new StageError(`the local stage is not synthesized: run npm start (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
  })();
  const resolver = new Resolver(stacks, { prefix, queueUrl: (name) => name, siteHost: new URL(siteUrl).host });
  const name = stackName('local');
  return pickOutputs(Object.fromEntries(NEEDED.map((output) => [output, resolver.output(name, output)])), `stack ${name} in ${cdkOut}`);
}

/**
 * How to reach the local stand-in: flags first, then `AWS_ENDPOINT_URL_S3` / `_DYNAMODB`, then the
 * state file the stand-in wrote. Throws a StageError that says how to start it when nothing says.
 */
export function localEndpoints(flags: StageFlags, env: Readonly<Record<string, string | undefined>>): LocalState & { readonly source: string } {
  const file = flags.localState ?? env.COLOPHON_LOCAL_STATE ?? LOCAL_STATE_FILE;
  const state = readLocalState(file);
  const s3 = flags.endpointS3 ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL ?? state?.endpoints.s3;
  const dynamodb = flags.endpointDynamodb ?? env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL ?? state?.endpoints.dynamodb;
  if (s3 === undefined || dynamodb === undefined) {
    throw new StageError(
      `the local stand-in's endpoints are unknown (no ${file}): start it with npm start, or give --endpoint-s3 and --endpoint-dynamodb (or AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_DYNAMODB)`,
    );
  }
  const port = env.COLOPHON_SITE_PORT;
  const siteUrl = trimSlash(flags.siteUrl ?? state?.siteUrl ?? (port ? `http://127.0.0.1:${port}` : DEFAULT_LOCAL_SITE));
  const sqs = flags.endpointSqs ?? env.AWS_ENDPOINT_URL_SQS ?? env.AWS_ENDPOINT_URL ?? state?.endpoints.sqs;
  return {
    endpoints: { s3, dynamodb, ...(sqs ? { sqs } : {}) },
    siteUrl,
    ...(state?.prefix ? { prefix: state.prefix } : {}),
    ...(state?.crossref ? { crossref: state.crossref } : {}),
    source: state ? `the local stand-in (${file})` : 'the local stand-in',
  };
}

type Clients = Pick<StageTarget, 's3' | 'dynamodb' | 'documents' | 'close'>;

async function clients(config: { readonly region?: string; readonly credentials?: { accessKeyId: string; secretAccessKey: string } }, endpoints?: LocalState['endpoints']): Promise<Clients> {
  const [{ S3Client }, { DynamoDBClient }, { DynamoDBDocumentClient }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]);
  // Emulators: path-style S3 (`<bucket>.localhost` does not resolve) and checksums only where
  // required (s3rver stores aws-chunked bodies verbatim); see infra/local/README.md.
  const s3 = new S3Client(endpoints ? { ...config, endpoint: endpoints.s3, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : config);
  const dynamodb = new DynamoDBClient(endpoints ? { ...config, endpoint: endpoints.dynamodb } : config);
  const documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
  return { s3, dynamodb, documents, close: () => (s3.destroy(), dynamodb.destroy()) };
}

/** Resolves `flags.stage` to its names and clients. AWS stages read credentials and region the SDK's usual way. */
export async function resolveStage(flags: StageFlags, env: Readonly<Record<string, string | undefined>> = process.env): Promise<StageTarget> {
  if (flags.stage === 'local') {
    const local = localEndpoints(flags, env);
    const outputs = localOutputs(local.siteUrl, local.prefix);
    return {
      stage: 'local',
      source: local.source,
      outputs,
      siteUrl: local.siteUrl,
      // The stand-in's default (infra/config.ts local): nothing leaves the machine unless it says otherwise.
      crossrefMode: local.crossref ?? 'dry-run',
      local: { sqs: local.endpoints.sqs, prefix: local.prefix ?? '' },
      ...(await clients({ region: LOCAL_REGION, credentials: { ...LOCAL_CREDENTIALS } }, local.endpoints)),
    };
  }
  const { CloudFormationClient } = await import('@aws-sdk/client-cloudformation');
  const cfn = new CloudFormationClient({});
  try {
    const outputs = await describeOutputs(cfn, flags.stage);
    // The typed config the stage was deployed from (aws-cdk-lib comes with it: loaded only for AWS stages).
    const { STAGES } = await import('#infra/config');
    const crossrefMode = STAGES[flags.stage].crossref.mode;
    return { stage: flags.stage, source: `stack ${stackName(flags.stage)}`, outputs, siteUrl: trimSlash(flags.siteUrl ?? outputs.SiteBaseUrl), crossrefMode, ...(await clients({})) };
  } finally {
    cfn.destroy();
  }
}

/**
 * The URL of the stage's Deposit queue (the stateless stack's `DepositQueueUrl` output): from
 * CloudFormation on AWS, from the synthesized templates with the stand-in's naming locally.
 */
export async function depositQueueUrl(target: Pick<StageTarget, 'stage' | 'siteUrl' | 'local'>, cdkOut = CDK_OUT): Promise<string> {
  return queueOutput(target, 'DepositQueueUrl', cdkOut);
}

/** A queue URL output of the stage's stateless stack (`DepositQueueUrl`, `RenderDlqUrl`, …), found as depositQueueUrl says. */
export async function queueOutput(target: Pick<StageTarget, 'stage' | 'siteUrl' | 'local'>, output: string, cdkOut = CDK_OUT): Promise<string> {
  const stateless = stackName(target.stage, 'Stateless');
  if (target.stage === 'local') {
    const sqs = target.local?.sqs;
    if (sqs === undefined) throw new StageError('the local stand-in recorded no SQS endpoint: restart npm start, or give --endpoint-sqs (or AWS_ENDPOINT_URL_SQS)');
    const stacks = readStacks(cdkOut, 'local');
    // The URL the stand-in gives its queues (infra/local/stack.ts): the emulator's port, the local account.
    const resolver = new Resolver(stacks, { prefix: target.local?.prefix ?? '', queueUrl: (name) => `http://sqs.${LOCAL_REGION}.localhost:${new URL(sqs).port}/${LOCAL_ACCOUNT}/${name}`, siteHost: new URL(target.siteUrl).host });
    return resolver.output(stateless, output);
  }
  const [{ CloudFormationClient, DescribeStacksCommand }] = await Promise.all([import('@aws-sdk/client-cloudformation')]);
  const cfn = new CloudFormationClient({});
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stateless }));
    const url = Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === output)?.OutputValue;
    if (!url) throw new StageError(`stack ${stateless} has no output ${output}: deploy the current version of the stack`);
    return url;
  } catch (error) {
    if (error instanceof StageError) throw error;
    throw new StageError(`cannot read stack ${stateless}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    cfn.destroy();
  }
}

/** The URL at which this stage serves a public URL of the journal (`https://balcanica.rs/doi/…/` → `http://127.0.0.1:8788/doi/…/`). */
export function stageUrl(publicUrl: string, baseUrl: string, siteUrl: string): string {
  return publicUrl.startsWith(baseUrl) ? `${siteUrl}${publicUrl.slice(baseUrl.length)}` : publicUrl;
}

/** Every `code` in an error, its causes and (for AggregateError, as Node throws for a refused dual-stack connect) its parts. */
function errorCodes(error: unknown, into = new Set<string>(), depth = 0): Set<string> {
  if (!(error instanceof Error) || depth > 5) return into;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') into.add(code);
  if (error instanceof AggregateError) for (const inner of error.errors) errorCodes(inner, into, depth + 1);
  return errorCodes(error.cause, into, depth + 1);
}

/** A clear message for a connection the stand-in or AWS refused, instead of the SDK's stack trace. */
export function unreachable(target: Pick<StageTarget, 'stage' | 'source'>, error: unknown): string | undefined {
  const codes = errorCodes(error);
  if (codes.has('ECONNREFUSED')) return `cannot reach ${target.source}: connection refused${target.stage === 'local' ? ' (is npm start running?)' : ''}`;
  if (codes.has('ENOTFOUND') || codes.has('EAI_AGAIN')) return `cannot reach ${target.source}: host not found`;
  return undefined;
}

/** The options every command that talks to a stage takes. */
export function stageOptions(command: Command): Command {
  return command
    .addOption(new Option('--stage <stage>', 'the deployment to talk to').choices(CLI_STAGES).default('local'))
    .option('--endpoint-s3 <url>', 'local: the S3 emulator (default: $AWS_ENDPOINT_URL_S3, then what npm start recorded)')
    .option('--endpoint-dynamodb <url>', 'local: DynamoDB Local (default: $AWS_ENDPOINT_URL_DYNAMODB, then what npm start recorded)')
    .option('--endpoint-sqs <url>', 'local: the SQS emulator (default: $AWS_ENDPOINT_URL_SQS, then what npm start recorded)')
    .option('--site-url <url>', 'where the stage serves the site (default: local: what npm start recorded, AWS: the SiteBaseUrl output)')
    .option('--local-state <file>', 'local: the state file npm start writes (default: $COLOPHON_LOCAL_STATE or .local/endpoints.json)');
}

export type StageCliFlags = { stage: CliStage; endpointS3?: string; endpointDynamodb?: string; endpointSqs?: string; siteUrl?: string; localState?: string };

/** The stage flags as commander parsed them, without the ones not given (exactOptionalPropertyTypes). */
export const stageFlags = (flags: StageCliFlags): StageFlags => ({
  stage: flags.stage,
  ...(flags.endpointS3 ? { endpointS3: flags.endpointS3 } : {}),
  ...(flags.endpointDynamodb ? { endpointDynamodb: flags.endpointDynamodb } : {}),
  ...(flags.endpointSqs ? { endpointSqs: flags.endpointSqs } : {}),
  ...(flags.siteUrl ? { siteUrl: flags.siteUrl } : {}),
  ...(flags.localState ? { localState: flags.localState } : {}),
});

/** Exit code of every stage command when the stage cannot be found or reached. */
export const STAGE_UNREACHABLE_EXIT = 2;

/**
 * Runs `body` against the stage the flags name, closing it after: a stage that cannot be found
 * (StageError) or reached (see `unreachable`) is told as `colophon <command>: …` and answers
 * exit 2; any other error is a bug and propagates.
 */
export async function withStage(
  command: string,
  resolve: () => Promise<StageTarget>,
  io: { readonly err: (text: string) => void },
  body: (target: StageTarget) => Promise<number>,
): Promise<number> {
  let target: StageTarget;
  try {
    target = await resolve();
  } catch (error) {
    if (!(error instanceof StageError)) throw error;
    io.err(`colophon ${command}: ${error.message}\n`);
    return STAGE_UNREACHABLE_EXIT;
  }
  try {
    return await body(target);
  } catch (error) {
    const message = unreachable(target, error);
    if (message === undefined) throw error;
    io.err(`colophon ${command}: ${message}\n`);
    return STAGE_UNREACHABLE_EXIT;
  } finally {
    target.close();
  }
}
