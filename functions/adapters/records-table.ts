/** The DynamoDB plumbing the records store shares: queries that follow every page, and error wrapping. */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
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

/** BatchGetItem takes at most 100 keys. */
const BATCH_GET_LIMIT = 100;
/** Rounds of asking again for the keys BatchGetItem left unprocessed under load. */
const BATCH_GET_ROUNDS = 10;

export type BatchGetOptions = {
  /** Strongly consistent reads (twice the read units): for heads, which a query just found and a writer may have just moved. */
  readonly consistent: boolean;
  /** Only these attributes (a ProjectionExpression; the read still costs the whole item). */
  readonly projection?: { readonly expression: string; readonly names?: Readonly<Record<string, string>> };
};

/**
 * The items at `itemKeys` (`pk`/`sk`), in the order asked, one BatchGetItem per hundred; a key
 * with no item (deleted meanwhile) is left out.
 */
export async function batchGetAll(table: RecordsTable, itemKeys: readonly Item[], options: BatchGetOptions): Promise<Item[]> {
  const found = new Map<string, Item>();
  const id = (item: Item): string => `${String(item.pk)}\u0000${String(item.sk)}`;
  const unique = [...new Map(itemKeys.map((k) => [id(k), { pk: k.pk, sk: k.sk }])).values()];
  const projection = options.projection === undefined ? {} : { ProjectionExpression: `pk, sk, ${options.projection.expression}`, ...(options.projection.names ? { ExpressionAttributeNames: { ...options.projection.names } } : {}) };
  for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
    let request: Record<string, { Keys: Item[]; ConsistentRead: boolean }> | undefined = {
      [table.tableName]: { Keys: unique.slice(start, start + BATCH_GET_LIMIT), ConsistentRead: options.consistent, ...projection },
    };
    for (let round = 0; request !== undefined && Object.keys(request).length > 0; round++) {
      if (round === BATCH_GET_ROUNDS) throw new RecordsError(`records table: items still unread after ${BATCH_GET_ROUNDS} rounds`);
      const page = await table.client.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of (page.Responses?.[table.tableName] ?? []) as Item[]) found.set(id(item), item);
      request = page.UnprocessedKeys as typeof request;
    }
  }
  return itemKeys.map((k) => found.get(id(k))).filter((item): item is Item => item !== undefined);
}

type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'ProjectionExpression'>;

/**
 * A query on one of the table's indexes, then the items themselves from the table: the indexes
 * project only keys and the few attributes lists read (infra/constructs/records-table.ts), so
 * whatever else a caller needs is read by key. Each item comes with `matches`, whether it still
 * has the index key the query found it under (a writer may have moved it in between).
 */
export async function queryThenGet(
  table: RecordsTable,
  /** One query, or several (the shards of one partition) whose entries are merged by `options.order`. */
  input: QueryInput | readonly QueryInput[],
  options: BatchGetOptions & { readonly order?: string },
): Promise<{ readonly item: Item; readonly entry: Item }[]> {
  const inputs = Array.isArray(input) ? (input as readonly QueryInput[]) : [input as QueryInput];
  const entries = (await Promise.all(inputs.map((i) => queryAll(table, i)))).flat();
  const order = options.order;
  if (order !== undefined && inputs.length > 1) entries.sort((a, b) => (String(a[order]) < String(b[order]) ? -1 : String(a[order]) > String(b[order]) ? 1 : 0));
  const items = await batchGetAll(table, entries, options);
  const byKey = new Map(items.map((item) => [`${String(item.pk)}\u0000${String(item.sk)}`, item]));
  return entries.flatMap((entry) => {
    const item = byKey.get(`${String(entry.pk)}\u0000${String(entry.sk)}`);
    return item === undefined ? [] : [{ item, entry }];
  });
}

/** Whether `item` still sits in the index partition (and, when given, at the sort key) of `entry`. */
export function stillIndexed(item: Item, entry: Item, index: string, sameSortKey = false): boolean {
  return item[`${index}pk`] === entry[`${index}pk`] && (!sameSortKey || item[`${index}sk`] === entry[`${index}sk`]);
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
