/**
 * The records table as infra/constructs/records-table.ts defines it (pk/sk, gsi1–gsi3 with
 * `<name>pk`/`<name>sk`, the construct's projections), created on DynamoDB Local for tests that use the
 * emulator without provisioning the whole synthesized stack.
 */
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RECORD_INDEX_NAMES, recordIndexProjection } from '#infra/constructs/records-table';

const attribute = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });

export async function createRecordsTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [attribute('pk'), attribute('sk'), ...RECORD_INDEX_NAMES.flatMap((n) => [attribute(`${n}pk`), attribute(`${n}sk`)])],
      GlobalSecondaryIndexes: RECORD_INDEX_NAMES.map((n) => ({
        IndexName: n,
        KeySchema: [
          { AttributeName: `${n}pk`, KeyType: 'HASH' as const },
          { AttributeName: `${n}sk`, KeyType: 'RANGE' as const },
        ],
        Projection: recordIndexProjection(n),
      })),
    }),
  );
}
