/** SDK clients the stand-in itself uses (provisioning, polling, publishing), pointed at the emulators explicitly. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Endpoints } from './emulators.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './paths.ts';

export type Clients = { readonly s3: S3Client; readonly dynamodb: DynamoDBClient; readonly documents: DynamoDBDocumentClient; readonly sqs: SQSClient };

export function localClients(endpoints: Endpoints): Clients {
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamodb = new DynamoDBClient({ ...common, endpoint: endpoints.dynamodb });
  return {
    s3: new S3Client({ ...common, endpoint: endpoints.s3, forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }),
    dynamodb,
    documents: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
    sqs: new SQSClient({ ...common, endpoint: endpoints.sqs, useQueueUrlAsEndpoint: false }),
  };
}
