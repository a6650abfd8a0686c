/**
 * Per-user rate limits for the admin API (issue 15): a fixed one-minute window per user, one item
 * per user (`RATE#<sub>`, so the table does not grow with use), counted with conditional updates so
 * that concurrent requests on any number of Lambda containers share the count.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { staffKeys } from './staff-items.ts';

export const RATE_WINDOW_MS = 60_000;

/** `ok`, or how long until the window ends (whole seconds, at least 1). */
export type RateOutcome = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export function createRateLimiter(client: DynamoDBDocumentClient, tableName: string, limit: number) {
  return async function take(user: string, now: Date): Promise<RateOutcome> {
    const window = Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS;
    const Key = staffKeys.rate(user);
    try {
      // The common case: this window's count, below the limit.
      await client.send(new UpdateCommand({ TableName: tableName, Key, UpdateExpression: 'SET n = n + :one', ConditionExpression: 'win = :w AND n < :limit', ExpressionAttributeValues: { ':one': 1, ':w': window, ':limit': limit } }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    try {
      // A new window (or a first request): start counting again.
      await client.send(new UpdateCommand({ TableName: tableName, Key, UpdateExpression: 'SET win = :w, n = :one', ConditionExpression: 'attribute_not_exists(win) OR win < :w', ExpressionAttributeValues: { ':one': 1, ':w': window } }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window + RATE_WINDOW_MS - now.getTime()) / 1000)) };
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
