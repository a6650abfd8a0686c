/**
 * Journal and issue records, and the problems of an issue whose metadata did not load
 * (what `colophon status` shows). See records-keys.ts for the key design.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Issue, Journal, Problem } from '#core/model/index';
import { RecordCorruptError } from './errors.ts';
import { INDEX, keys, type ProblemSource } from './records-keys.ts';
import { attempt, lostCondition, queryThenGet, stillIndexed, type Item, type RecordsTable } from './records-table.ts';

export type JournalRecord = { readonly journal: Journal; readonly hash: string; readonly updatedAt: string };
/** `updatedAt`/`batchId`: when its content last changed; `publishedAt`/`publishedBatchId`: the latest publish of it, changed or not. */
export type IssueRecord = { readonly journal: Journal; readonly issue: Issue; readonly hash: string; readonly updatedAt: string; readonly batchId: string; readonly publishedAt: string; readonly publishedBatchId: string };
export type IssueProblems = { readonly journalId: string; readonly issueId: string; readonly batchId: string; readonly at: string; readonly problems: readonly Problem[] };

/** Writes the journal only when its hash changed; returns whether it did. */
export async function putJournal(table: RecordsTable, journal: Journal, hash: string, now: string): Promise<boolean> {
  const item: Item = { ...keys.journal(journal.id), ...keys.journalIndex(journal.id), journalId: journal.id, hash, updatedAt: now, record: JSON.stringify(journal) };
  return putIfHashChanged(table, item, `journal ${journal.id}`);
}

/** Writes the issue (with the journal it was published under) only when its hash changed. */
export async function putIssue(table: RecordsTable, journal: Journal, issue: Issue, hash: string, at: { readonly batchId: string; readonly now: string }): Promise<boolean> {
  const item: Item = {
    ...keys.issue(journal.id, issue.id),
    ...keys.issueIndex(journal.id, issue.id),
    journalId: journal.id,
    issueId: issue.id,
    hash,
    updatedAt: at.now,
    batchId: at.batchId,
    publishedAt: at.now,
    publishedBatchId: at.batchId,
    record: JSON.stringify({ journal, issue }),
  };
  const changed = await putIfHashChanged(table, item, `issue ${journal.id}/${issue.id}`);
  if (!changed) await markPublished(table, keys.issue(journal.id, issue.id), at);
  return changed;
}

/** An unchanged issue published again: its latest publish, never moved back by a late retry of an older one. */
async function markPublished(table: RecordsTable, key: Item, at: { readonly batchId: string; readonly now: string }): Promise<void> {
  try {
    await attempt('record the latest publish', () =>
      table.client.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: key,
          UpdateExpression: 'SET publishedAt = :now, publishedBatchId = :batch',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(publishedAt) OR publishedAt < :now)',
          ExpressionAttributeValues: { ':now': at.now, ':batch': at.batchId },
        }),
      ),
    );
  } catch (error) {
    if (!lostCondition(error)) throw error;
  }
}

async function putIfHashChanged(table: RecordsTable, item: Item, what: string): Promise<boolean> {
  try {
    await attempt(`write ${what}`, () =>
      table.client.send(new PutCommand({ TableName: table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk) OR #hash <> :hash', ExpressionAttributeNames: { '#hash': 'hash' }, ExpressionAttributeValues: { ':hash': item.hash } })),
    );
    return true;
  } catch (error) {
    if (lostCondition(error)) return false;
    throw error;
  }
}

export async function getJournal(table: RecordsTable, journalId: string): Promise<JournalRecord | undefined> {
  const out = await attempt(`read journal ${journalId}`, () => table.client.send(new GetCommand({ TableName: table.tableName, Key: keys.journal(journalId) })));
  return out.Item ? { journal: parseJson<Journal>(out.Item, `journal ${journalId}`), hash: String(out.Item.hash), updatedAt: String(out.Item.updatedAt) } : undefined;
}

export async function getIssue(table: RecordsTable, journalId: string, issueId: string): Promise<IssueRecord | undefined> {
  const out = await attempt(`read issue ${journalId}/${issueId}`, () => table.client.send(new GetCommand({ TableName: table.tableName, Key: keys.issue(journalId, issueId) })));
  return out.Item ? toIssue(out.Item) : undefined;
}

export async function listJournals(table: RecordsTable): Promise<JournalRecord[]> {
  const found = await attempt('list journals', () => queryThenGet(table, { IndexName: INDEX.children, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.journalIndex('').gsi1pk } }, { consistent: false }));
  return found.map(({ item }) => item).map((item) => ({ journal: parseJson<Journal>(item, `journal ${String(item.journalId)}`), hash: String(item.hash), updatedAt: String(item.updatedAt) }));
}

/** The issues of a journal, in issue-id order. */
export async function listIssues(table: RecordsTable, journalId: string): Promise<IssueRecord[]> {
  const index = keys.issueIndex(journalId, '');
  const found = await attempt(`list issues of ${journalId}`, () =>
    queryThenGet(table, { IndexName: INDEX.children, KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :i)', ExpressionAttributeValues: { ':p': index.gsi1pk, ':i': index.gsi1sk } }, { consistent: false }),
  );
  return found.filter(({ item, entry }) => stillIndexed(item, entry, INDEX.children)).map(({ item }) => toIssue(item));
}

/** Records why an issue's metadata (or, from Deposit, its Crossref file) was refused; replaces the problems of an earlier attempt. */
export async function putProblems(table: RecordsTable, entry: IssueProblems, source: ProblemSource = 'upload'): Promise<void> {
  await attempt(`record problems of ${entry.journalId}/${entry.issueId}`, () =>
    table.client.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.problems(entry.journalId, entry.issueId, source), ...entry, problems: JSON.stringify(entry.problems) } })),
  );
}

export async function clearProblems(table: RecordsTable, journalId: string, issueId: string, source: ProblemSource = 'upload'): Promise<void> {
  await attempt(`clear problems of ${journalId}/${issueId}`, () => table.client.send(new DeleteCommand({ TableName: table.tableName, Key: keys.problems(journalId, issueId, source) })));
}

export async function getProblems(table: RecordsTable, journalId: string, issueId: string, source: ProblemSource = 'upload'): Promise<IssueProblems | undefined> {
  const out = await attempt(`read problems of ${journalId}/${issueId}`, () => table.client.send(new GetCommand({ TableName: table.tableName, Key: keys.problems(journalId, issueId, source), ConsistentRead: true })));
  if (!out.Item) return undefined;
  const { journalId: j, issueId: i, batchId, at, problems } = out.Item;
  return { journalId: String(j), issueId: String(i), batchId: String(batchId), at: String(at), problems: JSON.parse(String(problems)) as Problem[] };
}

function toIssue(item: Item): IssueRecord {
  const { journal, issue } = parseJson<{ journal: Journal; issue: Issue }>(item, `issue ${String(item.issueId)}`);
  const updatedAt = String(item.updatedAt);
  const batchId = String(item.batchId);
  // Records written before publishedAt existed: their last change is their latest publish known.
  return { journal, issue, hash: String(item.hash), updatedAt, batchId, publishedAt: String(item.publishedAt ?? updatedAt), publishedBatchId: String(item.publishedBatchId ?? batchId) };
}

function parseJson<T>(item: Item, what: string): T {
  try {
    return JSON.parse(String(item.record)) as T;
  } catch (error) {
    throw new RecordCorruptError(`record of ${what} is not JSON`, { cause: error });
  }
}
