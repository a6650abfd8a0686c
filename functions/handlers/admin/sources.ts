/**
 * An issue as the console edits it: the files of its latest publish (read back from the inbox,
 * exactly what Ingest loaded) with the editors' drafts in place of their articles' files. Checked
 * with the same loader and rules as `colophon validate` (the model's rules and Crossref's limits),
 * so the console shows the same problems, field paths and hints as the CLI.
 */
import { stringify } from 'yaml';
import { readIssue, MANIFEST_FILE, INBOX_PREFIX, type Manifest } from '#adapters/inbox';
import type { ObjectStore } from '#adapters/object-store';
import type { Draft } from '#adapters/staff-drafts';
import { crossrefIssueRules } from '#core/crossref/index';
import { articleId, loadJournal, type IssueBundle, type JournalSources, type Problem, type SourceFile } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';

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

/** A draft's fields as the YAML file an editor would write (block style, no line folding). */
export const articleYaml = (data: unknown): string => stringify(data, { lineWidth: 0 });

/** The fields of an article file, as the form edits them; undefined when the file does not parse. */
export function articleData(file: SourceFile): unknown {
  const parsed = parseYaml(file);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * A console-made issue's sources: the journal's file from one of its published issues, the new
 * issue's fields as its issue.yaml beside the journal's other issue folders, and no articles yet.
 */
export function newIssueSources(journal: JournalSources, issue: string, data: unknown): JournalSources {
  const dir = journal.journal.path.replace(/[^/\\]*$/, '');
  return { id: journal.id, journal: journal.journal, issues: [{ id: issue, issue: { path: `${dir}${issue}/issue.yaml`, text: articleYaml(data) }, articles: [] }] };
}

/** The article's file in the issue (by article id), or undefined. */
export const articleFile = (sources: JournalSources, article: string): SourceFile | undefined => sources.issues[0]?.articles.find((a) => articleId(a.path) === article);

/** The issue's file path for an article id: beside its other articles. */
function pathFor(sources: JournalSources, article: string): string {
  const issue = sources.issues[0]!;
  const dir = issue.issue.path.replace(/[^/\\]*$/, '');
  return `${dir}${article}.yaml`;
}

/** The sources with each draft's YAML in place of (or beside) its article's file. */
export function withDrafts(sources: JournalSources, drafts: readonly Pick<Draft, 'ref' | 'data'>[]): JournalSources {
  const issue = sources.issues[0];
  if (issue === undefined) return sources;
  const articles = [...issue.articles];
  for (const d of drafts) {
    const text = articleYaml(d.data);
    const at = articles.findIndex((a) => articleId(a.path) === d.ref.article);
    if (at >= 0) articles[at] = { path: articles[at]!.path, text };
    else articles.push({ path: pathFor(sources, d.ref.article), text });
  }
  return { ...sources, issues: [{ ...issue, articles }] };
}

export type Checked = { readonly ok: true; readonly bundle: IssueBundle } | { readonly ok: false; readonly problems: Problem[] };

/** The same check as `colophon validate` minus the files on disk (galleys were checked when they were published). */
export function checkIssue(sources: JournalSources): Checked {
  const loaded = loadJournal(sources, { rules: [crossrefIssueRules] });
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  return { ok: true, bundle: loaded.bundles[0]! };
}
