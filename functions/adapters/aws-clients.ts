/**
 * AWS SDK v3 clients, configured once per cold start from the environment.
 *
 * Endpoints come from the SDK's own `AWS_ENDPOINT_URL_<SERVICE>` variables, so the same code
 * talks to AWS or to the local emulators. Two settings differ only where an endpoint is given:
 * path-style S3 addressing (`<bucket>.localhost` does not resolve) and, always, SQS requests go
 * to the configured endpoint rather than the queue URL's host (the emulator's queue URLs use a
 * `sqs.<region>.localhost` host; on AWS both are the same).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createS3Client } from './s3-client.ts';

export type AwsClients = {
  readonly s3: S3Client;
  /** The document client over `dynamoBase`, for the records store. */
  readonly dynamo: DynamoDBDocumentClient;
  /** The plain client under `dynamo`: adapters that wrap their own document client (the deposit ledger) share its connections. */
  readonly dynamoBase: DynamoDBClient;
  readonly sqs: SQSClient;
};

export function createClients(env: NodeJS.ProcessEnv = process.env): AwsClients {
  return { s3: createS3Client(env), ...createDynamoClients(), sqs: createSqsClient() };
}

// One factory per service, so that a handler which needs only some of them bundles only those
// clients (a cold start pays for every client module it imports, issue 16): Oai uses DynamoDB alone.

export { createS3Client } from './s3-client.ts';

export function createDynamoClients(): Pick<AwsClients, 'dynamo' | 'dynamoBase'> {
  const dynamoBase = new DynamoDBClient({});
  const dynamo = DynamoDBDocumentClient.from(dynamoBase, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { dynamo, dynamoBase };
}

export function createSqsClient(): SQSClient {
  return new SQSClient({ useQueueUrlAsEndpoint: false });
}
