/**
 * Each journal's sitemap parts (issue 16): the names and dates of the sitemap files its last site
 * job wrote, one small item per journal (`SITEMAP#<journal>` / `PARTS`). The stage's sitemap
 * index lists every journal's parts; with them kept, a site job for one journal reads the others'
 * parts in one BatchGetItem instead of listing every issue of every other journal from the
 * records (which grew with the catalogue: 2.7 s at 20,000 articles on DynamoDB Local).
 *
 * Only a journal's own site job (or the scheduled rebuild) writes its item, after its sitemap
 * files are written, so the item never names a file that is not there yet.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { RecordCorruptError } from './errors.ts';
import { keys } from './records-keys.ts';
import { attempt, batchGetAll, type RecordsTable } from './records-table.ts';

/** One sitemap file of a journal as the sitemap index lists it (core/site/sitemap.ts `SitemapEntry`). */
export type SitemapPart = { readonly loc: string; readonly lastmod?: string | undefined };

/** Keeps the sitemap parts a journal's site job has just written. */
export async function putSitemapParts(table: RecordsTable, journalId: string, parts: readonly SitemapPart[]): Promise<void> {
  const item = { ...keys.sitemapParts(journalId), journalId, parts: JSON.stringify(parts) };
  await attempt(`keep the sitemap parts of ${journalId}`, () => table.client.send(new PutCommand({ TableName: table.tableName, Item: item })));
}

/** The kept sitemap parts of these journals (strongly consistent); a journal with none kept yet is absent. */
export async function getSitemapParts(table: RecordsTable, journalIds: readonly string[]): Promise<Map<string, SitemapPart[]>> {
  if (journalIds.length === 0) return new Map();
  const items = await attempt('read the journals\' sitemap parts', () => batchGetAll(table, journalIds.map((id) => keys.sitemapParts(id)), { consistent: true }));
  return new Map(
    items.map((item) => {
      try {
        return [String(item.journalId), JSON.parse(String(item.parts)) as SitemapPart[]];
      } catch (error) {
        throw new RecordCorruptError(`sitemap parts of ${String(item.journalId)} are not JSON`, { cause: error });
      }
    }),
  );
}
