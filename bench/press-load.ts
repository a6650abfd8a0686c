/**
 * Loading the press stage's articles into the records table (bench/press.ts), two ways:
 *
 * - `pipeline`: the records store's `putVersion`, two conditional Puts per article (version, then
 *   head), as Ingest writes them: the records layer's publish
 *   throughput, 22–82 articles/s on DynamoDB Local on this shared machine (so 100,000 articles
 *   take 20–80 minutes);
 * - `direct`: the same `putVersion` code makes the same items, but its Puts are caught
 *   before they leave the process (a client whose `send` keeps their items) and the items are
 *   written with BatchWriteItem, 25 a request, and each journal's counter with one UpdateItem
 *   `ADD articles :n` at the end. On a fresh table every condition of the Puts holds (no head yet), so the table ends up item for item
 *   as the Puts would leave it; only the transport differs. It is what makes a
 *   100,000-article stage in minutes, for the read-side figures (OAI, key distribution, sitemaps,
 *   status), not a publish throughput.
 */
import { BatchWriteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '#adapters/records-keys';
import { createRecordsStore, type ArticleRecord } from '#adapters/records';
import type { Item } from '#adapters/records-table';
import type { LocalRecords } from '#tests/oai/records-table';

export type At = (n: number) => { readonly batchId: string; readonly now: string };

/** BatchWriteItem takes at most 25 requests. */
const BATCH_WRITE = 25;
/** Articles whose items are made, then written, at a time (bounded memory at 100,000). */
const CHUNK = 2_000;

/** The items `putVersion`'s conditional Puts would write (version, then head), caught at the client. */
type Caught = { readonly puts: Item[]; readonly counters: Map<string, { key: Item; by: number }> };

function catchingClient(caught: Caught): DynamoDBDocumentClient {
  const send = (command: unknown): Promise<unknown> => {
    if (!(command instanceof PutCommand)) throw new Error(`press load: putVersion sent ${(command as object).constructor.name}, not a Put: the direct load cannot stand in for it`);
    caught.puts.push((command.input as PutCommandInput).Item as Item);
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
      // Ingest counts each batch's new articles (records-counter.ts); here each journal's in its counter item at the end.
      const key = keys.articleCounter(records[n]!.journal.id);
      const counter = caught.counters.get(key.sk + key.pk) ?? { key, by: 0 };
      counter.by += 1;
      caught.counters.set(key.sk + key.pk, counter);
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
