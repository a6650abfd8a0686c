/**
 * Stage settings: one typed record per stage, handed to the stacks as props. Stacks never read
 * `process.env`; the app picks a stage from CDK context (`-c stage=dev`) and nothing else.
 */
import { fileURLToPath } from 'node:url';
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { isPlaceholderAddress } from '#core/oai/admin-email';

export const STAGE_NAMES = ['local', 'dev', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** Crossref's deposit hosts: the test system registers nothing (https://www.crossref.org/documentation/member-setup/direct-deposit-xml/testing-your-xml/). */
export const CROSSREF_ENDPOINTS = {
  test: 'https://test.crossref.org',
  production: 'https://doi.crossref.org',
} as const;
export type CrossrefEndpoint = (typeof CROSSREF_ENDPOINTS)[keyof typeof CROSSREF_ENDPOINTS];

/**
 * What the Deposit function does with an issue once its articles are rendered: `deposit` registers
 * the DOIs at the endpoint; `dry-run` plans, renders, validates and keeps the deposit file in the
 * artifacts bucket, and sends and records nothing.
 */
export const CROSSREF_MODES = ['deposit', 'dry-run'] as const;
export type CrossrefMode = (typeof CROSSREF_MODES)[number];

/**
 * The Crossref 5.4.0 schema folder bundled with the Deposit function (it validates every file
 * before sending, as Crossref does): the shared schema tree beside the repository
 * (shared/schemas/README.md), read in place at synth time, never copied into the repository.
 */
export const CROSSREF_SCHEMA_DIR = fileURLToPath(new URL('../../shared/schemas/crossref/5.4.0', import.meta.url));

/** A domain of the publisher's own in front of the distribution; its certificate must live in us-east-1 (a CloudFront rule). */
export interface CustomDomain {
  readonly name: string;
  readonly certificateArn: string;
}

/** An HTTP API throttle: steady requests per second and the burst a token bucket allows. */
export interface ApiThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** A public function's share: its routes' throttle and its reserved concurrency (undefined: none). */
export interface PublicLimits extends ApiThrottle {
  /**
   * Lambda reserved concurrency: the most environments the function may take (so it cannot starve
   * the pipeline) and as many kept for it (so nothing starves it). An account keeps at least 100
   * unreserved: an account still at the 10-execution starting quota must raise it (Service Quotas)
   * or leave this undefined.
   */
  readonly reservedConcurrency?: number;
}

export interface StageConfig {
  readonly stage: StageName;
  /** Omitted: an environment-agnostic stack (synth needs no credentials; deploy takes the CLI profile's). */
  readonly env?: { readonly account?: string; readonly region?: string };
  readonly crossref: {
    readonly endpoint: CrossrefEndpoint;
    readonly mode: CrossrefMode;
    /** Folder with crossref5.4.0.xsd and its includes, copied into the Deposit bundle at synth. */
    readonly schemaDir: string;
  };
  /** The largest galley (PDF, EPUB…) Ingest takes, in bytes: a larger one refuses its issue. */
  readonly files: { readonly maxBytes: number };
  /** OAI-PMH Identify's adminEmail: who harvesters write to about the repository. */
  readonly oai: { readonly adminEmail: string };
  /**
   * The public HTTP API's limits, per route (infra/constructs/api-stage.ts): the OAI-PMH routes and
   * Crossref's callback each have their own, so one flooding the other gets 429s alone; every
   * other route shares `throttle`.
   */
  readonly api: { readonly throttle: ApiThrottle; readonly oai: PublicLimits; readonly callback: PublicLimits };
  /** Without a custom domain the site answers on the distribution's own `*.cloudfront.net` name. */
  readonly site: {
    readonly customDomain?: CustomDomain;
    /**
     * The journal this stage served before it held several: its issue pages were at `/issues/<id>/`
     * (until the many-journals change) and answer 301 to `/<journal id>/issues/<id>/`.
     */
    readonly legacyJournal?: string;
  };
  /** What deleting a stack does to buckets, the table, the secret and log groups. */
  readonly removalPolicy: RemovalPolicy;
  /** DynamoDB deletion protection: on only where the records are the real ones. */
  readonly deletionProtection: boolean;
  readonly logRetention: RetentionDays;
  readonly alarms: {
    /** A dead-letter queue alarms when it holds more than this many messages (0: any message at all). */
    readonly dlqDepth: number;
    /** A work queue alarms when its oldest message waited longer than this: the pipeline is stuck. */
    readonly oldestMessageAgeSeconds: number;
  };
}

/** 100 MB: a long illustrated article; Ingest holds one file in memory at a time (1,024 MB functions). */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * Harvesters are polite but many: each OAI-PMH route takes 20 requests a second (bursts of 40) and
 * the Oai function at most 10 environments (a 10 s timeout, ~50 ms a page: ~200 pages a second).
 * Crossref sends one callback per submission: 5 a second per route is ample, and 2 environments
 * are kept for it whatever else runs.
 */
const API_LIMITS = {
  throttle: { rateLimit: 50, burstLimit: 100 },
  oai: { rateLimit: 20, burstLimit: 40, reservedConcurrency: 10 },
  callback: { rateLimit: 5, burstLimit: 10, reservedConcurrency: 2 },
} as const satisfies StageConfig['api'];

const scratch = {
  crossref: { endpoint: CROSSREF_ENDPOINTS.test, mode: 'deposit', schemaDir: CROSSREF_SCHEMA_DIR },
  files: { maxBytes: MAX_FILE_BYTES },
  oai: { adminEmail: 'oai-admin@example.org' },
  api: API_LIMITS,
  site: {},
  removalPolicy: RemovalPolicy.DESTROY,
  deletionProtection: false,
  alarms: { dlqDepth: 0, oldestMessageAgeSeconds: 3600 },
} as const satisfies Omit<StageConfig, 'stage' | 'logRetention'>;

export const STAGES: Readonly<Record<StageName, StageConfig>> = {
  // Locally nothing leaves the machine unless asked: `COLOPHON_CROSSREF=simulator npm start` (infra/local/README.md).
  local: { ...scratch, stage: 'local', crossref: { ...scratch.crossref, mode: 'dry-run' }, logRetention: RetentionDays.ONE_WEEK },
  // dev and prod may have been deployed with Balcanica alone (README's deploy steps before many journals): its old issue paths redirect.
  dev: { ...scratch, stage: 'dev', site: { legacyJournal: 'balcanica' }, logRetention: RetentionDays.TWO_WEEKS },
  prod: {
    stage: 'prod',
    crossref: { endpoint: CROSSREF_ENDPOINTS.production, mode: 'deposit', schemaDir: CROSSREF_SCHEMA_DIR },
    files: { maxBytes: MAX_FILE_BYTES },
    // Replace with the journal's real contact before the first prod deploy.
    oai: { adminEmail: 'oai-admin@example.org' },
    api: API_LIMITS,
    // The custom domain goes here once its ACM certificate exists in us-east-1.
    site: { legacyJournal: 'balcanica' },
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    logRetention: RetentionDays.ONE_YEAR,
    alarms: { dlqDepth: 0, oldestMessageAgeSeconds: 900 },
  },
};

export class StageConfigError extends Error {
  override readonly name = 'StageConfigError';
}

const isStageName = (value: unknown): value is StageName => (STAGE_NAMES as readonly unknown[]).includes(value);

/** Domains reserved for examples (RFC 2606, RFC 6761): an address there reaches nobody. The OAI function applies the same rule. */
export { isPlaceholderAddress } from '#core/oai/admin-email';

/** Everything wrong with one stage's settings, in words; empty when it can be synthesized. */
export function stageProblems(config: StageConfig): string[] {
  const problems: string[] = [];
  const { account, region } = config.env ?? {};
  if (account !== undefined && !/^\d{12}$/.test(account)) problems.push(`env.account must be a 12-digit AWS account id, not "${account}"`);
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) problems.push(`env.region must be an AWS region such as eu-central-1, not "${region}"`);
  const domain = config.site.customDomain;
  if (domain !== undefined && !domain.certificateArn.startsWith('arn:aws:acm:us-east-1:'))
    problems.push(`site.customDomain.certificateArn must be an ACM certificate in us-east-1 (CloudFront reads only those), not "${domain.certificateArn}"`);
  if (config.stage === 'prod' && config.crossref.endpoint !== CROSSREF_ENDPOINTS.production) problems.push('prod must deposit to the production Crossref endpoint');
  if (config.stage !== 'prod' && config.crossref.endpoint === CROSSREF_ENDPOINTS.production)
    problems.push(`${config.stage} must not deposit to the production Crossref endpoint: it would register real DOIs`);
  if (!(CROSSREF_MODES as readonly string[]).includes(config.crossref.mode)) problems.push(`crossref.mode must be one of ${CROSSREF_MODES.join(', ')}, not "${config.crossref.mode}"`);
  if (config.crossref.schemaDir.trim() === '') problems.push('crossref.schemaDir must name the Crossref 5.4.0 schema folder');
  if (!Number.isInteger(config.files.maxBytes) || config.files.maxBytes < 1) problems.push('files.maxBytes must be a whole number of bytes, at least 1');
  if (!Number.isInteger(config.alarms.dlqDepth) || config.alarms.dlqDepth < 0) problems.push('alarms.dlqDepth must be a whole number ≥ 0');
  if (config.stage === 'prod') {
    // Harvesters write to this address about the repository; a placeholder reaches nobody.
    if (isPlaceholderAddress(config.oai.adminEmail)) problems.push(`oai.adminEmail is the placeholder "${config.oai.adminEmail}": set the address harvesters should write to (infra/config.ts, prod)`);
    // Without the publisher's domain the distribution answers only on *.cloudfront.net (not base_url's host) and still allows TLS 1.0.
    if (config.site.customDomain === undefined) problems.push('site.customDomain is missing: prod serves the journals\' base_url host with its ACM certificate (us-east-1), TLS 1.2 only');
  }
  for (const [name, limits] of Object.entries(config.api) as [string, PublicLimits][]) {
    if (!(Number.isInteger(limits.rateLimit) && limits.rateLimit >= 0 && Number.isInteger(limits.burstLimit) && limits.burstLimit >= 0)) problems.push(`api.${name} needs whole, non-negative rateLimit and burstLimit`);
    if (limits.reservedConcurrency !== undefined && !(Number.isInteger(limits.reservedConcurrency) && limits.reservedConcurrency >= 1)) problems.push(`api.${name}.reservedConcurrency must be a whole number ≥ 1 (or left out)`);
  }
  if (!(config.alarms.oldestMessageAgeSeconds >= 60)) problems.push('alarms.oldestMessageAgeSeconds must be at least 60 (SQS reports the metric each minute)');
  return problems;
}

/**
 * The settings of the stage named in CDK context (`-c stage=…`, `dev` when absent).
 * Throws a {@link StageConfigError} naming the choices for an unknown stage or listing every
 * problem of a known one, so synth stops before any construct is built.
 */
export function stageConfig(requested: unknown, stages: Readonly<Record<StageName, StageConfig>> = STAGES): StageConfig {
  const name = requested ?? 'dev';
  if (!isStageName(name)) throw new StageConfigError(`Unknown stage ${JSON.stringify(name)}: choose one of ${STAGE_NAMES.join(', ')} (cdk synth -c stage=dev).`);
  const config = stages[name];
  const problems = stageProblems(config);
  if (problems.length > 0) throw new StageConfigError(`Stage "${name}" cannot be synthesized:\n- ${problems.join('\n- ')}`);
  return config;
}
