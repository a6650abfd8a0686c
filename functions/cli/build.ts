/**
 * The build, in memory: every file of every issue, then each journal's site files (home, 404,
 * issue pages, sitemap, robots.txt), at their paths below the output folder (`<journal.id>/<key>`),
 * before anything touches the disk: `<out>/<journal>/` is a complete static site. Keys come from
 * core/publish, core/site and core/urls only.
 */
import { join, posix } from 'node:path';
import { citeproc } from '#core/cite/engine';
import type { IssueBundle } from '#core/model/index';
import { renderIssueOutputs } from '#core/publish/outputs';
import { FAVICON_KEY, faviconBytes } from '#core/site/favicon';
import { renderSiteOutputs } from '#core/site/index';
import { coverKey, galleyKey } from '#core/urls';
import type { LoadedIssue } from './check.ts';
import { BATCH_ID_MAX, derivedBatchId, derivedTimestamp } from './defaults.ts';

/** A file to write (`body`) or a galley or cover to copy (`copyFrom`), at `path` relative to the output folder. */
export type PlannedFile = { readonly path: string; readonly body: string | Uint8Array } | { readonly path: string; readonly copyFrom: string };

export type BuildPlan = {
  /** The top folders of the output this build replaces: one per journal. */
  readonly journals: readonly string[];
  readonly files: readonly PlannedFile[];
  readonly issues: number;
  readonly articles: number;
};

export type BuildOptions = {
  /** Overrides the derived timestamp of every deposit. */
  readonly timestamp?: string | undefined;
  /** Overrides the derived batch id; with several issues, `-<issue id>` is appended to keep each unique. */
  readonly batchId?: string | undefined;
  /** Called after each issue is rendered. */
  readonly onIssue?: (done: { readonly issues: number; readonly articles: number }, issue: LoadedIssue) => void;
};

/** A bug, not bad data: the checks before the build should have made it impossible. */
export class BuildError extends Error {
  override readonly name = 'BuildError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A key must stay inside its journal's folder whatever a DOI holds. */
function safePath(journal: string, key: string): string {
  const path = posix.normalize(`${journal}/${key}`);
  if (path.startsWith('../') || path.startsWith('/') || !path.startsWith(`${journal}/`) || key.includes('\\')) {
    throw new BuildError(`output key ${JSON.stringify(key)} would leave the folder of journal ${journal}`);
  }
  return path;
}

/** One deposit per issue, each with its own batch id: the given one, made unique when there are several issues. */
function issueBatchId(given: string, issues: number, n: number, issueId: string): string {
  if (issues === 1) return given;
  const named = `${given}-${issueId}`;
  return [...named].length <= BATCH_ID_MAX ? named : `${given}-${n + 1}`;
}

/** Groups loaded issues by journal id, in the order journals first appear; linked, so a table of contents knows which articles are retracted. */
function byJournal(issues: readonly LoadedIssue[]): Map<string, IssueBundle[]> {
  const groups = new Map<string, IssueBundle[]>();
  for (const { linked } of issues) groups.set(linked.journal.id, [...(groups.get(linked.journal.id) ?? []), linked]);
  return groups;
}

/** Renders every issue and every journal's site files; throws BuildError when two files would land on one path. */
export function planBuild(issues: readonly LoadedIssue[], options: BuildOptions = {}): BuildPlan {
  const files: PlannedFile[] = [];
  const seen = new Set<string>();
  const add = (file: PlannedFile): void => {
    const folded = file.path.toLowerCase(); // case-insensitive file systems (macOS, Windows) would merge these
    if (seen.has(folded)) throw new BuildError(`two outputs at ${file.path}`);
    seen.add(folded);
    files.push(file);
  };
  let articles = 0;
  for (const [n, issue] of issues.entries()) {
    // The outputs show related articles' titles and the notices about each article (check.ts links them).
    const bundle = issue.linked;
    const journal = bundle.journal.id;
    const batchId = options.batchId === undefined ? derivedBatchId(bundle) : issueBatchId(options.batchId, issues.length, n, bundle.issue.id);
    const timestamp = options.timestamp ?? derivedTimestamp(bundle);
    const outputs = renderIssueOutputs(bundle, { batchId, timestamp }, { engine: citeproc });
    for (const output of outputs) add({ path: safePath(journal, output.key), body: output.body });
    for (const article of bundle.articles) {
      for (const galley of article.galleys) {
        const key = galleyKey(article.doi, galley);
        if (key !== undefined && galley.path !== undefined) add({ path: safePath(journal, key), copyFrom: join(issue.dir, galley.path) });
      }
    }
    // The cover sits beside the issue page, which shows it once its file is checked (core/site/cover.ts).
    const { cover } = bundle.issue;
    if (cover?.file !== undefined) add({ path: safePath(journal, coverKey(journal, bundle.issue.id, cover)), copyFrom: join(issue.dir, cover.path) });
    articles += bundle.articles.length;
    options.onIssue?.({ issues: n + 1, articles }, issue);
  }
  for (const [journal, bundles] of byJournal(issues)) {
    for (const output of renderSiteOutputs(bundles)) add({ path: safePath(journal, output.key), body: output.body });
    // The site's root icon, as the stage's Site function writes it (core/site/favicon.ts).
    add({ path: safePath(journal, FAVICON_KEY), body: faviconBytes() });
  }
  return { journals: [...new Set(issues.map((i) => i.bundle.journal.id))], files, issues: issues.length, articles };
}
