/**
 * Scheduled publication in the records table: a head held until its online date sits in gsi3's
 * `SCHEDULED` partition (records-keys.ts) instead of OAI-PMH's gsi2 and `DEPOSIT#DUE`. Releasing
 * it moves it there, with the release instant as its OAI-PMH datestamp (so incremental harvesters
 * that harvested up to yesterday find it), in one conditional update: a newer version written
 * meanwhile, or a second release, changes nothing.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { INDEX, keys, SCHEDULED } from './records-keys.ts';
import type { Head } from './records-articles.ts';
import { attempt, lostCondition, queryThenGet, stillIndexed, type RecordsTable } from './records-table.ts';

export type HeldHead = Pick<Head, 'doi' | 'version' | 'journalId' | 'issueId' | 'articleId'> & { readonly scheduledFor: string };

/** Heads held until an instant at or before `time` (ISO), earliest first. */
export async function scheduledDue(table: RecordsTable, time: string): Promise<HeldHead[]> {
  const found = await attempt('list scheduled articles due', () =>
    queryThenGet(
      table,
      { IndexName: INDEX.deposits, KeyConditionExpression: 'gsi3pk = :p AND gsi3sk <= :until', ExpressionAttributeValues: { ':p': SCHEDULED, ':until': `${time}#~` } },
      { consistent: true, projection: { expression: 'gsi3pk, doi, version, journalId, issueId, articleId, scheduledFor' } },
    ),
  );
  // Released (or replaced by an unscheduled version) since the query: no longer held.
  return found.filter(({ item, entry }) => stillIndexed(item, entry, INDEX.deposits)).map(({ item }) => ({ doi: item.doi, version: item.version, journalId: item.journalId, issueId: item.issueId, articleId: item.articleId, scheduledFor: item.scheduledFor }) as HeldHead);
}

/**
 * Publishes a held head at `time`: it joins OAI-PMH and the deposits due; `false` when it is no
 * longer held at `version` (released already, or a newer version replaced it).
 */
export async function releaseHead(table: RecordsTable, head: Pick<Head, 'doi' | 'version' | 'journalId'>, time: string): Promise<boolean> {
  const oai = keys.oaiIndex(head.journalId, time, head.doi);
  const due = keys.depositIndex(time, head.doi);
  try {
    await attempt(`release ${head.doi}`, () =>
      table.client.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: keys.head(head.doi),
          UpdateExpression: 'SET gsi2pk = :g2p, gsi2sk = :g2s, gsi3pk = :g3p, gsi3sk = :g3s, releasedAt = :t REMOVE scheduledFor',
          ConditionExpression: '#version = :version AND attribute_exists(scheduledFor)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':g2p': oai.gsi2pk, ':g2s': oai.gsi2sk, ':g3p': due.gsi3pk, ':g3s': due.gsi3sk, ':t': time, ':version': head.version },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (lostCondition(error)) return false;
    throw error;
  }
}
