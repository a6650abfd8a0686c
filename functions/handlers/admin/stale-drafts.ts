/**
 * Drafts the metadata files have overtaken (issue 15, files stay first-class). A console draft
 * holds the article's fields as they were when it was saved; if `colophon publish` published the
 * article again after that, publishing the draft would put its old fields back over the files'
 * change, silently. The console's publish refuses such drafts (409) and says what to do.
 */
import type { ObjectStore } from '#adapters/object-store';
import type { RecordsStore } from '#adapters/records';
import type { Draft, DraftStore } from '#adapters/staff-drafts';
import type { ArticleRef } from '#adapters/staff-items';
import { changedFields } from './changes.ts';
import { json, type Result } from './http.ts';
import { filesSinceDraft, publishedVersions, type PublishedVersion } from './versions.ts';

export type StaleDraft = { readonly article: string; readonly draft: { readonly version: number; readonly at: string }; readonly filesVersions: readonly PublishedVersion[] };

/** The drafts (of one issue) saved before a version of their article published from files. */
export async function staleDrafts(deps: { readonly records: RecordsStore; readonly inbox: Pick<ObjectStore, 'getText'> }, drafts: readonly Draft[]): Promise<StaleDraft[]> {
  const out = await Promise.all(drafts.map(async (d): Promise<StaleDraft | undefined> => {
    const newer = filesSinceDraft(await publishedVersions(deps, d.ref), d);
    return newer.length === 0 ? undefined : { article: d.ref.article, draft: { version: d.version, at: d.at }, filesVersions: newer };
  }));
  return out.filter((s): s is StaleDraft => s !== undefined);
}

/** The 409 answer's words: what changed, per article, and what the editor does about it. */
export function staleDraftsMessage(stale: readonly StaleDraft[]): string {
  const each = stale.map((s) => {
    const versions = s.filesVersions.map((v) => `version ${v.version} (${v.at})`).join(', ');
    return `"${s.article}": its draft (version ${s.draft.version}, saved ${s.draft.at}) is older than ${versions} published from the metadata files`;
  });
  return `Nothing was published: ${each.join('; ')}. Publishing now would put the draft's old fields back over what the files changed. `
    + 'What to do: open the article and save it: the console then shows your draft beside the version the files published and starts the draft again from the files\' version; bring your changes into it, save, and publish again.';
}

export type RebaseDeps = {
  readonly records: RecordsStore;
  readonly inbox: Pick<ObjectStore, 'getText'>;
  readonly drafts: Pick<DraftStore, 'get' | 'save'>;
  readonly now: () => Date;
  /** The article's fields as the latest publish has them (undefined: not in it). */
  readonly publishedData: (ref: ArticleRef) => Promise<Record<string, unknown> | undefined>;
};

/**
 * Before a save over a draft the files have overtaken: the draft becomes the version the files
 * published (a save by this editor, in the audit trail) and the editor's fields come back
 * unsaved, as a conflict (409, `yours` and `theirs` as for two editors' saves). The editor merges
 * their changes into the files' version and saves again, on a draft that now starts from it.
 * Undefined when the draft is not stale (the save goes ahead as usual).
 */
export async function rebaseStaleDraft(deps: RebaseDeps, by: string, ref: ArticleRef, baseVersion: number, data: Record<string, unknown>): Promise<Result | undefined> {
  const draft = await deps.drafts.get(ref);
  if (draft === undefined || draft.version !== baseVersion) return undefined;
  const [stale] = await staleDrafts(deps, [draft]);
  const files = stale === undefined ? undefined : await deps.publishedData(ref);
  if (stale === undefined || files === undefined) return undefined;
  const at = deps.now().toISOString();
  const saved = await deps.drafts.save(ref, draft.version, files, by, at, changedFields(draft.data, files));
  if (!saved.ok) return undefined; // another save came first: the usual conflict answers
  const versions = stale.filesVersions.map((v) => `version ${v.version} (${v.at})`).join(', ');
  return json(409, {
    message: `Not saved: this article was published from the metadata files (${versions}) after its draft was saved, so the form held fields older than the files'. `
      + `The draft is now the files' version (draft version ${saved.draft.version}). Compare it with your fields below, bring your changes into it, and save again.`,
    stale,
    yours: { version: baseVersion, data },
    theirs: { version: saved.draft.version, data: files, by: 'the metadata files (colophon publish)', at: stale.filesVersions[0]!.at },
  });
}
