/**
 * Notices about an article (corrections, retractions, expressions of concern), kept beside the
 * article they update so that its Render finds them with one query: `ART#<updated doi>` /
 * `NOTICE#<notice doi>`, written by Ingest when it stores the notice (see records-keys.ts). A
 * notice that drops the relation later is marked `active: false`, never deleted. Each is also in
 * gsi1 under its DOI's prefix, so the notices about many articles are one query (`listNoticesOf`).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Notice } from '#core/model/index';
import { INDEX, keys } from './records-keys.ts';
import { attempt, batchGetAll, queryAll, type Item, type RecordsTable } from './records-table.ts';

/** Records (or, with `active: false`, retires) a notice about the article `updated`. */
export async function putNotice(table: RecordsTable, updated: string, notice: Notice, active = true): Promise<void> {
  await attempt(`record the notice ${notice.doi} about ${updated}`, () =>
    table.client.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.notice(updated, notice.doi), ...keys.noticeIndex(updated, notice.doi), updated, notice: JSON.stringify(notice), active } })),
  );
}

/** The active notices about an article. */
export async function listNotices(table: RecordsTable, updated: string): Promise<Notice[]> {
  const { pk, sk } = keys.notice(updated, '');
  const items = await attempt(`list the notices about ${updated}`, () => queryAll(table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)', ExpressionAttributeValues: { ':pk': pk, ':n': sk } }));
  return items.filter((i) => i.active !== false).map((i) => JSON.parse(String(i.notice)) as Notice);
}

/**
 * The active notices about each of `dois` (lower-cased DOI → notices; a DOI without any is absent):
 * one query of gsi1 per DOI prefix (an issue's articles share one) for the index entries, then the
 * entries about these DOIs read by key, one BatchGetItem per hundred. The work grows with the
 * notices under the prefix, which are few, not with the articles asked about. A notice written
 * before the index existed has no gsi1 entry: it is found again once its issue is published anew.
 */
export async function listNoticesOf(table: RecordsTable, dois: readonly string[]): Promise<Map<string, Notice[]>> {
  const wanted = new Set(dois.map((doi) => doi.toLowerCase()));
  const prefixes = [...new Set([...wanted].map((doi) => keys.noticeIndex(doi, '').gsi1pk))];
  const entries = (
    await Promise.all(
      prefixes.map((prefix) => attempt(`list the notices under ${prefix}`, () => queryAll(table, { IndexName: INDEX.children, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': prefix } }))),
    )
  )
    .flat()
    .filter((entry) => wanted.has(String(entry.gsi1sk).slice(0, String(entry.gsi1sk).lastIndexOf('#'))));
  const items: Item[] = entries.length === 0 ? [] : await attempt(`read ${entries.length} notices`, () => batchGetAll(table, entries, { consistent: false }));
  const out = new Map<string, Notice[]>();
  for (const item of items) {
    if (item.active === false) continue;
    const doi = String(item.updated).toLowerCase();
    out.set(doi, [...(out.get(doi) ?? []), JSON.parse(String(item.notice)) as Notice]);
  }
  return out;
}
