/**
 * The guard between files and the console (issue 15): `colophon publish` from files must not
 * overwrite what editors changed in the console since the files were pulled (pull-base.ts) or,
 * without a pull, since the last publish from files. Only what this publish would change is
 * looked at: an article whose file gives the content the stage already has is no conflict.
 *
 * A conflict is, for an article the files would change:
 * - its current version came from a console publish (the batch's manifest says `source:
 *   console`) that the files' base does not cover (the base has an older version, or there is none);
 * - or it has a console draft not published yet (publishing the draft later would overwrite the
 *   files' change, and the draft's editor would not know of it);
 * and, for issue.yaml (the console edits the table of contents), the issue record's current
 * content came from a console publish the base does not cover.
 */
import { recordHash } from '#adapters/content-hash';
import type { Head, IssueRecord } from '#adapters/records';
import type { Draft } from '#adapters/staff-drafts';
import type { IssueBundle } from '#core/model/index';
import type { PulledBase } from './pull-base.ts';

export type BatchSource = 'files' | 'console';

export type Conflict =
  | { readonly kind: 'console'; readonly what: string; readonly file: string; readonly version: number; readonly at: string }
  | { readonly kind: 'draft'; readonly what: string; readonly file: string; readonly version: number; readonly at: string };

export type GuardInput = {
  /** The issue as the files give it (the bundle publish hashes, as Ingest does). */
  readonly bundle: IssueBundle;
  /** The file each article comes from, by article id (for messages). */
  readonly fileOf: (articleId: string) => string;
  readonly issueFile: string;
  readonly heads: ReadonlyMap<string, Head>;
  readonly issueRecord: IssueRecord | undefined;
  readonly drafts: readonly Draft[];
  readonly base: PulledBase | undefined;
  /** Where a batch was made, from its manifest. */
  readonly sourceOf: (batchId: string) => Promise<BatchSource>;
};

/** Every console change these files would overwrite; [] when publishing them is safe. */
export async function consoleConflicts(input: GuardInput): Promise<Conflict[]> {
  const { bundle, base } = input;
  const conflicts: Conflict[] = [];
  const record = input.issueRecord;
  if (record !== undefined && record.hash !== recordHash({ journal: bundle.journal, issue: bundle.issue }) && base?.issue.hash !== record.hash && (await input.sourceOf(record.batchId)) === 'console') {
    conflicts.push({ kind: 'console', what: `${bundle.journal.id}/${bundle.issue.id} issue.yaml (the issue's own fields or its table of contents)`, file: input.issueFile, version: 0, at: record.updatedAt });
  }
  for (const article of bundle.articles) {
    const head = input.heads.get(article.doi.toLowerCase());
    if (head === undefined || head.hash === recordHash({ journal: bundle.journal, issue: bundle.issue, article })) continue;
    const file = input.fileOf(article.id);
    const draft = input.drafts.find((d) => d.ref.article === article.id && d.published === undefined);
    if (draft !== undefined) conflicts.push({ kind: 'draft', what: article.doi, file, version: draft.version, at: draft.at });
    const seen = base?.articles[article.doi.toLowerCase()];
    if (seen !== undefined && seen.version >= head.version) continue;
    if ((await input.sourceOf(head.batchId)) === 'console') conflicts.push({ kind: 'console', what: article.doi, file, version: head.version, at: head.createdAt });
  }
  return conflicts;
}

/** The lines that tell staff what the guard found and what to do. */
export function conflictReport(conflicts: readonly Conflict[], pull: string): string[] {
  return [
    `colophon publish: the console changed ${conflicts.length === 1 ? 'this' : `these ${conflicts.length}`} since your files were pulled (or last published from files); publishing would overwrite ${conflicts.length === 1 ? 'it' : 'them'}, so nothing was uploaded:`,
    ...conflicts.map((c) =>
      c.kind === 'draft'
        ? `  ${c.what} (${c.file}): has a console draft not published yet (draft version ${c.version}, saved ${c.at})`
        : `  ${c.what} (${c.file}): published from the console${c.version > 0 ? ` as version ${c.version}` : ''} at ${c.at}`,
    ),
    `What to do: run ${pull} to bring the console's published changes into your files (then redo your own edits where they differ, and publish); a draft must be published or left in the console first. Or publish again with --force to overwrite the console's changes with your files.`,
  ];
}
