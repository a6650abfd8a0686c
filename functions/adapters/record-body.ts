/**
 * How an article record's body is stored in the records table: gzip-compressed JSON in a binary
 * attribute (`recordGz`).
 *
 * Why: DynamoDB bills writes per KB of the whole item, and a transaction writes it twice over
 * (until issue 16 the three indexes also projected every attribute, the body included; they now
 * project only keys and a few small attributes). Measured with `npm run
 * bench:cost` on the synthetic catalogue: 261 write units per first publish of an article as
 * plain JSON, 38 compressed. Items written before this change hold `record` as a JSON string,
 * and are still read.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { RecordCorruptError } from './errors.ts';
import type { Item } from './records-table.ts';

/** The attributes that hold a record's body: spread into the item written. */
export function recordBody(record: unknown): { readonly recordGz: Uint8Array } {
  return { recordGz: gzipSync(JSON.stringify(record)) };
}

/** Attribute names of a stored body, which are not part of an item's metadata. */
export const RECORD_BODY_ATTRIBUTES = ['recordGz', 'record'] as const;

/** The record's JSON, parsed; `what` names the item in errors. */
export function readRecordBody(item: Item, what: string): unknown {
  const compressed = item.recordGz;
  try {
    if (compressed instanceof Uint8Array) return JSON.parse(gunzipSync(compressed).toString('utf8'));
    if (typeof item.record === 'string') return JSON.parse(item.record);
  } catch (error) {
    throw new RecordCorruptError(`record of ${what} is not JSON`, { cause: error });
  }
  return undefined;
}
