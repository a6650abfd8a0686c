/**
 * An issue as the console edits it: the files of its latest publish (read back from the inbox,
 * exactly what Ingest loaded) with the editors' drafts in place of their articles' files. What
 * parses, writes or checks their YAML is in metadata.ts, which Admin loads on first use (issue 16,
 * cold start); `AdminMetadata` is that module's shape, as the routes are given it.
 */
import { readIssue, MANIFEST_FILE, INBOX_PREFIX, type Manifest } from '#adapters/inbox';
import type { ObjectStore } from '#adapters/object-store';
import { articleId } from '#core/model/article-id';
import type { JournalSources, SourceFile } from '#core/model/index';
import type * as Metadata from './metadata.ts';

export type AdminMetadata = typeof Metadata;
/** metadata.ts, imported on the first call (handlers/admin.ts). */
export type LoadMetadata = () => Promise<AdminMetadata>;

export type IssueSources = { readonly manifest: Manifest; readonly sources: JournalSources };

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/**
 * The sources of the issue's latest publish (`batchId` from its record), as Ingest read them. The
 * batch sits under the journal's folder name, which is usually its id; otherwise it is found by
 * its batch id (unique: time to the millisecond and a random suffix).
 */
export async function publishedSources(inbox: ObjectStore, journal: string, issue: string, batchId: string): Promise<IssueSources> {
  let key = `${INBOX_PREFIX}${journal}/${issue}/${batchId}/${MANIFEST_FILE}`;
  if ((await inbox.head(key)) === undefined) key = (await inbox.list(INBOX_PREFIX)).find((k) => k.endsWith(`/${issue}/${batchId}/${MANIFEST_FILE}`)) ?? key;
  const read = await readIssue(inbox, key);
  if (!read.ok) throw new NotFoundError(`the files of issue ${journal}/${issue} (batch ${batchId}) are not in the inbox: ${read.reason}`);
  return { manifest: read.manifest, sources: read.sources };
}

/** The article's file in the issue (by article id), or undefined. */
export const articleFile = (sources: JournalSources, article: string): SourceFile | undefined => sources.issues[0]?.articles.find((a) => articleId(a.path) === article);
