/**
 * DynamoDB Local for the deposit tests, from the shared launcher in infra/local (one JVM per test
 * file, stopped in afterAll), with a client and the records table.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
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

/** The records table as infra/constructs/records-table.ts defines it. */
export async function createRecordsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const indexes = ['gsi1', 'gsi2', 'gsi3'];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        ...indexes.flatMap((n) => [
          { AttributeName: `${n}pk`, AttributeType: 'S' as const },
          { AttributeName: `${n}sk`, AttributeType: 'S' as const },
        ]),
      ],
      GlobalSecondaryIndexes: indexes.map((n) => ({
        IndexName: n,
        KeySchema: [
          { AttributeName: `${n}pk`, KeyType: 'HASH' as const },
          { AttributeName: `${n}sk`, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      })),
    }),
  );
}
