/**
 * The guard of publish-guard.ts against a stage: reads each issue's heads, record and console
 * drafts, the base beside its files, and the manifests of the batches that made them.
 */
import { dirname } from 'node:path';
import { batchSource, manifestKeyOf } from '#adapters/inbox';
import { articleId, type IssueBundle, type JournalSources } from '#core/model/index';
import { readBase } from './pull-base.ts';
import { consoleConflicts, type BatchSource, type Conflict } from './publish-guard.ts';
import type { StageTarget } from './stage.ts';

export type GuardedIssue = { readonly sources: JournalSources; readonly bundle: IssueBundle; readonly dir: string };

/** The conflicts of every issue about to be published, in order. */
export async function stageConflicts(target: StageTarget, issues: readonly GuardedIssue[]): Promise<Conflict[]> {
  const [{ createRecordsStore }, { createObjectStore }, { createDraftStore }] = await Promise.all([import('#adapters/records'), import('#adapters/object-store'), import('#adapters/staff-drafts')]);
  const records = createRecordsStore(target.documents, target.outputs.TableName);
  const drafts = createDraftStore(target.documents, target.outputs.TableName);
  const inbox = createObjectStore(target.s3, target.outputs.InboxBucketName);
  const sources = new Map<string, Promise<BatchSource>>();
  const found: Conflict[] = [];
  for (const { sources: journal, bundle, dir } of issues) {
    const issueId = bundle.issue.id;
    // The batch sits under the journal's folder name on the stage: its id, or the folder of whoever published it.
    const folders = [...new Set([bundle.journal.id, journal.id])];
    const sourceOf = (batchId: string): Promise<BatchSource> => {
      if (!sources.has(batchId)) sources.set(batchId, sourceOfBatch(inbox, folders, issueId, batchId));
      return sources.get(batchId)!;
    };
    const heads = new Map((await records.listIssueArticleMeta(bundle.journal.id, issueId, { scheduled: true })).map((h) => [h.doi.toLowerCase(), h]));
    const files = journal.issues[0]?.articles ?? [];
    found.push(
      ...(await consoleConflicts({
        bundle,
        fileOf: (id) => files.find((f) => articleId(f.path) === id)?.path ?? `${id}.yaml`,
        issueFile: journal.issues[0]?.issue.path ?? `${dir}/issue.yaml`,
        heads,
        issueRecord: await records.getIssue(bundle.journal.id, issueId),
        drafts: await drafts.listIssue(bundle.journal.id, issueId),
        base: readBase(dir, target.outputs.TableName),
        sourceOf,
      })),
    );
  }
  return found;
}

/** Where a batch was made, from its manifest; a batch whose manifest is not found counts as made from files. */
async function sourceOfBatch(inbox: { getText: (key: string) => Promise<string | undefined> }, folders: readonly string[], issue: string, batchId: string): Promise<BatchSource> {
  for (const folder of folders) {
    const found = await batchSource(inbox, manifestKeyOf(folder, issue, batchId));
    if (found !== undefined) return found;
  }
  return 'files';
}

/** The metadata folder an issue folder sits in (what `colophon pull --out` takes). */
export const metadataDirOf = (issueDir: string): string => dirname(dirname(issueDir));
