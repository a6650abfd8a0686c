import { Duration, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { UPLOADS_PREFIX } from '#adapters/galley-uploads';
import { DRY_RUN_PREFIX, INVALID_PREFIX } from '#handlers/flows/deposit-files';
import { REBUILD_PREFIX } from '#handlers/flows/rebuild';
import type { StageConfig } from '../config.ts';
import { accessLogBucket, privateBucket } from '../constructs/private-bucket.ts';
import { PublicApi } from '../constructs/public-api.ts';
import { RecordsTable } from '../constructs/records-table.ts';
import { secureParameterPath } from '../constructs/secure-parameters.ts';
import { SiteDistribution } from '../constructs/site-distribution.ts';
import { StaffPool } from '../constructs/staff-pool.ts';
import { publishStatefulOutputs } from './stateful-outputs.ts';

/** Deposit files that never reached Crossref (dry runs, files the schema refused): kept 30 days. */
export const ARTIFACT_SCRATCH_PREFIXES = [DRY_RUN_PREFIX, INVALID_PREFIX] as const;

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * What must outlive any redeploy: the buckets, the records table, and
 * the public face whose address is registered with Crossref as every DOI's resource URL (the
 * distribution and the API it fronts). Nothing here points at the stateless stack, which reads
 * this one only through the outputs in `stateful-outputs.ts`.
 */
export class StatefulStack extends Stack {
  readonly inbox: IBucket;
  readonly site: IBucket;
  readonly artifacts: IBucket;
  readonly records: RecordsTable;
  readonly api: HttpApi;
  readonly siteBaseUrl: string;
  readonly staff: StaffPool;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.removalPolicy;

    const accessLogs = accessLogBucket(this, 'AccessLogsBucket', { removalPolicy, expireAfter: Duration.days(config.logRetention) });
    // The CLI uploads an issue's files under inbox/<journal>/<issue>/<batchId>/ and then its
    // _publish.json manifest; EventBridge (not a bucket notification, which would have to name the
    // function and so point this stack at the stateless one) carries that event to Ingest.
    // The inbox holds what staff uploaded (contributors' e-mail addresses among it). Each issue's
    // current upload stays: it is the published source that the staff console edits from
    // (handlers/admin/sources.ts); a version replaced or deleted is gone after 30 days, and so are
    // the pages of `colophon rebuild` once it has finished. Galleys (`galleys/`) stay: Render
    // copies them from there at every re-render. (issue 12, Low: personal data not kept forever.)
    this.inbox = privateBucket(this, 'InboxBucket', {
      removalPolicy,
      accessLogs,
      versioned: true,
      eventBridge: true,
      expire: { prefixes: [REBUILD_PREFIX, UPLOADS_PREFIX], after: Duration.days(30) },
      noncurrentVersionsExpireAfter: Duration.days(30),
      // The console's galley uploads (issue 15): the browser PUTs to a presigned URL, from the site's origin only.
      cors: [{ allowedMethods: [HttpMethods.PUT], allowedOrigins: [Lazy.string({ produce: () => this.siteBaseUrl })], allowedHeaders: ['content-type'], maxAge: 3000 }],
    });
    this.site = privateBucket(this, 'SiteBucket', { removalPolicy, accessLogs });
    // Sent deposit files are the record of what Crossref received: kept. Dry runs and files the
    // schema refused (never sent) are working copies.
    this.artifacts = privateBucket(this, 'ArtifactsBucket', { removalPolicy, accessLogs, expire: { prefixes: ARTIFACT_SCRATCH_PREFIXES, after: Duration.days(30) } });

    this.records = new RecordsTable(this, 'RecordsTable', { removalPolicy, deletionProtection: config.deletionProtection });

    // The Crossref credentials and the OAI-PMH token seal are SSM SecureString parameters under
    // /colophon/<stage>/ (constructs/secure-parameters.ts): CloudFormation cannot create a
    // SecureString, so no stack holds them and whoever deploys creates them once (README); the
    // outputs name them. Being outside every stack, they also outlive any redeploy or deletion.

    const publicApi = new PublicApi(this, 'PublicApi', { logRetention: config.logRetention, removalPolicy });
    this.api = publicApi.api;
    const site = new SiteDistribution(this, 'Site', {
      bucket: this.site,
      apiDomainName: publicApi.domainName,
      logBucket: accessLogs,
      customDomain: config.site.customDomain,
      legacyJournal: config.site.legacyJournal,
    });
    this.siteBaseUrl = site.baseUrl;

    // Staff sign-in for the console (issue 15): accounts outlive every redeploy.
    this.staff = new StaffPool(this, 'Staff', { removalPolicy });

    publishStatefulOutputs(this, {
      InboxBucketName: this.inbox.bucketName,
      SiteBucketName: this.site.bucketName,
      ArtifactsBucketName: this.artifacts.bucketName,
      TableName: this.records.table.tableName,
      CrossrefParameterName: secureParameterPath(config.stage, 'crossref'),
      OaiTokenParameterName: secureParameterPath(config.stage, 'oaiTokenSeal'),
      ApiId: this.api.apiId,
      ApiEndpoint: this.api.apiEndpoint,
      ApiAccessLogGroupName: publicApi.accessLogs.logGroupName,
      DistributionId: site.distribution.distributionId,
      DistributionDomainName: site.distribution.distributionDomainName,
      SiteBaseUrl: site.baseUrl,
      StaffUserPoolId: this.staff.pool.userPoolId,
      StaffUserPoolClientId: this.staff.client.userPoolClientId,
    });
  }
}
