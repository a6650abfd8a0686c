/**
 * The metadata side of the console: the YAML an editor would write, read back and checked with the
 * same loader and rules as `colophon validate` (the model's zod schemas and Crossref's limits), so
 * the console shows the same problems, field paths and hints as the CLI. Bundled on its own
 * (metadata.mjs, functions/handlers/bundled-modules.ts): the YAML parser and the model are a fifth
 * of Admin's bundle, and the catalog, status lists, versions and users never need them, so a cold
 * start does not parse them (issue 16); the first request that edits or checks an issue imports it.
 */
import { stringify } from 'yaml';
import type { Draft } from '#adapters/staff-drafts';
import { crossrefIssueRules } from '#core/crossref/index';
import { articleId, loadJournal, type IssueBundle, type JournalSources, type Problem, type SourceFile } from '#core/model/index';
import { parseYaml } from '#core/model/yaml-source';

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

/** The sources with issue.yaml holding `data`. */
export function withIssueFile(sources: JournalSources, data: Record<string, unknown>): JournalSources {
  const issue = sources.issues[0];
  if (issue === undefined) return sources;
  return { ...sources, issues: [{ ...issue, issue: { path: issue.issue.path, text: articleYaml(data) } }] };
}

export type Checked = { readonly ok: true; readonly bundle: IssueBundle } | { readonly ok: false; readonly problems: Problem[] };

/** The same check as `colophon validate` minus the files on disk (galleys were checked when they were published). */
export function checkIssue(sources: JournalSources): Checked {
  const loaded = loadJournal(sources, { rules: [crossrefIssueRules] });
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  return { ok: true, bundle: loaded.bundles[0]! };
}
