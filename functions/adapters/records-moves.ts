/**
 * Moving a DOI to another issue: the one way an article changes hands, by an explicit staff
 * decision that is logged. `authoriseMove` marks the head (`moveTo`) and writes a log item
 * (`ART#<doi>` / `MOVE#<at>`) in one transaction; the next version Ingest writes from the named
 * issue takes the DOI (records-articles.ts `putVersion`), and any other issue still gets `owned`.
 */
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { getHead } from './records-articles.ts';
import type { MoveAuthorisation, Owner } from './records-owner.ts';
import { keys } from './records-keys.ts';
import { attempt, lostCondition, type RecordsTable } from './records-table.ts';

export type MoveLogEntry = { readonly doi: string; readonly from: Owner; readonly to: Owner; readonly by: string; readonly at: string; readonly reason?: string };

export type MoveResult = { readonly ok: true; readonly from: Owner } | { readonly ok: false; readonly reason: string };

/** Lets the issue `to` take the DOI over at its next publish; logs who decided, when and why. */
export async function authoriseMove(table: RecordsTable, doi: string, move: MoveAuthorisation): Promise<MoveResult> {
  const head = await getHead(table, doi);
  if (!head) return { ok: false, reason: `${doi} is not published on this stage: there is nothing to move` };
  const from: Owner = { journalId: head.meta.journalId, issueId: head.meta.issueId };
  if (from.journalId === move.journalId && from.issueId === move.issueId) return { ok: false, reason: `${doi} is already in ${from.journalId}/${from.issueId}` };
  const entry: MoveLogEntry = { doi: head.meta.doi, from, to: { journalId: move.journalId, issueId: move.issueId }, by: move.by, at: move.at, ...(move.reason ? { reason: move.reason } : {}) };
  try {
    await attempt(`authorise the move of ${doi}`, () =>
      table.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table.tableName,
                Key: keys.head(doi),
                UpdateExpression: 'SET moveTo = :m',
                ConditionExpression: '#version = :v',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':m': move, ':v': head.meta.version },
              },
            },
            { Put: { TableName: table.tableName, Item: { ...keys.move(doi, move.at), ...entry }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      ),
    );
  } catch (error) {
    if (lostCondition(error)) return { ok: false, reason: `${doi} changed while the move was being recorded: try again` };
    throw error;
  }
  return { ok: true, from };
}

/** Every logged move of a DOI, oldest first. */
export async function listMoves(table: RecordsTable, doi: string): Promise<MoveLogEntry[]> {
  const out = await attempt(`list moves of ${doi}`, () =>
    table.client.send(new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)', ExpressionAttributeValues: { ':pk': keys.head(doi).pk, ':m': 'MOVE#' }, ConsistentRead: true })),
  );
  return (out.Items ?? []).map(({ doi: d, from, to, by, at, reason }) => ({ doi: String(d), from: from as Owner, to: to as Owner, by: String(by), at: String(at), ...(reason ? { reason: String(reason) } : {}) }));
}
