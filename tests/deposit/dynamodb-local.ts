/**
 * DynamoDB Local for the deposit tests, from the shared launcher in infra/local (one JVM per test
 * file, stopped in afterAll), with a client and the records table.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '#infra/local/dynamodb-local';

export type DynamoLocal = { readonly endpoint: string; readonly client: DynamoDBClient; stop(): Promise<void> };

export async function startDynamoLocal(): Promise<DynamoLocal> {
  const local = await startDynamoDbLocal();
  const client = new DynamoDBClient({ endpoint: local.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    endpoint: local.endpoint,
    client,
    stop: async () => {
      client.destroy();
      await local.stop();
    },
  };
}

export { createRecordsTable } from '../helpers/records-table.ts';
