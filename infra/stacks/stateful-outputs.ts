import { CfnOutput, Fn, Stack } from 'aws-cdk-lib';
import { HttpApi, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { RECORD_INDEX_NAMES, type IndexedTable } from '../constructs/records-table.ts';

/**
 * The stateful stack's outputs, by name. They are what the CLI reads (DescribeStacks) and the only
 * way the stateless stack reads the stateful one (`Fn::GetStackOutput`): one public contract, with
 * names a person can read in both templates and in every cdk-nag finding.
 */
export const STATEFUL_OUTPUTS = {
  InboxBucketName: 'Bucket the CLI uploads issues to: inbox/<journal>/<issue>/<batchId>/…, _publish.json last',
  SiteBucketName: 'Bucket behind the distribution: the public site',
  ArtifactsBucketName: 'Bucket of deposit files and logs',
  TableName: 'DynamoDB records table (pk/sk, gsi1–gsi3)',
  CrossrefParameterName: 'SSM SecureString parameter (create it once) with Crossref login_id, login_passwd and callback_token',
  OaiTokenParameterName: 'SSM SecureString parameter (create it once: 48 random letters and digits) that seals OAI-PMH resumption tokens',
  ApiId: 'HTTP API behind /api/* (routes come from the stateless stack)',
  ApiEndpoint: 'The HTTP API’s own endpoint (prefer the site URL + /api/…)',
  ApiAccessLogGroupName: 'Log group of the HTTP API’s access log (its stage, with the throttles, is the stateless stack’s)',
  DistributionId: 'CloudFront distribution (for invalidations)',
  DistributionDomainName: 'CloudFront domain name',
  SiteBaseUrl: 'https:// base of the public site, no trailing slash',
  StaffUserPoolId: 'Cognito user pool of the staff console (admins invite staff; groups admin and editor:<journal>)',
  StaffUserPoolClientId: 'The staff console’s app client (public, no secret)',
} as const;
export type StatefulOutputName = keyof typeof STATEFUL_OUTPUTS;

/** Declare every stateful output (the record type makes a missing one a compile error), named exactly as above. */
export function publishStatefulOutputs(stack: Stack, values: Readonly<Record<StatefulOutputName, string>>): void {
  for (const name of Object.keys(STATEFUL_OUTPUTS) as StatefulOutputName[]) {
    new CfnOutput(stack, name, { value: values[name], description: STATEFUL_OUTPUTS[name] }).overrideLogicalId(name);
  }
}

/** What the stateless stack uses of the stateful one. */
export interface StatefulResources {
  readonly inbox: IBucket;
  readonly site: IBucket;
  readonly artifacts: IBucket;
  readonly records: IndexedTable;
  readonly api: IHttpApi;
  readonly apiAccessLogs: ILogGroup;
  readonly siteBaseUrl: string;
}

/** The stateful stack's resources, imported into `stack` through its outputs. */
export function importStateful(stack: Stack, statefulStackName: string): StatefulResources {
  const scope = new Construct(stack, 'Stateful');
  const output = (name: StatefulOutputName): string => Fn.getStackOutput(statefulStackName, name, Stack.of(stack).region);
  return {
    inbox: Bucket.fromBucketName(scope, 'InboxBucket', output('InboxBucketName')),
    site: Bucket.fromBucketName(scope, 'SiteBucket', output('SiteBucketName')),
    artifacts: Bucket.fromBucketName(scope, 'ArtifactsBucket', output('ArtifactsBucketName')),
    records: {
      table: Table.fromTableAttributes(scope, 'RecordsTable', { tableName: output('TableName'), globalIndexes: [...RECORD_INDEX_NAMES] }),
      indexNames: RECORD_INDEX_NAMES,
    },
    api: HttpApi.fromHttpApiAttributes(scope, 'Api', { httpApiId: output('ApiId') }),
    apiAccessLogs: LogGroup.fromLogGroupName(scope, 'ApiAccessLogs', output('ApiAccessLogGroupName')),
    siteBaseUrl: output('SiteBaseUrl'),
  };
}
