/** The DynamoDB plumbing the records store shares: queries that follow every page, and error wrapping. */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { RecordsError } from './errors.ts';

export type RecordsTable = { readonly client: DynamoDBDocumentClient; readonly tableName: string };
export type Item = Record<string, unknown>;

/** Every item a query matches, following `LastEvaluatedKey` (a page holds at most 1 MB). */
export async function queryAll(table: RecordsTable, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.client.send(new QueryCommand({ ...input, TableName: table.tableName, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

/**
 * True when a write lost its condition: another writer got there first, which callers treat as an
 * outcome. A transaction DynamoDB cancelled because another one was writing one of its items at
 * that moment (`TransactionConflict`, e.g. two new articles of one journal both counting
 * themselves) lost the same race: read again and decide afresh.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
export function lostCondition(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException) return (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
  return false;
}

/** Runs one table call, wrapping any failure other than a lost condition in a RecordsError naming what was tried. */
export async function attempt<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (lostCondition(error)) throw error;
    throw new RecordsError(`records table: could not ${what}`, { cause: error });
  }
}
