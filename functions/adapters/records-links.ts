/**
 * Notices about an article (corrections, retractions, expressions of concern), kept beside the
 * article they update so that its Render finds them with one query: `ART#<updated doi>` /
 * `NOTICE#<notice doi>`, written by Ingest when it stores the notice (see records-keys.ts). A
 * notice that drops the relation later is marked `active: false`, never deleted.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Notice } from '#core/model/index';
import { keys } from './records-keys.ts';
import { attempt, queryAll, type RecordsTable } from './records-table.ts';

/** Records (or, with `active: false`, retires) a notice about the article `updated`. */
export async function putNotice(table: RecordsTable, updated: string, notice: Notice, active = true): Promise<void> {
  await attempt(`record the notice ${notice.doi} about ${updated}`, () =>
    table.client.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.notice(updated, notice.doi), updated, notice: JSON.stringify(notice), active } })),
  );
}

/** The active notices about an article. */
export async function listNotices(table: RecordsTable, updated: string): Promise<Notice[]> {
  const { pk, sk } = keys.notice(updated, '');
  const items = await attempt(`list the notices about ${updated}`, () => queryAll(table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)', ExpressionAttributeValues: { ':pk': pk, ':n': sk } }));
  return items.filter((i) => i.active !== false).map((i) => JSON.parse(String(i.notice)) as Notice);
}
