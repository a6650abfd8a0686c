/**
 * An article's published versions and where each came from (issue 15, "the console shows changes
 * that came from files"): `files` (colophon publish) or `console`, read from the manifest of the
 * batch that made the version (adapters/inbox.ts `source`). The console lists them beside its own
 * audit trail, so an editor sees that someone changed the article from the files, and when.
 */
import { batchSource, manifestKeyOf } from '#adapters/inbox';
import type { ObjectStore } from '#adapters/object-store';
import type { RecordsStore } from '#adapters/records';
import type { ArticleRef } from '#adapters/staff-items';

export type PublishedVersion = { readonly version: number; readonly at: string; readonly batchId: string; readonly source: 'files' | 'console' };

/** Newest first; [] for an article not published yet (a console draft only). */
export async function publishedVersions(deps: { readonly records: RecordsStore; readonly inbox: Pick<ObjectStore, 'getText'> }, ref: ArticleRef): Promise<PublishedVersion[]> {
  const head = (await deps.records.listIssueArticleMeta(ref.journal, ref.issue, { scheduled: true })).find((h) => h.articleId === ref.article);
  if (head === undefined) return [];
  const versions = await deps.records.listVersions(head.doi);
  const sources = new Map<string, Promise<'files' | 'console'>>();
  const sourceOf = (batchId: string, issue: string): Promise<'files' | 'console'> => {
    if (!sources.has(batchId)) sources.set(batchId, batchSource(deps.inbox, manifestKeyOf(ref.journal, issue, batchId)).then((s) => s ?? 'files'));
    return sources.get(batchId)!;
  };
  const out = await Promise.all(versions.map(async (v) => ({ version: v.version, at: v.createdAt, batchId: v.batchId, source: await sourceOf(v.batchId, v.issueId) })));
  return out.sort((a, b) => b.version - a.version);
}


/**
 * The versions published from files after the article's console draft was saved. The console
 * edits the draft's fields, not what the files published since: publishing the issue from the
 * console would put the draft's fields back over those changes. The console shows these, so the
 * editor compares before publishing (or discards the draft's stale fields by re-entering them).
 */
export function filesSinceDraft(versions: readonly PublishedVersion[], draft: { readonly at: string } | undefined): PublishedVersion[] {
  if (draft === undefined) return [];
  return versions.filter((v) => v.source === 'files' && v.at > draft.at);
}
