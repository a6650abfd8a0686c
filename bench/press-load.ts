/**
 * Loading the press stage's articles into the records table (bench/press.ts), two ways:
 *
 * - `pipeline`: the records store's `putVersion`, one TransactWriteItems per article (version +
 *   head + the journal's article counter), as Ingest writes them: the records layer's publish
 *   throughput, 22–82 articles/s on DynamoDB Local on this shared machine (so 100,000 articles
 *   take 20–80 minutes);
 * - `direct`: the same `putVersion` code makes the same items, but its transaction is caught
 *   before it leaves the process (a client whose `send` keeps the TransactWriteItems' Put items
 *   and counter increments) and the items are written with BatchWriteItem, 25 a request, and
 *   each journal's counter with one UpdateItem `ADD articles :n` at the end. On a fresh table
 *   every condition of the transaction holds (no head yet), so the table ends up item for item
 *   as the transactions would leave it; only the transport differs. It is what makes a
 *   100,000-article stage in minutes, for the read-side figures (OAI, key distribution, sitemaps,
 *   status), not a publish throughput.
 */
import { BatchWriteCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { createRecordsStore, type ArticleRecord } from '#adapters/records';
import type { Item } from '#adapters/records-table';
import type { LocalRecords } from '#tests/oai/records-table';

export type At = (n: number) => { readonly batchId: string; readonly now: string };

/** BatchWriteItem takes at most 25 requests. */
const BATCH_WRITE = 25;
/** Articles whose items are made, then written, at a time (bounded memory at 100,000). */
const CHUNK = 2_000;

/** The items `putVersion`'s transactions would write, caught at the client. */
type Caught = { readonly puts: Item[]; readonly counters: Map<string, { key: Item; by: number }> };

function catchingClient(caught: Caught): DynamoDBDocumentClient {
  const send = (command: unknown): Promise<unknown> => {
    if (!(command instanceof TransactWriteCommand)) throw new Error(`press load: putVersion sent ${(command as object).constructor.name}, not a transaction: the direct load cannot stand in for it`);
    for (const t of (command.input as TransactWriteCommandInput).TransactItems ?? []) {
      if (t.Put !== undefined) caught.puts.push(t.Put.Item as Item);
      else if (t.Update !== undefined && t.Update.UpdateExpression === 'ADD articles :one') {
        const key = t.Update.Key as Item;
        const id = `${String(key.pk)}/${String(key.sk)}`;
        const counter = caught.counters.get(id) ?? { key, by: 0 };
        counter.by += Number(t.Update.ExpressionAttributeValues?.[':one']);
        caught.counters.set(id, counter);
      } else throw new Error(`press load: putVersion's transaction holds an item the direct load does not know: ${JSON.stringify(t).slice(0, 200)}`);
    }
    return Promise.resolve({});
  };
  return { send } as unknown as DynamoDBDocumentClient;
}

async function batchWrite(client: DynamoDBDocumentClient, tableName: string, items: readonly Item[]): Promise<void> {
  let request: Record<string, unknown[]> | undefined = { [tableName]: items.map((Item) => ({ PutRequest: { Item } })) };
  for (let round = 0; request !== undefined && Object.keys(request).length > 0; round++) {
    if (round === 20) throw new Error('press load: BatchWriteItem left items unprocessed 20 times');
    const out = await client.send(new BatchWriteCommand({ RequestItems: request as never }));
    request = out.UnprocessedItems as Record<string, unknown[]> | undefined;
  }
}

/** The direct load (see the file's comment): `putVersion`'s items, written by BatchWriteItem, `concurrency` requests at a time. */
export async function loadDirect(local: LocalRecords, records: readonly ArticleRecord[], at: At, concurrency: number, progress: (done: number) => void, wrote: (pk: string) => void = () => undefined): Promise<void> {
  const caught: Caught = { puts: [], counters: new Map() };
  const store = createRecordsStore(catchingClient(caught), local.tableName);
  for (let start = 0; start < records.length; start += CHUNK) {
    const end = Math.min(records.length, start + CHUNK);
    for (let n = start; n < end; n++) {
      const out = await store.putVersion(records[n]!, `hash-${n}`, at(n), { head: undefined });
      if (out.outcome !== 'created') throw new Error(`press load: putVersion answered ${out.outcome} for ${records[n]!.article.doi}`);
    }
    const items = caught.puts.splice(0);
    for (const item of items) wrote(String(item.pk));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const batch = items.slice(next, next + BATCH_WRITE);
        next += BATCH_WRITE;
        await batchWrite(local.client, local.tableName, batch);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    progress(end);
  }
  for (const { key, by } of caught.counters.values()) {
    await local.client.send(new UpdateCommand({ TableName: local.tableName, Key: key, UpdateExpression: 'ADD articles :n', ExpressionAttributeValues: { ':n': by } }));
  }
}
