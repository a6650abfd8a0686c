/**
 * Publishes metadata folders to a local stage the way the CLI does: each issue uploaded to the
 * inbox through the same adapter (functions/adapters/inbox.ts), manifest last.
 */
import { randomBytes } from 'node:crypto';
import { formatProblem, type JournalSources, type Problem } from '#core/model/index';
import { newBatchId, uploadIssue } from '#adapters/inbox';
import { readMetadata } from '#adapters/metadata-fs';
import { createObjectStore } from '#adapters/object-store';
import type { LocalStack } from './stack.ts';

export class PublishError extends Error {
  override readonly name = 'PublishError';
}

/** Every issue of `sources`, one manifest each; resolves when the inbox has announced every manifest. */
export async function publishSources(stack: LocalStack, sources: readonly JournalSources[], now: () => Date = () => new Date()): Promise<string[]> {
  const bucket = stack.bucket('InboxBucket');
  const inbox = createObjectStore(stack.clients.s3, bucket);
  const keys: string[] = [];
  for (const journal of sources) {
    for (const issue of journal.issues) {
      const key = await uploadIssue(inbox, { ...journal, issues: [issue] }, newBatchId(now(), randomBytes(3).toString('hex')));
      keys.push(key);
    }
  }
  await Promise.all(keys.map((key) => stack.objectSeen(bucket, key)));
  return keys;
}

/** Every issue below a metadata folder (as `colophon publish` reads it). */
export async function publishFolder(stack: LocalStack, dir: string): Promise<string[]> {
  const sources = readMetadata(dir);
  if (sources.length > 0 && 'message' in sources[0]!) throw new PublishError((sources as Problem[]).map(formatProblem).join('\n'));
  return publishSources(stack, sources as JournalSources[]);
}
