/**
 * How many articles a journal has (tombstones and held ones included): OAI-PMH's completeListSize
 * without a count over the index (oai-store.ts `ARTICLE_COUNTER`).
 *
 * Counted per batch, not per article (issue 16): an article's first version and an increment of
 * one journal-wide counter are two items, and only a transaction (two write units each) keeps them
 * from drifting apart when a Lambda crashes between them. Instead each head names the batch that
 * published the article first (`firstBatchId`, written with the head), and after its articles are
 * written Ingest sets that batch's own item, `COUNTER#ARTICLES#<batch>`, to how many of the
 * batch's articles name it. A retry of the batch finds the same heads and sets the same number
 * (or a larger one, after a crash half-way): the write is `SET` under the condition that the
 * number only grows, so a retry never counts an article twice and a crash never loses one.
 * One small write per issue published instead of two units per new article.
 *
 * The journal's count is the sum of its batches' items and of `COUNTER#ARTICLES`, the counter
 * that versions written before this change incremented: one query over the journal's partition.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './records-keys.ts';
import { attempt, lostCondition, queryAll, type RecordsTable } from './records-table.ts';

/** Records that batch `batchId` published `articles` articles of the journal first (see above); nothing for none. */
export async function countFirstPublished(table: RecordsTable, journalId: string, batchId: string, articles: number): Promise<void> {
  if (articles === 0) return;
  try {
    await attempt(`count the new articles of ${journalId}`, () =>
      table.client.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { ...keys.batchCounter(journalId, batchId), articles },
          ConditionExpression: 'attribute_not_exists(articles) OR articles < :n',
          ExpressionAttributeValues: { ':n': articles },
        }),
      ),
    );
  } catch (error) {
    // Counted already, by an earlier try of the batch that saw as many (or more).
    if (!lostCondition(error)) throw error;
  }
}

/** The journal's number of articles (see above), or undefined when nothing counts them (a stage written before counters). */
export async function countArticles(table: RecordsTable, journalId: string): Promise<number | undefined> {
  const counter = keys.articleCounter(journalId);
  const items = await attempt(`read the article count of ${journalId}`, () =>
    queryAll(table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ExpressionAttributeValues: { ':pk': counter.pk, ':c': counter.sk }, ProjectionExpression: 'articles', ConsistentRead: true }),
  );
  const counts = items.map((i) => i.articles).filter((n): n is number => typeof n === 'number');
  return counts.length === 0 ? undefined : counts.reduce((a, b) => a + b, 0);
}
