/**
 * An issue's cover image beside its issue page: copied from the files Ingest checked (the inbox's
 * `galleys/` prefix, by content hash) with its image Content-Type, unless the site already holds
 * these very bytes there. The bytes are hashed again first, so nothing but the checked file reaches
 * readers. Without a checked file the pages show no cover (core/site/cover.ts), so nothing is copied.
 */
import { sha256 } from '#adapters/content-hash';
import { RecordNotFoundError } from '#adapters/errors';
import { attachedFileKey } from '#adapters/inbox-keys';
import type { ObjectStore } from '#adapters/object-store';
import { COVER_FORMATS, coverFormat } from '#core/model/file-kinds';
import type { Issue } from '#core/model/index';
import { cacheControlFor } from '#core/site/index';
import { coverKey } from '#core/urls';

export type CoverDeps = {
  readonly site: Pick<ObjectStore, 'head' | 'put'>;
  /** Where Ingest keeps the files the metadata names (the inbox's `galleys/` prefix). */
  readonly files?: Pick<ObjectStore, 'getBytes'> | undefined;
};

/** Publishes the issue's checked cover; `true` when it was written, `false` when already there or there is none. */
export async function publishCover(deps: CoverDeps, journalId: string, issue: Issue): Promise<boolean> {
  const cover = issue.cover;
  const format = cover === undefined ? undefined : coverFormat(cover.path);
  if (cover?.file === undefined || format === undefined) return false;
  const key = coverKey(journalId, issue.id, cover);
  const contentType = COVER_FORMATS[format];
  const there = await deps.site.head(key);
  if (there?.sha256 === cover.file.sha256 && there.contentType === contentType) return false;
  const source = attachedFileKey(journalId, cover.file.sha256);
  const bytes = await deps.files?.getBytes(source);
  if (bytes === undefined) throw new RecordNotFoundError(`cover ${cover.path} of issue ${journalId}/${issue.id} is not in the file store (${source})`);
  if (sha256(bytes) !== cover.file.sha256) throw new RecordNotFoundError(`cover ${cover.path} of issue ${journalId}/${issue.id}: the stored file does not match its hash`);
  await deps.site.put(key, bytes, { contentType, cacheControl: cacheControlFor(key) });
  return true;
}
