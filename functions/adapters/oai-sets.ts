/**
 * The issues an OAI-PMH repository may name in ListSets: those with at least one released article.
 * An issue record is written at ingest, before its articles' online dates (records-catalog.ts), so
 * an issue whose articles are all held (records-schedule.ts) must not appear: its title and its
 * sections' titles are unreleased metadata. A withdrawn article was released (it is a tombstone in
 * every list), so its issue stays.
 *
 * Cost: one COUNT query on gsi1 per issue (its article entries, which project `scheduledFor`),
 * all issues at once, on top of listing the issues; ListSets is asked once per harvest.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Issue } from '#core/model/index';
import { listIssues } from './records-catalog.ts';
import { INDEX, keys } from './records-keys.ts';
import { attempt, type RecordsTable } from './records-table.ts';

/** The journal's issues that have a released article, in issue-id order. */
export async function releasedIssues(table: RecordsTable, journalId: string): Promise<Issue[]> {
  const issues = (await listIssues(table, journalId)).map((r) => r.issue);
  const released = await Promise.all(issues.map((issue) => hasReleasedArticle(table, journalId, issue.id)));
  return issues.filter((_, i) => released[i]);
}

/** Whether one of the issue's articles is not held: pages through its gsi1 entries only until one is found. */
async function hasReleasedArticle(table: RecordsTable, journalId: string, issueId: string): Promise<boolean> {
  const index = keys.articleIndex(journalId, issueId, '');
  let start: Record<string, unknown> | undefined;
  do {
    const page = await attempt(`list articles of ${journalId}/${issueId}`, () =>
      table.client.send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: INDEX.children,
          KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :a)',
          FilterExpression: 'attribute_not_exists(scheduledFor)',
          ExpressionAttributeValues: { ':p': index.gsi1pk, ':a': index.gsi1sk },
          Select: 'COUNT',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      ),
    );
    if ((page.Count ?? 0) > 0) return true;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return false;
}
