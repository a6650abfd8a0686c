/**
 * Article drafts and their audit trail in the records table (keys in staff-items.ts). A save names
 * the version it was based on; DynamoDB's condition refuses it when another save came first, and
 * the caller gets both versions back (never a silent overwrite). The draft update and its audit
 * entry are one transaction: no change without its record, no record without its change.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryThenGet } from './records-table.ts';
import { staffKeys, type ArticleRef } from './staff-items.ts';

/** A saved draft: the article's fields as its YAML file would hold them, who saved it when, and the batch that published this version, if one did. */
export type Draft = { readonly ref: ArticleRef; readonly version: number; readonly data: unknown; readonly by: string; readonly at: string; readonly published?: { readonly batchId: string; readonly at: string } };
/** One change: who (the user's id, never an e-mail or a token), when, which version, which fields. */
export type AuditEntry = { readonly ref: ArticleRef; readonly version: number; readonly by: string; readonly at: string; readonly action: 'save' | 'publish' | 'create'; readonly changed: readonly string[] };
/** A new issue made in the console, not published yet: its issue.yaml fields. */
export type IssueDraft = { readonly journal: string; readonly issue: string; readonly data: unknown; readonly by: string; readonly at: string };

/** The audit trail of an issue itself (its creation) sits beside its articles' under this article id, which no article file can have. */
export const ISSUE_AUDIT_ARTICLE = '#issue';

export type SaveOutcome = { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly current: Draft | undefined };

const DRAFTS_OF_ISSUE = (journal: string, issue: string): string => `DRAFTS#${journal}#${issue}`;
const NEW_ISSUES_OF = (journal: string): string => `DRAFT-ISSUES#${journal}`;

export function createDraftStore(client: DynamoDBDocumentClient, tableName: string) {
  const toDraft = (item: Record<string, unknown>): Draft => ({
    ref: { journal: String(item.journal), issue: String(item.issue), article: String(item.article) },
    version: Number(item.version),
    data: JSON.parse(String(item.data)) as unknown,
    by: String(item.by),
    at: String(item.at),
    ...(typeof item.publishedBatchId === 'string' && item.publishedVersion === item.version ? { published: { batchId: item.publishedBatchId, at: String(item.publishedAt) } } : {}),
  });

  async function get(ref: ArticleRef): Promise<Draft | undefined> {
    const out = await client.send(new GetCommand({ TableName: tableName, Key: staffKeys.draft(ref), ConsistentRead: true }));
    return out.Item ? toDraft(out.Item) : undefined;
  }

  /** Every draft of one issue (gsi1: children of a parent), for publishing the issue. */
  async function listIssue(journal: string, issue: string): Promise<Draft[]> {
    // gsi1 projects keys only for drafts (infra/constructs/records-table.ts): the drafts are read by key.
    const found = await queryThenGet({ client, tableName }, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': DRAFTS_OF_ISSUE(journal, issue) } }, { consistent: true });
    return found.map(({ item }) => toDraft(item));
  }

  /**
   * Saves `data` as version `baseVersion + 1`, only if the stored draft is still `baseVersion`
   * (0: no draft yet, the published file). Otherwise nothing is written and the current draft is returned.
   */
  async function save(ref: ArticleRef, baseVersion: number, data: unknown, by: string, at: string, changed: readonly string[], action: 'save' | 'create' = 'save'): Promise<SaveOutcome> {
    const version = baseVersion + 1;
    const draft: Draft = { ref, version, data, by, at };
    const condition =
      baseVersion === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :base', ExpressionAttributeValues: { ':base': baseVersion } };
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...staffKeys.draft(ref), gsi1pk: DRAFTS_OF_ISSUE(ref.journal, ref.issue), gsi1sk: ref.article, ...ref, version, data: JSON.stringify(data), by, at }, ...condition } },
            { Put: { TableName: tableName, Item: { ...staffKeys.audit(ref, at, version), ...ref, version, by, at, action, changed: [...changed] }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return { ok: true, draft };
    } catch (error) {
      if (error instanceof TransactionCanceledException || error instanceof ConditionalCheckFailedException) return { ok: false, current: await get(ref) };
      throw error;
    }
  }

  /**
   * Records that an issue's drafts went out in a publish: an audit entry per article, and the batch
   * on the draft, only if it is still the version published (a save in between stays unpublished).
   */
  async function recordPublish(refs: readonly { ref: ArticleRef; version: number }[], by: string, at: string, batchId: string): Promise<void> {
    for (const { ref, version } of refs) {
      const mark = { Update: { TableName: tableName, Key: staffKeys.draft(ref), UpdateExpression: 'SET publishedVersion = :v, publishedBatchId = :b, publishedAt = :at', ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version, ':b': batchId, ':at': at } } };
      const entry = { Put: { TableName: tableName, Item: { ...staffKeys.audit(ref, at, version), ...ref, version, by, at, action: 'publish', changed: [] } } };
      try {
        await client.send(new TransactWriteCommand({ TransactItems: [mark, entry] }));
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        // Saved again meanwhile: the newer version is not published; the publish is still recorded.
        await client.send(new TransactWriteCommand({ TransactItems: [entry] }));
      }
    }
  }

  /** Saves a new issue's fields, only if no issue draft of that id exists; false when one does. Its audit entry goes in the same transaction. */
  async function createIssue(draft: IssueDraft): Promise<boolean> {
    const { journal, issue, data, by, at } = draft;
    const ref = { journal, issue, article: ISSUE_AUDIT_ARTICLE };
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...staffKeys.issue(journal, issue), gsi1pk: NEW_ISSUES_OF(journal), gsi1sk: issue, journal, issue, data: JSON.stringify(data), by, at }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: tableName, Item: { ...staffKeys.audit(ref, at, 1), ...ref, version: 1, by, at, action: 'create', changed: ['issue.yaml'] }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  const toIssueDraft = (item: Record<string, unknown>): IssueDraft => ({ journal: String(item.journal), issue: String(item.issue), data: JSON.parse(String(item.data)) as unknown, by: String(item.by), at: String(item.at) });

  async function getIssue(journal: string, issue: string): Promise<IssueDraft | undefined> {
    const out = await client.send(new GetCommand({ TableName: tableName, Key: staffKeys.issue(journal, issue), ConsistentRead: true }));
    return out.Item ? toIssueDraft(out.Item) : undefined;
  }

  /** The journal's issues made in the console (published or not: the caller compares with the records). */
  async function listIssues(journal: string): Promise<IssueDraft[]> {
    // gsi1 projects keys only for these (infra/constructs/records-table.ts): the issue drafts are read by key.
    const found = await queryThenGet({ client, tableName }, { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': NEW_ISSUES_OF(journal) } }, { consistent: true });
    return found.map(({ item }) => toIssueDraft(item));
  }

  /** The article's audit trail, newest first. */
  async function audit(ref: ArticleRef): Promise<AuditEntry[]> {
    const out = await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': staffKeys.auditPartition(ref) }, ScanIndexForward: false }));
    return (out.Items ?? []).map((item) => ({
      ref,
      version: Number(item.version),
      by: String(item.by),
      at: String(item.at),
      action: item.action === 'publish' || item.action === 'create' ? item.action : 'save',
      changed: Array.isArray(item.changed) ? item.changed.map(String) : [],
    }));
  }

  return { get, listIssue, save, recordPublish, audit, createIssue, getIssue, listIssues };
}
export type DraftStore = ReturnType<typeof createDraftStore>;
