/**
 * DynamoDB Local with an empty records table, for the OAI store tests and the benchmark: the
 * emulator from infra/local (the project's launcher), the table with the key schema of
 * infra/constructs/records-table.ts (pk/sk, gsi1–gsi3 with `<name>pk`/`<name>sk` and their projections).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ARTICLE_COUNTER } from '#adapters/oai-store';
import { createRecordsStore, type RecordsStore } from '#adapters/records';
import { keys } from '#adapters/records-keys';
import type { OaiItem } from '#core/oai/source';
import { createRecordsTable } from '../helpers/records-table.ts';
import { startDynamoDbLocal, type DynamoDbLocal } from '#infra/local/dynamodb-local';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '#infra/local/paths';

export type LocalRecords = {
  readonly emulator: DynamoDbLocal;
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly records: RecordsStore;
  stop(): Promise<void>;
};

export async function startLocalRecords(tableName = 'RecordsTable'): Promise<LocalRecords> {
  const emulator = await startDynamoDbLocal();
  const raw = new DynamoDBClient({ endpoint: emulator.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  await createRecordsTable(raw, tableName);
  return {
    emulator,
    client,
    tableName,
    records: createRecordsStore(client, tableName),
    stop: async () => {
      raw.destroy();
      await emulator.stop();
    },
  };
}

/** Writes OAI items through the records store (a version per item), `concurrency` at a time; the journal and issues too. */
export async function putItems(local: LocalRecords, items: readonly OaiItem[], concurrency = 8): Promise<void> {
  const seen = new Set<string>();
  for (const { record, changedAt } of items) {
    const key = `${record.journal.id}/${record.issue.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await local.records.putJournal(record.journal, `hash-${record.journal.id}`, changedAt);
    await local.records.putIssue(record.journal, record.issue, `hash-${key}`, { batchId: 'test', now: changedAt });
  }
  let next = 0;
  const firsts = new Map<string, number>();
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      const out = await local.records.putVersion(item.record, `hash-${item.changedAt}`, { batchId: 'test', now: item.changedAt });
      if (out.outcome === 'created' && out.version === 1) firsts.set(item.record.journal.id, (firsts.get(item.record.journal.id) ?? 0) + 1);
      if (item.deleted) await markWithdrawn(local, item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // As Ingest counts a batch's new articles (records-counter.ts); each call is a batch of its own.
  putCalls += 1;
  for (const [journalId, n] of firsts) await local.records.countFirstPublished(journalId, `test-${putCalls}`, n);
}
let putCalls = 0;

/**
 * Sets the journal's article count to `articles` (ARTICLE_COUNTER in oai-store.ts): the batches'
 * counters `putItems` wrote are taken away and the journal's own counter holds the number.
 */
export async function setArticleCounter(local: LocalRecords, journalId: string, articles: number): Promise<void> {
  const counter = ARTICLE_COUNTER.key(journalId);
  const batches = await local.client.send(new QueryCommand({ TableName: local.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ExpressionAttributeValues: { ':pk': counter.pk, ':c': `${counter.sk}#` }, ConsistentRead: true }));
  for (const item of batches.Items ?? []) await local.client.send(new DeleteCommand({ TableName: local.tableName, Key: { pk: item.pk, sk: item.sk } }));
  await local.client.send(new PutCommand({ TableName: local.tableName, Item: { ...counter, [ARTICLE_COUNTER.attribute]: articles } }));
}

/**
 * A withdrawal as oai-store.ts reads it: the version written for it, and the head, carry
 * `withdrawn: true` (the records store has no withdrawal yet; see the report).
 */
async function markWithdrawn(local: LocalRecords, item: OaiItem): Promise<void> {
  const head = await local.records.getHead(item.record.article.doi);
  for (const key of [keys.head(item.record.article.doi), keys.version(item.record.article.doi, head!.meta.version)]) {
    await local.client.send(new UpdateCommand({ TableName: local.tableName, Key: key, UpdateExpression: 'SET withdrawn = :t', ExpressionAttributeValues: { ':t': true } }));
  }
}
