/**
 * AWS list prices the cost benchmark turns counted requests into dollars with.
 *
 * Region us-east-1 (N. Virginia), on-demand list prices in USD, without the free tier, as
 * published on the services' pricing pages (aws.amazon.com/<service>/pricing) and last read
 * 2025-06; this machine has no internet, so they were not re-read for this run. Prices in
 * eu-central-1 (Frankfurt) are 5–20 % higher for most lines. Update `PRICES_AS_OF` with the table.
 */
export const PRICES_REGION = 'us-east-1';
export const PRICES_AS_OF = '2025-06';

export const PRICES = {
  lambda: {
    /** Per request (invocation). */
    request: 0.2 / 1e6,
    /** Per GB-second of billed duration, Arm (the stack's functions are ARM_64). */
    gbSecondArm: 0.0000133334,
  },
  s3: {
    /** PUT, COPY, POST, LIST requests. */
    tier1: 0.005 / 1000,
    /** GET, HEAD and every other request (DELETE is free). */
    tier2: 0.0004 / 1000,
    /** S3 Standard storage, first 50 TB. */
    gbMonth: 0.023,
  },
  dynamodb: {
    /** On-demand (since the November 2024 price cut). */
    writeRequestUnit: 0.625 / 1e6,
    readRequestUnit: 0.125 / 1e6,
    gbMonth: 0.25,
    /** Continuous backups (point-in-time recovery), per GB of table a month. */
    pitrGbMonth: 0.2,
  },
  sqs: {
    /** Standard queue, per request (each 64 KB chunk of a payload is a request). */
    request: 0.4 / 1e6,
  },
  httpApi: {
    /** API Gateway HTTP API, first 300 million a month, per request (each 512 KB a request). */
    request: 1.0 / 1e6,
  },
  cloudfront: {
    /** HTTPS requests, United States / Europe. */
    httpsRequest: 0.01 / 10_000,
    /** Data transfer out to the internet, first 10 TB, United States / Europe. */
    gbOut: 0.085,
  },
  secretsManager: { secretMonth: 0.4, apiCall: 0.05 / 10_000 },
  /** A customer managed key a month (AWS managed keys, like SSE-S3's and aws/ssm's, cost nothing). */
  kms: { keyMonth: 1 },
  cloudwatch: { alarmMonth: 0.1, logIngestGb: 0.5, logStorageGbMonth: 0.03 },
  /**
   * S3 events to EventBridge and schedule rules are free (AWS service events on the default bus);
   * custom events would be $1 per million, and the stack sends none.
   */
  eventbridge: { awsServiceEvent: 0 },
} as const;

/**
 * AWS's always-free tier (every month, every account, not only the first year), for the idle
 * month's second figure: 1 million SQS requests, 10 CloudWatch alarm metrics, 1 million Lambda
 * requests and 400,000 GB-seconds, 5 GB of CloudWatch Logs ingested, 1 TB and 10 million requests
 * out of CloudFront.
 */
export const ALWAYS_FREE = { sqsRequests: 1e6, alarmMetrics: 10, lambdaRequests: 1e6, lambdaGbSeconds: 400_000, logIngestGb: 5 } as const;
