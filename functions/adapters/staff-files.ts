/**
 * The galleys attached from the console (issue 15): per article and file name, the bytes' SHA-256
 * and size, kept beside the article's draft (its `DRAFT#` partition, inside the Admin role's
 * `dynamodb:LeadingKeys` grant) so that a publish from the console names them in its manifest
 * (handlers/admin/api.ts), as `colophon publish` names the files beside the YAML.
 *
 * | item              | pk                                   | sk              |
 * | ----------------- | ------------------------------------ | --------------- |
 * | attached galley   | `DRAFT#<journal>#<issue>#<article>`  | `FILE#<name>`   |
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { staffKeys, type ArticleRef } from './staff-items.ts';

export type AttachedGalley = { readonly name: string; readonly sha256: string; readonly size: number; readonly by: string; readonly at: string };

export function createStaffFiles(client: DynamoDBDocumentClient, tableName: string) {
  async function put(ref: ArticleRef, file: AttachedGalley): Promise<void> {
    await client.send(new PutCommand({ TableName: tableName, Item: { pk: staffKeys.draft(ref).pk, sk: `FILE#${file.name}`, ...ref, ...file } }));
  }

  /** The files attached to the article from the console, by name. */
  async function list(ref: ArticleRef): Promise<AttachedGalley[]> {
    const out = await client.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :f)', ExpressionAttributeValues: { ':p': staffKeys.draft(ref).pk, ':f': 'FILE#' }, ConsistentRead: true }));
    return (out.Items ?? []).map((i) => ({ name: String(i.name), sha256: String(i.sha256), size: Number(i.size), by: String(i.by), at: String(i.at) }));
  }

  return { put, list };
}
export type StaffFiles = ReturnType<typeof createStaffFiles>;
