/**
 * Publishes metadata folders to a local stage the way the CLI does: each issue uploaded to the
 * inbox through the same adapter (functions/adapters/inbox.ts), the files its metadata names
 * first (those found on disk beside the YAML files), manifest last.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatProblem, journalIdOf, type JournalSources, type Problem } from '#core/model/index';
import { filesOnDisk } from '#adapters/attached-files';
import { newBatchId, uploadIssue, type AttachedUpload, type Uploaded } from '#adapters/inbox';
import { readMetadata } from '#adapters/metadata-fs';
import { createObjectStore } from '#adapters/object-store';
import type { LocalStack } from './stack.ts';

export class PublishError extends Error {
  override readonly name = 'PublishError';
}

type IssueSources = JournalSources['issues'][number];

export type PublishOptions = {
  readonly now?: () => Date;
  /** The files to send with an issue; by default those its YAML files name that are on disk and pass the CLI's checks. */
  readonly files?: (issue: IssueSources) => readonly AttachedUpload[];
  /** Told what each issue's upload sent (tests: a file already on the stage is not sent again). */
  readonly onUploaded?: (sent: Uploaded) => void;
  /** Publish articles dated in the future now (`colophon publish --publish-early`). */
  readonly publishEarly?: boolean;
};

/** The files on disk that one issue's YAML files name (as `colophon publish` finds them). */
export function filesOfIssue(issue: IssueSources): AttachedUpload[] {
  return [issue.issue, ...issue.articles]
    .flatMap((source) => filesOnDisk(source).files)
    .map((f) => ({ owner: f.owner, name: f.name, sha256: f.sha256, size: f.size, read: () => readFileSync(f.path) }));
}


/** Every issue of `sources`, one manifest each; resolves when the inbox has announced every manifest. */
export async function publishSources(stack: LocalStack, sources: readonly JournalSources[], options: PublishOptions = {}): Promise<string[]> {
  const bucket = stack.bucket('InboxBucket');
  const inbox = createObjectStore(stack.clients.s3, bucket);
  const now = options.now ?? (() => new Date());
  const keys: string[] = [];
  for (const journal of sources) {
    // Files are kept under the id journal.yaml gives (as Ingest expects them), read from that file alone.
    // Not from loading the whole journal: that cost the pipeline bench ~2 s of this thread's CPU
    // before its first upload, and named the folder instead when any other issue had a problem.
    const id = journalIdOf(journal);
    for (const issue of journal.issues) {
      const files = (options.files ?? filesOfIssue)(issue);
      const sent = await uploadIssue(inbox, { ...journal, issues: [issue] }, newBatchId(now(), randomBytes(3).toString('hex')), { files, journalId: id, ...(options.publishEarly === true ? { publishEarly: true } : {}) });
      options.onUploaded?.(sent);
      keys.push(sent.manifestKey);
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
