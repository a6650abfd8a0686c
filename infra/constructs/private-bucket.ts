import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, CfnBucket, ObjectOwnership, type CorsRule, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { pinLogicalId } from './logical-id.ts';

export interface PrivateBucketProps {
  readonly removalPolicy: RemovalPolicy;
  /** Where S3 server access logs go, under `<id>/`. */
  readonly accessLogs: IBucket;
  readonly versioned?: boolean;
  /** Send the bucket's object events to the account's default EventBridge bus. */
  readonly eventBridge?: boolean;
  /** Objects under these key prefixes are deleted this long after they were written. */
  readonly expire?: { readonly prefixes: readonly string[]; readonly after: Duration };
  /** In a versioned bucket, overwritten and expired versions are deleted this long after they stopped being current. */
  readonly noncurrentVersionsExpireAfter?: Duration;
  /** Cross-origin requests the bucket answers (the console's presigned galley uploads to the inbox). */
  readonly cors?: readonly CorsRule[];
}

/** The settings every bucket shares: no public access, TLS 1.2+ only, S3-managed encryption, no ACLs. */
const PRIVATE = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
} as const;

/** A private bucket whose logical id is `id`, logging its access to the shared access-log bucket. */
export function privateBucket(scope: Construct, id: string, props: PrivateBucketProps): IBucket {
  const bucket = new Bucket(scope, id, {
    ...PRIVATE,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: props.versioned ?? false,
    removalPolicy: props.removalPolicy,
    serverAccessLogsBucket: props.accessLogs,
    serverAccessLogsPrefix: `${id}/`,
    ...(props.cors === undefined ? {} : { cors: [...props.cors] }),
    lifecycleRules: [
      { abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ...(props.expire?.prefixes ?? []).map((prefix) => ({ prefix, expiration: props.expire!.after })),
      ...(props.noncurrentVersionsExpireAfter === undefined ? [] : [{ noncurrentVersionExpiration: props.noncurrentVersionsExpireAfter, expiredObjectDeleteMarker: true }]),
    ],
  });
  pinLogicalId(bucket, id);
  if (props.eventBridge === true) enableEventBridge(bucket);
  return asIBucket(bucket);
}

/**
 * The bucket's own `NotificationConfiguration`, set on the CloudFormation resource. The L2
 * `eventBridgeEnabled` prop would instead deploy a custom-resource Lambda (with an AWS managed
 * policy) just to flip this one switch.
 */
function enableEventBridge(bucket: Bucket): void {
  const resource = bucket.node.defaultChild;
  if (!(resource instanceof CfnBucket)) throw new Error(`${bucket.node.path} has no CfnBucket`);
  resource.notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
}

/**
 * The bucket that receives S3 server access logs and CloudFront standard logs. CloudFront's
 * standard logging writes through object ACLs, so ACLs stay on (bucket owner preferred).
 */
export function accessLogBucket(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy; expireAfter: Duration }): IBucket {
  const bucket = new Bucket(scope, id, {
    ...PRIVATE,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    removalPolicy: props.removalPolicy,
    lifecycleRules: [{ expiration: props.expireAfter, abortIncompleteMultipartUploadAfter: Duration.days(1) }],
  });
  pinLogicalId(bucket, id);
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'This is the access-log bucket itself: logging its own access into itself would loop; CloudTrail data events cover it if ever needed.',
  });
  return asIBucket(bucket);
}

/**
 * `Bucket` declares `get isWebsite(): boolean | undefined` where `IBucket` has `isWebsite?: boolean`;
 * under `exactOptionalPropertyTypes` TypeScript refuses that sound assignment, so it is stated
 * here once and the rest of the app speaks `IBucket`.
 */
const asIBucket = (bucket: Bucket): IBucket => bucket as IBucket;
