/**
 * An issue's issue.yaml as the console edits it (issue 15: the table of contents): a draft of the
 * whole file with an optimistic version, beside the issue's article drafts and in the same
 * `DRAFT#` partition space (so the Admin role's `dynamodb:LeadingKeys` grant covers it). A save
 * names the version it was based on (0: the published file); DynamoDB's condition refuses it when
 * another save came first. The draft and its audit entry (under the issue's own audit trail,
 * `ISSUE_AUDIT_ARTICLE`) are one transaction.
 *
 * | item               | pk                          | sk           |
 * | ------------------ | --------------------------- | ------------ |
 * | issue.yaml draft   | `DRAFT#<journal>#<issue>`   | `ISSUE-FILE` |
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ISSUE_AUDIT_ARTICLE } from './staff-drafts.ts';
import { staffKeys } from './staff-items.ts';

/** A saved issue.yaml: its fields as the file would hold them, who saved them when. */
export type IssueFileDraft = { readonly journal: string; readonly issue: string; readonly version: number; readonly data: Record<string, unknown>; readonly by: string; readonly at: string };
export type IssueFileSave = { readonly ok: true; readonly draft: IssueFileDraft } | { readonly ok: false; readonly current: IssueFileDraft | undefined };

const key = (journal: string, issue: string) => ({ pk: `DRAFT#${journal}#${issue}`, sk: 'ISSUE-FILE' });

export function createIssueFileStore(client: DynamoDBDocumentClient, tableName: string) {
  async function get(journal: string, issue: string): Promise<IssueFileDraft | undefined> {
    const out = await client.send(new GetCommand({ TableName: tableName, Key: key(journal, issue), ConsistentRead: true }));
    const item = out.Item;
    if (!item) return undefined;
    return { journal, issue, version: Number(item.version), data: JSON.parse(String(item.data)) as Record<string, unknown>, by: String(item.by), at: String(item.at) };
  }

  /** Saves `data` as version `baseVersion + 1` only if the stored draft is still `baseVersion`; otherwise nothing is written and the current draft is returned. */
  async function save(journal: string, issue: string, baseVersion: number, data: Record<string, unknown>, by: string, at: string, changed: readonly string[]): Promise<IssueFileSave> {
    const version = baseVersion + 1;
    const condition = baseVersion === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :base', ExpressionAttributeValues: { ':base': baseVersion } };
    const ref = { journal, issue, article: ISSUE_AUDIT_ARTICLE };
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...key(journal, issue), journal, issue, version, data: JSON.stringify(data), by, at }, ...condition } },
            { Put: { TableName: tableName, Item: { ...staffKeys.audit(ref, at, version), ...ref, version, by, at, action: 'save', changed: [...changed] }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return { ok: true, draft: { journal, issue, version, data, by, at } };
    } catch (error) {
      if (error instanceof TransactionCanceledException) return { ok: false, current: await get(journal, issue) };
      throw error;
    }
  }

  return { get, save };
}
export type IssueFileStore = ReturnType<typeof createIssueFileStore>;
