import { CfnOutput, Duration, Fn, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Match, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { ColophonFunction, handlerEntry, handlerModules, type ColophonFunctionProps } from '../constructs/colophon-function.ts';
import { ApiStage, reserveConcurrency } from '../constructs/api-stage.ts';
import { HttpRoutes, type HttpRouteSpec } from '../constructs/http-routes.ts';
import { ADMIN_BUNDLED_MODULES, cognitoEndpoint, STAFF_CONSOLE_FOLDERS, staffApi, uploadOrigin } from '../constructs/staff-api.ts';
import { DeadLetterQueue, WorkQueue } from '../constructs/work-queue.ts';
import { bindSecureParameter, secureParameter } from '../constructs/secure-parameters.ts';
import { importStateful, type StatefulOutputName } from './stateful-outputs.ts';
import { SITEMAP_PK_PREFIX } from '#adapters/records-keys';

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  /** Name of the stateful stack whose outputs this stack reads. */
  readonly statefulStackName: string;
}

/**
 * Only the publish manifest starts ingestion: the CLI uploads an issue's YAML files to
 * `inbox/<journal>/<issue>/<batchId>/` and writes `_publish.json` last (functions/adapters/inbox.ts),
 * so there is one event per publish and never a half-uploaded issue. EventBridge's `*` also
 * matches `/`; the handler re-checks the key (`isManifestKey`). Redelivery is harmless: Ingest
 * stores a new article version only when its record hash changed and queues a render only for
 * versions not yet rendered.
 */
export const PUBLISH_MANIFEST_PATTERN = 'inbox/*/_publish.json';
/** A page of `colophon rebuild` (functions/handlers/flows/rebuild.ts `rebuildPageKey`); the handler re-checks the key too. */
export const REBUILD_PAGE_PATTERN = 'rebuild/*/page-*.json';

/**
 * Site and deposit jobs per run and how long Lambda gathers them (SQS allows more than 10 only
 * with a window). Two seconds holds a burst of render batches together; every second of it is
 * also a second between the last render and the site or the deposit being up to date.
 */
export const JOB_BATCH_SIZE = 100;
export const JOB_BATCHING_WINDOW = Duration.seconds(2);

/** The path of Crossref's notification callback on the HTTP API. */
export const CROSSREF_CALLBACK_PATH = '/api/crossref/callback';

/**
 * The pipeline: inbox manifest → Ingest → RenderQueue → Render → SiteQueue → Site (and
 * DepositQueue → Deposit → Crossref), plus 15-minute schedules on Site and Deposit, and the public
 * HTTP routes (OAI-PMH, Crossref's notification callback). Everything here can be destroyed and
 * redeployed without losing data.
 */
export class StatelessStack extends Stack {
  readonly ingest: ColophonFunction;
  readonly render: ColophonFunction;
  readonly site: ColophonFunction;
  readonly oai: ColophonFunction;
  readonly deposit: ColophonFunction;
  readonly crossrefCallback: ColophonFunction;
  readonly admin: ColophonFunction;
  readonly downloads: ColophonFunction;
  readonly depositQueue: WorkQueue;
  readonly renderQueue: WorkQueue;
  readonly siteQueue: WorkQueue;
  readonly ingestDlq: DeadLetterQueue;
  /** On-failure destinations of the functions invoked asynchronously (EventBridge rules), by function. */
  readonly asyncFailures: Readonly<Record<'Ingest' | 'Site' | 'Deposit', DeadLetterQueue>>;
  readonly routes: HttpRoutes;
  readonly apiStage: ApiStage;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    const stateful = importStateful(this, props.statefulStackName);
    const { alarms } = config;
    const fn = (name: string, file: string, extra: Pick<ColophonFunctionProps, 'timeout' | 'description' | 'bundledFolders' | 'bundledModules' | 'memorySize'>): ColophonFunction =>
      new ColophonFunction(this, name, { entry: handlerEntry(file), stage: config.stage, logRetention: config.logRetention, removalPolicy: config.removalPolicy, ...extra, bundledModules: [...handlerModules(file), ...(extra.bundledModules ?? [])] });

    // Consumers first: each queue's visibility timeout derives from its consumer's timeout.
    this.render = fn('Render', 'render', { timeout: Duration.minutes(2), description: 'Colophon Render: an article version to its landing page, JATS and citation files' });
    this.site = fn('Site', 'site', {
      timeout: Duration.minutes(2),
      description: 'Colophon Site: issue tables of contents, archive, sitemap, robots.txt, and the staff console’s files under admin/',
      bundledFolders: STAFF_CONSOLE_FOLDERS,
    });
    // Deposit validates each file against the Crossref XSD it carries; a file Crossref would poll
    // for minutes is left pending for the schedule, so five minutes cover retries and two polls.
    this.deposit = fn('Deposit', 'deposit', {
      timeout: Duration.minutes(5),
      description: 'Colophon Deposit: an issue’s rendered DOIs to Crossref (and, on schedule, pending batches settled)',
      bundledFolders: [{ from: config.crossref.schemaDir, to: 'schemas/crossref/5.4.0' }],
    });
    this.ingest = fn('Ingest', 'ingest', { timeout: Duration.minutes(1), description: 'Colophon Ingest: an issue manifest from the inbox into the records table' });
    this.renderQueue = new WorkQueue(this, 'RenderQueue', { consumerTimeout: this.render.timeout, dlqId: 'RenderDlq', alarms });
    this.siteQueue = new WorkQueue(this, 'SiteQueue', { consumerTimeout: this.site.timeout, dlqId: 'SiteDlq', alarms });
    this.depositQueue = new WorkQueue(this, 'DepositQueue', { consumerTimeout: this.deposit.timeout, dlqId: 'DepositDlq', alarms });
    this.ingestDlq = new DeadLetterQueue(this, 'IngestDlq', { alarms });
    Validations.of(this.ingestDlq.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'IngestDlq is itself a dead-letter queue: the one of the EventBridge target that invokes Ingest.',
    });

    // EventBridge hands its Lambda targets to Lambda's asynchronous queue: its target DLQ receives
    // only events it could not deliver. A function error is retried by Lambda (twice) and then, without
    // an on-failure destination, dropped silently. So every async function gets one, with an alarm.
    // https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
    const asyncFailures = (fn: ColophonFunction, id: string): DeadLetterQueue => {
      const failures = new DeadLetterQueue(this, id, { alarms });
      Validations.of(failures.queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: `${id} is itself a dead-letter queue: the on-failure destination of ${fn.node.id}'s asynchronous invocations.` });
      fn.fn.configureAsyncInvoke({ onFailure: new SqsDestination(failures.queue), retryAttempts: 2, maxEventAge: Duration.hours(6) });
      return failures;
    };
    this.asyncFailures = { Ingest: asyncFailures(this.ingest, 'IngestFailures'), Site: asyncFailures(this.site, 'SiteFailures'), Deposit: asyncFailures(this.deposit, 'DepositFailures') };

    // Each function gets exactly what its handler reads at cold start (functions/handlers/*.ts
    // requireEnv) and the calls it makes. Site files are written only when changed, which needs a
    // HeadObject first: hence read as well as write on the site bucket.
    this.ingest
      .bindBucket(stateful.inbox, 'INBOX_BUCKET', 'read')
      .bindTable(stateful.records, 'readWrite')
      .bindQueue(this.renderQueue.queue, 'RENDER_QUEUE_URL', 'send');
    this.ingest.fn.addEnvironment('GALLEY_MAX_BYTES', String(config.files.maxBytes));
    // Render copies the galleys Ingest checked beside each landing page: read on their prefix only.
    this.render
      // Render only reads heads and updates their render state (markRendered / markRenderFailed).
      .bindTable(stateful.records, 'readUpdate')
      .bindBucket(stateful.site, 'SITE_BUCKET', 'readWrite')
      .bindFiles(stateful.inbox)
      .bindQueue(this.siteQueue.queue, 'SITE_QUEUE_URL', 'send')
      .bindQueue(this.depositQueue.queue, 'DEPOSIT_QUEUE_URL', 'send');
    // Render deletes each message of a batch that follows a crash as soon as it is done (its own queue: the event source's grants).
    this.render.fn.addEnvironment('RENDER_QUEUE_URL', this.renderQueue.queue.queueUrl);
    // Site copies each issue's cover Ingest checked beside its issue page: read on the files' prefix only.
    this.site.bindTable(stateful.records, 'read').bindBucket(stateful.site, 'SITE_BUCKET', 'readWrite').bindFiles(stateful.inbox);
    // Site keeps each journal's sitemap parts (functions/adapters/records-sitemaps.ts) and writes nothing else of the records.
    this.site.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [stateful.records.table.tableArn], conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${SITEMAP_PK_PREFIX}*`] } } }));
    this.site.fn.addEnvironment('SITE_BASE_URL', stateful.siteBaseUrl);
    // The console page may connect to the staff pool's Cognito endpoint (its CSP names it).
    this.site.fn.addEnvironment('STAFF_COGNITO_ENDPOINT', cognitoEndpoint(this.region));
    // … and PUT galleys to the inbox bucket, at the presigned URLs the Admin function gives (issue 15).
    this.site.fn.addEnvironment('STAFF_UPLOAD_ORIGIN', uploadOrigin(stateful.inbox.bucketName, this.region));
    // The Crossref credentials stay in Parameter Store (a SecureString): only the parameter's name is in the environment.
    const crossrefParameter = secureParameter(this, config.stage, 'crossref');
    this.deposit.bindTable(stateful.records, 'readWrite').bindBucket(stateful.artifacts, 'ARTIFACTS_BUCKET', 'write');
    bindSecureParameter(this.deposit, crossrefParameter, 'CROSSREF_PARAMETER');
    this.deposit.fn.addEnvironment('CROSSREF_MODE', config.crossref.mode);
    this.deposit.fn.addEnvironment('CROSSREF_ENDPOINT', config.crossref.endpoint);

    new Rule(this, 'InboxPublished', {
      description: 'An issue manifest (or a page of colophon rebuild) landed in the inbox: ingest the issue (or queue the page for rendering)',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [stateful.inbox.bucketName] }, object: { key: Match.anyOf(Match.wildcard(PUBLISH_MANIFEST_PATTERN), Match.wildcard(REBUILD_PAGE_PATTERN)) } },
      },
      targets: [new LambdaFunction(this.ingest.fn, { deadLetterQueue: this.ingestDlq.queue, retryAttempts: 4, maxEventAge: Duration.hours(6) })],
    });
    this.render.fn.addEventSource(new SqsEventSource(this.renderQueue.queue, { batchSize: 10, reportBatchItemFailures: true }));
    // Every render batch sends a site job and a deposit job for its issue: a window gathers a burst
    // of them into one run (deduplicated by issue), so Site rebuilds the journal's archive and
    // sitemap once rather than once per render batch, and Deposit sends Crossref one batch per issue.
    this.site.fn.addEventSource(new SqsEventSource(this.siteQueue.queue, { batchSize: JOB_BATCH_SIZE, maxBatchingWindow: JOB_BATCHING_WINDOW, reportBatchItemFailures: true }));
    // Two deposits at a time at most: Crossref queues per account, and the ledger serialises per DOI anyway.
    this.deposit.fn.addEventSource(
      new SqsEventSource(this.depositQueue.queue, { batchSize: JOB_BATCH_SIZE, maxBatchingWindow: JOB_BATCHING_WINDOW, reportBatchItemFailures: true, maxConcurrency: 2 }),
    );
    // Once a day, not every 15 minutes: every render batch already sends its site job (retried, with a
    // DLQ), so this run only repairs a lost one, and it re-reads every record of the stage. Every 15
    // minutes that was the idle month's largest line, growing with the catalogue (bench:cost: $0.72
    // a month at 1,000 articles, ~$70 at 100,000); once a day it is 96 times less.
    new Rule(this, 'SiteSchedule', {
      description: 'Once a day: Site rebuilds every file, repairing any lost site job',
      schedule: Schedule.rate(Duration.days(1)),
      targets: [new LambdaFunction(this.site.fn, { retryAttempts: 2 })],
    });
    // Scheduled publication: the event's time decides what is due, so a retry releases the same articles.
    new Rule(this, 'ReleaseSchedule', {
      description: 'Every 15 minutes: Ingest publishes the articles held until an online date that has come',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(this.ingest.fn, { retryAttempts: 2 })],
    });
    new Rule(this, 'DepositSchedule', {
      description: 'Every 15 minutes: Deposit settles batches pending at Crossref (with backoff by age) and catches up on lost deposit jobs',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(this.deposit.fn, { retryAttempts: 2 })],
    });

    // The HTTP seam: one line per endpoint.
    this.oai = fn('Oai', 'oai', { timeout: Duration.seconds(10), description: 'Colophon Oai: the OAI-PMH 2.0 endpoints (/api/oai for the stage, /api/oai/<journal> per journal)' });
    this.oai.bindTable(stateful.records, 'read');
    bindSecureParameter(this.oai, secureParameter(this, config.stage, 'oaiTokenSeal'), 'OAI_TOKEN_PARAMETER');
    this.oai.fn.addEnvironment('OAI_ADMIN_EMAIL', config.oai.adminEmail);
    this.oai.fn.addEnvironment('SITE_BASE_URL', stateful.siteBaseUrl);
    this.crossrefCallback = fn('CrossrefCallback', 'crossref-callback', { timeout: Duration.seconds(30), description: 'Colophon CrossrefCallback: Crossref’s notification callback (/api/crossref/callback)' });
    this.crossrefCallback.bindLedger(stateful.records);
    bindSecureParameter(this.crossrefCallback, crossrefParameter, 'CROSSREF_PARAMETER');
    this.crossrefCallback.fn.addEnvironment('CROSSREF_ENDPOINT', config.crossref.endpoint);
    // An article's six citation downloads, from the one object Render writes per article (issue 16).
    // 256 MB, not swept: one S3 GET and a JSON parse, so its duration is the GET's latency, and a
    // smaller memory is a smaller bill for the same wall time.
    this.downloads = fn('Downloads', 'downloads', { timeout: Duration.seconds(10), memorySize: 256, description: 'Colophon Downloads: an article\u2019s citation and reference-list files (/doi/<doi>/citation.ris …) from its one downloads object' });
    this.downloads.bindSiteArticles(stateful.site);
    const routes: readonly HttpRouteSpec[] = [
      // The stage's repository (every journal, a set each) and one repository per journal (functions/adapters/oai-http.ts).
      { path: '/api/oai', fn: this.oai.fn, methods: [HttpMethod.GET, HttpMethod.POST], access: { public: 'OAI-PMH 2.0 is an open harvesting protocol for public metadata' } },
      { path: '/api/oai/{journal}', fn: this.oai.fn, methods: [HttpMethod.GET, HttpMethod.POST], access: { public: 'OAI-PMH 2.0 is an open harvesting protocol for public metadata (one journal\'s repository)' } },
      // CloudFront sends only the six download names (and the bundle's own, refused) below /doi/ here: site-distribution.ts DOWNLOAD_PATH_PATTERNS.
      { path: '/doi/{proxy+}', fn: this.downloads.fn, methods: [HttpMethod.GET, HttpMethod.HEAD], access: { public: 'An article\'s citation downloads are public files of the site, served as the static files were' } },
      {
        path: CROSSREF_CALLBACK_PATH,
        fn: this.crossrefCallback.fn,
        // Crossref's docs say only "an HTTP(S) request" with the data in headers: take either method.
        methods: [HttpMethod.GET, HttpMethod.POST],
        access: {
          public:
            'Crossref calls its notification callback without AWS credentials; the handler refuses any request without the unguessable token from the Crossref parameter (compared in constant time) and fetches logs only from the Crossref endpoint',
        },
      },
    ];
    // The staff console's API (issue 15): every /api/admin/* route behind the staff pool's JWT authorizer.
    this.admin = fn('Admin', 'admin', { timeout: Duration.seconds(30), description: 'Colophon Admin: the staff console API (/api/admin/*): drafts, validation, preview, publish', bundledModules: ADMIN_BUNDLED_MODULES });
    const staffOutput = (name: StatefulOutputName): string => Fn.getStackOutput(props.statefulStackName, name, this.region);
    const staff = staffApi(this, { admin: this.admin, records: stateful.records, inbox: stateful.inbox, userPoolId: staffOutput('StaffUserPoolId'), clientId: staffOutput('StaffUserPoolClientId'), depositQueue: this.depositQueue.queue, maxFileBytes: config.files.maxBytes });
    this.routes = new HttpRoutes(this, 'Routes', { api: stateful.api, routes: [...routes, ...staff.routes] });
    // Limits per route (one flooding client meets 429s on its routes alone) and reserved concurrency for the public functions.
    const onlyFor = (target: ColophonFunction) => this.routes.keyed.filter((r) => r.fn === target.fn);
    this.apiStage = new ApiStage(this, 'Api', {
      api: stateful.api,
      accessLogs: stateful.apiAccessLogs,
      defaultThrottle: config.api.throttle,
      routeThrottles: [{ routes: onlyFor(this.oai), throttle: config.api.oai }, { routes: onlyFor(this.crossrefCallback), throttle: config.api.callback }],
    });
    reserveConcurrency(this.oai, config.api.oai.reservedConcurrency);
    reserveConcurrency(this.crossrefCallback, config.api.callback.reservedConcurrency);

    const outputs: Record<string, string> = {
      RenderQueueUrl: this.renderQueue.queue.queueUrl,
      SiteQueueUrl: this.siteQueue.queue.queueUrl,
      RenderDlqUrl: this.renderQueue.dlq.queue.queueUrl,
      SiteDlqUrl: this.siteQueue.dlq.queue.queueUrl,
      DepositQueueUrl: this.depositQueue.queue.queueUrl,
      DepositDlqUrl: this.depositQueue.dlq.queue.queueUrl,
      IngestDlqUrl: this.ingestDlq.queue.queueUrl,
      IngestFailuresUrl: this.asyncFailures.Ingest.queue.queueUrl,
      SiteFailuresUrl: this.asyncFailures.Site.queue.queueUrl,
      DepositFailuresUrl: this.asyncFailures.Deposit.queue.queueUrl,
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
    // The URL staff register with Crossref (with `?token=<callback_token>`): the API's own endpoint,
    // not the site's /api/*, because the distribution's access logs record query strings and the
    // token would land in the log bucket. The API's access log format has no query string.
    new CfnOutput(this, 'CrossrefCallbackUrl', {
      value: Fn.join('', [Fn.getStackOutput(props.statefulStackName, 'ApiEndpoint' satisfies StatefulOutputName, this.region), CROSSREF_CALLBACK_PATH]),
      description: 'Register this URL with Crossref as the notify-url, with ?token=<callback_token from the Crossref parameter>; never the site URL (CloudFront logs query strings)',
    });
  }
}
