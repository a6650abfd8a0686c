import { fileURLToPath, pathToFileURL } from 'node:url';
import { Duration, Stack, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import type { StageName } from '../config.ts';
import { pinLogicalId } from './logical-id.ts';
import type { IndexedTable } from './records-table.ts';
import { LEDGER_PK_PREFIXES } from '#adapters/crossref-ledger-items';
import { FILES_PREFIX } from '#adapters/inbox';
import { BUNDLED_MODULES } from '#handlers/bundled-modules';

/** The repository root: bundling resolves `package.json` imports (`#core/*`) and the lockfile from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const handlerEntry = (name: string): string => `${PROJECT_ROOT}functions/handlers/${name}.ts`;
/** The modules the handler `name` imports on first use, each bundled into a file of its own (functions/handlers/bundled-modules.ts). */
export const handlerModules = (name: string): { readonly entry: string; readonly out: string }[] =>
  Object.values<{ readonly source: string; readonly out: string }>(BUNDLED_MODULES[name as keyof typeof BUNDLED_MODULES] ?? {}).map(({ source, out }) => ({ entry: fileURLToPath(new URL(source, pathToFileURL(`${PROJECT_ROOT}functions/handlers/`))), out }));

/** `readUpdate`: read, and update existing items only (Render records render state on heads). */
export type TableAccess = 'read' | 'write' | 'readWrite' | 'readUpdate';
/** The deposit ledger's partition keys, as IAM patterns (`dynamodb:LeadingKeys`). */
export const LEDGER_PARTITIONS = Object.values(LEDGER_PK_PREFIXES).map((prefix) => `${prefix}*`);
export type BucketAccess = 'read' | 'write' | 'readWrite';
export type BucketEnvName = 'INBOX_BUCKET' | 'SITE_BUCKET' | 'ARTIFACTS_BUCKET';
export type QueueEnvName = 'RENDER_QUEUE_URL' | 'SITE_QUEUE_URL' | 'DEPOSIT_QUEUE_URL';

// What the bind helpers use of each resource: narrower than `IBucket`, `IQueue` and `ISecret`, so
// both imported references and the L2 classes fit (under exactOptionalPropertyTypes a `Bucket` is
// not assignable to `IBucket`: its `isWebsite` getter may return undefined).
export type BindableBucket = Pick<IBucket, 'bucketArn' | 'bucketName' | 'arnForObjects'>;
export type BindableQueue = Pick<IQueue, 'queueArn' | 'queueUrl'>;

/**
 * Exactly the actions each kind of access needs, written out instead of the CDK `grant*` sets
 * (which add `s3:List*`, `dynamodb:Scan`, `sqs:GetQueueAttributes` and friends).
 */
export const ACTIONS = {
  table: {
    read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
    // Of the reads, only Query (and Scan, which nothing here needs) works on an index.
    readIndex: ['dynamodb:Query'],
    // The calls the records store makes (TransactWriteItems needs the rights of its Puts and Updates):
    // no BatchWriteItem or ConditionCheckItem, which nothing calls (issue 12, Low).
    write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
    update: ['dynamodb:UpdateItem'],
  },
  /** What settling a batch from Crossref's log takes: read the batch and its DOIs, write their new states. */
  ledger: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // s3:ListBucket turns a missing key into 404 instead of 403, so readers can tell "absent" from "denied".
  bucket: { read: ['s3:GetObject'], list: ['s3:ListBucket'], write: ['s3:PutObject'] },
  queue: { send: ['sqs:SendMessage'] },
} as const;

const reads = (access: TableAccess | BucketAccess): boolean => access !== 'write';
// readUpdate is handled on its own in bindTable.
const writes = (access: TableAccess | BucketAccess): boolean => access !== 'read';

export interface ColophonFunctionProps {
  /** Absolute path of the handler file; it must export `handler`. */
  readonly entry: string;
  readonly stage: StageName;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly description?: string;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  /**
   * Folders copied into the bundle after esbuild, each to `to` (relative to the handler file), for
   * files read at run time (the Crossref XSD). A missing folder stops synth with cp's message.
   */
  readonly bundledFolders?: readonly { readonly from: string; readonly to: string }[];
  /**
   * Modules bundled on their own beside the handler (`out`, relative to it), for code only some
   * requests need: the handler imports the file by URL when it needs it, so a cold start does not
   * compile it (Admin's preview: the landing renderer and citeproc).
   */
  readonly bundledModules?: readonly { readonly entry: string; readonly out: string }[];
}

/** Shell-quoted for the bundling commands (which CDK runs with bash). */
const quote = (path: string): string => `'${path.replaceAll("'", "'\\''")}'`;

/** The commands that copy `folders` into the bundle's output folder. */
export function copyFolderCommands(folders: readonly { readonly from: string; readonly to: string }[], outputDir: string): string[] {
  return folders.flatMap(({ from, to }) => {
    const target = `${outputDir}/${to.replace(/^\/+|\/+$/g, '')}`;
    return [`mkdir -p ${quote(target)}`, `cp -R ${quote(`${from.replace(/\/+$/, '')}/.`)} ${quote(target)}`];
  });
}

/** The Lambda bundle's esbuild settings, shared by the handler and its `bundledModules`. */
const BANNER = "import { createRequire as colophonCreateRequire } from 'node:module'; const require = colophonCreateRequire(import.meta.url);";

/**
 * Node builtins the bundle loads with require() (through the banner's `require`) instead of an ES
 * import (issue 16, cold start). Node builds an ES module facade for a builtin by reading every
 * export, and `node:http`'s exports include lazy getters (WebSocket and friends) that load undici:
 * ~30 ms of a cold start for a module the AWS SDK only names. Measured with bench/cold.ts: the Oai
 * import went from ~120 to ~83 ms CPU. The SDK imports these three as `node:…`; each shim requires
 * the bare name, which the alias does not match.
 */
export const NODE_BUILTIN_SHIMS: Readonly<Record<string, string>> = Object.fromEntries(
  ['http', 'https', 'http2'].map((name) => [`node:${name}`, fileURLToPath(new URL(`./node-builtins/${name}.cjs`, import.meta.url))]),
);

/**
 * Packages of the AWS SDK replaced in the bundle by a smaller module with the same export (see
 * each shim's comment): the default credential chain by the environment provider it starts with.
 */
export const SDK_SHIMS: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': fileURLToPath(new URL('./sdk-shims/credential-provider-node.ts', import.meta.url)),
};

/** Every alias the Lambda bundles are built with (esbuild `--alias`). */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = { ...NODE_BUILTIN_SHIMS, ...SDK_SHIMS };
const aliasArgs = (): string[] => Object.entries(BUNDLE_ALIASES).map(([name, shim]) => `${name}=${shim}`);

/** The commands that bundle each of `modules` into the bundle's output folder, with the handler's settings. */
export function bundleModuleCommands(modules: readonly { readonly entry: string; readonly out: string }[], outputDir: string): string[] {
  return modules.map(({ entry, out }) =>
    [`${PROJECT_ROOT}node_modules/.bin/esbuild`, '--bundle', entry, '--platform=node', '--format=esm', '--target=node22', '--main-fields=module,main', '--minify', '--sourcemap', '--sources-content=false', `--tsconfig=${PROJECT_ROOT}tsconfig.json`, `--banner:js=${BANNER}`, ...aliasArgs().map((arg) => `--alias:${arg}`), `--outfile=${outputDir}/${out}`, '--log-level=warning']
      .map(quote)
      .join(' '),
  );
}

/**
 * The one way this project makes a Lambda function: Node.js 22 on arm64, its own log group and
 * role (no AWS managed policy), X-Ray tracing, ESM bundle with source maps. Permissions come only
 * through the `bind*` helpers, each of which grants the least it can and sets the matching
 * environment variable, so a handler never has a variable it may not use or a grant it cannot find.
 */
export class ColophonFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly timeout: Duration;

  constructor(scope: Construct, id: string, props: ColophonFunctionProps) {
    super(scope, id);
    this.timeout = props.timeout ?? Duration.seconds(30);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Colophon ${id} function` });
    this.logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: this.timeout,
      description: props.description ?? `Colophon ${id}`,
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      environment: { STAGE: props.stage, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        tsconfig: `${PROJECT_ROOT}tsconfig.json`,
        // The AWS SDK is bundled, not taken from the runtime: a tree-shaken bundle imports in
        // ~80–110 ms where loading the runtime's full SDK costs 175–500 ms (measured, bench/pipeline.ts),
        // and the version is the one the lockfile pins and the tests ran against.
        externalModules: [],
        // Bundled CommonJS dependencies call require(); an ES module has none until we make one.
        banner: BANNER,
        esbuildArgs: { '--alias': aliasArgs() },
        ...((props.bundledFolders?.length ?? 0) + (props.bundledModules?.length ?? 0) > 0
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (_inputDir: string, outputDir: string) => [...copyFolderCommands(props.bundledFolders ?? [], outputDir), ...bundleModuleCommands(props.bundledModules ?? [], outputDir)],
              },
            }
          : {}),
      },
    });
    pinLogicalId(this.fn, id);
    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray PutTraceSegments/PutTelemetryRecords take no resource: AWS documents "*" as their only resource.' },
      { id: 'AwsSolutions-L1', reason: 'Node.js 22 is the project runtime (package.json pins node@22 for development and tests); moving to a newer runtime is a deliberate upgrade of both.' },
    );
  }

  /**
   * Read and write only the deposit ledger's items (partition keys `DEPOSIT#…` and `BATCH#…`,
   * functions/adapters/crossref-ledger-items.ts), with the calls the ledger makes to look up and
   * settle a batch; sets `TABLE_NAME`. For the public Crossref callback, which has no business
   * with articles or the rest of the table.
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
   */
  bindLedger(records: IndexedTable): this {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...ACTIONS.ledger],
        resources: [records.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...LEDGER_PARTITIONS] } },
      }),
    );
    this.fn.addEnvironment('TABLE_NAME', records.table.tableName);
    return this;
  }

  /** Read and/or write items in the table and query each of its indexes by name; sets `TABLE_NAME`. */
  bindTable(records: IndexedTable, access: TableAccess): this {
    const { tableArn, tableName } = records.table;
    if (reads(access)) {
      this.allow(ACTIONS.table.read, [tableArn]);
      this.allow(ACTIONS.table.readIndex, records.indexNames.map((name) => `${tableArn}/index/${name}`));
    }
    if (access === 'readUpdate') this.allow(ACTIONS.table.update, [tableArn]);
    else if (writes(access)) this.allow(ACTIONS.table.write, [tableArn]);
    this.fn.addEnvironment('TABLE_NAME', tableName);
    return this;
  }

  /** Get and/or put objects in the bucket; sets `envName` to its name. */
  bindBucket(bucket: BindableBucket, envName: BucketEnvName, access: BucketAccess): this {
    const objects = bucket.arnForObjects('*');
    if (reads(access)) {
      this.allow(ACTIONS.bucket.read, [objects]);
      this.allow(ACTIONS.bucket.list, [bucket.bucketArn]);
    }
    if (writes(access)) this.allow(ACTIONS.bucket.write, [objects]);
    this.fn.addEnvironment(envName, bucket.bucketName);
    this.acknowledgeObjectWildcard(objects);
    return this;
  }

  /**
   * Read the files (galleys) Ingest checked, and nothing else of the inbox: `s3:GetObject` on the
   * `galleys/` prefix only; sets `FILES_BUCKET`. No ListBucket: a missing file is an error either way.
   */
  bindFiles(inbox: BindableBucket): this {
    const objects = inbox.arnForObjects(`${FILES_PREFIX}*`);
    this.allow(ACTIONS.bucket.read, [objects]);
    this.fn.addEnvironment('FILES_BUCKET', inbox.bucketName);
    this.acknowledgeObjectWildcard(objects);
    return this;
  }

  /**
   * Read the articles' files of the site bucket, and nothing else: `s3:GetObject` on `doi/*` only
   * (the Downloads function's bundles, core/publish/downloads.ts); sets `SITE_BUCKET`. No ListBucket:
   * a missing key is AccessDenied, which the function answers as 404.
   */
  bindSiteArticles(site: BindableBucket): this {
    const objects = site.arnForObjects('doi/*');
    this.allow(ACTIONS.bucket.read, [objects]);
    this.fn.addEnvironment('SITE_BUCKET', site.bucketName);
    this.acknowledgeObjectWildcard(objects);
    return this;
  }

  /** Send messages to the queue; sets `envName` to its URL. */
  bindQueue(queue: BindableQueue, envName: QueueEnvName, access: 'send'): this {
    this.allow(ACTIONS.queue[access], [queue.queueArn]);
    this.fn.addEnvironment(envName, queue.queueUrl);
    return this;
  }

  private allow(actions: readonly string[], resources: string[]): void {
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: [...actions], resources }));
  }

  /**
   * Object keys are the data, computed at run time: "every object of this one bucket" is the
   * narrowest grant S3 offers. The finding id is cdk-nag's own flattening of the resource, so the
   * acknowledgement covers exactly this ARN and nothing else.
   */
  private acknowledgeObjectWildcard(objects: string): void {
    const resource = flattenCfnReference(Stack.of(this).resolve(objects));
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${resource}]`,
      reason: 'The function reads or writes objects of this one bucket under keys it computes at run time; bucket-level scoping is the narrowest S3 grant.',
    });
  }
}
