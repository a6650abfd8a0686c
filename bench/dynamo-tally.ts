/**
 * Counts what one DynamoDB client asks for, in process (a middleware on the client's stack, which
 * a DynamoDBDocumentClient made `from` it shares): requests by operation, the read units DynamoDB
 * reports (`ReturnConsumedCapacity: TOTAL` is added to reads that did not ask), and the items
 * read (a query's `ScannedCount`, a BatchGetItem's responses, a GetItem's item). Load does not
 * change these figures, so they show bounded work where wall times on a shared machine cannot.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export type Tally = { requests: number; readUnits: number; itemsRead: number; readonly byOperation: Map<string, number> };

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

const empty = (): Tally => ({ requests: 0, readUnits: 0, itemsRead: 0, byOperation: new Map() });

export type DynamoTally = { readonly now: Tally; reset(): Tally };

export function tallyDynamo(client: DynamoDBClient): DynamoTally {
  let now = empty();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      const input = args.input as Record<string, unknown>;
      if (READS.has(operation) && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const output = out.output as { Count?: number; ScannedCount?: number; Item?: unknown; Responses?: Record<string, unknown[]>; ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] };
      now.requests += 1;
      now.byOperation.set(operation, (now.byOperation.get(operation) ?? 0) + 1);
      const capacity = output.ConsumedCapacity === undefined ? [] : Array.isArray(output.ConsumedCapacity) ? output.ConsumedCapacity : [output.ConsumedCapacity];
      if (READS.has(operation)) now.readUnits += capacity.reduce((a, c) => a + (c.CapacityUnits ?? 0), 0);
      if (operation === 'Query' || operation === 'Scan') now.itemsRead += output.ScannedCount ?? output.Count ?? 0;
      else if (operation === 'BatchGetItem') now.itemsRead += Object.values(output.Responses ?? {}).reduce((a, list) => a + list.length, 0);
      else if (operation === 'GetItem') now.itemsRead += output.Item === undefined ? 0 : 1;
      return out;
    },
    { step: 'initialize', name: 'benchDynamoTally' },
  );
  return {
    get now() {
      return now;
    },
    reset() {
      const was = now;
      now = empty();
      return was;
    },
  };
}
