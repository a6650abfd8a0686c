/** Read-only views of a local stage's buckets and table, for assertions. */
import { CONSOLE_PREFIX } from '#handlers/flows/console-assets';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '#infra/local/stack';

export type ObjectSnapshot = { readonly etag: string; readonly lastModified: number; readonly contentType: string; readonly cacheControl: string; readonly sha256: string };

export async function siteKeys(stack: LocalStack): Promise<string[]> {
  const out = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stack.bucket('SiteBucket') }));
  // The staff console's files (admin/, written by Site once per container: issue 15) are not the
  // journal's pages; tests/integration/admin-api.test.ts checks them.
  return (out.Contents ?? []).map((o) => o.Key!).filter((key) => !key.startsWith(CONSOLE_PREFIX)).sort();
}

/** ETag, Last-Modified and headers of every site object. */
export async function siteSnapshot(stack: LocalStack): Promise<Record<string, ObjectSnapshot>> {
  const entries = await Promise.all(
    (await siteKeys(stack)).map(async (key) => {
      const h = await stack.clients.s3.send(new HeadObjectCommand({ Bucket: stack.bucket('SiteBucket'), Key: key }));
      return [key, { etag: h.ETag!, lastModified: h.LastModified!.getTime(), contentType: h.ContentType!, cacheControl: h.CacheControl ?? '', sha256: h.Metadata?.sha256 ?? '' }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export async function siteText(stack: LocalStack, key: string): Promise<string> {
  const out = await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.bucket('SiteBucket'), Key: key }));
  return out.Body!.transformToString('utf8');
}

export type Item = Record<string, unknown> & { pk: string; sk: string };

/** Every item of the stage's records table (each test file has its own table). */
export async function tableItems(stack: LocalStack): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.clients.documents.send(new ScanCommand({ TableName: stack.table('RecordsTable'), ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => `${a.pk} ${a.sk}`.localeCompare(`${b.pk} ${b.sk}`));
}

export const itemKeys = (items: readonly Item[]): string[] => items.map((i) => `${i.pk} ${i.sk}`);

/** Every message on a queue right now (received with a long visibility, so each is seen once). */
export async function queueBodies(stack: LocalStack, logicalId: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const out = await stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.queue(logicalId).url, MaxNumberOfMessages: 10, VisibilityTimeout: 300, WaitTimeSeconds: 0 }));
    if (!out.Messages?.length) return bodies;
    bodies.push(...out.Messages.map((m) => m.Body ?? ''));
  }
}

/** How many times a function ran so far. */
export const invocations = (stack: LocalStack, logicalId: string): number => stack.lambdas.get(stack.fn(logicalId).name)!.stats.invocations;
